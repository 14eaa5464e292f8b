import { describe, expect, it } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { blankItemForm, type ItemForm } from './helpers'
import { itemRules } from './rules'

/** Runs the rules of `field` the way el-form does for one value; returns the messages. */
function check(rules: FormItemRule[] | undefined, value: string): string[] {
  const messages: string[] = []
  for (const rule of rules ?? []) {
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

const form = (patch: Partial<ItemForm> = {}) => ({ ...blankItemForm(4), ...patch })

describe('itemRules', () => {
  it('asks a draft only for 抽查领域, 抽查事项 and 检查对象', () => {
    const rules = itemRules(form())
    expect(check(rules.domain, '')).toEqual(['请输入抽查领域'])
    expect(check(rules.name, ' ')).toEqual(['请输入抽查事项名称'])
    expect(check(rules.target, '')).toEqual(['请输入检查对象'])
    expect(rules.category).toBeUndefined()
    expect(check(rules.content, '')).toEqual([])
    expect(check(rules.ratio_cap, '')).toEqual([])
  })

  it('asks a 一般 item for a valid 抽查比例上限', () => {
    const f = form({ category: '一般' })
    const rules = itemRules(f)
    expect(check(rules.ratio_cap, '')).toEqual(['一般检查事项须填写抽查比例上限（如 5%）'])
    expect(check(rules.ratio_cap, '5%')).toEqual([])
    expect(check(rules.ratio_cap, '150%')).toEqual(['抽查比例上限不能超过 100%'])
    // The rule reads the form when it runs: a 重点 item has no cap to check.
    f.category = '重点'
    expect(check(rules.ratio_cap, '')).toEqual([])
  })

  it('keeps 免检免扰 to 常规 items', () => {
    const f = form({ nature: '投诉举报', exemption: '适用' })
    const rules = itemRules(f)
    expect(check(rules.exemption, '适用')).toEqual(['事项性质为“投诉举报”的检查不适用免检免扰，请选择“不适用”'])
    f.exemption = '不适用'
    expect(check(rules.exemption, '不适用')).toEqual([])
  })

  it('checks the code and the cooperating departments', () => {
    const f = form({ cooperating_department_ids: [2, 4] })
    const rules = itemRules(f)
    expect(check(rules.code, '')).toEqual([])
    expect(check(rules.code, 'CQJXW-JNZY-009')).toEqual([])
    expect(check(rules.code, '编码1')).toHaveLength(1)
    expect(check(rules.cooperating_department_ids, '')).toEqual(['配合部门不能包含发起部门'])
    f.cooperating_department_ids = [2]
    expect(check(rules.cooperating_department_ids, '')).toEqual([])
  })
})
