// Pure helpers of the public 年度抽查工作计划公示: each published plan reduced to what is published
// (never ids, the workflow or who wrote it: the API does not send them, and the page keeps to the
// published fields so a field added later is not shown to the public by accident), grouped by year,
// and searched by a keyword in the page.
import type { PublicPlan } from '@/api/plan'
import { formatDateTime } from '@/utils/time'

export interface PublicPlanRow {
  item_name: string
  domain: string
  target_scope: string
  category: string
  /** “2027-04-01 至 2027-06-30”. */
  period: string
  /** “5%”, “50 户”, or both. */
  size: string
  /** Department names joined with 、. */
  cooperating: string
}

export interface PublicPlanCard {
  /** For v-for: the plan and its version. */
  key: string
  year: number
  name: string
  department: string
  /** “第 2 版，2026-11-22 公开”. */
  published: string
  rows: PublicPlanRow[]
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** The published fields of one row. */
export function publicPlanRow(raw: unknown): PublicPlanRow {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const start = text(r.start_date)
  const end = text(r.end_date)
  const ratio = text(r.ratio)
  const count = typeof r.count === 'number' && r.count > 0 ? r.count : 0
  const cooperating = Array.isArray(r.cooperating)
    ? r.cooperating
        .map((d) => (d && typeof d === 'object' ? text((d as Record<string, unknown>).name) : ''))
        .filter(Boolean)
        .join('、')
    : ''
  return {
    item_name: text(r.item_name),
    domain: text(r.domain),
    target_scope: text(r.target_scope),
    category: text(r.category),
    period: start || end ? `${start || '?'} 至 ${end || '?'}` : '—',
    size: [ratio && `${ratio}%`, count && `${count} 户`].filter(Boolean).join('，') || '—',
    cooperating,
  }
}

export function publicPlanCard(raw: PublicPlan): PublicPlanCard {
  const day = formatDateTime(text(raw.published_at), '').slice(0, 10)
  const version = Number.isInteger(raw.version) && raw.version > 0 ? `第 ${raw.version} 版` : ''
  const year = Number.isInteger(raw.year) ? raw.year : 0
  return {
    key: `${String(raw.id)}-${String(raw.version)}`,
    year,
    name: text(raw.name),
    department: text(raw.department_name),
    published: [version, day && `${day} 公开`].filter(Boolean).join('，'),
    rows: Array.isArray(raw.rows) ? raw.rows.map(publicPlanRow) : [],
  }
}

/** The plans under their year, newest year first, in the order given within a year. */
export function byYear(plans: readonly PublicPlanCard[]): { year: number; plans: PublicPlanCard[] }[] {
  const groups = new Map<number, PublicPlanCard[]>()
  for (const plan of plans) {
    const list = groups.get(plan.year) ?? []
    list.push(plan)
    groups.set(plan.year, list)
  }
  return [...groups].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, plans: list }))
}

/** The years to choose from: those with plans and this year, newest first, as strings. */
export function publicYears(plans: readonly Pick<PublicPlanCard, 'year'>[], thisYear: number): string[] {
  const years = new Set([thisYear, ...plans.map((p) => p.year).filter((y) => y > 0)])
  return [...years].sort((a, b) => b - a).map(String)
}

/** Plans whose name, department or an item (name, 抽查领域, 对象范围) holds `keyword`; all when blank. */
export function matchPlans(plans: readonly PublicPlanCard[], keyword: string): PublicPlanCard[] {
  const k = keyword.trim().toLowerCase()
  if (!k) return [...plans]
  const has = (s: string) => s.toLowerCase().includes(k)
  return plans.filter(
    (p) => has(p.name) || has(p.department) || p.rows.some((r) => has(r.item_name) || has(r.domain) || has(r.target_scope)),
  )
}
