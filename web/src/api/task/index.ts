// Inspection tasks (抽查任务) and their draw ceremony (抽取仪式), docs/api.md § Tasks, § Draw
// ceremony and § Public tasks and records: GET/POST /tasks, GET/PUT /tasks/{id} (a draft only),
// GET /tasks/{id}/pool-preview, /exclusions and /pool.csv; POST /tasks/{id}/commit (answers the
// department secret once), GET/POST /tasks/{id}/witnesses, POST /tasks/{id}/draw and /confirm,
// GET /tasks/{id}/draw and /draw-record; and the portal's GET /public/tasks, /public/tasks/{id},
// /public/tasks/{id}/draw-record and /pool.csv (no login; the record and pool only once public).
// A bad body is a 400 whose details.field names the input ("strata[2].ratio").
import { buildUrl, http, type Page } from '../http'

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

// ---------------------------------------------------------------------------------------------
// 抽取公示 (no login)

/** A committed (or later) task as the portal shows it. */
export interface PublicTask extends Omit<Task, 'created_at' | 'updated_at' | 'plan_id'> {
  /** The record, the drawn targets and the pool are public (from `record_public_from`). */
  record_public: boolean
}

export interface PublicTaskDetail extends PublicTask {
  witnesses: Witness[]
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
