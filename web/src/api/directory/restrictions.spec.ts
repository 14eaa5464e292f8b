import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../http'
import { answerFetch, FakeXhr, sentHeaders, type FetchCall } from '../testing'
import {
  createConflict,
  createExemption,
  declareConflict,
  importRestrictions,
  listConflicts,
  listExemptions,
  restrictionTemplateUrl,
  revokeRestriction,
} from './restrictions'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)
const kPage = { items: [], total: 0, page: 1, page_size: 20 }

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-5')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('restriction routes', () => {
  it('lists each kind with only the filters that are set', async () => {
    answer(200, kPage)
    await listConflicts({ page: 1, page_size: 20, q: '渝中', status: undefined, current: true })
    await listExemptions({ page: 3, page_size: 10, status: '已撤销' })
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/conflicts?page=1&page_size=20&q=%E6%B8%9D%E4%B8%AD&current=true',
      '/api/v1/exemptions?page=3&page_size=10&status=%E5%B7%B2%E6%92%A4%E9%94%80',
    ])
  })

  it('registers quietly with the CSRF token, leaving the refused fields to the form', async () => {
    answer(409, {
      code: 'conflict.duplicate',
      message: '已登记该人员与该检查对象的利害关系',
      details: { field: 'target' },
    })
    await expect(createConflict({ inspector: 7, target: 41, reason: '配偶任职' })).rejects.toMatchObject({
      status: 409,
      field: 'target',
    })
    await expect(
      createExemption({
        target: 41,
        scope: '全部事项',
        valid_from: '2026-01-01',
        valid_until: '2026-12-31',
        source_document: '渝经信发〔2026〕12号',
      }),
    ).rejects.toMatchObject({ status: 409 })
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['POST', '/api/v1/conflicts'],
      ['POST', '/api/v1/exemptions'],
    ])
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ inspector: 7, target: 41, reason: '配偶任职' })
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-5')
    expect(toasts).toEqual([])
  })

  it('declares about oneself at /me/conflicts, quietly (the page explains a refusal)', async () => {
    answer(403, { code: 'conflict.not_an_inspector', message: '您的账号没有关联执法检查人员名录，不能申报利害关系', details: {} })
    await expect(declareConflict({ target: '91500103MA60K3T26Y', reason: '近亲属任职' })).rejects.toMatchObject({
      status: 403,
      code: 'conflict.not_an_inspector',
    })
    expect(calls[0].url).toBe('/api/v1/me/conflicts')
    expect(toasts).toEqual([])
  })

  it('revokes with the reason, showing a refusal', async () => {
    answer(200, { id: 5, status: '已撤销' })
    await revokeRestriction('exemptions', 5, '依据文件已废止')
    expect(calls[0].url).toBe('/api/v1/exemptions/5/revoke')
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ reason: '依据文件已废止' })
    answer(400, { code: 'request.invalid_field', message: '该记录已撤销', details: { field: 'status' } })
    await expect(revokeRestriction('conflicts', 6, '重复')).rejects.toMatchObject({ status: 400 })
    expect(toasts).toEqual(['该记录已撤销'])
  })

  it('names the template and posts an import of either kind, a workbook as a workbook', async () => {
    expect(restrictionTemplateUrl('conflicts')).toBe('/api/v1/conflicts/import/template')
    expect(restrictionTemplateUrl('exemptions')).toBe('/api/v1/exemptions/import/template')
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const file = new Blob(['PK'])
    const promise = importRestrictions('exemptions', file, '免检.xlsx', { skipInvalid: true, updateExisting: false })
    const xhr = FakeXhr.last
    expect(xhr.url).toBe('/api/v1/exemptions/import?skip_invalid=true&update_existing=false&file_name=%E5%85%8D%E6%A3%80.xlsx')
    expect(xhr.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xhr.body).toBe(file)
    const report = { rows: 0, invalid_rows: 0, inserted: 0, updated: 0, committed: true, problems: [], problems_dropped: 0 }
    xhr.answer(200, report)
    await expect(promise).resolves.toEqual(report)
  })
})
