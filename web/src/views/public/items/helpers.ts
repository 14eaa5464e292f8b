// Pure helpers of the public 抽查事项清单公示: the search as a query, and each item reduced to
// what is published (never the ratio cap, the nature, the exempt-list rule or ids: the API does
// not send them, and the page keeps to the published fields so a field added later is not shown
// to the public by accident).
import type { PublicItem, PublicItemQuery } from '@/api/catalog/items'
import type { PageParams } from '@/composables/usePagedList'
import { formatDateTime } from '@/utils/time'

export interface PublicItemFilters {
  /** Part of the name, the sub-item or the code. */
  q: string
  /** 抽查领域, exactly ('' = all). */
  domain: string
  /** Part of the initiating or a cooperating department's name. */
  department: string
}

export function blankPublicItemFilters(): PublicItemFilters {
  return { q: '', domain: '', department: '' }
}

export function publicItemQuery(params: PageParams, f: PublicItemFilters): PublicItemQuery {
  return {
    ...params,
    q: f.q.trim() || undefined,
    domain: f.domain || undefined,
    department: f.department.trim() || undefined,
  }
}

/** An item as the page shows it. */
export interface PublicItemRow {
  code: string
  domain: string
  name: string
  sub_item: string
  category: string
  content: string
  basis: string
  methods: string
  frequency: string
  target: string
  target_type_name: string
  initiating_department: string
  cooperating_departments: string
  publication: string
  /** “第 2 版，2026-11-22 发布”. */
  published: string
}

/** The published fields of `raw`, lists joined with 、, and nothing else. */
export function publicItemRow(raw: PublicItem): PublicItemRow {
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('、') : '')
  const day = formatDateTime(text(raw.published_at), '').slice(0, 10)
  const version = Number.isInteger(raw.version) && raw.version > 0 ? `第 ${raw.version} 版` : ''
  return {
    code: text(raw.code),
    domain: text(raw.domain),
    name: text(raw.name),
    sub_item: text(raw.sub_item),
    category: text(raw.category),
    content: text(raw.content),
    basis: text(raw.basis),
    methods: list(raw.methods),
    frequency: text(raw.frequency),
    target: text(raw.target),
    target_type_name: text(raw.target_type_name),
    initiating_department: text(raw.initiating_department),
    cooperating_departments: list(raw.cooperating_departments),
    publication: text(raw.publication),
    published: [version, day && `${day} 发布`].filter(Boolean).join('，'),
  }
}

/** 重点检查事项 or 一般检查事项, as the public reads a category. */
export function categoryName(category: string): string {
  return category ? `${category}检查事项` : ''
}

/** Whether the card at `index` starts a new 抽查领域 (the list comes ordered by domain). */
export function startsDomain(rows: readonly Pick<PublicItemRow, 'domain'>[], index: number): boolean {
  return index === 0 || rows[index].domain !== rows[index - 1].domain
}
