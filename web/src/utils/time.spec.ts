import { describe, expect, it } from 'vitest'
import { formatDateTime, localDayRangeToIso, shanghaiToday } from './time'

// vite.config.ts runs the tests with TZ=Asia/Shanghai (UTC+8, no DST).
describe('formatDateTime', () => {
  it('shows UTC instants in local time', () => {
    expect(formatDateTime('2026-11-22T08:30:00.000Z')).toBe('2026-11-22 16:30:00')
    expect(formatDateTime('2026-12-31T16:00:05.000Z')).toBe('2027-01-01 00:00:05')
  })
  it('falls back for empty or bad input', () => {
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('')).toBe('—')
    expect(formatDateTime('not a date', '-')).toBe('-')
  })
})

describe('localDayRangeToIso', () => {
  it('covers both local days whole', () => {
    expect(localDayRangeToIso(['2026-11-01', '2026-11-02'])).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-02T15:59:59.999Z',
    })
  })
  it('returns nothing for no range', () => {
    expect(localDayRangeToIso(null)).toEqual({})
    expect(localDayRangeToIso(['', ''])).toEqual({})
  })
})

describe('shanghaiToday', () => {
  it('turns the date at midnight Beijing time, whatever the UTC date', () => {
    expect(shanghaiToday(new Date('2026-06-30T15:59:59.000Z'))).toBe('2026-06-30')
    expect(shanghaiToday(new Date('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01')
  })
})
