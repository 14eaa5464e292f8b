import { describe, expect, it } from 'vitest'
import type { PublicPlan } from '@/api/plan'
import { byYear, matchPlans, publicPlanCard, publicPlanRow, publicYears } from './helpers'

const kPlan: PublicPlan = {
  id: 3,
  year: 2027,
  name: '2027年度节能监察抽查工作计划',
  department_id: 4,
  department_name: '节能与综合利用处',
  version: 2,
  published_at: '2026-11-22T02:30:00.000Z',
  rows: [
    {
      item_id: 12,
      item_version: 1,
      item_code: 'CQJXW-JNZY-001',
      item_name: '重点用能单位节能监察',
      domain: '节能监察',
      target_scope: '重点用能单位',
      category: '一般',
      start_date: '2027-04-01',
      end_date: '2027-06-30',
      ratio: '5',
      count: 0,
      cooperating: [
        { id: 2, name: '综合执法处' },
        { id: 3, name: '政策法规处' },
      ],
    },
  ],
}

describe('publicPlanCard', () => {
  it('shows the published fields, in words', () => {
    const card = publicPlanCard(kPlan)
    expect(card).toMatchObject({
      key: '3-2',
      year: 2027,
      name: '2027年度节能监察抽查工作计划',
      department: '节能与综合利用处',
      published: '第 2 版，2026-11-22 公开',
    })
    expect(card.rows).toEqual([
      {
        item_name: '重点用能单位节能监察',
        domain: '节能监察',
        target_scope: '重点用能单位',
        category: '一般',
        period: '2027-04-01 至 2027-06-30',
        size: '5%',
        cooperating: '综合执法处、政策法规处',
      },
    ])
  })

  it('keeps to the published fields even when the answer holds more', () => {
    const row = publicPlanRow({ ...kPlan.rows[0], created_by: 7, ratio: '', count: 30, cooperating: null })
    expect(Object.keys(row)).toEqual(['item_name', 'domain', 'target_scope', 'category', 'period', 'size', 'cooperating'])
    expect(row.size).toBe('30 户')
    expect(row.cooperating).toBe('')
    expect(publicPlanRow(null).period).toBe('—')
  })
})

describe('grouping and searching', () => {
  const cards = [
    publicPlanCard(kPlan),
    publicPlanCard({ ...kPlan, id: 4, year: 2026, name: '2026年度消费品工业抽查计划', department_name: '消费品工业处', rows: [] }),
    publicPlanCard({ ...kPlan, id: 5, name: '2027年度电力行业抽查计划', department_name: '电力处', rows: [] }),
  ]

  it('groups by year, newest first', () => {
    expect(byYear(cards).map((g) => [g.year, g.plans.map((p) => p.key)])).toEqual([
      [2027, ['3-2', '5-2']],
      [2026, ['4-2']],
    ])
  })

  it('offers the years with plans and this year', () => {
    expect(publicYears(cards, 2025)).toEqual(['2027', '2026', '2025'])
    expect(publicYears([], 2026)).toEqual(['2026'])
  })

  it('finds plans by name, department or item', () => {
    expect(matchPlans(cards, ' ').length).toBe(3)
    expect(matchPlans(cards, '电力').map((p) => p.key)).toEqual(['5-2'])
    expect(matchPlans(cards, '重点用能').map((p) => p.key)).toEqual(['3-2'])
    expect(matchPlans(cards, '消费品工业处').map((p) => p.key)).toEqual(['4-2'])
  })
})
