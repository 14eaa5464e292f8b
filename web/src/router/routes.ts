// The route table. meta.title feeds the menu and breadcrumbs; meta.perm is the permission a
// page needs (its list permission), checked by the guard and used to filter the menu.
import { markRaw } from 'vue'
import { RouterView, type RouteRecordRaw } from 'vue-router'
import { Aim, Calendar, Collection, Document, DocumentChecked, HomeFilled, Setting, Tickets, User } from '@element-plus/icons-vue'
import Layout from '@/layout/index.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: unknown
    perm?: string | string[]
    /** Reachable without a session (login, 404, the public site under /public). */
    public?: boolean
    /** Not shown in the menu. */
    hidden?: boolean
    /** A public page's name in the public site's navigation. */
    nav?: string
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
    // 一单两库: the directory of inspection targets (检查对象名录库), the inspector directory
    // with the expert library (one page for both: `group` tells them apart), and what keeps
    // people and targets out of draws (利害关系, 免检免扰).
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
      {
        path: 'inspector',
        name: 'directory-inspector',
        component: () => import('@/views/directory/inspector/index.vue'),
        props: { group: 'inspectors' },
        meta: { title: '执法检查人员', perm: 'directory:inspector:list' },
      },
      {
        path: 'expert',
        name: 'directory-expert',
        component: () => import('@/views/directory/inspector/index.vue'),
        props: { group: 'experts' },
        meta: { title: '专家和辅助人员', perm: 'directory:inspector:list' },
      },
      {
        // 利害关系 and 免检免扰: one page for both (`kind` tells them apart).
        path: 'conflict',
        name: 'directory-conflict',
        component: () => import('@/views/directory/restriction/index.vue'),
        props: { kind: 'conflicts' },
        meta: { title: '利害关系', perm: 'directory:conflict:list' },
      },
      {
        path: 'exemption',
        name: 'directory-exemption',
        component: () => import('@/views/directory/restriction/index.vue'),
        props: { kind: 'exemptions' },
        meta: { title: '免检免扰', perm: 'directory:exemption:list' },
      },
    ],
  },
  {
    // 抽查事项清单: the items inspections are drawn for, versioned and published to the portal.
    path: 'catalog',
    meta: { title: '抽查事项清单', icon: markRaw(Tickets) },
    redirect: '/catalog/item',
    children: [
      {
        path: 'item',
        name: 'catalog-item',
        component: () => import('@/views/catalog/item/index.vue'),
        meta: { title: '抽查事项', perm: 'catalog:item:list' },
      },
    ],
  },
  {
    // 抽查计划: the annual plans (年度抽查工作计划), approved and published to the portal.
    path: 'plan',
    meta: { title: '抽查计划', icon: markRaw(Calendar) },
    redirect: '/plan/annual',
    children: [
      {
        path: 'annual',
        name: 'plan-annual',
        component: () => import('@/views/plan/annual/index.vue'),
        meta: { title: '年度抽查工作计划', perm: 'plan:annual:list' },
      },
    ],
  },
  {
    // 抽查任务: tasks drafted, their pool frozen and committed, drawn at a ceremony and locked.
    // A task's own page walks it through those steps; the projector view is outside the layout.
    path: 'task',
    meta: { title: '抽查任务', icon: markRaw(Aim) },
    redirect: '/task/list',
    children: [
      {
        path: 'list',
        name: 'task-list',
        component: () => import('@/views/task/list/index.vue'),
        meta: { title: '任务列表', perm: 'task:task:list' },
      },
      {
        path: 'list/:id(\\d+)',
        name: 'task-detail',
        component: () => import('@/views/task/list/detail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '任务详情', perm: 'task:task:list', hidden: true },
      },
      {
        // A task's 抽查情况报告: figures and text sections, edited until final (opened from its page).
        path: 'report/:id(\\d+)',
        name: 'task-report',
        component: () => import('@/views/task/report/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '抽查情况报告', perm: 'task:task:list', hidden: true },
      },
      {
        // The head's queue: replacements, withdrawals and voids of drawn lists to decide.
        path: 'changes',
        name: 'task-changes',
        component: () => import('@/views/task/changes/index.vue'),
        meta: { title: '待审批变更', perm: 'task:change:approve' },
      },
    ],
  },
  {
    // 检查与公示: the deadlines of publication and objections (工作日), the head's approval of
    // corrections to published results, and the objections firms file on the portal.
    path: 'inspection',
    meta: { title: '检查与公示', icon: markRaw(DocumentChecked) },
    redirect: '/inspection/deadlines',
    children: [
      {
        path: 'deadlines',
        name: 'inspection-deadlines',
        component: () => import('@/views/inspection/deadlines/index.vue'),
        meta: { title: '期限看板', perm: 'inspection:record:list' },
      },
      {
        path: 'corrections',
        name: 'inspection-corrections',
        component: () => import('@/views/inspection/corrections/index.vue'),
        meta: { title: '结果更正审批', perm: 'inspection:record:list' },
      },
      {
        path: 'objections',
        name: 'inspection-objections',
        component: () => import('@/views/inspection/objections/index.vue'),
        meta: { title: '异议处理', perm: 'inspection:record:list' },
      },
      {
        // The follow-up actions of handed-in records (责令改正 …), open and closed; 办结 needs
        // inspection:followup:edit.
        path: 'followups',
        name: 'inspection-followups',
        component: () => import('@/views/inspection/followups/index.vue'),
        meta: { title: '后续处置', perm: 'inspection:record:list' },
      },
      {
        // The year's figures per department, item, district and industry (ECharts), with XLSX.
        path: 'summary',
        name: 'inspection-summary',
        component: () => import('@/views/inspection/summary/index.vue'),
        meta: { title: '年度统计', perm: 'inspection:record:list' },
      },
    ],
  },
  {
    // 我的: what every signed-in user does about themself (no permission needed; the server
    // decides, e.g. only an account linked to an inspector record may declare a conflict).
    path: 'my',
    meta: { title: '我的', icon: markRaw(User) },
    redirect: '/my/conflicts',
    children: [
      {
        path: 'conflicts',
        name: 'my-conflicts',
        component: () => import('@/views/my/conflicts/index.vue'),
        meta: { title: '申报利害关系' },
      },
      {
        // An inspector's drawn tasks and targets; the server answers 403 for other accounts.
        path: 'assignments',
        name: 'my-assignments',
        component: () => import('@/views/my/assignments/index.vue'),
        meta: { title: '我的检查任务' },
      },
      {
        // 今日检查 and the inspector's records, grouped by task; the server answers 403 for other accounts.
        path: 'inspections',
        name: 'my-inspections',
        component: () => import('@/views/inspection/mine/index.vue'),
        meta: { title: '我的检查记录' },
      },
    ],
  },
  {
    // One inspection record (表 F.1), opened from 我的检查记录, a task's page or a QR code. No
    // permission here: the team reads it as members, others need inspection:record:list (the
    // server decides and answers 404 otherwise).
    path: 'inspection/record/:id(\\d+)',
    name: 'inspection-record',
    component: () => import('@/views/inspection/record/index.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '检查记录', hidden: true },
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
      {
        // 工作日历: the holidays and make-up workdays every working-day deadline counts with.
        path: 'calendar',
        name: 'system-calendar',
        component: () => import('@/views/system/calendar/index.vue'),
        meta: { title: '工作日历', perm: 'system:calendar:edit' },
      },
      {
        // 制度模板: the jurisdiction's rules (deadlines, caps, team size …) with their sources.
        path: 'policy',
        name: 'system-policy',
        component: () => import('@/views/system/policy/index.vue'),
        meta: { title: '制度模板', perm: 'system:policy:edit' },
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
    // The draw ceremony on a projector: full screen, no admin frame, the operator's own session.
    path: '/task/ceremony/:id(\\d+)',
    name: 'task-ceremony',
    component: () => import('@/views/task/list/ceremony.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '抽取仪式', perm: 'task:task:list' },
  },
  {
    // Print pages of a drawn task (A4, no admin frame), opened in a new tab from the task's page.
    path: '/task/print/:id(\\d+)',
    component: RouterView,
    meta: { perm: 'task:task:list' },
    children: [
      {
        path: 'record',
        name: 'task-print-record',
        component: () => import('@/views/task/print/record.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '抽取记录（签字确认表）', perm: 'task:task:list' },
      },
      {
        path: 'notice',
        name: 'task-print-notice',
        component: () => import('@/views/task/print/notice.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '检查通知书', perm: 'task:task:list' },
      },
      {
        path: 'filing',
        name: 'task-print-filing',
        component: () => import('@/views/task/print/filing.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '抽查任务备案表', perm: 'task:task:list' },
      },
      {
        // 抽查情况报告, printed (opened from the report's page).
        path: 'report',
        name: 'task-print-report',
        component: () => import('@/views/task/print/report.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: '抽查情况报告', perm: 'task:task:list' },
      },
    ],
  },
  {
    // The public site (政务公开): no login, no admin frame. Children inherit `public`.
    path: '/public',
    component: () => import('@/layout/PublicLayout.vue'),
    meta: { public: true },
    redirect: '/public/inspectors',
    children: [
      {
        path: 'inspectors',
        name: 'public-inspectors',
        component: () => import('@/views/public/inspectors/index.vue'),
        meta: { title: '执法检查人员名录公示', nav: '执法检查人员名录' },
      },
      {
        path: 'items',
        name: 'public-items',
        component: () => import('@/views/public/items/index.vue'),
        meta: { title: '抽查事项清单公示', nav: '抽查事项清单' },
      },
      {
        path: 'plans',
        name: 'public-plans',
        component: () => import('@/views/public/plans/index.vue'),
        meta: { title: '年度抽查工作计划公示', nav: '抽查计划' },
      },
      {
        // The list and a task's page share the tab: the page is a child, so the tab stays active.
        path: 'tasks',
        component: RouterView,
        meta: { title: '抽取公示', nav: '抽取公示' },
        children: [
          { path: '', name: 'public-tasks', component: () => import('@/views/public/tasks/index.vue') },
          {
            path: ':id(\\d+)',
            name: 'public-task',
            component: () => import('@/views/public/tasks/detail.vue'),
            props: (route) => ({ id: Number(route.params.id) }),
          },
        ],
      },
      {
        // 检查结果公示: the list and a result's page share the tab, as 抽取公示 does.
        path: 'results',
        component: RouterView,
        meta: { title: '检查结果公示', nav: '检查结果公示' },
        children: [
          { path: '', name: 'public-results', component: () => import('@/views/public/results/index.vue') },
          {
            path: ':id(\\d+)',
            name: 'public-result',
            component: () => import('@/views/public/results/detail.vue'),
            props: (route) => ({ id: Number(route.params.id) }),
          },
        ],
      },
      {
        // A firm's objection to its result (?result=id when opened from one).
        path: 'objection',
        name: 'public-objection',
        component: () => import('@/views/public/objection/index.vue'),
        meta: { title: '异议申请', nav: '异议申请' },
      },
      {
        path: 'verify',
        name: 'public-verify',
        component: () => import('@/views/public/verify/index.vue'),
        meta: { title: '如何校验抽取结果', nav: '如何校验' },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404/index.vue'),
    meta: { title: '页面不存在', public: true },
  },
]
