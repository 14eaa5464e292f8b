// Pure logic of the 工作日历 page: dates as YYYY-MM-DD text (computed in UTC, so the browser's
// time zone never shifts a day), a month as weeks for the grid, the text of a 国务院办公厅 notice
// read into holiday rows, and rows turned into the API's lists and back.
import type { CalendarDay, Holiday } from '@/api/calendar/calendar'

/** One holiday of a notice as the dialog edits it: a name, the days off, the weekend days worked. */
export interface HolidayRow {
  name: string
  /** First and last day off, inclusive; null until picked. */
  range: [string, string] | null
  workdays: string[]
}

export const kHolidayNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节']
const kWeekdayNames = ['一', '二', '三', '四', '五', '六', '日']
const kDayMs = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}

function fromUtc(ms: number): string {
  const date = new Date(ms)
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

/** Whether `text` is a real date written YYYY-MM-DD. */
export function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && fromUtc(toUtc(text)) === text
}

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * kDayMs)
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / kDayMs)
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(toUtc(date)).getUTCDay()
  return day === 0 ? 7 : day
}

/** 周一 … 周日. */
export function weekdayName(date: string): string {
  return `周${kWeekdayNames[weekdayOf(date) - 1]}`
}

/** 2月15日. */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** The title every notice has. */
export function noticeTitle(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`
}

/** The weeks of a month (1–12), Monday first; days outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = isoDate(year, month, 1)
  const length = daysBetween(first, month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1))
  const cells: (string | null)[] = Array(weekdayOf(first) - 1).fill(null)
  for (let day = 1; day <= length; day++) cells.push(isoDate(year, month, day))
  while (cells.length % 7) cells.push(null)
  const weeks: (string | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

export interface YearSummary {
  working: number
  holidays: number
  makeup: number
}

export function summarize(days: readonly CalendarDay[]): YearSummary {
  return {
    working: days.filter((d) => d.working).length,
    holidays: days.filter((d) => d.kind === 'holiday').length,
    makeup: days.filter((d) => d.kind === 'makeup_workday').length,
  }
}

// --- reading a notice ------------------------------------------------------------------------

interface DateToken {
  year?: number
  month?: number
  day: number
  index: number
  end: number
}

function dateTokens(text: string): DateToken[] {
  const out: DateToken[] = []
  for (const m of text.matchAll(/(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g)) {
    out.push({
      year: m[1] ? Number(m[1]) : undefined,
      month: m[2] ? Number(m[2]) : undefined,
      day: Number(m[3]),
      index: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    })
  }
  return out
}

/** Full-width digits as ASCII; remarks in brackets (（周三）, （农历除夕、周二）) and spaces dropped. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .replace(/[ \t\u3000\u00a0]+/g, '')
}

/**
 * Reads the numbered items of a notice ("二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、
 * 周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。") for notice year `year`. A date
 * without a year is in `year`, unless a range runs from December into January: then it starts
 * in the year before (元旦 2019: 2018年12月30日至2019年1月1日). Sentences that neither give days
 * off (放假) nor days worked (上班), such as 鼓励…在除夕休息, are left out.
 */
export function parseNotice(text: string, year: number): { rows: HolidayRow[]; problems: string[] } {
  const rows: HolidayRow[] = []
  const problems: string[] = []
  const normal = normalise(text)
  // The numbered items; the greeting before the first (各省、自治区…：) is not one. Without
  // numbers, each line "春节：…" is an item.
  const markers = [...normal.matchAll(/(?:^|\n|。)[一二三四五六七八九十]+、/g)]
  const items = (
    markers.length
      ? markers.map((m, i) => normal.slice((m.index ?? 0) + m[0].length, markers[i + 1]?.index ?? normal.length))
      : normal.split('\n')
  ).filter((s) => s.includes(':'))
  for (const item of items) {
    const colon = item.indexOf(':')
    const name = item.slice(0, colon).replace(/\n/g, '')
    const row: HolidayRow = { name, range: null, workdays: [] }
    for (const sentence of item.slice(colon + 1).split(/[。；;\n]/)) {
      const off = sentence.indexOf('放假')
      if (off >= 0) {
        const tokens = dateTokens(sentence.slice(0, off))
        if (tokens.length === 0) {
          problems.push(`${name}：未找到放假日期`)
          continue
        }
        const first = tokens[0]
        const last = tokens.length > 1 && sentence.slice(first.end, tokens[1].index).includes('至') ? tokens[1] : first
        if (first.month === undefined) {
          problems.push(`${name}：放假日期缺少月份`)
          continue
        }
        const lastMonth = last.month ?? first.month
        const lastYear = last.year ?? first.year ?? year
        const firstYear = first.year ?? (lastMonth < first.month ? lastYear - 1 : lastYear)
        const from = isoDate(firstYear, first.month, first.day)
        const to = isoDate(lastYear, lastMonth, last.day)
        if (!isRealDate(from) || !isRealDate(to) || to < from) {
          problems.push(`${name}：放假日期“${sentence.slice(0, off)}”无法识别`)
          continue
        }
        row.range = [from, to]
        const total = /共(\d+)天/.exec(sentence)
        if (total && Number(total[1]) !== daysBetween(from, to) + 1) {
          problems.push(`${name}：识别出放假 ${daysBetween(from, to) + 1} 天，与通知中的“共${total[1]}天”不一致，请核对`)
        }
      } else if (sentence.includes('上班')) {
        let month: number | undefined
        // A December day worked before a break that starts in December is in the year before.
        const startsBefore = !!row.range && Number(row.range[0].slice(0, 4)) < year
        for (const t of dateTokens(sentence)) {
          month = t.month ?? month
          const inYear = t.year ?? (month === 12 && startsBefore ? year - 1 : year)
          const date = month === undefined ? '' : isoDate(inYear, month, t.day)
          if (!isRealDate(date)) problems.push(`${name}：上班日期“${sentence}”无法识别`)
          else row.workdays.push(date)
        }
      }
    }
    if (row.range || row.workdays.length) rows.push(row)
  }
  if (rows.length === 0) {
    problems.push('未能识别出放假安排。请粘贴通知正文中“一、元旦：……放假……”这样的各条')
  }
  return { rows, problems }
}

// --- rows and the API's lists --------------------------------------------------------------

/**
 * The API's lists from the dialog's rows, with what is wrong named in words: a row without
 * days or name, a day in two rows, a weekday or a day off entered as a day worked.
 */
export function expandRows(rows: readonly HolidayRow[]): { holidays: Holiday[]; workdays: string[]; problems: string[] } {
  const problems: string[] = []
  const byDate = new Map<string, string>()
  const holidays: Holiday[] = []
  rows.forEach((row, idx) => {
    const label = row.name.trim() || `第 ${idx + 1} 行`
    if (!row.name.trim()) problems.push(`第 ${idx + 1} 行请填写节日名称`)
    if (!row.range) {
      if (row.name.trim() || row.workdays.length) problems.push(`请为“${label}”选择放假日期`)
      return
    }
    for (let date = row.range[0]; date <= row.range[1]; date = addDays(date, 1)) {
      const other = byDate.get(date)
      if (other !== undefined) {
        problems.push(`${date} 同时在“${other}”和“${label}”的放假日期中`)
        continue
      }
      byDate.set(date, label)
      holidays.push({ date, name: row.name.trim() })
    }
  })
  const workdays: string[] = []
  for (const row of rows) {
    for (const date of row.workdays) {
      if (workdays.includes(date)) continue
      if (byDate.has(date)) problems.push(`${date} 既是放假日期又是调休上班日期`)
      else if (weekdayOf(date) < 6) problems.push(`${date} 是${weekdayName(date)}，调休上班日只能是周六或周日`)
      workdays.push(date)
    }
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date))
  workdays.sort()
  return { holidays, workdays, problems }
}

/**
 * Rows for editing a stored arrangement: consecutive days off with the same name make one row;
 * each day worked goes with the nearest row (the lists carry no link between the two).
 */
export function rowsFromArrangement(holidays: readonly Holiday[], workdays: readonly string[]): HolidayRow[] {
  const rows: HolidayRow[] = []
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date))
  for (const h of sorted) {
    const last = rows[rows.length - 1]
    if (last?.range && last.name === h.name && addDays(last.range[1], 1) === h.date) last.range = [last.range[0], h.date]
    else rows.push({ name: h.name, range: [h.date, h.date], workdays: [] })
  }
  const distance = (row: HolidayRow, date: string) =>
    row.range ? Math.max(0, daysBetween(date, row.range[0]), daysBetween(row.range[1], date)) : Infinity
  for (const date of [...workdays].sort()) {
    let best: HolidayRow | undefined
    for (const row of rows) if (!best || distance(row, date) < distance(best, date)) best = row
    if (best) best.workdays.push(date)
    else rows.push({ name: '', range: null, workdays: [date] })
  }
  return rows
}

/** "2月15日（周日）至2月23日（周一）", or one day. */
export function describeRange(range: readonly [string, string]): string {
  const one = (d: string) => `${monthDay(d)}（${weekdayName(d)}）`
  return range[0] === range[1] ? one(range[0]) : `${one(range[0])}至${one(range[1])}`
}

/** "1月26日（周日）、2月8日（周六）", or "—". */
export function describeWorkdays(workdays: readonly string[]): string {
  return workdays.length ? workdays.map((d) => `${monthDay(d)}（${weekdayName(d)}）`).join('、') : '—'
}
