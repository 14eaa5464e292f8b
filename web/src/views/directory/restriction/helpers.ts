// Pure helpers of the 利害关系 and 免检免扰 pages (two kinds of one module, server/src/restrictions):
// what each kind shows, the filters as a query, a record's state (有效, 未生效, 已过期, 已撤销) and
// period, how codes show in lists (resident ID numbers masked), the options of the person and
// target searches, the forms' bodies and the 撤销 question.
import type { Inspector, InspectorQuery } from '@/api/directory/inspectors'
import type {
  Conflict,
  ConflictInput,
  Exemption,
  ExemptionInput,
  RestrictionFilterQuery,
  RestrictionKind,
  RestrictionQuery,
} from '@/api/directory/restrictions'
import type { Target, TargetQuery } from '@/api/directory/targets'
import type { RecordOption } from '@/components/RecordSelect.vue'
import type { PageParams } from '@/composables/usePagedList'
import type { ColumnDef } from '@/composables/useTableColumns'
import type { TagType } from '@/utils/dict'
import { maskIdNumber } from '@/utils/idcode'
import type { ImportSubject } from '@/utils/importReport'
import { listIdNumber } from '../inspector/helpers'
import { listCode } from '../target/helpers'

/** The scope an exemption has unless it names items. */
export const kAllItems = '全部事项'

/** What a page of one kind is called, shows and imports. */
export interface KindConfig {
  kind: RestrictionKind
  /** The permission prefix: directory:conflict, directory:exemption. */
  perm: string
  /** What one record is called in buttons and messages: 利害关系, 免检记录. */
  noun: string
  /** useTableColumns' page key. */
  pageKey: string
  columns: ColumnDef[]
  /** The 关键字 filter's placeholder. */
  keywordHint: string
  /** The empty list, before any filter. */
  emptyText: string
  importSubject: ImportSubject
}

const kTailColumns: ColumnDef[] = [
  { key: 'validity', label: '有效期', phone: false },
  { key: 'status', label: '状态' },
  { key: 'revoke_reason', label: '撤销原因', phone: false, hidden: true },
  { key: 'created_at', label: '登记时间', phone: false, hidden: true },
]

export const kKinds: Record<RestrictionKind, KindConfig> = {
  conflicts: {
    kind: 'conflicts',
    perm: 'directory:conflict',
    noun: '利害关系',
    pageKey: 'directory-conflict',
    columns: [
      { key: 'inspector', label: '人员' },
      // Phones show the target under the person.
      { key: 'target', label: '检查对象', phone: false },
      { key: 'reason', label: '利害关系说明', phone: false },
      { key: 'source', label: '来源', phone: false },
      ...kTailColumns,
    ],
    keywordHint: '人员或对象的名称、编码',
    emptyText: '还没有登记利害关系',
    importSubject: {
      title: '导入利害关系',
      noun: '记录',
      key: '同一人员与检查对象的记录',
      library: '系统',
      searchBy: '人员姓名或对象名称',
    },
  },
  exemptions: {
    kind: 'exemptions',
    perm: 'directory:exemption',
    noun: '免检记录',
    pageKey: 'directory-exemption',
    columns: [
      { key: 'target', label: '检查对象' },
      { key: 'department', label: '监管部门', phone: false },
      { key: 'scope', label: '免检范围', phone: false },
      { key: 'source_document', label: '依据文件', phone: false },
      ...kTailColumns,
    ],
    keywordHint: '名称、编码或依据文件',
    emptyText: '还没有登记免检免扰对象',
    importSubject: {
      title: '导入免检免扰名单',
      noun: '记录',
      key: '同一对象、依据文件和范围的记录',
      library: '系统',
      searchBy: '对象名称或依据文件',
    },
  },
}

// ---------------------------------------------------------------------------------------------
// The list

export interface RestrictionFilters {
  q: string
  /** 有效, 已撤销 or '' (both). */
  status: string
  /** 仅显示当前有效. */
  current: boolean
}

export function blankFilters(): RestrictionFilters {
  return { q: '', status: '', current: false }
}

export const kStatusChoices = ['有效', '已撤销'] as const

/** The filters that are set, as the list and the export take them. */
export function filterQuery(f: RestrictionFilters): RestrictionFilterQuery {
  const status = kStatusChoices.find((s) => s === f.status)
  return { q: f.q.trim() || undefined, status, current: f.current || undefined }
}

export function restrictionQuery(params: PageParams, f: RestrictionFilters): RestrictionQuery {
  return { ...params, ...filterQuery(f) }
}

/** True when any filter is set (the empty state then says nothing matched). */
export function isFiltered(f: RestrictionFilters): boolean {
  return f.q.trim() !== '' || f.status !== '' || f.current
}

type Period = Pick<Conflict, 'status' | 'in_force' | 'valid_from' | 'valid_until'>

export interface RecordState {
  label: '有效' | '未生效' | '已过期' | '已撤销'
  tag: TagType
}

/**
 * What a record's tag says: 已撤销 once revoked; else 有效 while in force, 未生效 before its
 * start, 已过期 after its end. `today` is YYYY-MM-DD (Asia/Shanghai), as the server counts.
 */
export function recordState(row: Period, today: string): RecordState {
  if (row.status === '已撤销') return { label: '已撤销', tag: 'info' }
  if (row.in_force) return { label: '有效', tag: 'success' }
  if (row.valid_from > today) return { label: '未生效', tag: 'warning' }
  return { label: '已过期', tag: 'danger' }
}

/** "2026-01-01 至 2026-12-31", or "2026-01-01 起长期有效". */
export function periodText(row: Pick<Conflict, 'valid_from' | 'valid_until'>): string {
  if (!row.valid_until) return `${row.valid_from} 起长期有效`
  return `${row.valid_from} 至 ${row.valid_until}`
}

const kResidentId = /^\d{17}[\dXx]$/

/** A person's or target's code as a list shows it: a resident ID number masked, others whole. */
export function listKey(code: string | null | undefined): string {
  const text = (code ?? '').trim()
  return kResidentId.test(text) ? maskIdNumber(text) : text
}

// ---------------------------------------------------------------------------------------------
// The person and target searches of the forms

/** A person in the search: the name, then the 执法证号 (or masked ID number) and department. */
export function inspectorOption(row: Inspector): RecordOption {
  const key = row.cert_no || listIdNumber(row)
  return { value: row.id, label: row.name, detail: [key, row.department_name].filter(Boolean).join(' · ') }
}

/** A target in the search: the name, then its code (a 自然人's masked) and supervising department. */
export function targetOption(row: Target): RecordOption {
  return { value: row.id, label: row.name, detail: [listCode(row), row.department_name].filter(Boolean).join(' · ') }
}

/** How many matches a search offers. */
export const kSearchSize = 20

export function inspectorSearchQuery(text: string): InspectorQuery {
  return { page: 1, page_size: kSearchSize, name: text.trim() || undefined }
}

// A whole 统一社会信用代码 or resident ID number: /targets then looks it up exactly.
const kWholeCode = /^[0-9A-Z]{18}$/

/** What a typed text asks of /targets: a whole code by `code`, anything else by `name`. */
export function targetSearchQuery(text: string): TargetQuery {
  const typed = text.trim()
  if (kWholeCode.test(typed.toUpperCase())) return { page: 1, page_size: kSearchSize, code: typed.toUpperCase() }
  return { page: 1, page_size: kSearchSize, name: typed || undefined }
}

// ---------------------------------------------------------------------------------------------
// The forms

// A person or target is chosen by id from a search, or typed as a code by someone who may not
// search that directory (`inspector_code`, `target_code`); the id wins when both are set.

export interface ConflictForm {
  inspector: number | undefined
  inspector_code: string
  target: number | undefined
  target_code: string
  reason: string
  valid_from: string
  valid_until: string
}

export function blankConflictForm(today: string): ConflictForm {
  return {
    inspector: undefined,
    inspector_code: '',
    target: undefined,
    target_code: '',
    reason: '',
    valid_from: today,
    valid_until: '',
  }
}

/** A typed code as the server looks it up: trimmed, in capitals. */
export function typedCode(code: string): string {
  return code.trim().toUpperCase()
}

/** The body of POST /conflicts: trimmed, an empty end left out (open-ended). */
export function conflictInput(form: ConflictForm): ConflictInput {
  return {
    inspector: form.inspector ?? typedCode(form.inspector_code),
    target: form.target ?? typedCode(form.target_code),
    reason: form.reason.trim(),
    valid_from: form.valid_from || undefined,
    valid_until: form.valid_until || undefined,
  }
}

export interface ExemptionForm {
  target: number | undefined
  target_code: string
  scope: string
  valid_from: string
  valid_until: string
  source_document: string
}

export function blankExemptionForm(today: string): ExemptionForm {
  return { target: undefined, target_code: '', scope: kAllItems, valid_from: today, valid_until: '', source_document: '' }
}

/** The body of POST /exemptions: trimmed; an empty scope is 全部事项. */
export function exemptionInput(form: ExemptionForm): ExemptionInput {
  return {
    target: form.target ?? typedCode(form.target_code),
    scope: form.scope.trim() || kAllItems,
    valid_from: form.valid_from,
    valid_until: form.valid_until,
    source_document: form.source_document.trim(),
  }
}

// ---------------------------------------------------------------------------------------------
// 撤销

/** The longest 撤销原因 (the server's limit: 200 Chinese characters). */
export const kReasonMax = 200

/** Why a typed 撤销原因 cannot be sent, or '' when it can. */
export function revokeReasonProblem(text: string | null | undefined): string {
  const reason = (text ?? '').trim()
  if (!reason) return '请填写撤销原因'
  if (reason.length > kReasonMax) return `撤销原因最多 ${kReasonMax} 个字`
  return ''
}

/** What the 撤销 box asks about a record. */
export function revokeQuestion(kind: RestrictionKind, row: Conflict | Exemption): string {
  if (kind === 'conflicts') {
    const c = row as Conflict
    return `撤销后，“${c.inspector_name}”与“${c.target_name}”之间的利害关系不再作为抽取时的回避依据。请填写撤销原因：`
  }
  const e = row as Exemption
  return `撤销后，“${e.target_name}”将按正常规则参与随机抽取（依据文件：${e.source_document}）。请填写撤销原因：`
}
