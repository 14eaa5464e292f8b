import { describe, expect, it } from 'vitest'
import type { TargetVersion } from '@/api/directory/targets'
import {
  classLabel,
  codeLabel,
  historyItems,
  historyValue,
  industryLabel,
  listCode,
  maskIdNumber,
  statusTag,
  versionChanges,
} from './helpers'

const sections = [{ code: 'C', name: '制造业', division_from: 13, division_to: 43 }]

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters of an 18-character ID number', () => {
    expect(maskIdNumber('500103199001011232')).toBe('500103********1232')
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })

  it('masks a 15-digit (first-generation) number the same way', () => {
    expect(maskIdNumber('500103900101123')).toBe('500103*****1123')
  })

  it('never shows a short value whole', () => {
    expect(maskIdNumber('1234567890')).toBe('1********0')
    expect(maskIdNumber('12')).toBe('**')
    expect(maskIdNumber('')).toBe('')
    expect(maskIdNumber(null)).toBe('')
  })
})

describe('listCode and labels', () => {
  it('masks only the code of a 自然人', () => {
    expect(listCode({ nature: '自然人', code: '500103199001011232' })).toBe('500103********1232')
    expect(listCode({ nature: '企业', code: '91500103MA60K3T26Y' })).toBe('91500103MA60K3T26Y')
    expect(listCode({ nature: '个体工商户', code: '92370303MA3C7Q1N7N' })).toBe('92370303MA3C7Q1N7N')
  })

  it('names the code after the 性质', () => {
    expect(codeLabel('自然人')).toBe('身份证号码')
    expect(codeLabel('企业')).toBe('统一社会信用代码')
  })

  it('colours ended statuses red and dormant ones grey', () => {
    expect(statusTag('注销')).toBe('danger')
    expect(statusTag('吊销')).toBe('danger')
    expect(statusTag('撤销')).toBe('danger')
    expect(statusTag('迁出')).toBe('info')
    expect(statusTag('停业清算')).toBe('info')
    expect(statusTag('存续')).toBe('success')
  })

  it('calls an empty class 未分类', () => {
    expect(classLabel('')).toBe('未分类')
    expect(classLabel('B')).toBe('B类')
  })

  it('shows the 大类 when there is one, else the 门类', () => {
    expect(industryLabel({ industry_section: 'C', industry_division: '34' }, sections)).toBe('34 通用设备制造业')
    expect(industryLabel({ industry_section: 'C', industry_division: '' }, sections)).toBe('C 制造业')
    expect(industryLabel({ industry_section: '', industry_division: '' }, sections)).toBe('')
  })
})

const base = {
  kind: 'entity',
  code: '92370303MA3C7Q1N7N',
  name: '测试一号',
  nature: '个体工商户',
  division_code: '370303',
  address: '',
  phone: '',
  industry_section: 'C',
  industry_division: '34',
  status: '存续',
  credit_class: '',
  tags: ['投诉举报多'],
  department_id: 4,
  extra: {},
  code_warning: '',
}

describe('versionChanges', () => {
  it('lists the changed fields in form order with readable values', () => {
    const after = {
      ...base,
      name: '测试一号改',
      status: '注销',
      credit_class: 'B',
      tags: [],
      industry_section: '',
      industry_division: '',
      department_id: 7,
    }
    const ctx = { sections, departmentName: (id: number) => (id === 7 ? '渝中区经济和信息化委员会' : undefined) }
    expect(versionChanges(base, after, ctx)).toEqual([
      { field: 'name', label: '名称', before: '测试一号', after: '测试一号改' },
      { field: 'industry_section', label: '行业门类', before: 'C 制造业', after: '（空）' },
      { field: 'industry_division', label: '行业大类', before: '34 通用设备制造业', after: '（空）' },
      { field: 'status', label: '经营状态', before: '存续', after: '注销' },
      { field: 'credit_class', label: '信用风险分类', before: '未分类', after: 'B类' },
      { field: 'tags', label: '标签', before: '投诉举报多', after: '（空）' },
      { field: 'department_id', label: '监管部门', before: '部门（编号 4）', after: '渝中区经济和信息化委员会' },
    ])
  })

  it('finds nothing between equal versions and ignores an empty extra appearing', () => {
    expect(versionChanges(base, { ...base, tags: ['投诉举报多'] })).toEqual([])
    const { extra: _extra, ...withoutExtra } = base
    expect(versionChanges(withoutExtra, base)).toEqual([])
  })

  it('shows an unknown field by its key', () => {
    expect(versionChanges({ a: 1 }, { a: 2 })).toEqual([{ field: 'a', label: 'a', before: '1', after: '2' }])
  })
})

describe('historyItems', () => {
  const history: TargetVersion[] = [
    { version: 3, action: 'import', data: { ...base, status: '吊销' }, changed_by: '李娟', changed_at: '2026-03-02T01:00:00Z' },
    { version: 2, action: 'update', data: { ...base, phone: '023-63890001' }, changed_by: '刘建国', changed_at: '2026-03-01T01:00:00Z' },
    { version: 1, action: 'create', data: base, changed_by: '刘建国', changed_at: '2026-02-28T16:30:00Z' },
  ]

  it('compares each version with the next older one, newest first', () => {
    const items = historyItems(history)
    expect(items.map((i) => [i.version, i.actionLabel, i.first])).toEqual([
      [3, '导入', false],
      [2, '修改', false],
      [1, '新增', true],
    ])
    expect(items[0].changes.map((c) => `${c.label}:${c.before}→${c.after}`)).toEqual([
      '联系电话:023-63890001→（空）',
      '经营状态:存续→吊销',
    ])
    expect(items[1].changes.map((c) => `${c.label}:${c.before}→${c.after}`)).toEqual(['联系电话:（空）→023-63890001'])
    expect(items[2].changes).toEqual([])
    expect(items[2].changedAt).toBe('2026-03-01 00:30:00')
    expect(items[0].actionTag).toBe('warning')
  })

  it('handles an empty history and an unknown action', () => {
    expect(historyItems([])).toEqual([])
    const [item] = historyItems([{ ...history[2], action: 'merge' as never, changed_by: '' }])
    expect(item.actionLabel).toBe('merge')
    expect(item.changedBy).toBe('—')
  })
})

describe('historyValue', () => {
  it('formats empty, list and object values', () => {
    expect(historyValue('address', '')).toBe('（空）')
    expect(historyValue('tags', ['经营异常名录', '投诉举报多'])).toBe('经营异常名录、投诉举报多')
    expect(historyValue('extra', { 注册资本: '100万' })).toBe('{"注册资本":"100万"}')
    expect(historyValue('kind', 'entity')).toBe('行政相对人')
  })
})
