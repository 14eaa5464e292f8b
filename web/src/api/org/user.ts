// User resource (docs/api.md § Users).
import { http, type Page } from '../http'
import type { DeptRef, RoleRef } from './auth'
import type { Department, Status } from './department'

export interface User {
  id: number
  username: string
  name: string
  phone: string | null
  department: DeptRef | null
  roles: RoleRef[]
  status: Status
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export interface UserQuery {
  department_id?: number
  include_sub?: boolean
  q?: string
  status?: Status | ''
  page: number
  page_size: number
}

export interface UserCreate {
  username: string
  name: string
  phone: string
  department_id: number
  role_ids: number[]
  password: string
}

export type UserUpdate = Omit<UserCreate, 'username' | 'password'>

/** A role as the user form sees it: `grantable` is false for roles the caller may not hand out. */
export interface RoleOption {
  id: number
  code: string
  name: string
  data_scope: string
  grantable: boolean
}

export interface UserOptions {
  departments: Department[]
  roles: RoleOption[]
}

/** Departments in the caller's scope and every role, for the user form and department tree. */
export function getUserOptions() {
  return http.get<UserOptions>('/users/options')
}

export function listUsers(query: UserQuery) {
  return http.get<Page<User>>('/users', { ...query })
}

export function getUser(id: number) {
  return http.get<User>(`/users/${id}`)
}

/** Quiet: the form shows the error on the field it names. */
export function createUser(input: UserCreate) {
  return http.post<User>('/users', input, { quiet: true })
}

export function updateUser(id: number, input: UserUpdate) {
  return http.put<User>(`/users/${id}`, input, { quiet: true })
}

export function setUserStatus(id: number, status: Status) {
  return http.put<User | { ok: boolean }>(`/users/${id}/status`, { status })
}

export function resetUserPassword(id: number, newPassword: string) {
  return http.post<{ ok: boolean }>(`/users/${id}/reset-password`, { new_password: newPassword }, { quiet: true })
}
