// Pure helpers of 后续处置 (GET /follow-ups): the tabs, a deadline in words (calendar days: the
// deadline of a 责令改正 is a date set on site) and how urgent it looks, the order of the open
// list (the earliest deadline first, those without one last), the search over the list, what
// the 办结 form accepts (2–500 characters, as the server) and the phrases it offers per kind.
import type { FollowUp, FollowUpStatus } from '@/api/report'

export const kFollowUpTabs: readonly { value: FollowUpStatus; label: string }[] = [
  { value: 'open', label: '未办结' },
  { value: 'closed', label: '已办结' },
]

/** The tab a `?status=` query names, else 未办结. */
export function tabOf(value: unknown): FollowUpStatus {
  return value === 'closed' ? 'closed' : 'open'
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); NaN when either is unreadable. */
export function daysBetween(from: string, to: string): number {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
  }
  return Math.round((parse(to) - parse(from)) / 86_400_000)
}

export type Urgency = 'overdue' | 'soon' | 'normal' | 'none'

/** How the deadline of an open action looks: overdue (red), within 3 days (yellow), else plain. */
export function urgencyOf(f: Pick<FollowUp, 'deadline' | 'overdue' | 'status'>, today: string): Urgency {
  if (f.status !== 'open' || !f.deadline) return 'none'
  if (f.overdue) return 'overdue'
  const left = daysBetween(today, f.deadline)
  if (Number.isNaN(left)) return 'normal'
  if (left < 0) return 'overdue'
  return left <= 3 ? 'soon' : 'normal'
}

/** “已逾期 3 天”, “今日到期”, “剩 5 天”; '' for a closed action or one without a deadline. */
export function deadlineHint(f: Pick<FollowUp, 'deadline' | 'overdue' | 'status'>, today: string): string {
  if (f.status !== 'open' || !f.deadline) return ''
  const left = daysBetween(today, f.deadline)
  if (Number.isNaN(left)) return f.overdue ? '已逾期' : ''
  if (f.overdue || left < 0) return left < 0 ? `已逾期 ${-left} 天` : '已逾期'
  if (left === 0) return '今日到期'
  return `剩 ${left} 天`
}

/** Open actions: the earliest deadline first, those without one last; the server's order otherwise. */
export function sortOpen(items: readonly FollowUp[]): FollowUp[] {
  return items
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const da = a.f.deadline || '9999-99-99'
      const db = b.f.deadline || '9999-99-99'
      return da < db ? -1 : da > db ? 1 : a.i - b.i
    })
    .map((x) => x.f)
}

/** The rows whose target, code, task, kind or text contain `q` (any case); all when `q` is blank. */
export function searchFollowUps(items: readonly FollowUp[], q: string, overdueOnly = false): FollowUp[] {
  const needle = q.trim().toLowerCase()
  return items.filter((f) => {
    if (overdueOnly && !f.overdue) return false
    if (!needle) return true
    return [f.target_name, f.target_code, f.task_code, f.kind, f.detail, f.outcome].some((s) => (s ?? '').toLowerCase().includes(needle))
  })
}

export const kMinOutcomeChars = 2
export const kMaxOutcomeChars = 500

/** Characters as the server counts them (code points, not UTF-16 units). */
export const charCount = (text: string) => [...text].length

/** What is wrong with an outcome, as the server would say it; '' when it is fine. */
export function outcomeProblem(text: string): string {
  const n = charCount(text.trim())
  if (n < kMinOutcomeChars) return '请填写办结情况（如复查结果、案件编号）'
  if (n > kMaxOutcomeChars) return `办结情况最多 ${kMaxOutcomeChars} 个字`
  return ''
}

/** Phrases offered under the outcome for the action's kind (the person completes them). */
export function outcomePhrases(kind: string): string[] {
  switch (kind) {
    case '责令改正':
      return ['经复查，已按期整改到位。', '经复查，逾期未整改，已立案查处，案件编号：', '经复查，部分整改，已再次责令限期改正。']
    case '移送办案机构':
      return ['已移送办案机构，案件编号：', '办案机构已立案，案件编号：']
    case '移送司法机关':
      return ['已移送司法机关，移送文书编号：']
    case '抄告相关部门':
      return ['已抄告相关部门，抄告函编号：']
    case '列入经营异常名录':
      return ['已列入经营异常名录，决定书编号：']
    default:
      return ['已处理完毕：']
  }
}

/** “T2026-00012 · 重庆某某公司” for the dialog's title line. */
export function followUpLabel(f: Pick<FollowUp, 'task_code' | 'target_name'>): string {
  return [f.task_code, f.target_name].filter(Boolean).join(' · ')
}

/** The rows of page `page` (from 1) of `size`; a page past the end gives the last page. */
export function pageSlice<T>(items: readonly T[], page: number, size: number): T[] {
  const pages = Math.max(1, Math.ceil(items.length / size))
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  return items.slice((p - 1) * size, p * size)
}
