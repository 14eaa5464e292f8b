// Client-side checks for the user forms, mirroring docs/api.md (the server re-checks).
import type { FormItemRule } from 'element-plus'
import { checkPasswordPolicy } from '@/utils/password'

export const kUsernamePattern = /^[a-z][a-z0-9_.-]{2,31}$/
// Mobile or landline ("023-63890001"): 7–20 digits, "-" or "+", as the server accepts.
export const kPhonePattern = /^[0-9+-]{7,20}$/

/** A rule that applies the password policy; `username` is read at validation time. */
export function passwordRule(username: () => string): FormItemRule {
  return {
    required: true,
    trigger: 'blur',
    validator: (_rule, value: string, callback) => {
      const problem = value ? checkPasswordPolicy(value, username()) : '请输入密码'
      if (problem) callback(new Error(problem))
      else callback()
    },
  }
}

/** A rule that the confirmation equals `password()`. */
export function confirmRule(password: () => string): FormItemRule {
  return {
    required: true,
    trigger: 'blur',
    validator: (_rule, value: string, callback) => {
      if (!value) callback(new Error('请再次输入密码'))
      else if (value !== password()) callback(new Error('两次输入的密码不一致'))
      else callback()
    },
  }
}

export const userRules = {
  username: [
    { required: true, message: '请输入用户名', trigger: 'blur' },
    { pattern: kUsernamePattern, message: '3–32 位小写字母、数字或“_ . -”，以字母开头', trigger: 'blur' },
  ],
  name: [
    { required: true, message: '请输入姓名', trigger: 'blur' },
    { min: 2, max: 32, message: '姓名应为 2–32 个字', trigger: 'blur' },
  ],
  phone: [{ pattern: kPhonePattern, message: '请输入正确的电话号码，如 13800138000 或 023-63890001', trigger: 'blur' }],
  department_id: [{ required: true, message: '请选择所属部门', trigger: 'change' }],
  role_ids: [{ required: true, type: 'array', min: 1, message: '请至少选择一个角色', trigger: 'change' }],
} satisfies Record<string, FormItemRule[]>
