// Human names for the fields that appear in audit before/after images, and readable values
// for the coded ones (level, type, status, data scope). Unknown fields show as they are.
import { dictLabel, kDataScopes, kDeptLevels, kDeptTypes, kStatuses, type Dict } from './dict'
import { formatValue } from './diff'
import { formatDateTime } from './time'

const kFieldLabels: Record<string, string> = {
  id: 'ID',
  parent_id: '上级部门ID',
  code: '编码',
  name: '名称',
  level: '层级',
  division_code: '行政区划代码',
  division_name: '行政区划',
  type: '类型',
  sort: '排序',
  status: '状态',
  username: '用户名',
  phone: '手机号',
  department: '部门',
  department_id: '部门ID',
  roles: '角色',
  role_ids: '角色ID',
  data_scope: '数据范围',
  permissions: '权限',
  builtin: '内置',
  user_count: '用户数',
  remark: '备注',
  password: '密码',
  must_change_password: '需修改密码',
  password_changed: '已修改密码',
  password_reset: '已重置密码',
  ip: 'IP 地址',
  last_login_at: '最后登录',
  created_at: '创建时间',
  updated_at: '更新时间',
  created_by: '创建人',
}

const kCodedFields: Record<string, Dict> = {
  level: kDeptLevels,
  type: kDeptTypes,
  status: kStatuses,
  data_scope: kDataScopes,
}

/** The Chinese name of a field, or the field itself. */
export function fieldLabel(field: string): string {
  return kFieldLabels[field] ?? field
}

/** A value as people read it: coded values by label, times in local time, {name} by name. */
export function fieldValue(field: string, value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (field.endsWith('_at') && typeof value === 'string') return formatDateTime(value, value)
  const dict = kCodedFields[field]
  if (dict && typeof value === 'string') {
    const label = dictLabel(dict, value)
    return label === value ? value : `${label}（${value}）`
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    return String((value as { name: unknown }).name)
  }
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'name' in v)) {
    return value.map((v) => String((v as { name: unknown }).name)).join('、') || '（空）'
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.join('、') || '（空）'
  }
  return formatValue(value)
}
