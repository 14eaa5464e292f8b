// Pure helpers of 异议处理 (GET /objections): the statuses in words and as tabs, what can be done
// with an objection now (维持 / 更正 while it waits for review, 反馈当事人 once concluded and not
// yet told), the deadlines in words, and the checks of the 维持 and 反馈 forms (the server checks
// again).
import type { Objection, ObjectionStatus } from '@/api/publicity'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'
import { formatDateTime } from '@/utils/time'
import { reasonProblem } from '@/views/inspection/corrections/helpers'

export const kObjectionStatuses: Dict<ObjectionStatus> = [
  { value: 'pending', label: '待复查', tag: 'warning' },
  { value: 'correcting', label: '更正审批中', tag: 'primary' },
  { value: 'upheld', label: '已维持', tag: 'info' },
  { value: 'corrected', label: '已更正', tag: 'success' },
]

export const objectionStatusLabel = (s: string | null | undefined) => dictLabel(kObjectionStatuses, s)
export const objectionStatusTag = (s: string | null | undefined) => dictTag(kObjectionStatuses, s)

/** The tab a route query names (?status=), pending when it names none. */
export function tabOf(query: unknown): ObjectionStatus {
  const value = Array.isArray(query) ? query[0] : query
  return kObjectionStatuses.some((s) => s.value === value) ? (value as ObjectionStatus) : 'pending'
}

/** What the handler can do with the objection now (before the permission is considered). */
export function objectionActions(o: Pick<Objection, 'status' | 'notified_at'>): { decide: boolean; notify: boolean } {
  return {
    decide: o.status === 'pending',
    notify: (o.status === 'upheld' || o.status === 'corrected') && !o.notified_at,
  }
}

/** The review deadline in words. */
export function reviewDueText(o: Pick<Objection, 'review_due'>): string {
  return o.review_due ? `${o.review_due} 前复查` : '按工作日计算'
}

/** Where the telling of the firm stands: told when and how, or by when it is due. */
export function notifyText(o: Pick<Objection, 'status' | 'notified_at' | 'notify_due'>): string {
  if (o.notified_at) return `已于 ${formatDateTime(o.notified_at)} 反馈当事人`
  if (o.status === 'upheld' || o.status === 'corrected') return o.notify_due ? `应于 ${o.notify_due} 前反馈当事人` : '待反馈当事人'
  return '作出复查结论后反馈当事人'
}

/** Whether `due` ("YYYY-MM-DD") has passed on `today`. */
export function isOverdue(due: string | null | undefined, today: string): boolean {
  return !!due && !!today && today > due
}

export const upholdProblem = (reason: string) => reasonProblem(reason, '维持原结果的理由')
export const notifyProblem = (note: string) => reasonProblem(note, '反馈方式和情况')

/** A count per status, for the tabs (from a list holding every status). */
export function countByStatus(items: readonly Pick<Objection, 'status'>[]): Record<ObjectionStatus, number> {
  const out: Record<ObjectionStatus, number> = { pending: 0, correcting: 0, upheld: 0, corrected: 0 }
  for (const o of items) if (o.status in out) out[o.status]++
  return out
}
