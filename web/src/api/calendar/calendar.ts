// Working-day calendar (docs/api.md § 工作日历): each date's status, deadline arithmetic, the
// years with an arrangement (shipped or entered by an administrator) and entering a year.
import { http } from '../http'

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday'

export interface CalendarDay {
  date: string
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  working: boolean
  kind: DayKind
  kind_name: string
  /** The holiday's name (春节 …), for holidays. */
  name: string
  /** The notice year that made it a holiday or a make-up workday. */
  notice_year?: number
}

export interface CalendarDays {
  from: string
  to: string
  working_days: number
  days: CalendarDay[]
}

export interface Holiday {
  date: string
  name: string
}

export interface YearArrangement {
  year: number
  /** shipped: compiled into the server; entered: by an administrator. */
  source: 'shipped' | 'entered'
  overrides_shipped: boolean
  notice_title: string
  notice_urls: string[]
  note: string
  holidays: Holiday[]
  workdays: string[]
  entered_by: string
  entered_at: string
}

export interface CalendarYears {
  items: YearArrangement[]
  years: number[]
  min_year: number
  max_year: number
}

export interface YearInput {
  notice_title: string
  notice_url: string
  holidays: Holiday[]
  workdays: string[]
}

/** Every date from `from` to `to` (at most 366); 409 calendar.year_not_covered for a year without an arrangement. */
export function listDays(from: string, to: string) {
  return http.get<CalendarDays>('/calendar/days', { from, to })
}

/** The n-th working day after `from` (n < 0: before). */
export function addWorkingDays(from: string, n: number) {
  return http.get<{ from: string; n: number; date: string; weekday: number }>('/calendar/working-days', { from, n })
}

/** The number of working days in (from, to]. */
export function countWorkingDays(from: string, to: string) {
  return http.get<{ from: string; to: string; working_days: number }>('/calendar/working-days', { from, to })
}

export function listYears() {
  return http.get<CalendarYears>('/calendar/years')
}

/** Adds or replaces a year's arrangement. Quiet: the dialog shows the error, which names the bad date. */
export function saveYear(year: number, input: YearInput) {
  return http.put<YearArrangement>(`/calendar/years/${year}`, input, { quiet: true })
}
