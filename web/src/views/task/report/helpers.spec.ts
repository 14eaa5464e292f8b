import { describe, expect, it } from 'vitest'
import type { ReportFigures, ReportSections } from '@/api/report'
import {
  changedSections,
  figureRows,
  finalizeProblem,
  isDirty,
  openRecords,
  paragraphs,
  problemRate,
  reportTitle,
  sectionChars,
  sectionOfField,
  sectionTitles,
  sectionsOf,
  statusRows,
} from './helpers'

function figures(over: Partial<ReportFigures> = {}): ReportFigures {
  return {
    task: { code: 'T2026-00012', name: '2026年度节能监察随机抽查', department_name: '节能与综合利用处', start_date: '2026-12-01', end_date: '2026-12-31', items: [] },
    targets: 8,
    by_status: { reviewed: 3, published: 5 },
    inspected: 8,
    problems: 3,
    uninspectable: 1,
    by_category: [],
    actions: [
      { kind: '责令改正', count: 3, open: 1 },
      { kind: '移送办案机构', count: 1, open: 0 },
    ],
    ...over,
  }
}

const sections = (over: Partial<ReportSections> = {}): ReportSections => ({
  overview: '基本情况',
  findings: '发现问题',
  handling: '处理情况',
  opinions: '',
  ...over,
})

describe('titles', () => {
  it('names the report after the task', () => {
    expect(reportTitle('2026年度节能监察随机抽查')).toBe('关于2026年度节能监察随机抽查的抽查情况报告')
    expect(reportTitle('2026年工业产品质量抽查任务')).toBe('关于2026年工业产品质量抽查的抽查情况报告')
    expect(reportTitle('')).toBe('抽查情况报告')
  })

  it('keeps the four sections in order, filling a missing title', () => {
    const t = sectionTitles([
      { key: 'opinions', title: '四、意见建议' },
      { key: 'overview', title: '一、基本情况' },
    ])
    expect(t.map((x) => x.key)).toEqual(['overview', 'findings', 'handling', 'opinions'])
    expect(t[3].title).toBe('四、意见建议')
    expect(t[1].title).toBe('二、检查发现的问题')
    expect(sectionTitles(null).map((x) => x.title)[0]).toBe('一、基本情况')
  })
})

describe('figures', () => {
  it('gives the rate with one decimal, none when whole', () => {
    expect(problemRate(3, 8)).toBe('37.5%')
    expect(problemRate(1, 3)).toBe('33.3%')
    expect(problemRate(2, 4)).toBe('50%')
    expect(problemRate(0, 5)).toBe('0%')
    expect(problemRate(0, 0)).toBe('—')
  })

  it('counts the records still open', () => {
    expect(openRecords({ pending: 2, returned: 1, submitted: 3, reviewed: 9 })).toBe(6)
    expect(openRecords({})).toBe(0)
    expect(openRecords(null)).toBe(0)
  })

  it('lists the figures, flagging what is still open', () => {
    const rows = figureRows(figures())
    expect(rows.map((r) => `${r.label}:${r.value}`)).toEqual([
      '抽取检查对象:8 户',
      '已完成检查:8 户',
      '其中无法开展检查:1 户',
      '发现问题:3 户',
      '问题发现率:37.5%',
      '尚未完成审核:0 户',
      '后续处置措施:4 件（未办结 1 件）',
    ])
    expect(rows.filter((r) => r.alert).map((r) => r.label)).toEqual(['后续处置措施'])
    const open = figureRows(figures({ by_status: { pending: 2, reviewed: 6 }, actions: [] }))
    expect(open.find((r) => r.label === '尚未完成审核')).toEqual({ label: '尚未完成审核', value: '2 户', alert: true })
    expect(open.at(-1)).toEqual({ label: '后续处置措施', value: '0 件', alert: false })
  })

  it('lists the statuses in their order, without the empty ones', () => {
    expect(statusRows({ published: 5, pending: 1, returned: 0 }).map((r) => `${r.label}${r.count}`)).toEqual(['待录入1', '已公示5'])
    expect(statusRows(undefined)).toEqual([])
  })
})

describe('editing', () => {
  it('reads the four sections, empty when missing', () => {
    expect(sectionsOf({ sections: { overview: 'a' } as ReportSections })).toEqual({ overview: 'a', findings: '', handling: '', opinions: '' })
    expect(sectionsOf(null).opinions).toBe('')
  })

  it('sends only what changed', () => {
    const saved = sections()
    expect(changedSections(sections(), saved)).toEqual({})
    expect(isDirty(sections(), saved)).toBe(false)
    expect(changedSections(sections({ opinions: '建议加强日常监管', findings: '' }), saved)).toEqual({ opinions: '建议加强日常监管', findings: '' })
    expect(isDirty(sections({ handling: '处理情况 ' }), saved)).toBe(true)
  })

  it('stops a finalisation while records are open or opinions are blank', () => {
    expect(finalizeProblem({ by_status: { submitted: 2, reviewed: 6 } }, { opinions: '建议' })).toBe(
      '还有 2 份检查记录未完成审核（待录入、退回或待审核），全部审核后才能定稿',
    )
    expect(finalizeProblem({ by_status: { reviewed: 8 } }, { opinions: '  \n' })).toBe('请填写意见和建议后再定稿')
    expect(finalizeProblem({ by_status: { reviewed: 8 } }, { opinions: '建议' })).toBe('')
  })

  it('finds the section a server error names', () => {
    expect(sectionOfField('sections.opinions')).toBe('opinions')
    expect(sectionOfField('sections.preface')).toBeNull()
    expect(sectionOfField('sections')).toBeNull()
    expect(sectionOfField(undefined)).toBeNull()
  })

  it('counts characters as the server does', () => {
    expect(sectionChars('意见𠀀')).toBe(3)
  })
})

describe('print', () => {
  it('cuts a section into paragraphs', () => {
    expect(paragraphs('  第一段。\r\n\n  第二段。 \n')).toEqual(['第一段。', '第二段。'])
    expect(paragraphs('')).toEqual([])
    expect(paragraphs(null)).toEqual([])
  })
})
