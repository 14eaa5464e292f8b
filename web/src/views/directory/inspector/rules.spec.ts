import { describe, expect, it } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { inspectorRules } from './rules'

/** Runs the rules of `field` the way el-form does for one value; returns the messages. */
function check(rules: FormItemRule[] | undefined, value: string): string[] {
  const messages: string[] = []
  for (const rule of rules ?? []) {
    // As async-validator: a rule with a validator leaves the empty value to it.
    if (rule.required && !rule.validator && !value.trim()) messages.push(String(rule.message))
    if (rule.pattern && value && !(rule.pattern as RegExp).test(value)) messages.push(String(rule.message))
    if (typeof rule.max === 'number' && value.length > rule.max) messages.push(String(rule.message))
    if (rule.validator) {
      rule.validator(rule as never, value, (error?: string | Error) => {
        if (error) messages.push(error instanceof Error ? error.message : error)
      }, {}, {})
    }
  }
  return messages
}

describe('inspectorRules', () => {
  it('requires the certificate and its date of 执法人员, not an ID number', () => {
    const rules = inspectorRules('执法人员')
    expect(check(rules.cert_no, '')).toEqual(['请输入执法证号'])
    expect(check(rules.cert_valid_until, '')).toEqual(['请选择执法证有效期'])
    expect(check(rules.cert_no, '渝执500103001')).toEqual([])
    expect(rules.id_number).toBeUndefined()
    expect(check(rules.gender, '')).toEqual(['请选择性别'])
  })

  it('checks the GB 11643 check digit of a 专家 or 辅助人员', () => {
    for (const category of ['专家', '辅助人员']) {
      const rules = inspectorRules(category)
      expect(rules.cert_no).toBeUndefined()
      expect(check(rules.id_number, '')).toEqual(['请输入身份证号码'])
      expect(check(rules.id_number, '500103199001011232')).toEqual([])
      expect(check(rules.id_number, '500103199001011233')).toEqual(['身份证号码校验位错误（按前 17 位应为 2），请核对'])
      expect(check(rules.id_number, '11010519491231002x')).toEqual([])
    }
  })

  it('asks a 第三方机构 for a credit code and no 性别', () => {
    const rules = inspectorRules('第三方机构')
    expect(rules.gender).toBeUndefined()
    expect(check(rules.id_number, '')).toEqual(['请输入统一社会信用代码'])
    expect(check(rules.id_number, '91500103MA60K3T26Y')).toEqual([])
    expect(check(rules.id_number, '500103199001011232')).toEqual([])
    expect(check(rules.id_number, '9150010')).toEqual(['统一社会信用代码应为 18 位，现为 7 位'])
    expect(check(rules.name, '')).toEqual(['请输入机构名称'])
  })

  it('names the person and checks the phone', () => {
    const rules = inspectorRules('专家')
    expect(check(rules.name, '  ')).toEqual(['请输入姓名'])
    expect(check(rules.name, '欧阳'.repeat(26))).toEqual(['姓名最多 50 个字'])
    expect(check(rules.phone, '13983001234')).toEqual([])
    expect(check(rules.phone, '023-63890001')).toEqual([])
    expect(check(rules.phone, '电话')).toHaveLength(1)
  })
})
