// Role and permission resources (docs/api.md § Roles).
import { http, type Items } from '../http'
import type { DataScope } from './auth'

export interface Role {
  id: number
  code: string
  name: string
  data_scope: DataScope
  permissions: string[]
  builtin: boolean
  user_count: number
  remark: string | null
  created_at: string
  updated_at: string
}

export interface RoleInput {
  code: string
  name: string
  data_scope: DataScope
  permissions: string[]
  remark: string
}

export interface PermissionNode {
  code: string
  name: string
  children?: PermissionNode[]
}

export function listRoles() {
  return http.get<Items<Role>>('/roles')
}

export function listPermissions() {
  return http.get<Items<PermissionNode>>('/permissions')
}

/** Quiet: the form shows the error on the field it names. */
export function createRole(input: RoleInput) {
  return http.post<Role>('/roles', input, { quiet: true })
}

export function updateRole(id: number, input: RoleInput) {
  return http.put<Role>(`/roles/${id}`, input, { quiet: true })
}

export function deleteRole(id: number) {
  return http.del<{ ok: boolean }>(`/roles/${id}`)
}
