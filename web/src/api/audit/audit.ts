// Audit log (docs/api.md § Audit): append-only, hash-chained entries, newest first.
import { http, type Page } from '../http'

export interface AuditEntry {
  seq: number
  at: string
  user_id: number | null
  username: string | null
  department_id: number | null
  ip: string | null
  action: string
  object_type: string
  object_id: string | number | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  prev_hash: string
  hash: string
}

export interface AuditQuery {
  user?: string
  object_type?: string
  object_id?: string
  action?: string
  from?: string
  to?: string
  page: number
  page_size: number
}

export function listAudit(query: AuditQuery) {
  return http.get<Page<AuditEntry>>('/audit', { ...query })
}
