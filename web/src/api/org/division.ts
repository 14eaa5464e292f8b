// GB/T 2260 administrative divisions lookup (docs/api.md § Departments, GET /divisions).
import { http, type Items } from '../http'

export interface Division {
  code: string
  name: string
  /** Name with its parents ("重庆市渝中区"); sent by the server although api.md omits it. */
  full_name?: string
  level: string
  parent_code: string | null
}

/** Divisions whose code starts with, or whose name contains, `q`. */
export function searchDivisions(q: string, limit = 20, parent?: string) {
  return http.get<Items<Division>>('/divisions', { q, limit, parent })
}
