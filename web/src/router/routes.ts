// The route table. meta.title feeds the menu and breadcrumbs; meta.perm is the permission a
// page needs (its list permission), checked by the guard and used to filter the menu.
import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Collection, Document, HomeFilled, Setting } from '@element-plus/icons-vue'
import Layout from '@/layout/index.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: unknown
    perm?: string | string[]
    /** Reachable without a session (login, 404). */
    public?: boolean
    /** Not shown in the menu. */
    hidden?: boolean
  }
}

/** Pages inside the layout; the menu is built from these. */
export const layoutChildren: RouteRecordRaw[] = [
  {
    path: 'home',
    name: 'home',
    component: () => import('@/views/home/index.vue'),
    meta: { title: '工作台', icon: markRaw(HomeFilled) },
  },
  {
    // 一单两库: the directory of inspection targets (检查对象名录库); the inspector directory
    // (执法检查人员名录库) joins it later.
    path: 'directory',
    meta: { title: '一单两库', icon: markRaw(Collection) },
    redirect: '/directory/target',
    children: [
      {
        path: 'target',
        name: 'directory-target',
        component: () => import('@/views/directory/target/index.vue'),
        meta: { title: '检查对象名录库', perm: 'directory:target:list' },
      },
    ],
  },
  {
    path: 'system',
    meta: { title: '系统管理', icon: markRaw(Setting) },
    redirect: '/system/user',
    children: [
      {
        path: 'dept',
        name: 'system-dept',
        component: () => import('@/views/system/dept/index.vue'),
        meta: { title: '部门管理', perm: 'system:dept:list' },
      },
      {
        path: 'user',
        name: 'system-user',
        component: () => import('@/views/system/user/index.vue'),
        meta: { title: '用户管理', perm: 'system:user:list' },
      },
      {
        path: 'role',
        name: 'system-role',
        component: () => import('@/views/system/role/index.vue'),
        meta: { title: '角色管理', perm: 'system:role:list' },
      },
    ],
  },
  {
    path: 'audit',
    meta: { title: '审计日志', icon: markRaw(Document) },
    redirect: '/audit/log',
    children: [
      {
        path: 'log',
        name: 'audit-log',
        component: () => import('@/views/audit/log/index.vue'),
        meta: { title: '操作日志', perm: 'system:audit:list' },
      },
      {
        path: 'login-log',
        name: 'audit-login-log',
        component: () => import('@/views/audit/login-log/index.vue'),
        meta: { title: '登录日志', perm: 'system:loginlog:list' },
      },
    ],
  },
  {
    path: 'account/password',
    name: 'account-password',
    component: () => import('@/views/account/password/index.vue'),
    meta: { title: '修改密码', hidden: true },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/error/403/index.vue'),
    meta: { title: '无权访问', hidden: true },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { title: '登录', public: true },
  },
  { path: '/', component: Layout, redirect: '/home', children: layoutChildren },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404/index.vue'),
    meta: { title: '页面不存在', public: true },
  },
]
