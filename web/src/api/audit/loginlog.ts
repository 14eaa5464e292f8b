// Login log (docs/api.md § Audit, GET /login-log).
import { http, type Page } from '../http'

export type LoginResultCode =
  | 'success'
  | 'bad_password'
  | 'unknown_user'
  | 'locked'
  | 'address_throttled'
  | 'disabled'

export interface LoginLogEntry {
  id: number
  at: string
  username: string
  user_id: number | null
  ip: string | null
  user_agent: string | null
  result: LoginResultCode
}

export interface LoginLogQuery {
  username?: string
  result?: LoginResultCode | ''
  from?: string
  to?: string
  page: number
  page_size: number
}

export function listLoginLog(query: LoginLogQuery) {
  return http.get<Page<LoginLogEntry>>('/login-log', { ...query })
}
