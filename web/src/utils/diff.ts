// Field-level comparison of an audit entry's before/after objects, for the "变更内容" table.

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  kind: 'added' | 'removed' | 'changed' | 'same'
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * One row per top-level key of either object, keys in first-seen order (before's, then
 * after's new ones). `includeSame` keeps unchanged fields (marked "same").
 */
export function diffObjects(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  includeSame = false,
): FieldChange[] {
  const b = before ?? {}
  const a = after ?? {}
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  const rows: FieldChange[] = []
  for (const field of keys) {
    const inBefore = before != null && field in b
    const inAfter = after != null && field in a
    let kind: FieldChange['kind']
    if (inBefore && !inAfter) kind = 'removed'
    else if (!inBefore && inAfter) kind = 'added'
    else kind = same(b[field], a[field]) ? 'same' : 'changed'
    if (kind === 'same' && !includeSame) continue
    rows.push({ field, before: b[field], after: a[field], kind })
  }
  return rows
}

/** A value as one short line: strings bare, others as JSON, missing as "—". */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** Pretty JSON for the raw view, or "（无）" for null. */
export function prettyJson(value: unknown): string {
  if (value == null) return '（无）'
  return JSON.stringify(value, null, 2)
}
