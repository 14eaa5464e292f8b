// Pure helpers of the public 执法检查人员名录公示: the search as a query, and each row reduced
// to the six published fields. The API already sends only those (never a phone or an ID
// number); the page keeps to them too, so a field added to the answer later is not shown to the
// public by accident.
import type { PublicInspector, PublicInspectorQuery } from '@/api/directory/inspectors'
import type { PageParams } from '@/composables/usePagedList'

export interface PublicFilters {
  /** Part of a name or of a 执法证号. */
  q: string
  /** Part of a department's name. */
  department: string
}

export function blankPublicFilters(): PublicFilters {
  return { q: '', department: '' }
}

export function publicQuery(params: PageParams, f: PublicFilters): PublicInspectorQuery {
  return { ...params, q: f.q.trim() || undefined, department: f.department.trim() || undefined }
}

/** A row as the page shows it, with whether its certificate has expired. */
export interface PublicRow extends PublicInspector {
  expired: boolean
}

/** The published fields of `raw` and nothing else; `today` is YYYY-MM-DD (Asia/Shanghai). */
export function publicRow(raw: PublicInspector, today: string): PublicRow {
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const row = {
    name: text(raw.name),
    gender: text(raw.gender),
    post: text(raw.post),
    cert_no: text(raw.cert_no),
    cert_valid_until: text(raw.cert_valid_until),
    department_name: text(raw.department_name),
  }
  return { ...row, expired: row.cert_valid_until !== '' && row.cert_valid_until < today }
}
