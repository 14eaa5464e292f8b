import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../http'
import { answerFetch, sentHeaders, type FetchCall } from '../testing'
import { downloadReportWorkbook, type ImportProblem } from './import'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-7')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('downloadReportWorkbook', () => {
  const problems: ImportProblem[] = [
    { line: 4, column: '证件号码', value: '5.00103E+17', message: '单元格 A4 是数字，身份证号码已被 Excel 改写', level: 'error' },
  ]

  it('posts the report as JSON with the CSRF token and answers the workbook', async () => {
    answerFetch(calls, 200, {})
    const file = await downloadReportWorkbook('专家.xlsx', { problems, problems_dropped: 2 })
    expect(calls[0].url).toBe('/api/v1/imports/report.xlsx')
    expect(calls[0].init.method).toBe('POST')
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-7')
    expect(sentHeaders(calls[0])['Content-Type']).toBe('application/json')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ file_name: '专家.xlsx', problems, problems_dropped: 2 })
    expect(file.blob).toBeInstanceOf(Blob)
  })

  it('shows a refusal', async () => {
    answerFetch(calls, 400, { code: 'request.invalid_field', message: '应为问题数组', details: { field: 'problems' } })
    await expect(downloadReportWorkbook('a.csv', { problems: [], problems_dropped: 0 })).rejects.toMatchObject({ status: 400 })
    expect(toasts).toEqual(['应为问题数组'])
  })
})
