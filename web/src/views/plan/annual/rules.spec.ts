import { describe, expect, it } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { blankPlanForm, blankRow, type PlanForm } from './helpers'
import { planRules, rowRules } from './rules'

/** Runs the rules the way el-form does for one value; returns the messages. */
function check(rules: FormItemRule[] | undefined, value: unknown): string[] {
  const messages: string[] = []
  for (const rule of rules ?? []) {
    const text = typeof value === 'string' ? value : ''
    if (rule.required && !rule.validator && !text.trim()) messages.push(String(rule.message))
    if (typeof rule.max === 'number' && text.length > rule.max) messages.push(String(rule.message))
    if (rule.validator) {
      rule.validator(rule as never, value, (error?: string | Error) => {
        if (error) messages.push(error instanceof Error ? error.message : error)
      }, {}, {})
    }
  }
  return messages
}

function planWithRow(patch: Partial<PlanForm['rows'][number]> = {}): PlanForm {
  const form = blankPlanForm(4, 2026)
  Object.assign(form.rows[0], { item_id: 12, category: '一般', start_date: '2027-04-01', end_date: '2027-06-30', ratio: '5' }, patch)
  return form
}

describe('planRules', () => {
  it('wants a year in range and a name', () => {
    const form = blankPlanForm(4, 2026)
    const rules = planRules(form)
    expect(check(rules.year, 2027)).toEqual([])
    form.year = undefined
    expect(check(rules.year, undefined)).toEqual(['请填写计划年度'])
    form.year = 2014
    expect(check(rules.year, 2014)).toEqual(['计划年度应为 2015–2099 年'])
    expect(check(rules.name, ' ')).toEqual(['请填写计划名称'])
    expect(check(rules.name, '字'.repeat(101))).toEqual(['计划名称最多 100 个字'])
  })
})

describe('rowRules', () => {
  it('passes a complete row', () => {
    const form = planWithRow()
    const rules = rowRules(form, form.rows[0])
    for (const column of Object.keys(rules)) expect(check(rules[column], undefined)).toEqual([])
  })

  it('wants an item, once per plan, and a category', () => {
    const form = planWithRow({ item_id: undefined, category: '' })
    const rules = rowRules(form, form.rows[0])
    expect(check(rules.item_id, undefined)).toEqual(['请选择抽查事项'])
    expect(check(rules.category, '')).toEqual(['请选择抽查类别'])
    form.rows[0].item_id = 12
    form.rows.push({ ...blankRow(), item_id: 12 })
    expect(check(rowRules(form, form.rows[1]).item_id, 12)).toEqual(['该事项已在前面的行中列入，同一事项只能列入一次'])
  })

  it('keeps the time inside the plan year and in order', () => {
    const form = planWithRow({ start_date: '2026-12-01', end_date: '2027-01-31' })
    const rules = rowRules(form, form.rows[0])
    expect(check(rules.start_date, '')).toEqual(['开始日期应在计划年度 2027 年内'])
    form.rows[0].start_date = '2027-03-01'
    form.rows[0].end_date = '2027-02-01'
    expect(check(rules.end_date, '')).toEqual(['结束日期不能早于开始日期'])
    form.year = 2028
    expect(check(rules.end_date, '')).toEqual(['结束日期应在计划年度 2028 年内'])
  })

  it('wants a valid ratio or a count, at least one', () => {
    const form = planWithRow({ ratio: '', count: '' })
    const rules = rowRules(form, form.rows[0])
    expect(check(rules.count, '')).toEqual(['请填写抽查比例或抽取数量（至少一项）'])
    form.rows[0].count = '30'
    expect(check(rules.count, '30')).toEqual([])
    form.rows[0].ratio = '120'
    expect(check(rules.ratio, '120')).toEqual(['抽查比例不能超过 100%'])
  })
})
