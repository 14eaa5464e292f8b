// Inspection tasks (抽查任务) and their draw ceremony (抽取仪式), docs/api.md § Tasks, § Draw
// ceremony and § Public tasks and records: GET/POST /tasks, GET/PUT /tasks/{id} (a draft only),
// GET /tasks/{id}/pool-preview, /exclusions and /pool.csv; POST /tasks/{id}/commit (answers the
// department secret once), GET/POST /tasks/{id}/witnesses, POST /tasks/{id}/draw and /confirm,
// GET /tasks/{id}/draw and /draw-record, the XLSX of the list and of the exclusions, the
// ceremony's attachments; the changes after the draw (名单变更, 作废) and their decisions; the
// inspector's own assignments and declarations; and the portal's GET /public/tasks, /public/tasks/{id},
// /public/tasks/{id}/draw-record and /pool.csv (no login; the record and pool only once public).
// A bad body is a 400 whose details.field names the input ("strata[2].ratio").
import { buildUrl, errorFromBody, getCsrfToken, handleFailure, http, networkError, type ApiError, type Page } from '../http'

/**
 * 草稿 → 已冻结待抽取 (pool frozen, commitment public) → 已抽取待确认 → 已确认锁定 → 检查中;
 * 已作废 keeps its record and reason.
 */
export type TaskStatus = 'draft' | 'committed' | 'drawn' | 'confirmed' | 'inspecting' | 'void'

/** Credit and risk classes (U: not yet classified), or ALL for one stratum (不分层). */
export type StratumId = 'A' | 'B' | 'C' | 'D' | 'U' | 'ALL'

/** One stratum's rule: a ratio in percent ("3", "2.5") or a count of targets, never both. */
export interface StratumRule {
  id: StratumId
  ratio?: string
  count?: number
}

/** 检查对象类型 of the directory: B.1 行政相对人, B.2 场地场所, B.3 产品; '' any. */
export type ScopeKind = 'entity' | 'place' | 'product' | ''

/** The targets a task draws from before exclusions; '' leaves a field open. */
export interface TaskScope {
  kind: ScopeKind
  /** A GB/T 2260 code; the divisions under it are included. */
  division: string
  /** GB/T 4754 门类 letter. */
  industry_section: string
  /** GB/T 4754 大类, two digits. */
  industry_division: string
  /** One status (never 注销/吊销/撤销/迁出, which are always excluded). */
  status: string
  tag: string
}

/** 同区县 (inspectors of the target's district) or 不限. */
export type RegionRule = 'same_region' | 'any'

export interface ParticipantInput {
  department_id: number
  /** The specialty its inspector needs; '' none. */
  specialty?: string
}

/** The body of POST/PUT /tasks. Without department_id the caller's department initiates. */
export interface TaskInput {
  name: string
  plan_id?: number
  department_id?: number
  item_ids: number[]
  /** The inspection window, "YYYY-MM-DD" each, inside one year. */
  start_date: string
  end_date: string
  scope?: TaskScope
  strata: StratumRule[]
  /** A target with one of these tags counts one class higher (A → B → C → D). */
  raise_tags?: string[]
  /** 每个检查对象的检查人员数, at least the policy's minimum and the number of departments. */
  team_size: number
  region_rule: RegionRule
  /** The most targets one inspector takes across tasks whose windows overlap. */
  inspector_capacity: number
  lead_specialty?: string
  participants?: ParticipantInput[]
}

/** An item as the task holds it: its published version. */
export interface TaskItem {
  id: number
  version: number
  code: string
  name: string
  category: string
  /** A fraction ("0.05"), '' for none. */
  ratio_cap: string
  no_advance_notice: boolean
  specialty: string
}

export interface Participant {
  department_id: number
  department_name: string
  specialty: string
}

export type ExclusionReason = 'status' | 'not_supervised' | 'exempt' | 'yearly_cap' | 'other_office'

export interface Task {
  id: number
  /** The draw record's task id, "T2026-00012". */
  code: string
  plan_id: number | null
  name: string
  year: number
  department_id: number
  department_name: string
  participants: Participant[]
  items: TaskItem[]
  start_date: string
  end_date: string
  scope: TaskScope
  strata: StratumRule[]
  raise_tags: string[]
  team_size: number
  region_rule: RegionRule
  inspector_capacity: number
  lead_specialty: string
  /** 告知 allowed: no item forbids advance notice. */
  notify: boolean
  status: TaskStatus
  status_name: string
  /** "YYYY-MM-DD HH:MM", '' before the commit. */
  scheduled_at: string
  pool_digest: string
  commitment: string
  /** By stratum; null before the commit. */
  pool_counts: Record<string, number> | null
  /** By reason; null before the commit. */
  excluded_counts: Partial<Record<ExclusionReason, number>> | null
  committed_at: string
  drawn_at: string
  confirmed_at: string
  void_reason: string
  voided_at?: string
  /** The day the record becomes public ("YYYY-MM-DD"). */
  record_public_from: string
  created_at?: string
  updated_at?: string
}

export interface TaskQuery {
  page: number
  page_size: number
  year?: number
  status?: TaskStatus
  plan_id?: number
}

/** One excluded target with why (the status, the exemption's document, the other task …). */
export interface ExcludedTarget {
  target_id: number
  code: string
  name: string
  reason: ExclusionReason
  reason_name: string
  detail: string
}

export interface ExclusionCount {
  reason: ExclusionReason
  name: string
  count: number
}

/** What a commit would freeze now; stored nowhere. */
export interface PoolPreview {
  in_scope: number
  pool_size: number
  strata: Record<string, number>
  /** Every reason, in the order the checks run, with its count (0 included). */
  excluded: ExclusionCount[]
  /** Other departments' tasks that drew targets of this scope: a joint inspection is possible. */
  joinable_tasks: { task_id: number; label: string }[]
  /** The first 200 excluded targets. */
  excluded_sample: ExcludedTarget[]
}

export interface ExclusionQuery {
  page: number
  page_size: number
  reason?: ExclusionReason
}

/** The commit's answer: the task, with the department secret shown this once. */
export interface CommitAnswer extends Task {
  /** 64 hex digits; stored nowhere. */
  secret: string
  pool_size: number
}

export type WitnessRole = '监督人' | '企业代表' | '群众代表' | '法律顾问' | '媒体记者' | '其他'

export interface WitnessInput {
  name: string
  unit: string
  role: WitnessRole
}

export interface Witness extends WitnessInput {
  id: number
  created_at?: string
}

/** The public input of a ceremony: the witnesses' dice digits. */
export interface PublicInput {
  kind: 'dice' | string
  value: string
}

export interface DrawInput {
  /** The department secret revealed (64 hex digits). */
  secret: string
  public_input: PublicInput
}

export interface TeamMember {
  slot: number
  /** The inspector's id (for 检查人员退出); absent from servers that do not send it. */
  inspector_id?: number
  name: string
  /** 执法证号 or the inspector's code. */
  code: string
  department_name: string
}

export interface DrawnTarget {
  /** 1-based order of the list. */
  position: number
  code: string
  stratum: string
  name: string
  division_code: string
  address: string
  target_id: number
  team: TeamMember[]
}

/** A draw record as the engine writes it (docs/draw-protocol.md); the fields the pages read. */
export interface DrawRecord {
  protocol: string
  engine: string
  request: {
    task_id: string
    draw_date: string
    targets_csv?: string
    public_input?: PublicInput
    [key: string]: unknown
  }
  pool_sha256?: string
  pool_digest: string
  commitment: string
  seed: string
  strata: { id: string; population: number; k: number; selected: { code: string; ticket: string }[]; reserves: unknown[] }[]
  replacements: { target: string; reason: string; stratum: string; replacement: string }[]
  [key: string]: unknown
}

export interface DrawAnswer {
  record: DrawRecord
  /** The same secret and digits again: the record made before. */
  repeated: boolean
  targets: DrawnTarget[]
}

/** GET /tasks/{id}/draw: everything about the ceremony of a task. */
export interface DrawState {
  task: Task
  witnesses: Witness[]
  public_input: PublicInput | null
  record: DrawRecord | null
  targets: DrawnTarget[]
}

export function listTasks(query: TaskQuery) {
  return http.get<Page<Task>>('/tasks', { ...query })
}

export function getTask(id: number) {
  return http.get<Task>(`/tasks/${id}`)
}

/** → a draft. Quiet: the form shows the problem on the input it names. */
export function createTask(input: TaskInput) {
  return http.post<Task>('/tasks', input, { quiet: true })
}

/** A draft only (409 task.bad_state after the commit). Quiet, as createTask. */
export function updateTask(id: number, input: TaskInput) {
  return http.put<Task>(`/tasks/${id}`, input, { quiet: true })
}

/** Quiet: the preview panel shows task.stratum_missing and the like where the counts would be. */
export function previewPool(id: number) {
  return http.get<PoolPreview>(`/tasks/${id}/pool-preview`, undefined, { quiet: true })
}

/** The exclusions frozen by the commit, a page at a time. */
export function listExclusions(id: number, query: ExclusionQuery) {
  return http.get<Page<ExcludedTarget>>(`/tasks/${id}/exclusions`, { ...query })
}

/** GET: the frozen pool (code,stratum,region), downloaded with the session cookie. */
export function poolCsvUrl(id: number): string {
  return buildUrl(`/tasks/${id}/pool.csv`)
}

/**
 * Freezes the pool and publishes the commitment; `scheduled_at` is "YYYY-MM-DD HH:MM". The
 * answer holds the secret once. Quiet: the dialog shows the refusal (team_infeasible lists
 * details.shortfalls).
 */
export function commitTask(id: number, scheduledAt: string) {
  return http.post<CommitAnswer>(`/tasks/${id}/commit`, { scheduled_at: scheduledAt }, { quiet: true })
}

export function listWitnesses(id: number) {
  return http.get<{ items: Witness[] }>(`/tasks/${id}/witnesses`)
}

/** Before the draw only. Quiet: the form shows the error on its field. */
export function addWitness(id: number, input: WitnessInput) {
  return http.post<Witness>(`/tasks/${id}/witnesses`, input, { quiet: true })
}

/**
 * Reveals the secret, enters the dice digits and draws. A retry with the same input answers the
 * same record (`repeated`). Quiet: the ceremony panel shows each refusal where it belongs.
 */
export function drawTask(id: number, input: DrawInput) {
  return http.post<DrawAnswer>(`/tasks/${id}/draw`, input, { quiet: true })
}

/** 已抽取待确认 → 已确认锁定. */
export function confirmTask(id: number) {
  return http.post<Task>(`/tasks/${id}/confirm`)
}

export function getDraw(id: number) {
  return http.get<DrawState>(`/tasks/${id}/draw`)
}

/** GET: the draw record as `ssj verify` takes it (an attachment). */
export function drawRecordUrl(id: number): string {
  return buildUrl(`/tasks/${id}/draw-record`)
}

/** GET: the drawn list with each target's team (XLSX). */
export function drawXlsxUrl(id: number): string {
  return buildUrl(`/tasks/${id}/draw.xlsx`)
}

/** GET: every excluded target with its reason and detail (XLSX). */
export function exclusionsXlsxUrl(id: number): string {
  return buildUrl(`/tasks/${id}/exclusions.xlsx`)
}

// ---------------------------------------------------------------------------------------------
// 抽取过程附件: photos, video and documents of the ceremony, between the commit and the confirmation

export interface Attachment {
  id: number
  name: string
  /** Read by the server from the first bytes: image/jpeg, image/png, video/mp4, application/pdf. */
  content_type: string
  size: number
  sha256: string
  created_at: string
}

export function listAttachments(id: number) {
  return http.get<{ items: Attachment[] }>(`/tasks/${id}/attachments`)
}

export function attachmentUrl(taskId: number, attachmentId: number): string {
  return buildUrl(`/tasks/${taskId}/attachments/${attachmentId}`)
}

/**
 * POSTs `file` as the raw body (?file_name= names it), reporting the bytes sent. Quiet: the panel
 * shows a refusal (ceremony.attachments_closed, a type the server does not take) itself.
 */
export function uploadAttachment(taskId: number, file: Blob, fileName: string, onProgress?: (sent: number, total: number) => void) {
  return new Promise<Attachment>((resolve, reject) => {
    const fail = (error: ApiError) => {
      handleFailure(error, { quiet: true })
      reject(error)
    }
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl(`/tasks/${taskId}/attachments`, { file_name: fileName }))
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    const csrf = getCsrfToken()
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf)
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object') resolve(body as Attachment)
      else fail(errorFromBody(xhr.status, xhr.status >= 200 && xhr.status < 300 ? null : body))
    }
    xhr.onerror = () => fail(networkError())
    xhr.send(file)
  })
}

// ---------------------------------------------------------------------------------------------
// 名单变更与作废 (docs/api.md § Changes after the draw and voids)

/** 替换检查对象 (the next reserve of its stratum), 检查人员退出 (refilled with fresh dice), 作废. */
export type ChangeKind = 'replace_target' | 'withdraw_inspector' | 'void'

/** applied: a withdrawal refilled with its fresh dice (a replacement or void applies on approval). */
export type ChangeStatus = 'pending' | 'approved' | 'rejected' | 'applied'

export type ReplaceCategory = '免检' | '注销' | '吊销' | '迁出' | '其他'
export type WithdrawCategory = '回避' | '疾病' | '工作调动' | '其他'

export interface ChangeInput {
  kind: ChangeKind
  target_id?: number
  inspector_id?: number
  /** A void has none (the server records 作废). */
  category?: ReplaceCategory | WithdrawCategory
  reason: string
}

export interface TaskChange {
  id: number
  task_id: number
  task_code: string
  task_name: string
  kind: ChangeKind
  target_id: number | null
  target_code: string
  target_name: string
  inspector_id: number | null
  inspector_code: string
  inspector_name: string
  category: string
  reason: string
  status: ChangeStatus
  requested_by: number
  requested_by_name: string
  requested_at: string
  decided_by_name: string
  decided_at: string
  decision_reason: string
  applied_at: string
}

export function listChanges(taskId: number) {
  return http.get<{ items: TaskChange[] }>(`/tasks/${taskId}/changes`)
}

/** Quiet: the dialog shows task.change_pending or a bad field itself. */
export function requestChange(taskId: number, input: ChangeInput) {
  return http.post<TaskChange>(`/tasks/${taskId}/changes`, input, { quiet: true })
}

/** The requests waiting for the caller's decision (task:change:approve). */
export function listPendingChanges() {
  return http.get<{ items: TaskChange[] }>('/task-changes')
}

/** Quiet: the page shows task.self_approval where the decision was asked. */
export function approveChange(id: number, reason: string) {
  return http.post<TaskChange>(`/task-changes/${id}/approve`, reason ? { reason } : {}, { quiet: true })
}

/** The reason is required. Quiet, as approveChange. */
export function rejectChange(id: number, reason: string) {
  return http.post<TaskChange>(`/task-changes/${id}/reject`, { reason }, { quiet: true })
}

/** Refills an approved withdrawal with fresh dice digits. Quiet: the form shows the refusal. */
export function applyChange(id: number, dice: string) {
  return http.post<TaskChange>(`/task-changes/${id}/apply`, { public_input: { kind: 'dice', value: dice } }, { quiet: true })
}

// ---------------------------------------------------------------------------------------------
// 我的检查任务 (any logged-in user linked to an inspector)

export interface Assignment {
  task_id: number
  task_code: string
  task_name: string
  status: TaskStatus
  start_date: string
  end_date: string
  target_id: number
  target_code: string
  target_name: string
  address: string
  role: '组长' | '组员'
}

export interface Assignments {
  inspector_id: number
  items: Assignment[]
}

export interface DeclarationInput {
  category: WithdrawCategory
  reason: string
  target_id?: number
}

/** Quiet: an account without an inspector record (403 task.not_an_inspector) gets a page of its own. */
export function listMyAssignments() {
  return http.get<Assignments>('/my/assignments', undefined, { quiet: true })
}

/** A withdrawal request for the head. Quiet: the dialog shows the refusal. */
export function declareWithdrawal(taskId: number, input: DeclarationInput) {
  return http.post<TaskChange>(`/my/assignments/${taskId}/declare`, input, { quiet: true })
}

// ---------------------------------------------------------------------------------------------
// 抽取公示 (no login)

/** A committed (or later) task as the portal shows it. */
export interface PublicTask extends Omit<Task, 'created_at' | 'updated_at' | 'plan_id'> {
  /** The record, the drawn targets and the pool are public (from `record_public_from`). */
  record_public: boolean
}

export interface PublicTaskDetail extends PublicTask {
  witnesses: Witness[]
  /** The ceremony's photos and video: names and hashes only. */
  attachments?: Pick<Attachment, 'id' | 'name' | 'content_type' | 'size' | 'sha256' | 'created_at'>[]
  /** Once the record is public. */
  public_input?: PublicInput | null
  targets?: DrawnTarget[]
}

/** noAuthRedirect: a visitor has no session, and a 401 here must not send them to the login page. */
export function listPublicTasks(query: { page: number; page_size: number }) {
  return http.get<Page<PublicTask>>('/public/tasks', { ...query }, { noAuthRedirect: true })
}

export function getPublicTask(id: number) {
  return http.get<PublicTaskDetail>(`/public/tasks/${id}`, undefined, { noAuthRedirect: true })
}

/** GET: the record (JSON), 404 until public. */
export function publicRecordUrl(id: number): string {
  return buildUrl(`/public/tasks/${id}/draw-record`)
}

/** GET: the pool file the record names in targets_csv, 404 until public. */
export function publicPoolUrl(id: number): string {
  return buildUrl(`/public/tasks/${id}/pool.csv`)
}

/** The record as JSON (the seed, the pool file's name). Quiet: the page says when it is missing. */
export function getPublicRecord(id: number) {
  return http.get<DrawRecord>(`/public/tasks/${id}/draw-record`, undefined, { noAuthRedirect: true, quiet: true })
}
