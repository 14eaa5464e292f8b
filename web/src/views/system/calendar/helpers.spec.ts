import { describe, expect, it } from 'vitest'
import {
  addDays,
  describeRange,
  describeWorkdays,
  expandRows,
  isRealDate,
  monthWeeks,
  parseNotice,
  rowsFromArrangement,
  summarize,
  weekdayOf,
  type HolidayRow,
} from './helpers'
import type { CalendarDay } from '@/api/calendar/calendar'

// The 2025 notice (国办发明电〔2024〕12号) as it is printed, greeting and closing included.
const kNotice2025 = `各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　根据《国务院关于修改〈全国年节及纪念日放假办法〉的决定》，为便于各地区、各部门及早合理安排节假日旅游、交通运输、生产经营等有关工作，经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周三）放假1天，不调休。
　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。
　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2024年11月12日`

// The 2024 notice's items: 除夕 (2月9日) is only recommended as a day off.
const kNotice2024 = `一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。`

describe('parseNotice', () => {
  it('reads the 2025 notice into the arrangement the server ships', () => {
    const { rows, problems } = parseNotice(kNotice2025, 2025)
    expect(problems).toEqual([])
    expect(rows.map((r) => r.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节'])
    expect(rows[1]).toEqual({ name: '春节', range: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] })
    expect(rows[4].range).toEqual(['2025-05-31', '2025-06-02'])
    const { holidays, workdays, problems: left } = expandRows(rows)
    expect(left).toEqual([])
    expect(holidays).toHaveLength(28)
    expect(holidays.filter((h) => h.name === '春节').map((h) => h.date)).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    ])
    expect(workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'])
  })

  it('reads 2024: 2024-02-04 and 2024-02-18 worked, 除夕 not a day off', () => {
    const { rows, problems } = parseNotice(kNotice2024, 2024)
    expect(problems).toEqual([])
    const { holidays, workdays } = expandRows(rows)
    expect(holidays).toHaveLength(28)
    expect(holidays.map((h) => h.date)).not.toContain('2024-02-09')
    expect(holidays.find((h) => h.date === '2024-06-10')?.name).toBe('端午节')
    expect(workdays).toEqual([
      '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
    ])
  })

  it('puts a break that starts in December in the year before', () => {
    const explicit = parseNotice('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019)
    expect(explicit.rows[0]).toEqual({ name: '元旦', range: ['2018-12-30', '2019-01-01'], workdays: ['2018-12-29'] })
    const implicit = parseNotice('一、元旦：12月30日至1月1日放假调休，共3天。12月29日上班。', 2019)
    expect(implicit.rows[0]).toEqual(explicit.rows[0])
  })

  it('reads full-width digits and a line without a number', () => {
    const { rows } = parseNotice('春节：２月１５日至２３日放假调休，共９天。２月１４日、２月２８日上班。', 2026)
    expect(rows).toEqual([{ name: '春节', range: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] }])
  })

  it('says what it could not read', () => {
    expect(parseNotice('放假安排另行通知', 2027).problems[0]).toContain('未能识别出放假安排')
    const miscounted = parseNotice('二、春节：2月5日至11日放假调休，共8天。', 2027)
    expect(miscounted.problems).toEqual(['春节：识别出放假 7 天，与通知中的“共8天”不一致，请核对'])
    expect(parseNotice('二、春节：2月30日放假。', 2027).problems[0]).toContain('无法识别')
  })
})

describe('expandRows', () => {
  it('names overlaps, rows without dates and days worked that cannot be', () => {
    const rows: HolidayRow[] = [
      { name: '中秋节', range: ['2027-09-15', '2027-09-17'], workdays: ['2027-09-18'] },
      { name: '国庆节', range: ['2027-09-17', '2027-09-18'], workdays: ['2027-09-22'] },
      { name: '端午节', range: null, workdays: [] },
      { name: '', range: ['2027-06-09', '2027-06-09'], workdays: [] },
    ]
    expect(expandRows(rows).problems).toEqual([
      '2027-09-17 同时在“中秋节”和“国庆节”的放假日期中',
      '请为“端午节”选择放假日期',
      '第 4 行请填写节日名称',
      '2027-09-18 既是放假日期又是调休上班日期',
      '2027-09-22 是周三，调休上班日只能是周六或周日',
    ])
  })
})

describe('rowsFromArrangement', () => {
  it('groups consecutive days of one holiday and gives each day worked to the nearest', () => {
    const holidays = [
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-01-02', name: '元旦' },
      { date: '2026-01-03', name: '元旦' },
      { date: '2026-02-15', name: '春节' },
      { date: '2026-02-16', name: '春节' },
    ]
    const rows = rowsFromArrangement(holidays, ['2026-02-28', '2026-01-04', '2026-02-14'])
    expect(rows).toEqual([
      { name: '元旦', range: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
      { name: '春节', range: ['2026-02-15', '2026-02-16'], workdays: ['2026-02-14', '2026-02-28'] },
    ])
    expect(expandRows(rows).holidays).toEqual(holidays)
    expect(describeRange(rows[0].range!)).toBe('1月1日（周四）至1月3日（周六）')
    expect(describeWorkdays(rows[1].workdays)).toBe('2月14日（周六）、2月28日（周六）')
  })
})

describe('dates', () => {
  it('lays a month out Monday first', () => {
    const weeks = monthWeeks(2026, 2) // 2026-02-01 is a Sunday
    expect(weeks).toHaveLength(5)
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01'])
    expect(weeks[4].filter(Boolean)).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'])
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29)
  })

  it('counts in calendar days whatever the time zone', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(weekdayOf('2024-02-04')).toBe(7)
    expect(isRealDate('2025-02-29')).toBe(false)
    expect(isRealDate('2024-02-29')).toBe(true)
  })

  it('sums a year', () => {
    const day = (kind: CalendarDay['kind'], working: boolean): CalendarDay => ({
      date: '',
      weekday: 1,
      working,
      kind,
      kind_name: '',
      name: '',
    })
    expect(summarize([day('workday', true), day('makeup_workday', true), day('holiday', false), day('weekend', false)])).toEqual({
      working: 2,
      holidays: 1,
      makeup: 1,
    })
  })
})
