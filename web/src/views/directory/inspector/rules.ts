// Client-side checks of the inspector form, by category: 执法人员 need a 执法证号 and its 有效期;
// a 专家 or 辅助人员 a resident ID number whose GB 11643 check character is right; a 第三方机构 a
// 统一社会信用代码 of the right form (the server checks its check character and names every
// bad field).
import type { FormItemRule } from 'element-plus'
import { residentIdProblem, usccFormProblem } from '@/utils/idcode'
import { categoryFields, isInstitution, kInspectorCategory, nameLabel } from './helpers'

// Mobile or landline ("023-63890001", "13983001234"), with "-", "+", brackets or 转 (an
// extension): 7–20 characters, as the server accepts.
export const kPhonePattern = /^[0-9+()\-转]{7,20}$/

/** A required field checked by `problem` ('' = fine; it also names an empty value). */
export function checkedBy(problem: (value: string) => string, trigger = 'blur'): FormItemRule {
  return {
    required: true,
    trigger,
    validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
      const message = problem(typeof value === 'string' ? value : '')
      if (message) callback(new Error(message))
      else callback()
    },
  }
}

export function inspectorRules(category: string): Record<string, FormItemRule[]> {
  const fields = categoryFields(category)
  const rules: Record<string, FormItemRule[]> = {
    category: [{ required: true, message: '请选择类别', trigger: 'change' }],
    name: [
      { required: true, whitespace: true, message: `请输入${nameLabel(category)}`, trigger: 'blur' },
      { max: 50, message: `${nameLabel(category)}最多 50 个字`, trigger: 'blur' },
    ],
    phone: [{ pattern: kPhonePattern, message: '请输入正确的联系电话，如 13983001234 或 023-63890001', trigger: 'blur' }],
    organisation: [{ max: 100, message: '工作单位最多 100 个字', trigger: 'blur' }],
    title: [{ max: 30, message: '职称最多 30 个字', trigger: 'blur' }],
    post: [{ max: 30, message: '岗位最多 30 个字', trigger: 'blur' }],
    status: [{ required: true, message: '请选择状态', trigger: 'change' }],
  }
  if (fields.gender) rules.gender = [{ required: true, message: '请选择性别', trigger: 'change' }]
  if (category === kInspectorCategory) {
    rules.cert_no = [
      { required: true, whitespace: true, message: '请输入执法证号', trigger: 'blur' },
      { max: 40, message: '执法证号最多 40 个字符', trigger: 'blur' },
    ]
    rules.cert_valid_until = [{ required: true, message: '请选择执法证有效期', trigger: 'change' }]
  } else {
    rules.id_number = [checkedBy(isInstitution(category) ? usccFormProblem : (v) => residentIdProblem(v))]
  }
  return rules
}
