// Code → label dictionaries for values the API sends as codes, with the tag colour each
// is shown in. Unknown codes fall back to the code itself so new server values still show.

import type { LoginResultCode } from '@/api/audit/loginlog'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export interface DictEntry<V extends string = string> {
  value: V
  label: string
  tag?: TagType
}

export type Dict<V extends string = string> = readonly DictEntry<V>[]

export const kDeptLevels: Dict<'ministry' | 'province' | 'city' | 'county'> = [
  { value: 'ministry', label: '部', tag: 'danger' },
  { value: 'province', label: '省', tag: 'warning' },
  { value: 'city', label: '市', tag: 'primary' },
  { value: 'county', label: '区县', tag: 'success' },
]

export const kDeptTypes: Dict<'agency' | 'office' | 'branch' | 'team'> = [
  { value: 'agency', label: '机关', tag: 'primary' },
  { value: 'office', label: '内设处室', tag: 'success' },
  { value: 'branch', label: '派出机构', tag: 'warning' },
  { value: 'team', label: '执法队伍', tag: 'info' },
]

export const kStatuses: Dict<'active' | 'disabled'> = [
  { value: 'active', label: '正常', tag: 'success' },
  { value: 'disabled', label: '停用', tag: 'danger' },
]

export const kDataScopes: Dict<'all' | 'dept_tree' | 'dept' | 'self'> = [
  { value: 'all', label: '全部数据', tag: 'danger' },
  { value: 'dept_tree', label: '本部门及以下', tag: 'warning' },
  { value: 'dept', label: '本部门', tag: 'primary' },
  { value: 'self', label: '仅本人', tag: 'info' },
]

export const kLoginResults: Dict<LoginResultCode> = [
  { value: 'success', label: '成功', tag: 'success' },
  { value: 'bad_password', label: '密码错误', tag: 'warning' },
  { value: 'unknown_user', label: '用户不存在', tag: 'warning' },
  { value: 'locked', label: '锁定', tag: 'danger' },
  { value: 'address_throttled', label: '地址受限', tag: 'danger' },
  { value: 'disabled', label: '停用', tag: 'danger' },
]

export const kAuditObjectTypes: Dict = [
  { value: 'department', label: '部门' },
  { value: 'user', label: '用户' },
  { value: 'role', label: '角色' },
  { value: 'session', label: '会话' },
]

// Audit actions are the route's audit tag (docs/api.md: "system:user:add", "auth:login", …).
export const kAuditActions: Dict = [
  { value: 'system:dept:add', label: '新增部门', tag: 'success' },
  { value: 'system:dept:edit', label: '修改部门', tag: 'primary' },
  { value: 'system:dept:remove', label: '删除部门', tag: 'danger' },
  { value: 'system:user:add', label: '新增用户', tag: 'success' },
  { value: 'system:user:edit', label: '修改用户', tag: 'primary' },
  { value: 'system:user:status', label: '启用/停用用户', tag: 'warning' },
  { value: 'system:user:reset-password', label: '重置密码', tag: 'warning' },
  { value: 'system:role:add', label: '新增角色', tag: 'success' },
  { value: 'system:role:edit', label: '修改角色', tag: 'primary' },
  { value: 'system:role:remove', label: '删除角色', tag: 'danger' },
  { value: 'auth:login', label: '登录', tag: 'info' },
  { value: 'auth:logout', label: '退出登录', tag: 'info' },
  { value: 'auth:password', label: '修改本人密码', tag: 'warning' },
  { value: 'system:demo', label: '生成演示数据', tag: 'info' },
  { value: 'system:cli', label: '命令行操作', tag: 'info' },
  { value: 'task:task:add', label: '新建抽查任务', tag: 'success' },
  { value: 'task:task:edit', label: '修改抽查任务', tag: 'primary' },
  { value: 'task:task:start', label: '开始检查', tag: 'primary' },
  { value: 'task:draw:commit', label: '冻结范围、公布承诺值', tag: 'warning' },
  { value: 'task:draw:witness', label: '登记见证人', tag: 'info' },
  { value: 'task:draw:run', label: '执行抽取', tag: 'warning' },
  { value: 'task:draw:confirm', label: '确认锁定名单', tag: 'warning' },
]

// Fallback by the tag's last segment, for actions of modules added later.
const kActionVerbs: Dict = [
  { value: 'add', label: '新增', tag: 'success' },
  { value: 'create', label: '新增', tag: 'success' },
  { value: 'edit', label: '修改', tag: 'primary' },
  { value: 'update', label: '修改', tag: 'primary' },
  { value: 'remove', label: '删除', tag: 'danger' },
  { value: 'delete', label: '删除', tag: 'danger' },
  { value: 'status', label: '启用/停用', tag: 'warning' },
  { value: 'reset-password', label: '重置密码', tag: 'warning' },
  { value: 'login', label: '登录', tag: 'info' },
  { value: 'logout', label: '退出登录', tag: 'info' },
  { value: 'password', label: '修改密码', tag: 'warning' },
]

/** The label of `value` in `dict`, or the value itself (or `fallback` when empty). */
export function dictLabel(dict: Dict, value: string | null | undefined, fallback = '—'): string {
  if (value == null || value === '') return fallback
  return dict.find((entry) => entry.value === value)?.label ?? value
}

/** The tag colour of `value` in `dict`, `info` when unknown. */
export function dictTag(dict: Dict, value: string | null | undefined): TagType {
  return dict.find((entry) => entry.value === value)?.tag ?? 'info'
}

function findAction(action: string): DictEntry | undefined {
  // "<tag>:refused": a request a rule refused (docs/api.md, Audit), shown as the action refused.
  if (action.endsWith(':refused')) {
    const base = findAction(action.slice(0, -':refused'.length))
    return { value: action, label: `${base?.label ?? action.slice(0, -':refused'.length)}（被拒绝）`, tag: 'danger' }
  }
  const exact = kAuditActions.find((entry) => entry.value === action)
  if (exact) return exact
  const last = action.split(/[.:]/).pop() ?? action
  return kActionVerbs.find((entry) => entry.value === last)
}

/** Label for an audit action: the known tag, else its last segment's verb, else the code. */
export function auditActionLabel(action: string | null | undefined): string {
  if (!action) return '—'
  return findAction(action)?.label ?? action
}

/** Tag colour for an audit action (same lookup as auditActionLabel). */
export function auditActionTag(action: string | null | undefined): TagType {
  if (!action) return 'info'
  return findAction(action)?.tag ?? 'info'
}
