// Pure helpers of the inspection record page (检查记录, /inspection/record/:id) and of the lists
// that link to it: the statuses in words and colours; the result categories as a tree (a flat
// list with `parent` from the server) and the rule that a parent and its descendant are never
// chosen together; the local drafts of the header and the items (kept in localStorage as the
// user types, so that a dropped connection loses nothing): their keys, how they are written,
// read back, compared with the server and offered for restoring; what still blocks the
// submission; and the checks of the forms (a 责令改正 needs a deadline, a return a comment …),
// which the server makes again.
import type {
  Dictionary,
  InspectionRecord,
  RecordHeader,
  RecordItem,
  RecordItemInput,
  RecordStatus,
  ResultCategory,
  TeamSignoff,
} from '@/api/inspection'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'

// ---------------------------------------------------------------------------------------------
// Statuses

export const kRecordStatuses: Dict<RecordStatus> = [
  { value: 'pending', label: '待录入', tag: 'info' },
  { value: 'submitted', label: '待审核', tag: 'warning' },
  { value: 'returned', label: '退回', tag: 'danger' },
  { value: 'reviewed', label: '已审核', tag: 'success' },
  { value: 'published', label: '已公示', tag: 'primary' },
]

export const recordStatusLabel = (status: string | null | undefined) => dictLabel(kRecordStatuses, status)
export const recordStatusTag = (status: string | null | undefined) => dictTag(kRecordStatuses, status)

/** The team edits only in these states (docs/api.md § Inspection records). */
export function isEditableStatus(status: string | null | undefined): boolean {
  return status === 'pending' || status === 'returned'
}

/** The order a list shows records in: what needs the team first (退回, 待录入), then the rest. */
export function statusPriority(status: string | null | undefined): number {
  const order: Record<string, number> = { returned: 0, pending: 1, submitted: 2, reviewed: 3, published: 4 }
  return order[status ?? ''] ?? 5
}

// ---------------------------------------------------------------------------------------------
// Result categories (检查结果)

export interface CategoryNode extends ResultCategory {
  /** 0 for a root. */
  depth: number
  children: CategoryNode[]
}

/**
 * The categories as a tree, in the order the server lists them. A category whose parent is
 * unknown (or that would close a cycle) becomes a root, so nothing is lost.
 */
export function buildCategoryTree(categories: readonly ResultCategory[]): CategoryNode[] {
  const byCode = new Map<string, CategoryNode>()
  for (const c of categories) if (!byCode.has(c.code)) byCode.set(c.code, { ...c, depth: 0, children: [] })
  const parentOf = (code: string) => {
    const p = byCode.get(code)?.parent
    return p && byCode.has(p) ? p : null
  }
  const cyclic = (code: string) => {
    const seen = new Set<string>([code])
    for (let p = parentOf(code); p; p = parentOf(p)) {
      if (seen.has(p)) return true
      seen.add(p)
    }
    return false
  }
  const roots: CategoryNode[] = []
  for (const node of byCode.values()) {
    const parent = parentOf(node.code)
    if (parent && !cyclic(node.code)) byCode.get(parent)!.children.push(node)
    else roots.push(node)
  }
  const setDepth = (nodes: CategoryNode[], depth: number) => {
    for (const n of nodes) {
      n.depth = depth
      setDepth(n.children, depth + 1)
    }
  }
  setDepth(roots, 0)
  return roots
}

/** The tree depth first: each node followed by its children (the order a checkbox list shows). */
export function flattenCategories(roots: readonly CategoryNode[]): CategoryNode[] {
  const out: CategoryNode[] = []
  const walk = (nodes: readonly CategoryNode[]) => {
    for (const n of nodes) {
      out.push(n)
      walk(n.children)
    }
  }
  walk(roots)
  return out
}

function parentMap(categories: readonly ResultCategory[]): Map<string, string | null> {
  return new Map(categories.map((c) => [c.code, c.parent]))
}

/** The codes above `code`, nearest first. */
export function ancestorsOf(code: string, categories: readonly ResultCategory[]): string[] {
  const parents = parentMap(categories)
  const out: string[] = []
  for (let p = parents.get(code) ?? null; p && !out.includes(p) && p !== code; p = parents.get(p) ?? null) out.push(p)
  return out
}

/** Whether one of `a` and `b` lies above the other (a parent and its child, or further). */
export function areRelated(a: string, b: string, categories: readonly ResultCategory[]): boolean {
  if (a === b) return false
  return ancestorsOf(a, categories).includes(b) || ancestorsOf(b, categories).includes(a)
}

/**
 * The selection after ticking (`on`) or unticking `code`. Ticking drops whatever lies above or
 * below it, so a parent and its child are never both chosen: the latest choice wins. The result
 * keeps the dictionary's order.
 */
export function chooseCategory(selected: readonly string[], code: string, on: boolean, categories: readonly ResultCategory[]): string[] {
  const kept = selected.filter((c) => c !== code && !(on && areRelated(c, code, categories)))
  if (on) kept.push(code)
  const order = new Map(flattenCategories(buildCategoryTree(categories)).map((n, i) => [n.code, i]))
  return [...new Set(kept)].sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9))
}

/** The pairs [above, below] of a selection that break the rule (none for a valid one). */
export function exclusivityConflicts(codes: readonly string[], categories: readonly ResultCategory[]): [string, string][] {
  const out: [string, string][] = []
  for (const a of codes) {
    const above = ancestorsOf(a, categories)
    for (const b of codes) if (above.includes(b)) out.push([b, a])
  }
  return out
}

/** “发现问题待后续处理 › 违反工商行政管理相关规定 › 未按规定公示应当公示的信息”; the code when unknown. */
export function categoryPath(code: string, categories: readonly ResultCategory[], separator = ' › '): string {
  const byCode = new Map(categories.map((c) => [c.code, c.text]))
  if (!byCode.has(code)) return code
  return [...ancestorsOf(code, categories).reverse(), code].map((c) => byCode.get(c) ?? c).join(separator)
}

/**
 * The categories an item's 检查结果 offers, depth first: the active ones that are not about an
 * uninspectable target (those belong to 无法开展检查), plus any already chosen so it still shows.
 */
export function resultChoices(categories: readonly ResultCategory[], chosen: readonly string[] = []): CategoryNode[] {
  return flattenCategories(buildCategoryTree(categories)).filter((n) => chosen.includes(n.code) || (n.active && !n.uninspectable))
}

/** The categories 无法开展检查 offers. */
export function uninspectableChoices(categories: readonly ResultCategory[]): ResultCategory[] {
  return categories.filter((c) => c.uninspectable && c.active)
}

/** The methods an item offers: its own, else the dictionary's, with the current one kept. */
export function methodChoices(item: Pick<RecordItem, 'methods' | 'method'>, dictionary: Pick<Dictionary, 'methods'> | null): string[] {
  const base = item.methods?.length ? item.methods : (dictionary?.methods ?? [])
  return item.method && !base.includes(item.method) ? [...base, item.method] : [...base]
}

// ---------------------------------------------------------------------------------------------
// Forms of the header and items, and comparing them with the server

export const kHeaderFields: readonly { key: keyof RecordHeader; label: string; wide?: boolean; max: number }[] = [
  { key: 'subject_name', label: '主体名称', wide: true, max: 200 },
  { key: 'uscc', label: '统一社会信用代码', max: 30 },
  { key: 'district', label: '所属区县', max: 50 },
  { key: 'licence_no', label: '证件（照）号码', max: 50 },
  { key: 'legal_rep', label: '法定代表人（负责人）', max: 50 },
  { key: 'address', label: '检查地址', wide: true, max: 200 },
  { key: 'phone', label: '联系电话', max: 30 },
]

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v))

export function blankHeader(): RecordHeader {
  return { subject_name: '', uscc: '', district: '', licence_no: '', legal_rep: '', address: '', phone: '' }
}

/** The header as its form holds it (every field a string). */
export function headerOf(source: Partial<RecordHeader> | null | undefined): RecordHeader {
  const h = source ?? {}
  return {
    subject_name: str(h.subject_name),
    uscc: str(h.uscc),
    district: str(h.district),
    licence_no: str(h.licence_no),
    legal_rep: str(h.legal_rep),
    address: str(h.address),
    phone: str(h.phone),
  }
}

/** The item as its form (and the PUT body) holds it. */
export function itemInputOf(source: Partial<RecordItemInput> | null | undefined): RecordItemInput {
  const i = source ?? {}
  return {
    method: str(i.method),
    checked: str(i.checked),
    findings: str(i.findings),
    result_codes: Array.isArray(i.result_codes) ? i.result_codes.map(str) : [],
    handling: str(i.handling),
  }
}

export function sameHeader(a: Partial<RecordHeader> | null | undefined, b: Partial<RecordHeader> | null | undefined): boolean {
  const x = headerOf(a)
  const y = headerOf(b)
  return (Object.keys(x) as (keyof RecordHeader)[]).every((k) => x[k] === y[k])
}

/** Equal items; the result codes compare as a set (their order carries no meaning). */
export function sameItemInput(a: Partial<RecordItemInput> | null | undefined, b: Partial<RecordItemInput> | null | undefined): boolean {
  const x = itemInputOf(a)
  const y = itemInputOf(b)
  const codes = (c: string[]) => [...new Set(c)].sort().join('\n')
  return x.method === y.method && x.checked === y.checked && x.findings === y.findings && x.handling === y.handling && codes(x.result_codes) === codes(y.result_codes)
}

/** The body of PUT …/items/{id}: trimmed texts, each code once. */
export function itemBody(form: RecordItemInput): RecordItemInput {
  return {
    method: form.method,
    checked: form.checked.trim(),
    findings: form.findings.trim(),
    result_codes: [...new Set(form.result_codes)],
    handling: form.handling.trim(),
  }
}

/** The body of PUT …/header: trimmed, the credit code in capitals. */
export function headerBody(form: RecordHeader): RecordHeader {
  const h = headerOf(form)
  for (const k of Object.keys(h) as (keyof RecordHeader)[]) h[k] = h[k].trim()
  h.uscc = h.uscc.toUpperCase()
  return h
}

// ---------------------------------------------------------------------------------------------
// Local drafts (localStorage), so that edits survive a dropped connection or a closed page

/** 'header', or the item's id. */
export type DraftSection = 'header' | number

export interface Draft<T> {
  v: 1
  /** What the user typed. */
  value: T
  /** The server's value when it was typed (to tell whether someone changed it since). */
  base: T
  /** ISO time of the last keystroke kept. */
  saved_at: string
}

/** The part of Storage the drafts use (localStorage in the page, a map in the tests). */
export interface DraftStore {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const kDraftPrefix = 'ssj.inspection.draft'

/** One user's draft of one section of one record (a shared phone keeps people apart). */
export function draftKey(userId: number, recordId: number, section: DraftSection): string {
  return `${kDraftPrefix}.${userId}.${recordId}.${section === 'header' ? 'header' : `item.${section}`}`
}

/** The section a key names, or null when it is not a draft key of this user and record. */
export function sectionOfKey(key: string, userId: number, recordId: number): DraftSection | null {
  const prefix = `${kDraftPrefix}.${userId}.${recordId}.`
  if (!key.startsWith(prefix)) return null
  const rest = key.slice(prefix.length)
  if (rest === 'header') return 'header'
  const m = /^item\.(\d+)$/.exec(rest)
  return m ? Number(m[1]) : null
}

export function serializeDraft<T>(value: T, base: T, now: Date = new Date()): string {
  const draft: Draft<T> = { v: 1, value, base, saved_at: now.toISOString() }
  return JSON.stringify(draft)
}

/** The draft in `text`, or null when it is missing or not one this page wrote. */
export function parseDraft<T>(text: string | null, isValue: (v: unknown) => v is T): Draft<T> | null {
  if (!text) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (!data || typeof data !== 'object') return null
  const d = data as Partial<Draft<unknown>>
  if (d.v !== 1 || typeof d.saved_at !== 'string' || !isValue(d.value) || !isValue(d.base)) return null
  return { v: 1, value: d.value, base: d.base, saved_at: d.saved_at }
}

export function isHeaderValue(v: unknown): v is RecordHeader {
  if (!v || typeof v !== 'object') return false
  const o = v as Record<string, unknown>
  return (Object.keys(blankHeader()) as (keyof RecordHeader)[]).every((k) => typeof o[k] === 'string')
}

export function isItemValue(v: unknown): v is RecordItemInput {
  if (!v || typeof v !== 'object') return false
  const o = v as Record<string, unknown>
  return (
    ['method', 'checked', 'findings', 'handling'].every((k) => typeof o[k] === 'string') &&
    Array.isArray(o.result_codes) &&
    o.result_codes.every((c) => typeof c === 'string')
  )
}

/** Writes a draft; false when the storage refused (full, disabled): the page then warns. */
export function writeDraft<T>(store: DraftStore, key: string, value: T, base: T, now: Date = new Date()): boolean {
  try {
    store.setItem(key, serializeDraft(value, base, now))
    return true
  } catch {
    return false
  }
}

export function readDraft<T>(store: DraftStore, key: string, isValue: (v: unknown) => v is T): Draft<T> | null {
  try {
    return parseDraft(store.getItem(key), isValue)
  } catch {
    return null
  }
}

export function removeDraft(store: DraftStore, key: string): void {
  try {
    store.removeItem(key)
  } catch {
    /* storage disabled: nothing kept */
  }
}

function storeKeys(store: DraftStore): string[] {
  const keys: string[] = []
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i)
      if (k) keys.push(k)
    }
  } catch {
    /* storage disabled */
  }
  return keys
}

/** The sections of one record with a draft of this user. */
export function draftSections(store: DraftStore, userId: number, recordId: number): DraftSection[] {
  return storeKeys(store)
    .map((k) => sectionOfKey(k, userId, recordId))
    .filter((s): s is DraftSection => s !== null)
}

/** The records of this user that have a draft (for a mark in the list). */
export function recordsWithDrafts(store: DraftStore, userId: number): Set<number> {
  const prefix = `${kDraftPrefix}.${userId}.`
  const out = new Set<number>()
  for (const k of storeKeys(store)) {
    if (!k.startsWith(prefix)) continue
    const id = Number(k.slice(prefix.length).split('.')[0])
    if (Number.isInteger(id) && id > 0) out.add(id)
  }
  return out
}

/** A draft that differs from the server, offered for restoring when the page opens. */
export interface DraftOffer {
  section: DraftSection
  /** “企业基本信息” or the item's name. */
  label: string
  saved_at: string
  /** The server's value changed since the draft was typed (someone else saved meanwhile). */
  changed_since: boolean
  /** The record (or the item) can still be edited by this user, so the draft can be restored. */
  restorable: boolean
}

/**
 * What to do with the drafts found for `record`: `offers` differ from the server and are shown
 * for restoring; `stale` equal it (already saved) and can be removed.
 */
export function draftOffers(
  record: InspectionRecord,
  header: Draft<RecordHeader> | null,
  items: ReadonlyMap<number, Draft<RecordItemInput>>,
): { offers: DraftOffer[]; stale: DraftSection[] } {
  const offers: DraftOffer[] = []
  const stale: DraftSection[] = []
  if (header) {
    const server = headerOf(record.header)
    if (sameHeader(header.value, server)) stale.push('header')
    else offers.push({ section: 'header', label: '企业基本信息', saved_at: header.saved_at, changed_since: !sameHeader(header.base, server), restorable: record.can_edit })
  }
  for (const [itemId, draft] of items) {
    const item = record.items.find((i) => i.item_id === itemId)
    if (!item) {
      stale.push(itemId)
      continue
    }
    const server = itemInputOf(item)
    if (sameItemInput(draft.value, server)) stale.push(itemId)
    else offers.push({ section: itemId, label: item.name, saved_at: draft.saved_at, changed_since: !sameItemInput(draft.base, server), restorable: item.can_edit })
  }
  return { offers, stale }
}

// ---------------------------------------------------------------------------------------------
// What blocks the submission, the team, the forms' checks

/**
 * The checklist of what still blocks the submission: what this device has not sent yet (unsaved
 * sections, files still uploading), then the server's own list.
 */
export function blockers(record: Pick<InspectionRecord, 'missing'> | null, unsaved: number, uploading = 0): string[] {
  const out: string[] = []
  if (unsaved > 0) out.push(`本机还有 ${unsaved} 处修改未保存到服务器`)
  if (uploading > 0) out.push(`还有 ${uploading} 个证据文件未上传完成`)
  return [...out, ...(record?.missing ?? [])]
}

/** Whether 提交审核 can be pressed now; `reason` says why not ('' when it can). */
export function submitState(
  record: Pick<InspectionRecord, 'can_submit' | 'status' | 'missing'> | null,
  unsaved: number,
  uploading: number,
  inFlight: boolean,
): { show: boolean; disabled: boolean; reason: string } {
  if (!record || !record.can_submit || !isEditableStatus(record.status)) return { show: false, disabled: true, reason: '' }
  if (inFlight) return { show: true, disabled: true, reason: '正在提交…' }
  const left = blockers(record, unsaved, uploading)
  if (left.length) return { show: true, disabled: true, reason: `还有 ${left.length} 项未完成` }
  return { show: true, disabled: false, reason: '' }
}

/** The caller's entry in the team, if any. */
export function myMember(team: readonly TeamSignoff[]): TeamSignoff | undefined {
  return team.find((m) => m.me)
}

/** How many of the team have confirmed. */
export function signedCount(team: readonly TeamSignoff[]): number {
  return team.filter((m) => !!m.signed_at).length
}

export const kCorrectionKind = '责令改正'

export interface ActionForm {
  kind: string
  detail: string
  deadline: string
}

export function blankActionForm(): ActionForm {
  return { kind: '', detail: '', deadline: '' }
}

/** Whether the action kind needs a deadline (责令改正 needs one). */
export const needsDeadline = (kind: string) => kind === kCorrectionKind

const kIsoDate = /^\d{4}-\d{2}-\d{2}$/

/** The problems of the 后续处置 form by field ('' none); `today` "YYYY-MM-DD". */
export function actionProblems(form: ActionForm, today: string): Record<keyof ActionForm, string> {
  let deadline = ''
  if (needsDeadline(form.kind)) {
    if (!form.deadline) deadline = '责令改正须填写整改期限'
    else if (!kIsoDate.test(form.deadline)) deadline = '整改期限格式应为 YYYY-MM-DD'
    else if (form.deadline < today) deadline = '整改期限不能早于今天'
  }
  return {
    kind: form.kind ? '' : '请选择处置方式',
    detail: form.detail.trim() ? ([...form.detail.trim()].length > 1000 ? '处置说明最多 1000 个字' : '') : '请填写处置说明',
    deadline,
  }
}

/** The body of POST …/actions (the deadline only for the kinds that take one). */
export function actionBody(form: ActionForm, clientId: string): { client_id: string; kind: string; detail: string; deadline?: string } {
  const body: { client_id: string; kind: string; detail: string; deadline?: string } = { client_id: clientId, kind: form.kind, detail: form.detail.trim() }
  if (needsDeadline(form.kind) && form.deadline) body.deadline = form.deadline
  return body
}

/** The problems of a review ('' none): a return needs a comment. */
export function reviewProblem(decision: 'approve' | 'return' | '', comment: string): string {
  if (!decision) return '请选择审核意见'
  if (decision === 'return' && !comment.trim()) return '退回须填写退回理由，写明需要补正的内容'
  return ''
}

/** The problems of the firm's refusal by field. */
export function refusalProblems(reason: string, witness: string): { reason: string; witness: string } {
  return { reason: reason.trim() ? '' : '请填写拒绝签字的情况', witness: witness.trim() ? '' : '请填写见证人姓名及身份' }
}

/** The problems of the firm's signature by field; `hasInk`: something was drawn. */
export function signatureProblems(signerName: string, hasInk: boolean): { signer_name: string; signature: string } {
  return { signer_name: signerName.trim() ? '' : '请填写签字人姓名', signature: hasInk ? '' : '请签字人在签名框内手写签名' }
}

/** The base64 of a data: URL (what the server takes as the signature), '' when not one. */
export function base64OfDataUrl(dataUrl: string): string {
  const m = /^data:[^;,]+;base64,(.*)$/s.exec(dataUrl)
  return m ? m[1] : ''
}

/** The problems of 无法开展检查 by field. */
export function uninspectableProblems(category: string, description: string): { category: string; description: string } {
  return { category: category ? '' : '请选择无法开展检查的原因', description: description.trim() ? '' : '请填写情况说明' }
}

// ---------------------------------------------------------------------------------------------
// Evidence files

/** The server's limits (per file, per record). */
export const kMaxEvidenceBytes = 20 * 1024 * 1024
export const kMaxEvidenceFiles = 30

/** What the file picker offers; the server decides by the file's content. */
export const kEvidenceAccept = 'image/*,application/pdf,video/mp4,.pdf,.mp4'

/** A hint before uploading ('' none): the size and the count, which the server checks again. */
export function evidenceProblem(file: { size: number }, count: number): string {
  if (count >= kMaxEvidenceFiles) return `每份检查记录最多 ${kMaxEvidenceFiles} 个证据文件`
  if (file.size <= 0) return '文件是空的'
  if (file.size > kMaxEvidenceBytes) return `文件超过 20 MB（${formatBytes(file.size)}），请压缩后再上传`
  return ''
}

/** “812 B”, “1.5 KB”, “3.4 MB”. */
export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return '—'
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}

/**
 * The name to upload a file under. Phones name every camera shot alike (“image.jpg”), so a photo
 * taken on the spot is named by the time it was taken: “现场照片-20261201-093015.jpg”.
 */
export function evidenceName(file: { name: string; type: string }, fromCamera: boolean, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  if (fromCamera || !file.name) {
    const ext = file.type === 'image/png' ? 'png' : file.type.startsWith('video/') ? 'mp4' : 'jpg'
    const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
    return `现场照片-${stamp}.${ext}`
  }
  return file.name
}

/** Whether an upload failure is worth retrying by itself (a lost connection, a server hiccup). */
export function isRetryable(error: { status?: number } | null | undefined): boolean {
  const s = error?.status ?? 0
  return s === 0 || s === 408 || s === 429 || s >= 500
}
