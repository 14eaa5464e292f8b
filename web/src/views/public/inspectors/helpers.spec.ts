import { describe, expect, it } from 'vitest'
import type { PublicInspector } from '@/api/directory/inspectors'
import { blankPublicFilters, publicQuery, publicRow } from './helpers'

const kRow: PublicInspector = {
  name: '王建国',
  gender: '男',
  post: '科长',
  cert_no: '渝执500103001',
  cert_valid_until: '2028-06-30',
  department_name: '节能与综合利用处',
}

describe('publicQuery', () => {
  it('trims the search and leaves out what is blank', () => {
    expect(publicQuery({ page: 1, page_size: 20 }, blankPublicFilters())).toEqual({
      page: 1,
      page_size: 20,
      q: undefined,
      department: undefined,
    })
    expect(publicQuery({ page: 3, page_size: 10 }, { q: ' 渝执 ', department: ' 综合 ' })).toEqual({
      page: 3,
      page_size: 10,
      q: '渝执',
      department: '综合',
    })
  })
})

describe('publicRow', () => {
  it('has nothing to mask: the six published fields pass as they are', () => {
    expect(publicRow(kRow, '2026-11-22')).toEqual({ ...kRow, expired: false })
  })

  it('never carries a field beyond the published six (no phone, no ID number)', () => {
    const answer = { ...kRow, phone: '13983001234', id_number: '500103199001011232', id: 7 } as PublicInspector
    const row = publicRow(answer, '2026-11-22')
    expect(Object.keys(row).sort()).toEqual(
      ['cert_no', 'cert_valid_until', 'department_name', 'expired', 'gender', 'name', 'post'].sort(),
    )
    expect(JSON.stringify(row)).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/)
  })

  it('marks a certificate that ended before today', () => {
    expect(publicRow({ ...kRow, cert_valid_until: '2026-11-21' }, '2026-11-22').expired).toBe(true)
    expect(publicRow({ ...kRow, cert_valid_until: '2026-11-22' }, '2026-11-22').expired).toBe(false)
    expect(publicRow({ ...kRow, cert_valid_until: '' }, '2026-11-22').expired).toBe(false)
  })

  it('shows a missing text as empty, not as "undefined"', () => {
    const row = publicRow({ ...kRow, post: undefined as unknown as string }, '2026-11-22')
    expect(row.post).toBe('')
  })
})
