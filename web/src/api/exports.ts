// 导出 of the lists (POST /exports, GET /exports/{id}, GET /exports/{id}/file): the server writes
// the file of every row matching a list's filter in the background; the page polls its status
// and then downloads it. The filter is the list's own query, as strings, without the page.
import { buildUrl, http, type Query } from './http'

/** The lists that can be exported, as the server names them (targets: B.1 行政相对人; places, products: B.2, B.3). */
export type ExportKind = 'targets' | 'places' | 'products' | 'inspectors' | 'experts' | 'items' | 'conflicts' | 'exemptions'

export type ExportFormat = 'xlsx' | 'csv'

export type ExportStatus = 'running' | 'done' | 'failed'

/** One export as the server reports it. */
export interface ExportJob {
  id: string | number
  kind?: ExportKind
  format?: ExportFormat
  status: ExportStatus
  /** Rows written so far. */
  rows: number
  /** Why it failed (status "failed"). */
  error?: string
  /** The name the file is downloaded as, e.g. 检查对象名录.xlsx. */
  file_name: string
  /** The file's size once done. */
  bytes?: number
}

/** The query parameters a list page sends besides its filters. */
const kPageParams = new Set(['page', 'page_size'])

/**
 * A list's query as an export's filter: every parameter that is set, as a string, without the
 * page and page size.
 */
export function exportFilter(query: Query): Record<string, string> {
  const filter: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (kPageParams.has(key) || value === undefined || value === null || value === '') continue
    filter[key] = String(value)
  }
  return filter
}

/**
 * Starts an export → 202, status "running". Quiet: the caller shows a refusal (429
 * export.busy when too many exports run) in its own words.
 */
export function startExport(kind: ExportKind, format: ExportFormat, filter: Record<string, string>) {
  return http.post<ExportJob>('/exports', { kind, format, filter }, { quiet: true })
}

/** The status of an export. Quiet: a poll that fails once is tried again. */
export function getExport(id: ExportJob['id']) {
  return http.get<ExportJob>(`/exports/${encodeURIComponent(String(id))}`, undefined, { quiet: true })
}

/** GET: the finished file, as an attachment (the session cookie goes with a plain link). */
export function exportFileUrl(id: ExportJob['id']): string {
  return buildUrl(`/exports/${encodeURIComponent(String(id))}/file`)
}
