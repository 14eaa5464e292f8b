import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../http'
import { answerFetch, sentHeaders, type FetchCall } from '../testing'
import { addWorkingDays, countWorkingDays, listDays, listYears, saveYear } from './calendar'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-5')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('calendar routes', () => {
  it('reads days, deadlines and years', async () => {
    answerFetch(calls, 200, {})
    await listDays('2026-01-01', '2026-12-31')
    await addWorkingDays('2025-01-24', 3)
    await countWorkingDays('2025-01-19', '2025-02-16')
    await listYears()
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/calendar/days?from=2026-01-01&to=2026-12-31',
      '/api/v1/calendar/working-days?from=2025-01-24&n=3',
      '/api/v1/calendar/working-days?from=2025-01-19&to=2025-02-16',
      '/api/v1/calendar/years',
    ])
  })

  it('saves a year quietly: the dialog shows the date the server names', async () => {
    const input = {
      notice_title: '国务院办公厅关于2027年部分节假日安排的通知',
      notice_url: '',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    }
    answerFetch(calls, 400, {
      code: 'request.invalid_field',
      message: '调休上班日期 2027-02-03 是星期三，本来就是工作日；调休上班日只能是周六或周日',
      details: { field: 'workdays', value: '2027-02-03' },
    })
    await expect(saveYear(2027, input)).rejects.toMatchObject({ status: 400, field: 'workdays' })
    expect(calls[0].url).toBe('/api/v1/calendar/years/2027')
    expect(calls[0].init.method).toBe('PUT')
    expect(JSON.parse(String(calls[0].init.body))).toEqual(input)
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-5')
    expect(toasts).toEqual([])
  })
})
