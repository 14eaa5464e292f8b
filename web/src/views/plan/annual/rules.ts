// Client-side checks of the plan form: the plan's year and name, and each row's item, time (real
// dates inside the plan year, the end not before the start), ratio or count. The server checks all
// of it again and names the bad row and field ("rows[2].ratio"); those errors land on the same
// inputs (usePlanErrors).
import type { FormItemRule } from 'element-plus'
import {
  countProblem,
  dateProblem,
  duplicateItemProblem,
  endProblem,
  kMaxNameChars,
  kMaxPlanYear,
  kMaxScopeChars,
  kMinPlanYear,
  ratioProblem,
  sizeProblem,
  type PlanForm,
  type PlanRowForm,
} from './helpers'

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

/** The rules of the plan's own fields (cross-field rules read `form` when they run). */
export function planRules(form: PlanForm): Record<string, FormItemRule[]> {
  return {
    year: [
      checkedBy(
        () => {
          const y = form.year
          if (!y) return '请填写计划年度'
          if (!Number.isInteger(y) || y < kMinPlanYear || y > kMaxPlanYear) return `计划年度应为 ${kMinPlanYear}–${kMaxPlanYear} 年`
          return ''
        },
        'change',
        true,
      ),
    ],
    name: [
      { required: true, whitespace: true, message: '请填写计划名称', trigger: 'blur' },
      { max: kMaxNameChars, message: `计划名称最多 ${kMaxNameChars} 个字`, trigger: 'blur' },
    ],
  }
}

/** The rules of one row's inputs; bind each to the el-form-item of prop `rows.<i>.<column>`. */
export function rowRules(form: PlanForm, row: PlanRowForm): Record<string, FormItemRule[]> {
  return {
    item_id: [
      checkedBy(() => (row.item_id ? duplicateItemProblem(form.rows, row) : '请选择抽查事项'), 'change', true),
    ],
    category: [checkedBy(() => (row.category ? '' : '请选择抽查类别'), 'change', true)],
    target_scope: [
      checkedBy(() => ([...row.target_scope.trim()].length > kMaxScopeChars ? `抽查对象范围最多 ${kMaxScopeChars} 个字` : '')),
    ],
    start_date: [checkedBy(() => dateProblem(row.start_date, form.year, '开始日期'), 'change', true)],
    end_date: [
      checkedBy(() => dateProblem(row.end_date, form.year, '结束日期') || endProblem(row), 'change', true),
    ],
    ratio: [checkedBy(() => ratioProblem(row.ratio))],
    count: [checkedBy(() => countProblem(row.count) || sizeProblem(row))],
  }
}
