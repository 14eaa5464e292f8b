// The password policy of docs/api.md, checked in the browser before the server checks it:
// 8–64 characters, at least three of lower/upper/digit/other, not equal to the username.

export const kPasswordPolicyText = '8–64 位，至少包含大写字母、小写字母、数字、特殊字符中的三类，且不能与用户名相同'

/** Returns null when `password` meets the policy, else the reason in Chinese. */
export function checkPasswordPolicy(password: string, username?: string): string | null {
  const length = [...password].length
  if (length < 8 || length > 64) return '密码长度应为 8–64 位'
  let classes = 0
  if (/[a-z]/.test(password)) classes++
  if (/[A-Z]/.test(password)) classes++
  if (/[0-9]/.test(password)) classes++
  if (/[^a-zA-Z0-9]/.test(password)) classes++
  if (classes < 3) return '密码至少包含大写字母、小写字母、数字、特殊字符中的三类'
  if (username && password === username) return '密码不能与用户名相同'
  return null
}
