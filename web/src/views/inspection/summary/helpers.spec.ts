import { describe, expect, it } from 'vitest'
import type { SummaryDepartment, SummaryRate, YearSummary } from '@/api/report'
import { departmentTotals, hasData, percentText, rateBars, rateText, sortDepartments, yearOf } from './helpers'

const dept = (over: Partial<SummaryDepartment>): SummaryDepartment => ({
  department_id: 1,
  name: '节能与综合利用处',
  tasks: 2,
  drawn: 40,
  inspected: 36,
  problems: 9,
  directory_targets: 800,
  coverage: 0.045,
  ...over,
})

const rate = (key: string, inspected: number, problems: number, name = key): SummaryRate => ({
  key,
  name,
  inspected,
  problems,
  rate: inspected ? problems / inspected : 0,
})

describe('yearOf', () => {
  it('reads four digits, else the fallback', () => {
    expect(yearOf('2025', 2026)).toBe(2025)
    expect(yearOf('25', 2026)).toBe(2026)
    expect(yearOf(['2025'], 2026)).toBe(2026)
    expect(yearOf(undefined, 2026)).toBe(2026)
  })
})

describe('departments', () => {
  it('adds the rows up', () => {
    const t = departmentTotals([dept({}), dept({ department_id: 2, tasks: 1, drawn: 10, inspected: 4, problems: 1, directory_targets: 200 })])
    expect(t).toEqual({ tasks: 3, drawn: 50, inspected: 40, problems: 10, directory_targets: 1000 })
    expect(departmentTotals([])).toEqual({ tasks: 0, drawn: 0, inspected: 0, problems: 0, directory_targets: 0 })
  })

  it('shows rates and coverage in per cent', () => {
    expect(rateText(9, 36)).toBe('25%')
    expect(rateText(1, 0)).toBe('—')
    expect(percentText(0.045)).toBe('4.5%')
  })

  it('puts the departments that drew most first', () => {
    const rows = [dept({ department_id: 1, drawn: 10 }), dept({ department_id: 2, drawn: 40 }), dept({ department_id: 3, drawn: 10, tasks: 5 })]
    expect(sortDepartments(rows).map((d) => d.department_id)).toEqual([2, 3, 1])
  })
})

describe('rateBars', () => {
  it('orders by rate, then problems, then inspected, leaving out rows with nothing inspected', () => {
    const bars = rateBars([rate('a', 10, 1), rate('b', 4, 2), rate('c', 0, 0), rate('d', 8, 4), rate('e', 20, 2)])
    expect(bars.items.map((i) => i.name)).toEqual(['d', 'b', 'e', 'a'])
    expect(bars.items[0]).toEqual({ name: 'd', value: 0.5, detail: '检查 8 户，发现问题 4 户' })
    expect(bars.more).toBe(0)
  })

  it('keeps at most the limit and says how many more there are', () => {
    const rows = Array.from({ length: 20 }, (_, i) => rate(`k${i}`, 10, i % 10))
    const bars = rateBars(rows, 15)
    expect(bars.items).toHaveLength(15)
    expect(bars.more).toBe(5)
  })

  it('names a row without a name by its key', () => {
    expect(rateBars([rate('500103', 2, 1, '')]).items[0].name).toBe('500103')
    expect(rateBars(null)).toEqual({ items: [], more: 0 })
  })
})

describe('hasData', () => {
  it('is false for an empty year', () => {
    const empty: YearSummary = { year: 2026, departments: [], by_item: [], by_district: [], by_industry: [] }
    expect(hasData(empty)).toBe(false)
    expect(hasData(null)).toBe(false)
    expect(hasData({ ...empty, departments: [dept({})] })).toBe(true)
    expect(hasData({ ...empty, by_industry: [rate('C', 1, 0)] })).toBe(true)
  })
})
