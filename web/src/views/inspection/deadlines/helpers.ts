// Pure helpers of 期限看板 (GET /inspection/deadlines): a countdown in words and its colour (the
// level comes from the server: green, yellow within 3 working days, red once overdue); a task's
// 公示期限 (running, all published, not started while the window runs, or not set by the policy
// profile); the records of a task per status; the objections' stage; and the order the board
// shows them in (the most urgent first).
import type { Deadline, DeadlineLevel, DeadlineObjection, DeadlineTask } from '@/api/publicity'
import type { RecordStatus } from '@/api/inspection'
import type { TagType } from '@/utils/dict'
import { kRecordStatuses } from '@/views/inspection/record/helpers'

/** The tag colour of a level. */
export function levelTag(level: DeadlineLevel | string | null | undefined): TagType {
  if (level === 'red') return 'danger'
  if (level === 'yellow') return 'warning'
  if (level === 'green') return 'success'
  return 'info'
}

/**
 * A countdown in words: “还剩 5 个工作日（2026-12-20 到期）”, “今日到期”, “已逾期 2 个工作日”;
 * with no due date yet: “还剩 N 个工作日（到期日待次年节假日安排公布后确定）”.
 */
export function deadlineText(d: Pick<Deadline, 'due' | 'days_left'>): string {
  if (d.days_left < 0) return `已逾期 ${-d.days_left} 个工作日${d.due ? `（${d.due} 到期）` : ''}`
  if (d.days_left === 0) return `今日到期${d.due ? `（${d.due}）` : ''}`
  return `还剩 ${d.days_left} 个工作日${d.due ? `（${d.due} 到期）` : '（到期日待次年节假日安排公布后确定）'}`
}

/** A short form for a tag: “剩 5 个工作日”, “今日到期”, “逾期 2 个工作日”. */
export function deadlineShort(d: Pick<Deadline, 'days_left'>): string {
  if (d.days_left < 0) return `逾期 ${-d.days_left} 个工作日`
  if (d.days_left === 0) return '今日到期'
  return `剩 ${d.days_left} 个工作日`
}

/** A task's 公示期限 as the board shows it. */
export function publishState(task: Pick<DeadlineTask, 'done' | 'publish' | 'end_date' | 'total'>, today: string): { text: string; tag: TagType; short: string } {
  if (task.publish) return { text: deadlineText(task.publish), tag: levelTag(task.publish.level), short: deadlineShort(task.publish) }
  if (task.done) return { text: '检查结果已全部公示', tag: 'success', short: '已全部公示' }
  if (!task.total) return { text: '尚无检查记录', tag: 'info', short: '无记录' }
  if (today && task.end_date && today <= task.end_date) return { text: `检查期内，${task.end_date} 检查结束后起算`, tag: 'info', short: '检查期内' }
  return { text: '制度模板未设置公示期限', tag: 'info', short: '未设期限' }
}

export interface StatusCount {
  status: RecordStatus
  label: string
  tag: TagType
  count: number
}

/** The records of a task per status, in the order a record goes through them (zeros included). */
export function statusCounts(counts: Partial<Record<string, number>> | null | undefined): StatusCount[] {
  return kRecordStatuses.map((s) => ({ status: s.value, label: s.label, tag: s.tag ?? 'info', count: counts?.[s.value] ?? 0 }))
}

/** How far the task is: published of total, as a percentage (0 when there is nothing). */
export function publishedPercent(task: Pick<DeadlineTask, 'counts' | 'total'>): number {
  if (!task.total) return 0
  return Math.round(((task.counts.published ?? 0) / task.total) * 100)
}

export const stageLabel = (stage: string) => (stage === 'notify' ? '反馈当事人' : '复查')

/** What is due at the stage: “复查期限 2026-12-20”, or the working days when no date is known. */
export function stageDue(o: Pick<DeadlineObjection, 'stage' | 'review_due' | 'notify_due'>): string {
  const due = o.stage === 'notify' ? o.notify_due : o.review_due
  const what = o.stage === 'notify' ? '反馈期限' : '复查期限'
  return due ? `${what} ${due}` : `${what}按工作日计算`
}

/** Days left, the most urgent first; a countdown the profile does not set goes last. */
function urgency(d: Deadline | null | undefined): number {
  return d ? d.days_left : Number.POSITIVE_INFINITY
}

/**
 * Tasks with a running 公示期限 first (fewest days left first), then those still in their
 * window, then the ones without a countdown; the server's order otherwise.
 */
export function sortTasks(tasks: readonly DeadlineTask[]): DeadlineTask[] {
  return tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => {
      const rank = (t: DeadlineTask) => (t.publish ? 0 : t.done ? 2 : 1)
      return rank(a.t) - rank(b.t) || urgency(a.t.publish) - urgency(b.t.publish) || a.i - b.i
    })
    .map((x) => x.t)
}

export function sortObjections(items: readonly DeadlineObjection[]): DeadlineObjection[] {
  return items
    .map((o, i) => ({ o, i }))
    .sort((a, b) => urgency(a.o.countdown) - urgency(b.o.countdown) || a.i - b.i)
    .map((x) => x.o)
}
