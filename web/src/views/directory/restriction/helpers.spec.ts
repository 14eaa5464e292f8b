import { describe, expect, it } from 'vitest'
import type { Inspector } from '@/api/directory/inspectors'
import type { Conflict, Exemption } from '@/api/directory/restrictions'
import type { Target } from '@/api/directory/targets'
import {
  blankConflictForm,
  blankExemptionForm,
  blankFilters,
  conflictInput,
  exemptionInput,
  filterQuery,
  inspectorOption,
  inspectorSearchQuery,
  isFiltered,
  kKinds,
  listKey,
  periodText,
  recordState,
  restrictionQuery,
  revokeQuestion,
  revokeReasonProblem,
  targetOption,
  targetSearchQuery,
} from './helpers'

const kToday = '2026-11-22'

const conflict = (over: Partial<Conflict> = {}): Conflict => ({
  id: 1,
  inspector_id: 7,
  inspector_name: '王建国',
  inspector_code: '渝执500103001',
  inspector_department: '节能与综合利用处',
  target_id: 41,
  target_name: '重庆渝中精密机械有限公司',
  target_code: '91500103MA60K3T26Y',
  reason: '配偶在该企业任职',
  source: '工作人员登记',
  valid_from: '2026-01-01',
  valid_until: '',
  status: '有效',
  revoke_reason: '',
  in_force: true,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('filters', () => {
  it('sends only what is set, trimmed; 仅显示当前有效 as current=true', () => {
    expect(filterQuery(blankFilters())).toEqual({ q: undefined, status: undefined, current: undefined })
    expect(filterQuery({ q: '  渝中 ', status: '已撤销', current: true })).toEqual({ q: '渝中', status: '已撤销', current: true })
    expect(restrictionQuery({ page: 2, page_size: 50 }, { q: '', status: '有效', current: false })).toEqual({
      page: 2,
      page_size: 50,
      q: undefined,
      status: '有效',
      current: undefined,
    })
  })

  it('drops a status the server does not know', () => {
    expect(filterQuery({ q: '', status: '已过期', current: false }).status).toBeUndefined()
  })

  it('tells a filtered list from the whole one', () => {
    expect(isFiltered(blankFilters())).toBe(false)
    expect(isFiltered({ q: ' ', status: '', current: false })).toBe(false)
    expect(isFiltered({ q: '', status: '', current: true })).toBe(true)
    expect(isFiltered({ q: '', status: '有效', current: false })).toBe(true)
  })
})

describe('recordState', () => {
  it('says 有效, 未生效, 已过期 or 已撤销 with its colour', () => {
    expect(recordState(conflict(), kToday)).toEqual({ label: '有效', tag: 'success' })
    expect(recordState(conflict({ in_force: false, valid_from: '2026-12-01' }), kToday)).toEqual({ label: '未生效', tag: 'warning' })
    expect(recordState(conflict({ in_force: false, valid_until: '2026-11-21' }), kToday)).toEqual({ label: '已过期', tag: 'danger' })
    expect(recordState(conflict({ status: '已撤销', in_force: false }), kToday)).toEqual({ label: '已撤销', tag: 'info' })
    // Revoked wins over the period.
    expect(recordState(conflict({ status: '已撤销', in_force: false, valid_until: '2020-01-01' }), kToday).label).toBe('已撤销')
  })

  it('writes the period, open-ended when there is no end', () => {
    expect(periodText(conflict())).toBe('2026-01-01 起长期有效')
    expect(periodText(conflict({ valid_until: '2026-12-31' }))).toBe('2026-01-01 至 2026-12-31')
  })
})

describe('listKey', () => {
  it('masks a resident ID number and keeps other codes whole', () => {
    expect(listKey('500103199001011232')).toBe('500103********1232')
    expect(listKey('50010319900101123x')).toBe('500103********123x')
    expect(listKey('91500103MA60K3T26Y')).toBe('91500103MA60K3T26Y')
    expect(listKey('渝执500103001')).toBe('渝执500103001')
    expect(listKey('')).toBe('')
    expect(listKey(undefined)).toBe('')
  })
})

describe('the searches', () => {
  const person = (over: Partial<Inspector>) =>
    ({ id: 7, name: '王建国', category: '执法人员', cert_no: '', id_number: '', department_name: '节能与综合利用处', ...over }) as Inspector

  it('shows a person with the certificate, else the masked ID number, and the department', () => {
    expect(inspectorOption(person({ cert_no: '渝执500103001' }))).toEqual({
      value: 7,
      label: '王建国',
      detail: '渝执500103001 · 节能与综合利用处',
    })
    expect(inspectorOption(person({ category: '专家', id_number: '500103199001011232', department_name: '' })).detail).toBe(
      '500103********1232',
    )
  })

  it('shows a target with its code (a 自然人 masked) and supervising department', () => {
    const target = { id: 41, name: '张三', nature: '自然人', code: '500103199001011232', department_name: '渝中区经济和信息化委员会' } as Target
    expect(targetOption(target)).toEqual({ value: 41, label: '张三', detail: '500103********1232 · 渝中区经济和信息化委员会' })
    expect(targetOption({ ...target, nature: '企业', code: '91500103MA60K3T26Y' }).detail).toContain('91500103MA60K3T26Y')
  })

  it('searches people by name and targets by name or, for a whole code, exactly by code', () => {
    expect(inspectorSearchQuery(' 王 ')).toEqual({ page: 1, page_size: 20, name: '王' })
    expect(inspectorSearchQuery('')).toEqual({ page: 1, page_size: 20, name: undefined })
    expect(targetSearchQuery('精密')).toEqual({ page: 1, page_size: 20, name: '精密' })
    expect(targetSearchQuery(' 91500103ma60k3t26y ')).toEqual({ page: 1, page_size: 20, code: '91500103MA60K3T26Y' })
    expect(targetSearchQuery('9150010')).toEqual({ page: 1, page_size: 20, name: '9150010' })
  })
})

describe('the forms', () => {
  it('sends the chosen ids, the trimmed text and no empty end', () => {
    const form = { ...blankConflictForm(kToday), inspector: 7, target: 41, reason: '  配偶任职 ' }
    expect(conflictInput(form)).toEqual({
      inspector: 7,
      target: 41,
      reason: '配偶任职',
      valid_from: kToday,
      valid_until: undefined,
    })
  })

  it('sends a typed code in capitals when nothing was picked', () => {
    const form = { ...blankConflictForm(''), inspector_code: ' 渝执a01 ', target_code: '91500103ma60k3t26y', reason: 'x' }
    const input = conflictInput(form)
    expect(input.inspector).toBe('渝执A01')
    expect(input.target).toBe('91500103MA60K3T26Y')
    expect(input.valid_from).toBeUndefined()
  })

  it('fills an exemption’s empty scope with 全部事项', () => {
    const blank = blankExemptionForm(kToday)
    expect(blank.scope).toBe('全部事项')
    const input = exemptionInput({ ...blank, target: 41, scope: ' ', valid_until: '2026-12-31', source_document: ' 渝经信发〔2026〕12号 ' })
    expect(input).toEqual({
      target: 41,
      scope: '全部事项',
      valid_from: kToday,
      valid_until: '2026-12-31',
      source_document: '渝经信发〔2026〕12号',
    })
  })
})

describe('撤销', () => {
  it('requires a reason of at most 200 characters', () => {
    expect(revokeReasonProblem('')).toBe('请填写撤销原因')
    expect(revokeReasonProblem('   ')).toBe('请填写撤销原因')
    expect(revokeReasonProblem(null)).toBe('请填写撤销原因')
    expect(revokeReasonProblem('近亲属已离职')).toBe('')
    expect(revokeReasonProblem('字'.repeat(200))).toBe('')
    expect(revokeReasonProblem('字'.repeat(201))).toBe('撤销原因最多 200 个字')
  })

  it('names what is revoked', () => {
    expect(revokeQuestion('conflicts', conflict())).toContain('“王建国”与“重庆渝中精密机械有限公司”')
    const exemption = { target_name: '重庆某某公司', source_document: '渝经信发〔2026〕12号' } as Exemption
    expect(revokeQuestion('exemptions', exemption)).toContain('“重庆某某公司”将按正常规则参与随机抽取（依据文件：渝经信发〔2026〕12号）')
  })
})

describe('kKinds', () => {
  it('names the permissions and columns of each kind', () => {
    expect(kKinds.conflicts.perm).toBe('directory:conflict')
    expect(kKinds.exemptions.perm).toBe('directory:exemption')
    for (const kind of Object.values(kKinds)) {
      const keys = kind.columns.map((c) => c.key)
      expect(new Set(keys).size).toBe(keys.length)
      expect(keys).toContain('status')
    }
  })
})
