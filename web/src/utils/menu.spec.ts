import { describe, expect, it } from 'vitest'
import { buildMenu, firstMenuPath, type MenuRouteLike } from './menu'

const routes: MenuRouteLike[] = [
  { path: 'home', meta: { title: '工作台' } },
  {
    path: 'system',
    meta: { title: '系统管理' },
    children: [
      { path: 'dept', meta: { title: '部门管理', perm: 'system:dept:list' } },
      { path: 'user', meta: { title: '用户管理', perm: 'system:user:list' } },
      { path: 'role', meta: { title: '角色管理', perm: 'system:role:list' } },
    ],
  },
  {
    path: 'audit',
    meta: { title: '审计日志' },
    children: [{ path: 'log', meta: { title: '操作日志', perm: 'system:audit:list' } }],
  },
  { path: 'account/password', meta: { title: '修改密码', hidden: true } },
  { path: ':pathMatch(.*)*' },
]

describe('buildMenu', () => {
  it('shows only entries the user may list and drops empty groups', () => {
    const menu = buildMenu(routes, ['system:user:list'])
    expect(menu.map((m) => m.title)).toEqual(['工作台', '系统管理'])
    expect(menu[1].children!.map((m) => m.title)).toEqual(['用户管理'])
    expect(menu[1].children![0].path).toBe('/system/user')
  })

  it('shows everything to a user with every permission', () => {
    const menu = buildMenu(routes, ['system:dept:list', 'system:user:list', 'system:role:list', 'system:audit:list'])
    expect(menu.map((m) => m.title)).toEqual(['工作台', '系统管理', '审计日志'])
    expect(menu[1].children).toHaveLength(3)
    expect(menu[2].children![0].path).toBe('/audit/log')
  })

  it('hides hidden and untitled routes', () => {
    const menu = buildMenu(routes, [])
    expect(menu.map((m) => m.title)).toEqual(['工作台'])
  })

  it('firstMenuPath finds the first leaf', () => {
    expect(firstMenuPath(buildMenu(routes.slice(1), ['system:role:list']))).toBe('/system/role')
    expect(firstMenuPath([])).toBeUndefined()
  })
})
