// Publication of inspection results (一公开), corrections and objections, docs/api.md § Publication,
// corrections and objections: a task's reviewed records published as public results; the portal's
// search and a result with its versions (no login); the versions and corrections of a record; a
// correction requested by staff and approved or rejected by the head (never by its requester); a
// firm's objection filed on the portal with its USCC and the 异议验证码 of its inspection notice,
// then reviewed (维持, or 更正 through a correction) and its outcome told to the firm; and the
// deadline board (公示期限, 复查 and 反馈 countdowns in working days). The pages handle the
// refusals in place (quiet), except where noted.
import { http, type Page } from '../http'

// ---------------------------------------------------------------------------------------------
// Results

/** One item of a public result: never the findings text. */
export interface ResultItem {
  code: string
  name: string
  /** 检查方式 */
  method: string
  /** 检查结果, as texts. */
  results: string[]
  /** 处理情况 */
  handling: string
}

/** 后续处置, without its detail. */
export interface ResultAction {
  kind: string
  /** "YYYY-MM-DD", or '' */
  deadline: string
}

export interface ResultContent {
  items: ResultItem[]
  actions: ResultAction[]
  /** Why the target could not be inspected (a category text), or null. */
  uninspectable: string | null
}

/** One version of a public result (a correction adds the next one). */
export interface Result {
  id: number
  inspection_id: number
  version: number
  /** This version is in force. */
  current: boolean
  /** version > 1 */
  corrected: boolean
  task_code: string
  task_name: string
  /** A natural person's ID number comes masked. */
  target_code: string
  /** A natural person's name comes masked. */
  target_name: string
  department_name: string
  /** 检查日期, "YYYY-MM-DD". */
  inspected_on: string
  /** The result categories, 、-joined. */
  summary: string
  /** Some category says a problem was found. */
  problem: boolean
  /** null only if the server could not read what it stored. */
  content: ResultContent | null
  /** Why this version corrects the last ('' for the first). */
  reason: string
  /** When this version was published (ISO). */
  published_at: string
  /** When the first version was published (ISO). */
  first_published_at: string
}

/** GET /public/results/{id}: the version in force, with every version (oldest first). */
export interface ResultDetail extends Result {
  versions: Result[]
}

export interface PublishAnswer {
  published: number
  items: Result[]
}

export interface PublicResultQuery {
  page: number
  page_size: number
  /** A whole 统一社会信用代码 (18 characters, any case) or part of a name. */
  q?: string
}

// ---------------------------------------------------------------------------------------------
// Corrections

export type CorrectionStatus = 'pending' | 'approved' | 'rejected'

/** The new values of one item. */
export interface CorrectionItem {
  item_id: number
  result_codes: string[]
  findings: string
  handling: string
}

export interface CorrectionInput {
  reason: string
  items: CorrectionItem[]
}

export interface Correction {
  id: number
  inspection_id: number
  /** The result version it corrects. */
  result_id: number
  /** Set when the correction answers an objection. */
  objection_id: number | null
  task_id: number
  task_code: string
  target_name: string
  reason: string
  /** null only if the server could not read what it stored. */
  items: CorrectionItem[] | null
  status: CorrectionStatus
  requested_by: number
  requested_by_name: string
  requested_at: string
  decided_by_name: string
  decided_at: string
  decision_reason: string
}

/** GET /inspections/{id}/results */
export interface RecordResults {
  /** Oldest first. */
  versions: Result[]
  corrections: Correction[]
}

// ---------------------------------------------------------------------------------------------
// Objections

/** pending 待复查 → correcting 更正审批中 (→ corrected 已更正, or pending again) | upheld 已维持. */
export type ObjectionStatus = 'pending' | 'correcting' | 'upheld' | 'corrected'

export interface Objection {
  id: number
  result_id: number
  inspection_id: number
  task_id: number
  task_code: string
  target_code: string
  target_name: string
  contact_name: string
  contact_phone: string
  content: string
  filed_at: string
  /** "YYYY-MM-DD", or '' when the profile sets no review days (or the calendar is not out yet). */
  review_due: string
  status: ObjectionStatus
  decision_reason: string
  decided_by_name: string
  decided_at: string
  /** "YYYY-MM-DD" or ''. */
  notify_due: string
  /** '' until the firm was told. */
  notified_at: string
  notify_note: string
}

/** What a firm sends (POST /public/objections). */
export interface ObjectionInput {
  uscc: string
  /** 异议验证码, printed on the 检查通知书. */
  verify_code: string
  contact_name: string
  contact_phone: string
  content: string
}

/** The answer to a filed objection (201). */
export interface ObjectionReceipt {
  /** 受理编号 */
  id: number
  target_name: string
  filed_at: string
  /** "YYYY-MM-DD", or '' (then counted in working days). */
  review_due: string
}

export type ObjectionDecision =
  | { decision: 'uphold'; reason: string }
  | { decision: 'correct'; reason: string; items: CorrectionItem[] }

// ---------------------------------------------------------------------------------------------
// Deadlines

export type DeadlineLevel = 'green' | 'yellow' | 'red'

/** A countdown of `days` working days from `from`, as it stands today. */
export interface Deadline {
  /** "YYYY-MM-DD" */
  from: string
  days: number
  /** "YYYY-MM-DD", or null while a year it reaches has no holiday notice yet. */
  due: string | null
  /** Exact even when `due` is null; negative once overdue. */
  days_left: number
  level: DeadlineLevel
}

export interface DeadlineTask {
  id: number
  code: string
  name: string
  department_name: string
  start_date: string
  end_date: string
  counts: Partial<Record<string, number>>
  total: number
  /** Every record is published. */
  done: boolean
  /** null while the window runs, once done, or when the profile sets no publication days. */
  publish: Deadline | null
  /** Records whose archive (一对象一档案) has been made. */
  archived: number
  /** The archive deadline (archive_days from the window's end) until every record is archived;
   *  null while the window runs or when the profile sets none. */
  archive: Deadline | null
}

export interface DeadlineObjection extends Objection {
  /** review: 复查 (pending, correcting); notify: 反馈当事人 (decided, not told yet). */
  stage: 'review' | 'notify'
  countdown: Deadline | null
}

export interface DeadlinesAnswer {
  /** The server's today, "YYYY-MM-DD". */
  today: string
  tasks: DeadlineTask[]
  objections: DeadlineObjection[]
}

// ---------------------------------------------------------------------------------------------
// Routes

/**
 * inspection:result:publish. Without ids every reviewed record of the task is published. Quiet:
 * the panel shows 409 publicity.not_reviewed / nothing_to_publish / task_not_inspecting.
 */
export function publishTask(taskId: number, inspectionIds?: number[]) {
  const body = inspectionIds?.length ? { inspection_ids: inspectionIds } : {}
  return http.post<PublishAnswer>(`/tasks/${taskId}/publish`, body, { quiet: true })
}

/** No login. Quiet: the portal shows a refusal (a bad query) and a failure in place. */
export function searchPublicResults(query: PublicResultQuery) {
  return http.get<Page<Result>>('/public/results', { ...query }, { quiet: true, noAuthRedirect: true })
}

/** No login: the version in force of the result's record, with its versions. Quiet: 404 shows in place. */
export function getPublicResult(id: number) {
  return http.get<ResultDetail>(`/public/results/${id}`, undefined, { quiet: true, noAuthRedirect: true })
}

/** inspection:record:list. Quiet: the panel shows the error in place. */
export function getRecordResults(inspectionId: number) {
  return http.get<RecordResults>(`/inspections/${inspectionId}/results`, undefined, { quiet: true })
}

/** inspection:result:correct (201). Quiet: the dialog shows the refusal on its fields. */
export function requestCorrection(inspectionId: number, input: CorrectionInput) {
  return http.post<Correction>(`/inspections/${inspectionId}/corrections`, input, { quiet: true })
}

/** inspection:record:list. Quiet: the page shows the error in place. */
export function listCorrections(status: CorrectionStatus | '' = 'pending') {
  return http.get<{ items: Correction[] }>('/result-corrections', { status }, { quiet: true })
}

/** inspection:result:approve; the requester cannot decide (403 publicity.self_approval). Quiet. */
export function approveCorrection(id: number, reason = '') {
  return http.post<Correction>(`/result-corrections/${id}/approve`, reason.trim() ? { reason: reason.trim() } : {}, { quiet: true })
}

/** inspection:result:approve, as approveCorrection. Quiet. */
export function rejectCorrection(id: number, reason = '') {
  return http.post<Correction>(`/result-corrections/${id}/reject`, reason.trim() ? { reason: reason.trim() } : {}, { quiet: true })
}

/**
 * No login (201). Quiet: the form shows 400 publicity.objection_unverified and the field errors
 * on their fields, 409 publicity.objection_closed / objection_open above it.
 */
export function fileObjection(input: ObjectionInput) {
  return http.post<ObjectionReceipt>('/public/objections', input, { quiet: true, noAuthRedirect: true })
}

/** inspection:record:list; '' for every status. Quiet: the page shows the error in place. */
export function listObjections(status: ObjectionStatus | '' = '') {
  return http.get<{ items: Objection[] }>('/objections', { status }, { quiet: true })
}

/** inspection:objection:handle: 维持 or 更正 (a correction for the head). Quiet: the dialog shows it. */
export function decideObjection(id: number, input: ObjectionDecision) {
  return http.post<Objection>(`/objections/${id}/decide`, input, { quiet: true })
}

/** inspection:objection:handle: the firm was told (how, in `note`). Quiet, as decideObjection. */
export function notifyObjection(id: number, note: string) {
  return http.post<Objection>(`/objections/${id}/notify`, { note }, { quiet: true })
}

/** inspection:record:list. Quiet: the board shows the error in place. */
export function getDeadlines() {
  return http.get<DeadlinesAnswer>('/inspection/deadlines', undefined, { quiet: true })
}
