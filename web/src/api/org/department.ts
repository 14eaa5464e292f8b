// Department resource (docs/api.md § Departments). The list is flat; build the tree client-side.
import { http, type Items } from '../http'

export type DeptLevel = 'ministry' | 'province' | 'city' | 'county'
export type DeptType = 'agency' | 'office' | 'branch' | 'team'
export type Status = 'active' | 'disabled'

export interface Department {
  id: number
  parent_id: number | null
  code: string
  name: string
  level: DeptLevel
  division_code: string
  division_name: string
  type: DeptType
  sort: number
  status: Status
  created_at: string
  updated_at: string
}

export interface DepartmentInput {
  parent_id: number | null
  code: string
  name: string
  level: DeptLevel
  division_code: string
  type: DeptType
  sort: number
}

export function listDepartments() {
  return http.get<Items<Department>>('/departments')
}

/** Quiet: the form shows the error on the field it names. */
export function createDepartment(input: DepartmentInput) {
  return http.post<Department>('/departments', input, { quiet: true })
}

export function updateDepartment(id: number, input: DepartmentInput) {
  return http.put<Department>(`/departments/${id}`, input, { quiet: true })
}

export function deleteDepartment(id: number) {
  return http.del<{ ok: boolean }>(`/departments/${id}`)
}

/** Every active department's name, for choosing 配合部门 outside one's data scope. */
export interface DepartmentName {
  id: number
  parent_id: number | null
  code: string
  name: string
}

export function listDepartmentNames() {
  return http.get<Items<DepartmentName>>('/departments/names')
}
