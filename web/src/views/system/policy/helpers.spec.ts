import { describe, expect, it } from 'vitest'
import type { PolicyDocument, PolicyProfile, SettingValue } from '@/api/policy/policy'
import {
  applyOverrides,
  checkValue,
  describeChanges,
  describeDocument,
  expiryWarning,
  formatValue,
  groupBy,
  isMonthDay,
  normalise,
  overridesFrom,
  profileSummary,
  sameValue,
  type SpecLike,
} from './helpers'

// Specs as GET /policy/profiles describes them (a few of the 33).
const publishDays: SpecLike = { key: 'publish_days', label: '检查结束后公示抽查结果的期限', kind: 'working_days', unit: '个工作日', min: 1, max: 365 }
const yearlyCap: SpecLike = { key: 'yearly_cap', label: '同一年度同一事项对同一检查对象的抽查次数上限', kind: 'count', unit: '次', min: 1, max: 12 }
const minInspectors: SpecLike = {
  key: 'min_inspectors',
  label: '每个检查对象的执法检查人员不少于',
  kind: 'count',
  unit: '人',
  min: 2,
  max: 10,
  required: true,
  min_reason: '执法检查人员不得少于两人',
}
const planBy: SpecLike = { key: 'plan_publish_by', label: '年度抽查工作计划向社会公开的期限', kind: 'month_day', unit: '' }
const exemptList: SpecLike = { key: 'exempt_list', label: '执行免检免扰名单', kind: 'flag', unit: '' }
const exclusion: SpecLike = {
  key: 'cross_office_exclusion',
  label: '不能联合抽查时排除其他处室（科室）已抽查对象的范围',
  kind: 'choice',
  unit: '',
  options: [
    { value: 'quarter', label: '同一季度内' },
    { value: 'task_period', label: '同一任务执行时间段内' },
  ],
}
const natures: SpecLike = {
  key: 'exempt_exceptions',
  label: '不适用免检的事项性质',
  kind: 'choices',
  unit: '',
  options: ['安全生产', '生态环境', '投诉举报', '上级交办'].map((v) => ({ value: v, label: v })),
}
const specs = [publishDays, yearlyCap, minInspectors, planBy, exemptList, exclusion, natures]

// 淄博市工信局 as shipped, for these settings.
const zibo: Record<string, SettingValue> = {
  publish_days: null,
  yearly_cap: 2,
  min_inspectors: 2,
  plan_publish_by: null,
  exempt_list: true,
  cross_office_exclusion: 'task_period',
  exempt_exceptions: ['安全生产', '生态环境', '投诉举报', '上级交办'],
}

describe('formatValue', () => {
  it('says each kind in words, and 未规定 for a silence', () => {
    expect(formatValue(publishDays, 30)).toBe('30 个工作日')
    expect(formatValue(yearlyCap, null)).toBe('未规定')
    expect(formatValue(planBy, '03-31')).toBe('3月31日')
    expect(formatValue(exemptList, false)).toBe('否')
    expect(formatValue(exclusion, 'quarter')).toBe('同一季度内')
    expect(formatValue(natures, ['投诉举报', '安全生产'])).toBe('投诉举报、安全生产')
    expect(formatValue(natures, [])).toBe('无')
  })
})

describe('checkValue', () => {
  it('refuses what the server refuses, naming the setting and the value', () => {
    expect(checkValue(minInspectors, 1, false)).toBe('“每个检查对象的执法检查人员不少于”不能少于 2 人：执法检查人员不得少于两人，收到 1')
    expect(checkValue(minInspectors, null, false)).toContain('必须有取值')
    expect(checkValue(publishDays, 0, false)).toBe('“检查结束后公示抽查结果的期限”应在 1–365 个工作日之间，收到 0')
    expect(checkValue(publishDays, 366, true)).toContain('收到 366')
    expect(checkValue(publishDays, 20.5, true)).toContain('应为 1–365 之间的整数')
    expect(checkValue(yearlyCap, 13, true)).toContain('应在 1–12 次之间')
    expect(checkValue(planBy, '3-31', true)).toBe('“年度抽查工作计划向社会公开的期限”应为 MM-DD 格式的月日，如 03-31，收到“3-31”')
    expect(checkValue(planBy, '02-29', true)).toContain('平年没有这一天')
    expect(checkValue(planBy, '04-31', true)).toContain('收到“04-31”')
    expect(checkValue(exclusion, 'year', true)).toContain('“year”')
    expect(checkValue(natures, ['黑名单'], true)).toContain('“黑名单”不是可选值')
  })

  it('lets a silence stay silent, but never removes a rule', () => {
    expect(checkValue(yearlyCap, null, true)).toBe('')
    expect(checkValue(yearlyCap, null, false)).toContain('不能改为“未规定”')
    expect(checkValue(publishDays, 20, false)).toBe('')
    expect(checkValue(planBy, '03-31', true)).toBe('')
    expect(checkValue(exemptList, true, false)).toBe('')
  })
})

describe('adjustments', () => {
  it('are the values that differ from the profile, in the API’s shape', () => {
    const form: Record<string, SettingValue> = {
      ...zibo,
      yearly_cap: 1,
      plan_publish_by: ' 03-31 ',
      exempt_exceptions: ['上级交办', '安全生产'],
    }
    expect(overridesFrom(specs, zibo, form)).toEqual({
      yearly_cap: 1,
      plan_publish_by: '03-31',
      exempt_exceptions: ['安全生产', '上级交办'],
    })
    // Put back: no adjustment. Left empty where the profile is silent: none either.
    expect(overridesFrom(specs, zibo, { ...zibo, plan_publish_by: '', publish_days: null })).toEqual({})
  })

  it('keeps an empty set where the profile has one, and drops it where the profile has none', () => {
    expect(normalise(natures, [], false)).toEqual([])
    expect(normalise(natures, [], true)).toBeNull()
    expect(overridesFrom([natures], zibo, { exempt_exceptions: [] })).toEqual({ exempt_exceptions: [] })
  })

  it('are confirmed as a list of what changes, in words', () => {
    const after = applyOverrides(zibo, { yearly_cap: 1, exempt_list: false })
    expect(describeChanges(specs, zibo, after)).toEqual([
      { key: 'yearly_cap', label: '同一年度同一事项对同一检查对象的抽查次数上限', from: '2 次', to: '1 次' },
      { key: 'exempt_list', label: '执行免检免扰名单', from: '是', to: '否' },
    ])
    expect(describeChanges(specs, zibo, { ...zibo })).toEqual([])
  })

  it('compare sets by content and order', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameValue(null, undefined)).toBe(true)
    expect(sameValue(2, 2)).toBe(true)
    expect(sameValue(false, null)).toBe(false)
  })
})

describe('profiles', () => {
  const document = (valid_until: string): PolicyDocument => ({
    file: '004',
    title: '“双随机、一公开”监管工作实施细则',
    number: '淄工信发〔2020〕5号',
    issuer: '淄博市工业和信息化局',
    issued: '2020-05-06',
    effective: '2020-06-06',
    valid_until,
    note: '',
  })
  const profile = (values: Record<string, SettingValue>, publication_days: number | null): PolicyProfile => ({
    id: 'x',
    name: 'x',
    short_name: 'x',
    document: document(''),
    publication_days,
    settings: Object.entries(values).map(([key, value]) => ({ key, value, source: '', quote: '', note: '', national: false })),
  })

  it('are summarised by the numbers people compare', () => {
    expect(
      profileSummary(
        profile(
          {
            publish_days: null,
            report_days: 5,
            publish_after_report_days: 2,
            yearly_cap: 2,
            min_inspectors: 2,
            plan_publish_by: null,
            objection_window_days: 60,
            objection_review_days: 20,
            objection_notify_days: 7,
          },
          7,
        ),
      ),
    ).toBe('报告 5 + 公示 2 个工作日 · 年度上限 2 次 · 每对象不少于 2 人 · 异议 60/20/7')
    expect(
      profileSummary(profile({ publish_days: 20, yearly_cap: null, min_inspectors: 2, plan_publish_by: '03-31' }, 20)),
    ).toBe('公示 20 个工作日 · 年度上限未规定 · 每对象不少于 2 人 · 计划 3月31日前公开')
  })

  it('name their document and warn when it has expired', () => {
    expect(describeDocument(document('2025-06-05'))).toBe('淄工信发〔2020〕5号（文件 004）')
    expect(describeDocument({ ...document(''), number: '', file: '003' })).toBe('文件 003')
    expect(expiryWarning(document('2025-06-05'), '2026-11-18')).toContain('有效期至 2025-06-05，已过期')
    expect(expiryWarning(document('2025-06-05'), '2025-06-05')).toBe('')
    expect(expiryWarning(document(''), '2026-11-18')).toBe('')
  })

  it('group settings in the order their groups first appear', () => {
    const grouped = groupBy([
      { key: 'a', group: '年度计划' },
      { key: 'b', group: '频次与排除' },
      { key: 'c', group: '年度计划' },
    ])
    expect(grouped.map((g) => [g.group, g.items.map((i) => i.key)])).toEqual([
      ['年度计划', ['a', 'c']],
      ['频次与排除', ['b']],
    ])
  })

  it('accept only days every year has', () => {
    expect(isMonthDay('03-31')).toBe(true)
    expect(isMonthDay('12-31')).toBe(true)
    expect(isMonthDay('02-29')).toBe(false)
    expect(isMonthDay('13-01')).toBe(false)
    expect(isMonthDay('3-31')).toBe(false)
  })
})
