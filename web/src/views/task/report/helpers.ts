// Pure helpers of a task's 抽查情况报告 (/task/report/:id) and of its print page: the report's
// title, the rate of problems found, the figures as rows (for the page and the printed table),
// the records still open (a report is finalised only when none is 待录入, 退回 or 待审核), the
// sections as edited against those saved (what 保存 sends, whether leaving loses anything), what
// stops a finalisation before it is sent, the section a server error names, and a section's
// text cut into paragraphs for print.
import type { RecordStatus } from '@/api/inspection'
import type { ReportFigures, ReportSectionKey, ReportSections, ReportTitle, TaskReport } from '@/api/report'
import { kRecordStatuses } from '@/views/inspection/record/helpers'
import type { TagType } from '@/utils/dict'

export const kMaxSectionChars = 5000

/** The sections in the report's order. */
export const kReportSectionKeys: readonly ReportSectionKey[] = ['overview', 'findings', 'handling', 'opinions']

/** The titles when the answer has none (the server's, in its order). */
export const kDefaultTitles: readonly ReportTitle[] = [
  { key: 'overview', title: '一、基本情况' },
  { key: 'findings', title: '二、检查发现的问题' },
  { key: 'handling', title: '三、处理情况' },
  { key: 'opinions', title: '四、意见和建议' },
]

/** The answer's titles for the four sections, in the report's order (a missing one by default). */
export function sectionTitles(titles: readonly ReportTitle[] | null | undefined): ReportTitle[] {
  return kReportSectionKeys.map((key) => titles?.find((t) => t.key === key) ?? kDefaultTitles.find((t) => t.key === key)!)
}

/** “关于2026年度节能监察随机抽查的抽查情况报告” (a trailing 任务 of the name left out). */
export function reportTitle(taskName: string | null | undefined): string {
  const name = (taskName ?? '').trim().replace(/任务$/, '')
  return name ? `关于${name}的抽查情况报告` : '抽查情况报告'
}

/** “12.5%” of problems among the inspected (one decimal, none when whole); '—' when none inspected. */
export function problemRate(problems: number, inspected: number): string {
  if (!inspected) return '—'
  const value = Math.round((problems / inspected) * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`
}

/** Records still with the team or the reviewer: 待录入, 退回, 待审核. */
export function openRecords(byStatus: Partial<Record<RecordStatus, number>> | null | undefined): number {
  return (byStatus?.pending ?? 0) + (byStatus?.returned ?? 0) + (byStatus?.submitted ?? 0)
}

export interface FigureRow {
  label: string
  value: string
  /** Shown in red on the page (something still open). */
  alert?: boolean
}

/** The report's figures as label and value, in the order a reader takes them in. */
export function figureRows(f: ReportFigures): FigureRow[] {
  const open = openRecords(f.by_status)
  const actions = f.actions.reduce((n, a) => n + a.count, 0)
  const actionsOpen = f.actions.reduce((n, a) => n + a.open, 0)
  return [
    { label: '抽取检查对象', value: `${f.targets} 户` },
    { label: '已完成检查', value: `${f.inspected} 户` },
    { label: '其中无法开展检查', value: `${f.uninspectable} 户` },
    { label: '发现问题', value: `${f.problems} 户` },
    { label: '问题发现率', value: problemRate(f.problems, f.inspected) },
    { label: '尚未完成审核', value: `${open} 户`, alert: open > 0 },
    { label: '后续处置措施', value: actionsOpen ? `${actions} 件（未办结 ${actionsOpen} 件）` : `${actions} 件`, alert: actionsOpen > 0 },
  ]
}

export interface StatusRow {
  status: RecordStatus
  label: string
  tag: TagType
  count: number
}

/** The records per status in the order a record goes through them, the empty ones left out. */
export function statusRows(byStatus: Partial<Record<RecordStatus, number>> | null | undefined): StatusRow[] {
  return kRecordStatuses
    .map((s) => ({ status: s.value, label: s.label, tag: s.tag ?? 'info', count: byStatus?.[s.value] ?? 0 }))
    .filter((r) => r.count > 0)
}

/** The four sections of an answer, each a string ('' for one it lacks). */
export function sectionsOf(report: Pick<TaskReport, 'sections'> | null | undefined): ReportSections {
  const out = {} as ReportSections
  for (const key of kReportSectionKeys) {
    const v = report?.sections?.[key]
    out[key] = typeof v === 'string' ? v : ''
  }
  return out
}

/** The sections edited since they were saved: what 保存 sends. */
export function changedSections(draft: ReportSections, saved: ReportSections): Partial<ReportSections> {
  const out: Partial<ReportSections> = {}
  for (const key of kReportSectionKeys) if (draft[key] !== saved[key]) out[key] = draft[key]
  return out
}

export const isDirty = (draft: ReportSections, saved: ReportSections) => Object.keys(changedSections(draft, saved)).length > 0

/** What stops 定稿 before anything is sent ('' when it can go): the server checks the same. */
export function finalizeProblem(figures: Pick<ReportFigures, 'by_status'>, draft: Pick<ReportSections, 'opinions'>): string {
  const open = openRecords(figures.by_status)
  if (open > 0) return `还有 ${open} 份检查记录未完成审核（待录入、退回或待审核），全部审核后才能定稿`
  if (!draft.opinions.trim()) return '请填写意见和建议后再定稿'
  return ''
}

/** The section a server field error names (“sections.opinions”), or null. */
export function sectionOfField(field: string | undefined): ReportSectionKey | null {
  const m = /^sections\.(\w+)$/.exec(field ?? '')
  const key = m?.[1] as ReportSectionKey | undefined
  return key && kReportSectionKeys.includes(key) ? key : null
}

/** A section's text as paragraphs (blank lines dropped, each line trimmed). */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** A section's length as the server counts it (code points). */
export const sectionChars = (text: string) => [...text].length
