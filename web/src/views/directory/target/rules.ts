// Client-side checks of the target form. The server applies the full B.1 rules (GB 32100 check
// digit, resident ID numbers, GB/T 2260 and GB/T 4754 codes) and names every bad field.
import type { FormItemRule } from 'element-plus'
import { codeLabel } from './helpers'

// Digits, "-", "+", "(", ")" and 转 (an extension), 7–20 characters, as the server accepts.
export const kTargetPhonePattern = /^[0-9+()\-转 ]{7,20}$/

export const targetRules = {
  name: [
    { required: true, message: '请输入名称', trigger: 'blur' },
    { max: 100, message: '名称最多 100 个字', trigger: 'blur' },
  ],
  nature: [{ required: true, message: '请选择行政相对人性质', trigger: 'change' }],
  division_code: [{ required: true, message: '请选择行政区划', trigger: 'change' }],
  address: [{ max: 200, message: '地址最多 200 个字', trigger: 'blur' }],
  phone: [{ pattern: kTargetPhonePattern, message: '请输入正确的联系电话，如 023-63890001', trigger: 'blur' }],
} satisfies Record<string, FormItemRule[]>

/** The code's rules name what the 性质 calls it (统一社会信用代码 or 身份证号码). */
export function codeRules(nature: string): FormItemRule[] {
  return [
    { required: true, message: `请输入${codeLabel(nature)}`, trigger: 'blur' },
    { max: 64, message: `${codeLabel(nature)}过长`, trigger: 'blur' },
  ]
}
