import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from './http'
import { answerFetch, sentHeaders, type FetchCall } from './testing'
import { exportFileUrl, exportFilter, getExport, startExport } from './exports'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-9')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('exportFilter', () => {
  it('keeps what is set, as strings, without the page', () => {
    expect(
      exportFilter({ page: 3, page_size: 50, name: '渝中', department_id: 4, current: true, code: '', tag: undefined, x: null }),
    ).toEqual({ name: '渝中', department_id: '4', current: 'true' })
    expect(exportFilter({ page: 1, page_size: 20 })).toEqual({})
  })
})

describe('export routes', () => {
  it('starts an export with the kind, format and filter, sending the CSRF token, quietly', async () => {
    answerFetch(calls, 202, { id: 'e1', kind: 'targets', format: 'xlsx', status: 'running', rows: 0, file_name: '检查对象.xlsx' })
    const job = await startExport('targets', 'xlsx', { name: '渝中' })
    expect(job.status).toBe('running')
    expect(calls[0].url).toBe('/api/v1/exports')
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ kind: 'targets', format: 'xlsx', filter: { name: '渝中' } })
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-9')
  })

  it('leaves export.busy to the caller (no toast)', async () => {
    answerFetch(calls, 429, { code: 'export.busy', message: '正在进行的导出较多，请稍后再试', details: {} })
    await expect(startExport('items', 'csv', {})).rejects.toMatchObject({ status: 429, code: 'export.busy' })
    expect(toasts).toEqual([])
  })

  it('reads the status and names the file by id', async () => {
    answerFetch(calls, 200, { id: 7, status: 'done', rows: 12, file_name: 'a.csv', bytes: 300 })
    await getExport(7)
    expect(calls[0].url).toBe('/api/v1/exports/7')
    expect(exportFileUrl('a/b')).toBe('/api/v1/exports/a%2Fb/file')
  })
})
