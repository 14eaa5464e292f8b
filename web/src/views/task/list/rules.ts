// Client-side checks of the task form: name, items, the window (real dates in one year), the
// team (the policy's minimum, one per department), each participant and the capacity. Strata
// rows are checked as they are typed (their messages sit under the row); the server checks all of
// it again and names the bad input (useTaskErrors puts it there).
import type { FormItemRule } from 'element-plus'
import { kMaxCapacity, kMaxItems, kMaxNameChars, periodProblem, teamProblem, type TaskForm } from './helpers'

/** A rule whose message comes from `problem` ('' = fine); `required` only marks the label. */
function checkedBy(problem: () => string, trigger: string | string[] = 'blur', required = false): FormItemRule {
  return {
    required,
    trigger,
    validator: (_rule, _value: unknown, callback: (error?: Error) => void) => {
      const message = problem()
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

/** The rules of the form's fields (cross-field rules read `form` when they run). */
export function taskRules(form: TaskForm, minTeam: () => number): Record<string, FormItemRule[]> {
  return {
    name: [
      { required: true, whitespace: true, message: '请填写任务名称', trigger: 'blur' },
      { max: kMaxNameChars, message: `任务名称最多 ${kMaxNameChars} 个字`, trigger: 'blur' },
    ],
    item_ids: [
      checkedBy(
        () => {
          if (!form.item_ids.length) return '请至少选择一个抽查事项'
          if (form.item_ids.length > kMaxItems) return `一个任务最多 ${kMaxItems} 个事项`
          return ''
        },
        'change',
        true,
      ),
    ],
    start_date: [checkedBy(() => (form.start_date ? '' : '请选择开始日期'), 'change', true)],
    end_date: [checkedBy(() => (form.end_date ? periodProblem(form.start_date, form.end_date) : '请选择结束日期'), 'change', true)],
    team_size: [checkedBy(() => teamProblem(form.team_size, form.participants.length, minTeam()), 'change', true)],
    inspector_capacity: [
      checkedBy(
        () => {
          const n = form.inspector_capacity
          if (!n || n < 1 || n > kMaxCapacity) return `每名检查人员承担的户数应为 1–${kMaxCapacity}`
          return ''
        },
        'change',
        true,
      ),
    ],
  }
}
