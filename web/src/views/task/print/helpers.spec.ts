import { describe, expect, it } from 'vitest'
import type { DrawnTarget } from '@/api/task'
import { chineseDate, chinesePeriod, defaultMaterials, departmentsText, digitGroups, distinctInspectors, noticeNumber, stratumRows, teamLines, teamNames } from './helpers'

const target = (position: number, codes: string[]): DrawnTarget => ({
  position,
  code: `C${position}`,
  stratum: 'A',
  name: `对象${position}`,
  division_code: '',
  address: '',
  target_id: position,
  team: codes.map((code, slot) => ({ slot, code, name: `人${code}`, department_name: `部门${slot}` })),
})

describe('dates', () => {
  it('reads days and ISO times in China', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日')
    expect(chineseDate('2026-11-22T17:30:00.000Z')).toBe('2026年11月23日')
    expect(chineseDate('')).toBe('')
    expect(chineseDate('nonsense')).toBe('')
    expect(chinesePeriod({ start_date: '2026-12-01', end_date: '2026-12-31' })).toBe('2026年12月1日至2026年12月31日')
  })
})

describe('the record', () => {
  it('lists departments', () => {
    expect(departmentsText({ department_name: '节能与综合利用处', participants: [{ department_id: 2, department_name: '综合执法处', specialty: '' }] })).toBe('节能与综合利用处、综合执法处')
    expect(departmentsText({ department_name: '节能与综合利用处', participants: [] })).toBe('节能与综合利用处')
  })
  it('takes the drawn count from the record, else the rule', () => {
    const rows = stratumRows(
      { pool_counts: { B: 101, A: 40 }, strata: [{ id: 'A', ratio: '3' }, { id: 'B', count: 5 }] },
      { strata: [{ id: 'A', population: 40, k: 2, selected: [], reserves: [] }] },
    )
    expect(rows).toEqual([
      { id: 'A', label: 'A 类', population: 40, rule: '3%', drawn: 2 },
      { id: 'B', label: 'B 类', population: 101, rule: '5 户', drawn: 5 },
    ])
    expect(stratumRows({ pool_counts: null, strata: [] }, null)).toEqual([])
  })
  it('counts people and writes teams leader first', () => {
    const targets = [target(1, ['a', 'b']), target(2, ['b', 'c'])]
    expect(distinctInspectors(targets)).toBe(3)
    expect(teamNames(target(1, ['a', 'b']))).toBe('人a（组长）、人b')
    expect(teamLines(target(1, ['a', 'b']))).toEqual(['人a（组长），执法证号 a，部门0', '人b，执法证号 b，部门1'])
    expect(digitGroups('3141 5926-5358 97')).toBe('31415 92653 5897')
    expect(digitGroups(null)).toBe('')
  })
})

describe('the notice', () => {
  it('numbers each notice and proposes materials', () => {
    expect(noticeNumber({ code: 'T2026-00012' }, { position: 3 })).toBe('T2026-00012-003')
    expect(defaultMaterials([{ name: '重点用能单位节能监察' }])).toMatch(/能源消费统计报表/)
    const plain = defaultMaterials([{ name: '工业产品生产许可证监督检查' }])
    expect(plain).not.toMatch(/能源/)
    expect(plain.split('\n')).toHaveLength(4)
    expect(plain.split('\n')[3]).toMatch(/^4\. 委托他人/)
  })
})
