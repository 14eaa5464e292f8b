// Identity codes as the front end checks and shows them: the resident ID number (GB 11643,
// 公民身份号码: region, birth date, sequence, check character) checked whole before a form is
// sent, the 统一社会信用代码 (GB 32100) checked for its form only (its check character is the
// server's: early pilot codes differ and are accepted with a warning), and the list masking.

const kIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const kIdChecks = '10X98765432'

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheck(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * kIdWeights[i], 0)
  return kIdChecks[sum % 11]
}

/**
 * Why `value` is not an 18-character resident ID number, or '' when it is one: 17 digits and
 * a check digit or X (lower-case x accepted), a real birth date not after `today`, and the
 * check character of GB 11643.
 */
export function residentIdProblem(value: string, today: Date = new Date()): string {
  const text = value.trim().toUpperCase()
  if (!text) return '请输入身份证号码'
  if (text.length !== 18) return `身份证号码应为 18 位，现为 ${text.length} 位`
  if (!/^\d{17}[\dX]$/.test(text)) return '身份证号码前 17 位应为数字，末位为数字或 X'
  const year = Number(text.slice(6, 10))
  const month = Number(text.slice(10, 12))
  const day = Number(text.slice(12, 14))
  const birth = new Date(year, month - 1, day)
  const realDate = birth.getFullYear() === year && birth.getMonth() === month - 1 && birth.getDate() === day
  if (!realDate || year < 1900 || birth.getTime() > today.getTime()) {
    return `身份证号码中的出生日期 ${text.slice(6, 14)} 不正确`
  }
  const check = residentIdCheck(text.slice(0, 17))
  if (text[17] !== check) return `身份证号码校验位错误（按前 17 位应为 ${check}），请核对`
  return ''
}

/** GB 32100 characters: digits and capitals without I, O, S, V, Z. */
const kUsccPattern = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** Why `value` cannot be a 统一社会信用代码, or '' when its form is right. */
export function usccFormProblem(value: string): string {
  const text = value.trim().toUpperCase()
  if (!text) return '请输入统一社会信用代码'
  if (text.length !== 18) return `统一社会信用代码应为 18 位，现为 ${text.length} 位`
  if (!kUsccPattern.test(text)) return '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）'
  return ''
}

/**
 * A resident ID number as a list shows it: the first 6 (the region) and last 4 characters,
 * the rest as "*" ("500103199001011232" → "500103********1232"). Short values keep only their
 * first and last character; nothing is ever shown whole.
 */
export function maskIdNumber(code: string | null | undefined): string {
  const text = (code ?? '').trim()
  if (!text) return ''
  if (text.length > 10) return `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}`
  if (text.length > 2) return `${text[0]}${'*'.repeat(text.length - 2)}${text[text.length - 1]}`
  return '*'.repeat(text.length)
}
