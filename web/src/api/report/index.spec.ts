import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../http'
import { answerFetch, sentHeaders, type FetchCall } from '../testing'
import {
  archiveRecord,
  archiveZipUrl,
  closeFollowUp,
  finalizeTaskReport,
  getTargetInspections,
  getTaskReport,
  getYearSummary,
  listFollowUps,
  saveTaskReport,
  taskReportXlsxUrl,
  yearSummaryXlsxUrl,
} from './index'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)
const sent = () => calls.map((c) => `${c.init.method} ${c.url} ${c.init.body ?? ''}`.trim())

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-7')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('reading', () => {
  it('asks the routes of the contract', async () => {
    answer(200, { items: [] })
    await listFollowUps('open')
    await listFollowUps('closed')
    await getTargetInspections(31)
    await getTaskReport(7)
    await getYearSummary(2026)
    expect(sent()).toEqual([
      'GET /api/v1/follow-ups?status=open',
      'GET /api/v1/follow-ups?status=closed',
      'GET /api/v1/targets/31/inspections',
      'GET /api/v1/tasks/7/report',
      'GET /api/v1/reports/summary?year=2026',
    ])
  })

  it('leaves the errors of reads to the page', async () => {
    answer(404, { code: 'not_found', message: '检查对象不存在', details: {} })
    await expect(getTargetInspections(3)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    await expect(getTaskReport(3)).rejects.toMatchObject({ status: 404 })
    await expect(listFollowUps('open')).rejects.toMatchObject({ status: 404 })
    await expect(getYearSummary(2026)).rejects.toMatchObject({ status: 404 })
    expect(toasts).toEqual([])
  })
})

describe('writing', () => {
  it('sends the bodies of the contract with the CSRF token', async () => {
    answer(200, { id: 1 })
    await closeFollowUp(5, '复查已整改，立案编号 渝经信罚〔2026〕12 号')
    await saveTaskReport(7, { opinions: '加强日常监管' })
    await finalizeTaskReport(7)
    await archiveRecord(12)
    expect(sent()).toEqual([
      'POST /api/v1/follow-ups/5/close {"outcome":"复查已整改，立案编号 渝经信罚〔2026〕12 号"}',
      'PUT /api/v1/tasks/7/report {"sections":{"opinions":"加强日常监管"}}',
      'POST /api/v1/tasks/7/report/finalize {}',
      'POST /api/v1/inspections/12/archive {}',
    ])
    expect(calls.every((c) => sentHeaders(c)['X-CSRF-Token'] === 'tok-7')).toBe(true)
  })

  it('rejects the refusals quietly, with their code for the page', async () => {
    answer(409, { code: 'report.records_open', message: '还有检查记录未完成审核（待录入、退回或待审核），全部审核后才能定稿', details: {} })
    await expect(finalizeTaskReport(7)).rejects.toMatchObject({ status: 409, code: 'report.records_open' })
    answer(409, { code: 'inspection.followup_closed', message: '该后续处置已办结', details: {} })
    await expect(closeFollowUp(5, '已复查')).rejects.toMatchObject({ code: 'inspection.followup_closed' })
    answer(400, { code: 'request.invalid_field', message: '意见和建议最多 5000 个字', details: { field: 'sections.opinions' } })
    await expect(saveTaskReport(7, { opinions: 'x' })).rejects.toMatchObject({ field: 'sections.opinions' })
    answer(409, { code: 'report.not_published', message: '检查结果公示后才能归档', details: {} })
    await expect(archiveRecord(12)).rejects.toMatchObject({ code: 'report.not_published' })
    expect(toasts).toEqual([])
  })
})

describe('files', () => {
  it('links the downloads under the API base', () => {
    expect(taskReportXlsxUrl(7)).toBe('/api/v1/tasks/7/report.xlsx')
    expect(archiveZipUrl(12)).toBe('/api/v1/inspections/12/archive.zip')
    expect(yearSummaryXlsxUrl(2026)).toBe('/api/v1/reports/summary.xlsx?year=2026')
  })
})
