import { describe, expect, it } from 'vitest'
import type { PublicItem } from '@/api/catalog/items'
import { blankPublicItemFilters, categoryName, publicItemQuery, publicItemRow, startsDomain } from './helpers'

const kItem: PublicItem = {
  code: 'CQJXW-JNZY-001',
  domain: '节能监察',
  name: '重点用能单位节能监察',
  sub_item: '能源利用状况报告',
  category: '一般',
  content: '检查能源利用状况报告报送情况',
  basis: '《中华人民共和国节约能源法》第五十三条',
  methods: ['书面检查', '现场检查'],
  frequency: '每年1次',
  target: '重点用能单位',
  target_type: 'entity',
  target_type_name: '行政相对人',
  initiating_department: '节能与综合利用处',
  cooperating_departments: ['综合执法处', '政策法规处'],
  publication: '国家企业信用信息公示系统',
  version: 2,
  published_at: '2026-11-22T02:30:00.000Z',
}

describe('publicItemQuery', () => {
  it('trims the search and leaves out what is blank', () => {
    expect(publicItemQuery({ page: 1, page_size: 20 }, blankPublicItemFilters())).toEqual({
      page: 1,
      page_size: 20,
      q: undefined,
      domain: undefined,
      department: undefined,
    })
    expect(publicItemQuery({ page: 2, page_size: 10 }, { q: ' 节能 ', domain: '节能监察', department: ' 执法 ' })).toEqual({
      page: 2,
      page_size: 10,
      q: '节能',
      domain: '节能监察',
      department: '执法',
    })
  })
})

describe('publicItemRow', () => {
  it('shows the published fields, lists joined with 、', () => {
    const row = publicItemRow(kItem)
    expect(row.methods).toBe('书面检查、现场检查')
    expect(row.cooperating_departments).toBe('综合执法处、政策法规处')
    expect(row.published).toBe('第 2 版，2026-11-22 发布')
  })

  it('never carries an internal field, even when the answer holds one', () => {
    const answer = { ...kItem, ratio_cap: '0.05', nature: '安全生产', exemption: '不适用', id: 4, department_id: 3 } as PublicItem
    const row = publicItemRow(answer)
    expect(Object.keys(row)).not.toContain('ratio_cap')
    expect(JSON.stringify(row)).not.toMatch(/0\.05|安全生产|不适用/)
    expect(Object.keys(row)).not.toContain('id')
  })

  it('shows a missing text as empty, not as "undefined"', () => {
    const row = publicItemRow({ ...kItem, sub_item: undefined, methods: undefined, published_at: '' } as unknown as PublicItem)
    expect(row.sub_item).toBe('')
    expect(row.methods).toBe('')
    expect(row.published).toBe('第 2 版')
  })
})

describe('grouping', () => {
  it('starts a group where the domain changes', () => {
    const rows = [{ domain: '节能监察' }, { domain: '节能监察' }, { domain: '无线电管理' }]
    expect(rows.map((_, i) => startsDomain(rows, i))).toEqual([true, false, true])
  })

  it('names the category as the public reads it', () => {
    expect(categoryName('重点')).toBe('重点检查事项')
    expect(categoryName('')).toBe('')
  })
})
