// Client-side checks of the item form. A draft needs only 抽查领域, 抽查事项 and 检查对象 (what
// publication needs is checked at 发布); a 一般 item needs a valid 抽查比例上限; 免检免扰 cannot
// apply unless the item is 常规. The server checks all of it again and names every bad field.
import type { FormItemRule } from 'element-plus'
import { exemptionProblem, ratioProblem, type ItemForm } from './helpers'

/**
 * A rule whose message comes from `problem` ('' = fine), reading the whole form; `required`
 * only marks the label (the problem names an empty value itself).
 */
function checkedBy(problem: (value: string) => string, trigger = 'blur', required = false): FormItemRule {
  return {
    required,
    trigger,
    validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
      const message = problem(typeof value === 'string' ? value : '')
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

const required = (message: string): FormItemRule => ({ required: true, whitespace: true, message, trigger: 'blur' })
const max = (n: number, label: string): FormItemRule => ({ max: n, message: `${label}最多 ${n} 个字`, trigger: 'blur' })

export const kCodePattern = /^[A-Za-z0-9_-]{2,32}$/

/** The rules of `form` (cross-field rules read it when they run). */
export function itemRules(form: ItemForm): Record<string, FormItemRule[]> {
  return {
    domain: [required('请输入抽查领域'), max(50, '抽查领域')],
    name: [required('请输入抽查事项名称'), max(100, '抽查事项名称')],
    sub_item: [max(100, '子项')],
    code: [{ pattern: kCodePattern, message: '事项编码应为 2–32 位字母、数字、- 或 _，如 CQJXW-001；可留空自动编号', trigger: 'blur' }],
    ratio_cap: [
      checkedBy((value) => {
        if (form.category !== '一般') return ''
        if (!value.trim()) return '一般检查事项须填写抽查比例上限（如 5%）'
        return ratioProblem(value)
      }, 'blur', true),
    ],
    target: [required('请输入检查对象'), max(200, '检查对象')],
    content: [max(2000, '检查内容')],
    basis: [max(2000, '检查依据')],
    frequency: [max(50, '抽查频次')],
    remark: [max(500, '备注')],
    publications: [
      checkedBy(() => (form.publications.join('、').length > 200 ? '公示方式最多 200 个字' : ''), 'change'),
    ],
    cooperating_department_ids: [
      checkedBy(
        () =>
          form.department_id !== undefined && form.cooperating_department_ids.includes(form.department_id)
            ? '配合部门不能包含发起部门'
            : '',
        'change',
      ),
    ],
    exemption: [checkedBy(() => exemptionProblem(form.nature, form.exemption), 'change')],
  }
}
