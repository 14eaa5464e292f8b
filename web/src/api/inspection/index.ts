// Inspection records (检查记录, 表 F.1 of DB50 file 003), docs/api.md § Inspection records and
// § The inspector's own view: the dictionary of result categories, action kinds and methods;
// the caller's own records (GET /my/inspections) and a task's (GET /tasks/{id}/inspections); one
// record read and filled part by part (header, items, follow-up actions, evidence, the firm's
// signature or refusal, 无法开展检查), the team's sign-offs, the leader's submission and the
// review. Every write answers the whole record. PUTs are idempotent; the POSTs that create
// something (an action, an upload) carry a client_id, so a retry after a dropped connection never
// creates it twice. The page handles the refusals (quiet), except where noted.
import { buildUrl, errorFromBody, getCsrfToken, handleFailure, http, networkError, type ApiError } from '../http'

/** pending 待录入 → submitted 待审核 → returned 退回 (→ submitted) → reviewed 已审核 → published 已公示. */
export type RecordStatus = 'pending' | 'submitted' | 'returned' | 'reviewed' | 'published'

export type InspectionRole = '组长' | '组员'

/** One result category (检查结果) of the dictionary; `parent` builds the hierarchy. */
export interface ResultCategory {
  code: string
  text: string
  parent: string | null
  /** A problem was found. */
  problem: boolean
  /** The target could not be inspected (file 004 Art. 17): chosen under 无法开展检查. */
  uninspectable: boolean
  active: boolean
}

export interface Dictionary {
  categories: ResultCategory[]
  /** 责令改正, 移送办案机构, … */
  action_kinds: string[]
  /** 书面检查, 实地核查, … */
  methods: string[]
}

/** One record of the caller's teams (GET /my/inspections). */
export interface MyInspection {
  id: number
  task_id: number
  task_code: string
  task_name: string
  start_date: string
  end_date: string
  target_id: number
  target_code: string
  target_name: string
  address: string
  role: InspectionRole
  status: RecordStatus
  status_name: string
  /** Today is inside the task's window. */
  in_window: boolean
  updated_at: string
}

export interface MyInspections {
  /** The server's today, "YYYY-MM-DD". */
  today: string
  items: MyInspection[]
}

/** One record of a task (GET /tasks/{id}/inspections). */
export interface TaskInspection extends Omit<MyInspection, 'role'> {
  leader_name: string
}

export interface TaskInspections {
  counts: Partial<Record<RecordStatus, number>>
  items: TaskInspection[]
}

/** 表 F.1's head: the subject inspected. */
export interface RecordHeader {
  /** 主体名称 */
  subject_name: string
  /** 统一社会信用代码 */
  uscc: string
  /** 所属区县 */
  district: string
  /** 证件（照）号码 */
  licence_no: string
  /** 法定代表人（负责人） */
  legal_rep: string
  /** 检查地址 */
  address: string
  /** 联系电话 */
  phone: string
}

/** What a department records about one item (PUT /inspections/{id}/items/{item_id}). */
export interface RecordItemInput {
  /** 检查方式, one of the item's methods. */
  method: string
  /** 检查内容 */
  checked: string
  /** 发现的问题 */
  findings: string
  /** 检查结果: categories, never a parent with its child. */
  result_codes: string[]
  /** 处理情况 */
  handling: string
}

export interface RecordItem extends RecordItemInput {
  item_id: number
  code: string
  name: string
  /** The item's methods, to choose from. */
  methods: string[]
  /** The department that records this item. */
  department_id: number
  department_name: string
  recorded_by_name: string
  recorded_at: string
  /** The caller may record it (a member of that department, while the record is editable). */
  can_edit: boolean
}

/** 后续处置 */
export interface RecordAction {
  id: number
  kind: string
  detail: string
  /** "YYYY-MM-DD"; 责令改正 has one. */
  deadline: string
  created_by_name: string
  created_at: string
}

export interface ActionInput {
  /** Makes a retried POST harmless. */
  client_id: string
  kind: string
  detail: string
  deadline?: string
}

export type FirmState = 'none' | 'signed' | 'refused'

export interface RecordFirm {
  state: FirmState
  signer_name: string
  signed_at: string
  /** The attachment holding the signature (kind signature). */
  signature_id: number | null
  refusal_reason: string
  refusal_witness: string
}

export interface FirmSignature {
  signer_name: string
  /** The PNG as base64, without a data: prefix. */
  signature: string
}

export interface FirmRefusal {
  reason: string
  witness: string
}

export interface RecordUninspectable {
  category: string
  category_text: string
  description: string
}

export interface UninspectableInput {
  category: string
  description: string
}

export interface TeamSignoff {
  inspector_id: number
  name: string
  department_name: string
  role: InspectionRole
  /** null until the member confirms the content. */
  signed_at: string | null
  /** This member is the caller. */
  me: boolean
}

export interface RecordAttachment {
  id: number
  kind: 'evidence' | 'signature'
  name: string
  /** Read by the server from the bytes: image/jpeg, image/png, application/pdf, video/mp4. */
  content_type: string
  size: number
  sha256: string
  created_by_name: string
  created_at: string
}

export type ReviewDecision = 'approve' | 'return'

export interface RecordReview {
  decision: ReviewDecision
  comment: string
  by_name: string
  at: string
}

/** An inspection record as GET /inspections/{id} and every write answer it. */
export interface InspectionRecord {
  id: number
  task_id: number
  task_code: string
  task_name: string
  task_status: string
  start_date: string
  end_date: string
  department_name: string
  target_id: number
  target_code: string
  status: RecordStatus
  status_name: string
  version: number
  header: RecordHeader
  items: RecordItem[]
  actions: RecordAction[]
  firm: RecordFirm
  uninspectable: RecordUninspectable | null
  team: TeamSignoff[]
  attachments: RecordAttachment[]
  reviews: RecordReview[]
  my_role: InspectionRole | null
  can_edit: boolean
  can_submit: boolean
  can_review: boolean
  /** What still blocks the submission, in zh-CN. */
  missing: string[]
}

export interface ReviewInput {
  decision: ReviewDecision
  comment: string
}

/** Any logged-in user. */
export function getDictionary() {
  return http.get<Dictionary>('/inspection/dictionary')
}

/** Quiet: an account without an inspector record (403 task.not_an_inspector) gets a page of its own. */
export function listMyInspections() {
  return http.get<MyInspections>('/my/inspections', undefined, { quiet: true })
}

/** inspection:record:list, the task in scope. Quiet: the panel shows the error in place. */
export function listTaskInspections(taskId: number) {
  return http.get<TaskInspections>(`/tasks/${taskId}/inspections`, undefined, { quiet: true })
}

/** Quiet: the page says when the record is missing or out of reach. */
export function getInspection(id: number) {
  return http.get<InspectionRecord>(`/inspections/${id}`, undefined, { quiet: true })
}

/** Any team member. Quiet: a failure keeps the local draft and shows 未同步. */
export function updateHeader(id: number, header: RecordHeader) {
  return http.put<InspectionRecord>(`/inspections/${id}/header`, header, { quiet: true })
}

/** A member of the department that records the item. Quiet, as updateHeader. */
export function updateItem(id: number, itemId: number, input: RecordItemInput) {
  return http.put<InspectionRecord>(`/inspections/${id}/items/${itemId}`, input, { quiet: true })
}

/** 201 with the record; the same client_id again changes nothing. Quiet: the form shows the refusal. */
export function addAction(id: number, input: ActionInput) {
  return http.post<InspectionRecord>(`/inspections/${id}/actions`, input, { quiet: true })
}

export function removeAction(id: number, actionId: number) {
  return http.del<InspectionRecord>(`/inspections/${id}/actions/${actionId}`)
}

/** GET: one attachment (evidence or the firm's signature), with the session cookie. */
export function attachmentUrl(id: number, attachmentId: number): string {
  return buildUrl(`/inspections/${id}/attachments/${attachmentId}`)
}

/** Evidence only, while the record is editable. */
export function removeAttachment(id: number, attachmentId: number) {
  return http.del<InspectionRecord>(`/inspections/${id}/attachments/${attachmentId}`)
}

/**
 * POSTs `file` as the raw body (?file_name=&client_id=), reporting the bytes sent. The same
 * client_id again answers the first upload (200), so a retry after a dropped connection never
 * stores the file twice. Quiet: the panel shows a refusal (type, size, count) itself.
 */
export function uploadEvidence(
  id: number,
  file: Blob,
  fileName: string,
  clientId: string,
  onProgress?: (sent: number, total: number) => void,
) {
  return new Promise<RecordAttachment>((resolve, reject) => {
    const fail = (error: ApiError) => {
      handleFailure(error, { quiet: true })
      reject(error)
    }
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl(`/inspections/${id}/attachments`, { file_name: fileName, client_id: clientId }))
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
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object') resolve(body as RecordAttachment)
      else fail(errorFromBody(xhr.status, xhr.status >= 200 && xhr.status < 300 ? null : body))
    }
    xhr.onerror = () => fail(networkError())
    xhr.onabort = () => fail(networkError())
    xhr.send(file)
  })
}

/** The firm's signer signs on the screen. Quiet: the panel shows the refusal. */
export function signFirm(id: number, input: FirmSignature) {
  return http.put<InspectionRecord>(`/inspections/${id}/firm`, input, { quiet: true })
}

/** The firm refuses to sign (拒绝签字), with the reason and a witness. Quiet, as signFirm. */
export function refuseFirm(id: number, input: FirmRefusal) {
  return http.put<InspectionRecord>(`/inspections/${id}/firm`, { refused: true, reason: input.reason, witness: input.witness }, { quiet: true })
}

export function clearFirm(id: number) {
  return http.del<InspectionRecord>(`/inspections/${id}/firm`)
}

/** 无法开展检查: the record completes without items or firm signature, with evidence. Quiet. */
export function setUninspectable(id: number, input: UninspectableInput) {
  return http.put<InspectionRecord>(`/inspections/${id}/uninspectable`, input, { quiet: true })
}

export function clearUninspectable(id: number) {
  return http.del<InspectionRecord>(`/inspections/${id}/uninspectable`)
}

/** The caller confirms the content; again is the same (idempotent). */
export function signOff(id: number) {
  return http.post<InspectionRecord>(`/inspections/${id}/signoff`)
}

/**
 * The leader submits for review. A submitted record again answers it unchanged. Quiet: 400
 * inspection.incomplete lists what is missing, which the page shows as its checklist.
 */
export function submitRecord(id: number) {
  return http.post<InspectionRecord>(`/inspections/${id}/submit`, undefined, { quiet: true })
}

/** inspection:record:review. A return needs a comment. Quiet: the form shows the refusal. */
export function reviewRecord(id: number, input: ReviewInput) {
  return http.post<InspectionRecord>(`/inspections/${id}/review`, input, { quiet: true })
}

/**
 * A fresh client_id (a v4 UUID). crypto.randomUUID exists only in secure contexts (HTTPS,
 * localhost); a plain-http intranet deployment gets one from crypto.getRandomValues instead.
 */
export function newClientId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID()
    } catch {
      /* not a secure context: build one below */
    }
  }
  const bytes = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
