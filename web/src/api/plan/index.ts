// Annual plans (年度抽查工作计划, docs/api.md § Annual plans): GET/POST /plans, GET/PUT /plans/{id},
// POST /plans/{id}/submit, /approve, /reject, /publish and /adjust, GET /plans/overdue and
// /plans/merge-suggestions; and the public list GET /public/plans (no login, the version in force
// of each published plan). A plan is versioned: 调整 starts the next version as a draft that goes
// through approval again while the published version stays public. A bad body is a 400 whose
// details.field names the row and column ("rows[2].ratio"); a taken name is a 409 naming `name`.
import { http, type Page } from '../http'

/** The state of a plan's newest version: 草稿 → 待审批 → 已批准 → 已发布 (退回 returns it to 草稿). */
export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'published'

/** A kept version's state: `superseded` is a published version a later publication replaced. */
export type PlanVersionStatus = PlanStatus | 'superseded'

/** 抽查类别: 重点 rows have no ratio cap; 一般 rows may not exceed the item's. */
export type PlanCategory = '重点' | '一般'

/** One row as a form sends it (DB50/T appendix D.1: one item with its scope, time and size). */
export interface PlanRowInput {
  item_id: number
  /** 抽查对象范围 (free text). */
  target_scope: string
  /** '' takes the item's own category. */
  category: PlanCategory | ''
  /** 抽查时间, "YYYY-MM-DD" each, inside the plan year. */
  start_date: string
  end_date: string
  /** 抽查比例 in percent ("5", "2.5"); '' when the row is by count. */
  ratio: string
  /** 抽取对象数量（户）; 0 when the row is by ratio. */
  count: number
  /** 配合部门, without the initiating one. */
  cooperating_ids: number[]
}

/** The body of POST/PUT /plans. Without department_id the caller's department initiates. */
export interface PlanInput {
  year: number
  name: string
  department_id?: number
  rows: PlanRowInput[]
}

export interface DepartmentRef {
  id: number
  name: string
}

/** A stored row with the names a reader needs. */
export interface PlanRow {
  item_id: number
  /** The item version the row was checked against. */
  item_version: number
  item_code: string
  item_name: string
  /** 抽查领域. */
  domain: string
  target_scope: string
  category: PlanCategory
  start_date: string
  end_date: string
  /** Percent without the sign ("2.5"); '' when by count. */
  ratio: string
  count: number
  cooperating: DepartmentRef[]
}

/** When the plan of its year must be public (the policy's plan_publish_by), at one day. */
export interface PlanDeadline {
  /** "YYYY-MM-DD"; '' when the policy sets no date. */
  publish_by: string
  /** Not published and `publish_by` has passed. */
  overdue: boolean
  /** First published after `publish_by`. */
  published_late: boolean
}

/** A plan's newest version as POST/PUT and the workflow steps answer it. */
export interface Plan {
  id: number
  year: number
  name: string
  department_id: number
  department_name: string
  status: PlanStatus
  /** 草稿 | 待审批 | 已批准 | 已发布. */
  status_name: string
  /** The newest version. */
  version: number
  /** The version the portal shows; null until first published. */
  published_version: number | null
  rows: PlanRow[]
}

/** A plan as GET /plans lists it: no rows, with its times and its publish-by deadline. */
export interface PlanSummary extends Omit<Plan, 'rows'> {
  first_published_at: string
  submitted_at: string
  updated_at: string
  deadline: PlanDeadline
}

/** One kept version, newest first; `data` is the plan as that version holds it. */
export interface PlanVersion {
  version: number
  status: PlanVersionStatus
  data: Plan
  /** 调整原因 of a version started by 调整; '' for the first. */
  adjust_reason: string
  changed_by: string
  changed_at: string
  published_by: string
  published_at: string
}

/** One decision on a submission, oldest first. */
export interface PlanApproval {
  version: number
  submitted_by: string
  submitted_at: string
  decided_by: string
  decided_at: string
  decision: 'approved' | 'rejected'
  /** 审批意见 or 退回理由. */
  reason: string
}

export interface PlanDetail extends Plan {
  deadline: PlanDeadline
  first_published_at: string
  submitted_at: string
  versions: PlanVersion[]
  approvals: PlanApproval[]
}

export interface PlanQuery {
  page: number
  page_size: number
  year?: number
  status?: PlanStatus
  /** 发起部门. */
  department_id?: number
}

export interface OverduePlans {
  /** The server's China date, "YYYY-MM-DD". */
  today: string
  /** "MM-DD", or null when the policy sets no date. */
  publish_by: string | null
  items: PlanSummary[]
}

/** One plan row as merge suggestions compare it. */
export interface MergeRow {
  plan_id: number
  plan_name: string
  department_id: number
  department_name: string
  item_id: number
  item_name: string
  domain: string
  target_scope: string
  start_date: string
  end_date: string
}

/** Two rows of different departments that could be inspected together (进一次门、查多项事). */
export interface MergeSuggestion {
  first: MergeRow
  second: MergeRow
  /** zh-CN, e.g. 同属抽查领域“节能监察”，抽查时间在 … 重叠：… */
  reason: string
}

export interface MergeSuggestions {
  year: number
  items: MergeSuggestion[]
}

export function listPlans(query: PlanQuery) {
  return http.get<Page<PlanSummary>>('/plans', { ...query })
}

export function getPlan(id: number) {
  return http.get<PlanDetail>(`/plans/${id}`)
}

/** → a draft. Quiet: the form shows each problem on the row and field it names. */
export function createPlan(input: PlanInput) {
  return http.post<Plan>('/plans', input, { quiet: true })
}

/** A draft only (409 plan.bad_state otherwise). Quiet, as createPlan. */
export function updatePlan(id: number, input: PlanInput) {
  return http.put<Plan>(`/plans/${id}`, input, { quiet: true })
}

/** 草稿 → 待审批. */
export function submitPlan(id: number) {
  return http.post<Plan>(`/plans/${id}/submit`)
}

/** 待审批 → 已批准, with an optional opinion. 403 plan.self_approval on one's own submission. */
export function approvePlan(id: number, reason = '') {
  return http.post<Plan>(`/plans/${id}/approve`, reason ? { reason } : {})
}

/** 待审批 → 草稿; the reason is required. */
export function rejectPlan(id: number, reason: string) {
  return http.post<Plan>(`/plans/${id}/reject`, { reason })
}

/** 已批准 → 已发布: the version goes on the portal (an earlier published one is superseded). */
export function publishPlan(id: number) {
  return http.post<Plan>(`/plans/${id}/publish`)
}

/** 已发布 → the next version as a draft; the reason (调整原因) is required. */
export function adjustPlan(id: number, reason: string) {
  return http.post<Plan>(`/plans/${id}/adjust`, { reason })
}

/**
 * The plans in scope of this year or earlier past their publish-by day and still not public.
 * Quiet: the list page says it failed where the banner would be.
 */
export function listOverduePlans() {
  return http.get<OverduePlans>('/plans/overdue', undefined, { quiet: true })
}

/**
 * Rows of different departments' plans of `year` (default: this year) that could be merged.
 * Quiet: the panel shows the error with 重试.
 */
export function listMergeSuggestions(year?: number) {
  return http.get<MergeSuggestions>('/plans/merge-suggestions', { year }, { quiet: true })
}

// ---------------------------------------------------------------------------------------------
// 年度抽查工作计划公示 (no login)

/** A published version as the portal shows it: the plan without its workflow state. */
export interface PublicPlan {
  id: number
  year: number
  name: string
  department_id: number
  department_name: string
  version: number
  published_at: string
  rows: PlanRow[]
}

/** noAuthRedirect: a visitor has no session, and a 401 here must not send them to the login page. */
export function listPublicPlans(year?: number) {
  return http.get<{ items: PublicPlan[] }>('/public/plans', { year }, { noAuthRedirect: true })
}
