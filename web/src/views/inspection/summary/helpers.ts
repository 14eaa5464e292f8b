// Pure helpers of 年度统计 (GET /reports/summary): the year a `?year=` query names, the totals of
// the departments' rows, a fraction in per cent (名录覆盖率, 问题发现率 come as fractions 0–1), the
// bars of a breakdown (highest problem rate first, only rows with something inspected, at most
// `limit` of them) and whether a year has anything to show at all.
import type { SummaryDepartment, SummaryRate, YearSummary } from '@/api/report'
import { percentText, type BarItem } from '@/components/barChart'

export { percentText }

/** The year of a `?year=` query (four digits), else `fallback`. */
export function yearOf(value: unknown, fallback: number): number {
  return typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : fallback
}

export interface DepartmentTotals {
  tasks: number
  drawn: number
  inspected: number
  problems: number
  directory_targets: number
}

export function departmentTotals(rows: readonly SummaryDepartment[]): DepartmentTotals {
  const t: DepartmentTotals = { tasks: 0, drawn: 0, inspected: 0, problems: 0, directory_targets: 0 }
  for (const r of rows) {
    t.tasks += r.tasks
    t.drawn += r.drawn
    t.inspected += r.inspected
    t.problems += r.problems
    t.directory_targets += r.directory_targets
  }
  return t
}

/** problems / inspected in per cent; '—' when nothing was inspected. */
export function rateText(problems: number, inspected: number): string {
  return inspected ? percentText(problems / inspected) : '—'
}

export interface RateBars {
  items: BarItem[]
  /** Rows left out beyond the limit. */
  more: number
}

/**
 * The bars of a breakdown: rows with something inspected, the highest problem rate first (then
 * more problems, then more inspected), at most `limit`, each with “检查 N 户，发现问题 M 户”.
 */
export function rateBars(rows: readonly SummaryRate[] | null | undefined, limit = 15): RateBars {
  const kept = (rows ?? [])
    .filter((r) => r.inspected > 0)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.rate - a.r.rate || b.r.problems - a.r.problems || b.r.inspected - a.r.inspected || a.i - b.i)
    .map((x) => x.r)
  return {
    items: kept.slice(0, limit).map((r) => ({ name: r.name || r.key || '（未填写）', value: r.rate, detail: `检查 ${r.inspected} 户，发现问题 ${r.problems} 户` })),
    more: Math.max(0, kept.length - limit),
  }
}

/** The year has rows to show (a department with a task, or something inspected). */
export function hasData(s: YearSummary | null | undefined): boolean {
  if (!s) return false
  return s.departments.length > 0 || s.by_item.length > 0 || s.by_district.length > 0 || s.by_industry.length > 0
}

/** The departments, the most targets drawn first (then by name, as the server gave them). */
export function sortDepartments(rows: readonly SummaryDepartment[]): SummaryDepartment[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.drawn - a.r.drawn || b.r.tasks - a.r.tasks || a.i - b.i)
    .map((x) => x.r)
}
