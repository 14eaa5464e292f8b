import { describe, expect, it } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { blankParticipant, blankTaskForm } from './helpers'
import { taskRules } from './rules'

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

describe('taskRules', () => {
  it('wants a name, items and a window in one year', () => {
    const form = blankTaskForm(4)
    const rules = taskRules(form, () => 2)
    expect(check(rules.name, '')).toEqual(['请填写任务名称'])
    expect(check(rules.item_ids, [])).toEqual(['请至少选择一个抽查事项'])
    form.item_ids = [4]
    expect(check(rules.item_ids, [4])).toEqual([])
    expect(check(rules.start_date, '')).toEqual(['请选择开始日期'])
    expect(check(rules.end_date, '')).toEqual(['请选择结束日期'])
    form.start_date = '2026-12-01'
    form.end_date = '2027-01-15'
    expect(check(rules.end_date, form.end_date)).toEqual(['检查时间应在同一年度内'])
    form.end_date = '2026-12-31'
    expect(check(rules.end_date, form.end_date)).toEqual([])
  })

  it('holds the team to the policy minimum and one per department, and the capacity to 1–1000', () => {
    const form = blankTaskForm(4, 3)
    let minimum = 3
    const rules = taskRules(form, () => minimum)
    expect(form.team_size).toBe(3)
    expect(check(rules.team_size, 3)).toEqual([])
    form.participants = [blankParticipant(), blankParticipant(), blankParticipant()]
    expect(check(rules.team_size, 3)).toEqual(['检查组人数不能少于参加部门数（4 个部门，每个部门至少一人）'])
    form.participants = []
    minimum = 4
    expect(check(rules.team_size, 3)).toEqual(['每个检查对象的检查人员应为 4–10 人'])
    form.inspector_capacity = 0
    expect(check(rules.inspector_capacity, 0)).toEqual(['每名检查人员承担的户数应为 1–1000'])
    form.inspector_capacity = 30
    expect(check(rules.inspector_capacity, 30)).toEqual([])
  })
})
