// The 变更历史 of a directory row (targets, inspectors): every stored version with what it
// changed from the one before, its fields named and its values formatted by the caller.
import { dictLabel, dictTag, type Dict, type TagType } from './dict'
import { diffObjects } from './diff'
import { formatDateTime } from './time'

/** One stored version as the API sends it: `data` holds the row's fields as that version saved them. */
export interface VersionEntry {
  version: number
  action: string
  data: Record<string, unknown>
  changed_by: string
  changed_at: string
}

export const kHistoryActions: Dict<'create' | 'update' | 'import' | 'restore'> = [
  { value: 'create', label: '新增', tag: 'success' },
  { value: 'update', label: '修改', tag: 'primary' },
  { value: 'import', label: '导入', tag: 'warning' },
  // An item retired and then published again, as a version of its own.
  { value: 'restore', label: '重新发布', tag: 'success' },
]

/** How a resource's versions read: the field names (in the order changes are listed) and values. */
export interface HistoryFields {
  labels: Record<string, string>
  value(field: string, value: unknown): string
}

export interface HistoryChange {
  field: string
  label: string
  before: string
  after: string
}

export interface HistoryItem {
  version: number
  action: string
  actionLabel: string
  actionTag: TagType
  changedBy: string
  changedAt: string
  /** The first version kept: nothing to compare with. */
  first: boolean
  /** The fields this version changed from the one before it (empty for the first). */
  changes: HistoryChange[]
  /** What the version is now, for resources with published versions (草稿, 已发布, 已替代 …). */
  state?: { label: string; tag: TagType }
  /** What happened to the version after it was saved: “发布：张三 2026-11-22 10:00” … */
  events?: string[]
  /** Said instead of the changes (e.g. a version that restores an earlier one). */
  note?: string
}

/** A stored value with no special meaning: "（空）" for nothing, lists joined by "、", objects as JSON. */
export function plainHistoryValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）'
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '（空）'
  if (typeof value === 'object') {
    const text = JSON.stringify(value)
    return text === '{}' ? '（空）' : text
  }
  return String(value)
}

/** The fields that differ between two stored versions, labelled and formatted, in label order. */
export function changesBetween(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  fields: HistoryFields,
): HistoryChange[] {
  const order = Object.keys(fields.labels)
  const rank = (field: string) => {
    const i = order.indexOf(field)
    return i < 0 ? order.length : i
  }
  // An empty extra ({}) appearing or going is not a change anyone made.
  const isBlank = (v: unknown) =>
    v === undefined || v === null || v === '' || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
  return diffObjects(before, after)
    .filter((c) => !(isBlank(c.before) && isBlank(c.after)))
    .sort((a, b) => rank(a.field) - rank(b.field))
    .map((c) => ({
      field: c.field,
      label: fields.labels[c.field] ?? c.field,
      before: fields.value(c.field, c.before),
      after: fields.value(c.field, c.after),
    }))
}

/**
 * The history (newest first, as the server sends it) as timeline items: each version with
 * what it changed from the next older one. The oldest kept version has no comparison.
 */
export function historyTimeline(history: readonly VersionEntry[], fields: HistoryFields): HistoryItem[] {
  return history.map((entry, i) => {
    const older = history[i + 1]
    return {
      version: entry.version,
      action: entry.action,
      actionLabel: dictLabel(kHistoryActions, entry.action),
      actionTag: dictTag(kHistoryActions, entry.action),
      changedBy: entry.changed_by || '—',
      changedAt: formatDateTime(entry.changed_at),
      first: !older,
      changes: older ? changesBetween(older.data, entry.data, fields) : [],
    }
  })
}
