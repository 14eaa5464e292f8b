// Auth resource (docs/api.md § Auth): login, logout, the current user, own password.
import { http, setCsrfToken } from '../http'

export interface DeptRef {
  id: number
  code: string
  name: string
}

export interface RoleRef {
  id: number
  code: string
  name: string
}

export type DataScope = 'all' | 'dept_tree' | 'dept' | 'self'

export interface Me {
  id: number
  username: string
  name: string
  department: DeptRef | null
  roles: RoleRef[]
  permissions: string[]
  data_scope: DataScope
  csrf_token?: string
  must_change_password: boolean
}

export interface LoginResult {
  user: Me
  csrf_token: string
}

/** Logs in; a wrong password is an ApiError 401 auth.invalid_credentials (shown unless quiet). */
export async function login(username: string, password: string, quiet = false): Promise<LoginResult> {
  const result = await http.post<LoginResult>('/auth/login', { username, password }, { noAuthRedirect: true, quiet })
  setCsrfToken(result.csrf_token ?? result.user.csrf_token)
  return result
}

export async function logout(): Promise<void> {
  try {
    await http.post('/auth/logout', {}, { noAuthRedirect: true, quiet: true })
  } finally {
    setCsrfToken(null)
  }
}

/**
 * The current user. With `probe` (app startup) a missing session is an ordinary answer:
 * no toast, no redirect.
 */
export async function fetchMe(probe = false): Promise<Me> {
  const me = await http.get<Me>('/auth/me', undefined, probe ? { noAuthRedirect: true, quiet: true } : {})
  setCsrfToken(me.csrf_token)
  return me
}

export function changePassword(oldPassword: string, newPassword: string) {
  return http.post<{ ok: boolean }>(
    '/auth/password',
    { old_password: oldPassword, new_password: newPassword },
    { quiet: true },
  )
}
