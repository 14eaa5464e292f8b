import { describe, expect, it } from 'vitest'
import { checkPasswordPolicy } from './password'

describe('checkPasswordPolicy', () => {
  it.each([
    ['Admin@2026', 'admin', null],
    ['abcDEF12', 'x', null], // lower + upper + digit
    ['abcdef1!', 'x', null], // lower + digit + other
    ['Ab1!', 'x', '密码长度应为 8–64 位'],
    ['A'.repeat(30) + 'a'.repeat(30) + '12345', 'x', '密码长度应为 8–64 位'],
    ['abcdefgh', 'x', '密码至少包含大写字母、小写字母、数字、特殊字符中的三类'],
    ['abcd1234', 'x', '密码至少包含大写字母、小写字母、数字、特殊字符中的三类'],
    ['Zhang.san1', 'Zhang.san1', '密码不能与用户名相同'],
    ['密码密码Ab1!', 'x', null], // non-ASCII counts as "other"
  ])('%s (user %s) → %s', (password, username, expected) => {
    expect(checkPasswordPolicy(password, username)).toBe(expected)
  })
})
