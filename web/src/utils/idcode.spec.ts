import { describe, expect, it } from 'vitest'
import { maskIdNumber, residentIdCheck, residentIdProblem, usccFormProblem } from './idcode'

const today = new Date(2026, 10, 22)

describe('residentIdProblem (GB 11643)', () => {
  it.each([
    ['11010519491231002X', 'the standard example, check X'],
    ['11010519491231002x', 'a lower-case x'],
    ['500103199001011232', 'a check digit'],
    [' 500103199001011232 ', 'spaces around'],
  ])('accepts %s (%s)', (value) => {
    expect(residentIdProblem(value, today)).toBe('')
  })

  it.each([
    ['', '请输入身份证号码'],
    ['50010319900101123', '身份证号码应为 18 位，现为 17 位'],
    ['500103900101123', '身份证号码应为 18 位，现为 15 位'],
    ['5001031990010112A2', '身份证号码前 17 位应为数字，末位为数字或 X'],
    ['500103199002301234', '身份证号码中的出生日期 19900230 不正确'],
    ['500103189912311234', '身份证号码中的出生日期 18991231 不正确'],
    ['500103202701011234', '身份证号码中的出生日期 20270101 不正确'],
    ['500103199001011233', '身份证号码校验位错误（按前 17 位应为 2），请核对'],
    ['110105194912310021', '身份证号码校验位错误（按前 17 位应为 X），请核对'],
  ])('refuses %j: %s', (value, message) => {
    expect(residentIdProblem(value, today)).toBe(message)
  })

  it('computes every check character', () => {
    expect(residentIdCheck('11010519491231002')).toBe('X')
    expect(residentIdCheck('50010319900101123')).toBe('2')
    // Whatever 17 digits: the check makes the weighted sum ≡ 1 (mod 11).
    for (const first17 of ['00000000000000000', '99999999999999999', '44030019800229888']) {
      const check = residentIdCheck(first17)
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
      const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0) + (check === 'X' ? 10 : Number(check))
      expect(sum % 11).toBe(1)
    }
  })
})

describe('usccFormProblem (GB 32100 form only)', () => {
  it('accepts codes of the right form, whatever their check character', () => {
    expect(usccFormProblem('91500103MA60K3T26Y')).toBe('')
    expect(usccFormProblem('91500103ma60k3t26x')).toBe('')
  })

  it('refuses the wrong length and letters the standard leaves out', () => {
    expect(usccFormProblem('')).toBe('请输入统一社会信用代码')
    expect(usccFormProblem('91500103MA60K3T26')).toBe('统一社会信用代码应为 18 位，现为 17 位')
    expect(usccFormProblem('91500103MA60K3TO6Y')).toBe('统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）')
    expect(usccFormProblem('915001A3MA60K3T26Y')).toBe('统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）')
  })
})

describe('maskIdNumber', () => {
  it('keeps the region and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })
})
