// Pure helpers of 我的检查记录 (GET /my/inspections): the records grouped by task, the tasks whose
// window contains today first (今日检查), then the others (upcoming ones by start, then ended ones,
// latest first); inside a task what needs the team first (退回, 待录入); and the words for an
// account that is not linked to an inspector.
import type { MyInspection } from '@/api/inspection'
import { statusPriority } from '@/views/inspection/record/helpers'
import { isNotAnInspector as notAnInspector } from '@/views/my/assignments/helpers'

export const isNotAnInspector = notAnInspector

export const kNoInspectorAdvice =
  '“我的检查记录”只对已关联执法检查人员名录的账号开放。如您是执法检查人员，请联系本单位名录管理人员关联账号。'

export interface InspectionTask {
  task_id: number
  task_code: string
  task_name: string
  start_date: string
  end_date: string
  /** Today is inside the window. */
  in_window: boolean
  /** 组长 of at least one record. */
  leads: boolean
  /** Records 待录入 or 退回 (what the team still has to do). */
  open: number
  records: MyInspection[]
}

/** The records grouped by task, each task once, records ordered by what needs doing first. */
export function groupByTask(rows: readonly MyInspection[]): InspectionTask[] {
  const byTask = new Map<number, InspectionTask>()
  for (const row of rows) {
    let task = byTask.get(row.task_id)
    if (!task) {
      task = {
        task_id: row.task_id,
        task_code: row.task_code,
        task_name: row.task_name,
        start_date: row.start_date,
        end_date: row.end_date,
        in_window: false,
        leads: false,
        open: 0,
        records: [],
      }
      byTask.set(row.task_id, task)
    }
    if (row.in_window) task.in_window = true
    if (row.role === '组长') task.leads = true
    if (row.status === 'pending' || row.status === 'returned') task.open++
    task.records.push(row)
  }
  const tasks = [...byTask.values()]
  for (const t of tasks) t.records.sort((a, b) => statusPriority(a.status) - statusPriority(b.status))
  return tasks
}

/**
 * 今日检查 (windows containing today, in the server's order) and the others: upcoming windows
 * first, soonest first, then ended ones, latest first. `today` is "YYYY-MM-DD".
 */
export function splitByToday(rows: readonly MyInspection[], today: string): { today: InspectionTask[]; others: InspectionTask[] } {
  const tasks = groupByTask(rows)
  const now = tasks.filter((t) => t.in_window)
  const upcoming = tasks.filter((t) => !t.in_window && t.start_date > today).sort((a, b) => a.start_date.localeCompare(b.start_date))
  const ended = tasks.filter((t) => !t.in_window && t.start_date <= today).sort((a, b) => b.end_date.localeCompare(a.end_date))
  return { today: now, others: [...upcoming, ...ended] }
}

/** 检查期间 / 未开始 / 已结束 of a task's window. */
export function windowText(task: Pick<InspectionTask, 'start_date' | 'end_date' | 'in_window'>, today: string): string {
  if (task.in_window) return '检查期间'
  if (today < task.start_date) return '未开始'
  if (today > task.end_date) return '已结束'
  return '检查期间'
}
