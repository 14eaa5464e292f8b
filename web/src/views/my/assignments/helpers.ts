// Pure helpers of 我的检查任务 (GET /my/assignments): the rows grouped by task in the order the
// server sends them (window start first), the task's status in words, the declaration form and
// its body, and telling the refusal of an account without an inspector record from other errors.
import { isApiError } from '@/api/http'
import type { Assignment, DeclarationInput, TaskStatus, WithdrawCategory } from '@/api/task'
import { reasonProblem } from '@/views/task/list/changes'
import { statusLabel } from '@/views/task/list/helpers'

/** The server's code for an account that is not linked to an inspector record. */
export const kNotAnInspector = 'task.not_an_inspector'

export const kNoInspectorAdvice =
  '“我的检查任务”只对已关联执法检查人员名录的账号开放。如您是执法检查人员，请联系本单位名录管理人员关联账号。'

/** True for the 403 of an account without an inspector record (the page then explains). */
export function isNotAnInspector(error: unknown): boolean {
  return isApiError(error) && error.code === kNotAnInspector
}

export interface AssignedTask {
  task_id: number
  task_code: string
  task_name: string
  status: TaskStatus
  status_name: string
  start_date: string
  end_date: string
  /** 组长 of at least one target. */
  leads: boolean
  targets: Pick<Assignment, 'target_id' | 'target_code' | 'target_name' | 'address' | 'role'>[]
}

/** The rows grouped by task, each task once, in the order of its first row. */
export function groupAssignments(rows: readonly Assignment[]): AssignedTask[] {
  const byTask = new Map<number, AssignedTask>()
  for (const row of rows) {
    let task = byTask.get(row.task_id)
    if (!task) {
      task = {
        task_id: row.task_id,
        task_code: row.task_code,
        task_name: row.task_name,
        status: row.status,
        status_name: statusLabel(row.status),
        start_date: row.start_date,
        end_date: row.end_date,
        leads: false,
        targets: [],
      }
      byTask.set(row.task_id, task)
    }
    if (row.role === '组长') task.leads = true
    task.targets.push({ target_id: row.target_id, target_code: row.target_code, target_name: row.target_name, address: row.address, role: row.role })
  }
  return [...byTask.values()]
}

/** Whether the inspection window is under way (`today` "YYYY-MM-DD", China date). */
export function windowState(task: Pick<AssignedTask, 'start_date' | 'end_date'>, today: string): 'before' | 'during' | 'after' {
  if (today < task.start_date) return 'before'
  if (today > task.end_date) return 'after'
  return 'during'
}

export interface DeclareForm {
  category: WithdrawCategory | ''
  reason: string
  /** The target concerned (a 回避 about one firm); undefined for the whole task. */
  target_id: number | undefined
}

export function blankDeclareForm(targetId?: number): DeclareForm {
  return { category: targetId ? '回避' : '', reason: '', target_id: targetId }
}

export function declareProblems(form: DeclareForm): { category: string; reason: string } {
  return { category: form.category ? '' : '请选择申报原因', reason: reasonProblem(form.reason, '申报说明') }
}

export function declarationOf(form: DeclareForm): DeclarationInput {
  const input: DeclarationInput = { category: form.category as WithdrawCategory, reason: form.reason.trim() }
  if (form.target_id) input.target_id = form.target_id
  return input
}
