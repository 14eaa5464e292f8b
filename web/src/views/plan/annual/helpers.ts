// Pure helpers of the 年度抽查工作计划 pages: the filters as a query, how statuses are tagged, which
// workflow steps a plan's state and the user's permissions allow, the form's rows to and from the
// API, where a server error about "rows[2].ratio" belongs, the client-side checks the server makes
// again, the 公开期限, merge suggestions in words, and the version history (each version's state,
// its 调整原因 and what it changed).
import type {
  MergeRow,
  Plan,
  PlanCategory,
  PlanDeadline,
  PlanInput,
  PlanQuery,
  PlanRow,
  PlanStatus,
  PlanSummary,
  PlanVersion,
  PlanVersionStatus,
} from '@/api/plan'
import type { PageParams } from '@/composables/usePagedList'
import type { ColumnDef } from '@/composables/useTableColumns'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'
import type { HistoryChange, HistoryItem } from '@/utils/history'
import { formatDateTime } from '@/utils/time'

/** The first plan year the server accepts: 双随机、一公开 began in 2015 (国办发〔2015〕58号). */
export const kMinPlanYear = 2015
export const kMaxPlanYear = 2099
/** Server limits (plan_types.h): rows per plan, characters of a name and of a target scope. */
export const kMaxRows = 500
export const kMaxNameChars = 100
export const kMaxScopeChars = 500

export const kPlanPerms = {
  list: 'plan:annual:list',
  add: 'plan:annual:add',
  edit: 'plan:annual:edit',
  submit: 'plan:annual:submit',
  approve: 'plan:annual:approve',
  publish: 'plan:annual:publish',
} as const

/** A plan's state, and a kept version's (已替代: replaced on the portal by a later version). */
export const kPlanStatuses: Dict<PlanVersionStatus> = [
  { value: 'draft', label: '草稿', tag: 'info' },
  { value: 'submitted', label: '待审批', tag: 'warning' },
  { value: 'approved', label: '已批准', tag: 'primary' },
  { value: 'published', label: '已发布', tag: 'success' },
  { value: 'superseded', label: '已替代', tag: 'info' },
]

/** The choices of the list's 状态 filter. */
export const kStatusChoices = kPlanStatuses
  .filter((s) => s.value !== 'superseded')
  .map((s) => ({ value: s.value, label: s.label }))

export const kPlanCategories: Dict<PlanCategory> = [
  { value: '重点', label: '重点', tag: 'danger' },
  { value: '一般', label: '一般', tag: 'primary' },
]

export const statusLabel = (status: string | null | undefined) => dictLabel(kPlanStatuses, status)
export const statusTag = (status: string | null | undefined) => dictTag(kPlanStatuses, status)
export const categoryTag = (category: string | null | undefined) => dictTag(kPlanCategories, category)

export const kPlanColumns: ColumnDef[] = [
  { key: 'name', label: '计划名称' },
  { key: 'year', label: '计划年度', phone: false },
  { key: 'department', label: '发起部门', phone: false },
  { key: 'status', label: '状态' },
  { key: 'deadline', label: '公开期限', phone: false },
  { key: 'updated_at', label: '更新时间', phone: false, hidden: true },
]

// ---------------------------------------------------------------------------------------------
// The list

export interface PlanFilters {
  /** "2027", or '' for every year. */
  year: string
  status: PlanStatus | ''
  department_id: number | undefined
}

export function blankPlanFilters(): PlanFilters {
  return { year: '', status: '', department_id: undefined }
}

export function planQuery(params: PageParams, f: PlanFilters): PlanQuery {
  return {
    ...params,
    year: f.year ? Number(f.year) : undefined,
    status: f.status || undefined,
    department_id: f.department_id,
  }
}

export function isPlanFiltered(f: PlanFilters): boolean {
  return f.year !== '' || f.status !== '' || f.department_id !== undefined
}

/** The years offered by the filters: next year down to 2015, newest first, as strings. */
export function yearChoices(thisYear: number): string[] {
  const years: string[] = []
  for (let y = Math.min(thisYear + 1, kMaxPlanYear); y >= kMinPlanYear; y--) years.push(String(y))
  return years
}

/** “5%”, “50 户”, or both: the size of a row as people write it. */
export function sizeText(row: Pick<PlanRow, 'ratio' | 'count'>): string {
  const parts: string[] = []
  if (row.ratio) parts.push(`${row.ratio}%`)
  if (row.count > 0) parts.push(`${row.count} 户`)
  return parts.join('，') || '—'
}

/** “2027-04-01 至 2027-06-30”. */
export function periodText(row: Pick<PlanRow, 'start_date' | 'end_date'>): string {
  if (!row.start_date && !row.end_date) return '—'
  return `${row.start_date || '?'} 至 ${row.end_date || '?'}`
}

export function cooperatingText(row: Pick<PlanRow, 'cooperating'>): string {
  return row.cooperating.map((d) => d.name).join('、')
}

/** 当前版本: “第 1 版”, “第 2 版（公示第 1 版）” while an adjustment is in progress. */
export function versionText(plan: Pick<Plan, 'version' | 'published_version' | 'status'>): string {
  const v = `第 ${plan.version} 版`
  if (plan.published_version && plan.published_version !== plan.version) return `${v}（公示第 ${plan.published_version} 版）`
  if (plan.status === 'published') return `${v}（公示中）`
  return v
}

/** An adjustment of a published plan is in progress: the portal still shows an older version. */
export function adjusting(plan: Pick<Plan, 'version' | 'published_version'>): boolean {
  return !!plan.published_version && plan.published_version !== plan.version
}

/** The 公开期限 in words: “2027-03-31 前”, “逾期未公开（应于 2027-03-31 前）”, “逾期公开” … */
export function deadlineText(deadline: PlanDeadline | null | undefined): string {
  if (!deadline || !deadline.publish_by) return '未设公开期限'
  if (deadline.overdue) return `逾期未公开（应于 ${deadline.publish_by} 前）`
  if (deadline.published_late) return `逾期公开（应于 ${deadline.publish_by} 前）`
  return `${deadline.publish_by} 前`
}

// ---------------------------------------------------------------------------------------------
// Which steps are allowed

export interface PlanActions {
  /** 修改: a draft. */
  edit: boolean
  /** 提交审批: a draft. */
  submit: boolean
  /** 批准 and 退回: a submitted plan. */
  approve: boolean
  reject: boolean
  /** 向社会公开: an approved plan. */
  publish: boolean
  /** 调整: a published plan (the adjustment is a new version). */
  adjust: boolean
}

/**
 * The steps `plan`'s state allows that the user holds the permission for (`can`); the server's
 * Transition table (plan.h) with the route permissions (调整 needs plan:annual:edit).
 */
export function planActions(plan: Pick<Plan, 'status'> | null | undefined, can: (perm: string) => boolean): PlanActions {
  const s = plan?.status
  return {
    edit: s === 'draft' && can(kPlanPerms.edit),
    submit: s === 'draft' && can(kPlanPerms.submit),
    approve: s === 'submitted' && can(kPlanPerms.approve),
    reject: s === 'submitted' && can(kPlanPerms.approve),
    publish: s === 'approved' && can(kPlanPerms.publish),
    adjust: s === 'published' && can(kPlanPerms.edit),
  }
}

/** Whether any step is open to the user (the detail's action bar shows only then). */
export function anyAction(actions: PlanActions): boolean {
  return Object.values(actions).some(Boolean)
}

/** What the state waits for, said to someone who cannot take the next step themself. */
export function waitingNote(plan: Pick<Plan, 'status'>, actions: PlanActions): string {
  if (anyAction(actions)) return ''
  switch (plan.status) {
    case 'draft':
      return '草稿编制完成后，由业务处室提交审批。'
    case 'submitted':
      return '已提交，等待统筹部门或负责人审批。'
    case 'approved':
      return '已批准，等待向社会公开。'
    default:
      return ''
  }
}

// ---------------------------------------------------------------------------------------------
// The form

export interface PlanRowForm {
  /** Stable across deletions: errors and v-for keys follow the row, not its position. */
  key: number
  item_id: number | undefined
  /** What the item picker shows for the chosen item (also when it is not among the options). */
  item_name: string
  item_code: string
  domain: string
  /** The chosen item's 抽查比例上限 (“5%”), '' when unknown or none: a hint under 抽查比例. */
  ratio_cap: string
  target_scope: string
  category: PlanCategory | ''
  start_date: string
  end_date: string
  /** As typed: “5”, “2.5%”. */
  ratio: string
  /** As typed. */
  count: string
  cooperating_ids: number[]
  /** Names of cooperating departments the department list may not hold (another branch). */
  cooperating: { id: number; name: string }[]
}

export interface PlanForm {
  year: number | undefined
  name: string
  department_id: number | undefined
  rows: PlanRowForm[]
}

let nextRowKey = 1

/** A new row; it takes the time of `previous` (rows of a plan often share it). */
export function blankRow(previous?: Pick<PlanRowForm, 'start_date' | 'end_date'>): PlanRowForm {
  return {
    key: nextRowKey++,
    item_id: undefined,
    item_name: '',
    item_code: '',
    domain: '',
    ratio_cap: '',
    target_scope: '',
    category: '',
    start_date: previous?.start_date ?? '',
    end_date: previous?.end_date ?? '',
    ratio: '',
    count: '',
    cooperating_ids: [],
    cooperating: [],
  }
}

/** A new plan: next year's (plans are drawn up before the year starts), with one empty row. */
export function blankPlanForm(departmentId: number | undefined, thisYear: number): PlanForm {
  return { year: thisYear + 1, name: '', department_id: departmentId, rows: [blankRow()] }
}

export function planRowFormOf(row: PlanRow): PlanRowForm {
  return {
    key: nextRowKey++,
    item_id: row.item_id,
    item_name: row.item_name,
    item_code: row.item_code,
    domain: row.domain,
    ratio_cap: '',
    target_scope: row.target_scope,
    category: row.category,
    start_date: row.start_date,
    end_date: row.end_date,
    ratio: row.ratio,
    count: row.count > 0 ? String(row.count) : '',
    cooperating_ids: row.cooperating.map((d) => d.id),
    cooperating: row.cooperating.map((d) => ({ id: d.id, name: d.name })),
  }
}

export function planFormOf(plan: Plan): PlanForm {
  return {
    year: plan.year,
    name: plan.name,
    department_id: plan.department_id || undefined,
    rows: plan.rows.length ? plan.rows.map(planRowFormOf) : [blankRow()],
  }
}

/** Full-width digits and signs (５％, ２．５) as ASCII, without spaces. */
export function asciiNumber(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/％/g, '%')
    .replace(/\s/g, '')
}

/** A ratio as the server takes it: “5%” → “5”, “２．５” → “2.5”. */
export function ratioValue(text: string): string {
  const ascii = asciiNumber(text)
  return ascii.endsWith('%') ? ascii.slice(0, -1) : ascii
}

/** The body of POST/PUT /plans: trimmed; a count as a number (0: by ratio). */
export function planInputOf(form: PlanForm): PlanInput {
  return {
    year: form.year ?? 0,
    name: form.name.trim(),
    department_id: form.department_id,
    rows: form.rows.map((r) => {
      const count = asciiNumber(r.count)
      return {
        item_id: r.item_id ?? 0,
        target_scope: r.target_scope.trim(),
        category: r.category,
        start_date: r.start_date ?? '',
        end_date: r.end_date ?? '',
        ratio: ratioValue(r.ratio),
        count: /^\d+$/.test(count) ? Number(count) : 0,
        cooperating_ids: r.cooperating_ids.filter((id) => id !== form.department_id),
      }
    }),
  }
}

/** A catalog ratio cap (a fraction, "0.05") as people read it: "5%"; '' for none or nonsense. */
export function capPercent(fraction: unknown): string {
  if (typeof fraction !== 'string' || !fraction.trim()) return ''
  const value = Number(fraction)
  if (!Number.isFinite(value) || value <= 0) return ''
  return `${Number((value * 100).toFixed(4))}%`
}

/**
 * What a row takes from its item: the 抽查类别 and, for 一般, the 抽查比例上限, of the version a
 * plan is checked against, the published one. `data` is that version's fields (the item itself
 * when its newest version is the published one, else the published version's data).
 */
export function itemTerms(data: { category?: unknown; ratio_cap?: unknown }): { category: PlanCategory | ''; ratio_cap: string } {
  const category = data.category === '重点' || data.category === '一般' ? data.category : ''
  return { category, ratio_cap: category === '一般' ? capPercent(data.ratio_cap) : '' }
}

// ---------------------------------------------------------------------------------------------
// Server errors on the right row and field

/** The columns of a row the server names (rows[i].<column>), each an input of the row. */
export const kRowColumns = [
  'item_id',
  'target_scope',
  'category',
  'start_date',
  'end_date',
  'ratio',
  'count',
  'cooperating_ids',
] as const

export type RowColumn = (typeof kRowColumns)[number]

/** The plan's own fields the form shows an error under. */
export const kPlanFields = ['year', 'name', 'department_id', 'rows'] as const

export type PlanField = (typeof kPlanFields)[number]

/** Where an error's details.field belongs: a row's column, a field of the plan, or nowhere. */
export type ErrorPlace =
  | { kind: 'row'; row: number; column: RowColumn }
  | { kind: 'plan'; field: PlanField }
  | { kind: 'none' }

/** "rows[2].ratio" → row 2's ratio; "rows[2]" or "rows[2].foo" → the row's item; "name" → name. */
export function placeError(field: string | undefined): ErrorPlace {
  if (!field) return { kind: 'none' }
  const m = /^rows\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (m) {
    const column = (kRowColumns as readonly string[]).includes(m[2] ?? '') ? (m[2] as RowColumn) : 'item_id'
    return { kind: 'row', row: Number(m[1]), column }
  }
  if ((kPlanFields as readonly string[]).includes(field)) return { kind: 'plan', field: field as PlanField }
  return { kind: 'none' }
}

/**
 * A row's message without the “第 3 行（重点用能单位节能监察）：” the server puts first: under the
 * row's own field the row is already plain.
 */
export function rowMessage(message: string): string {
  // The item's name may hold brackets of its own: 高耗能落后机电设备（产品）淘汰情况监察.
  const stripped = message.replace(/^第\s*\d+\s*行(?:（.*?）)?[：:]\s*/, '')
  return stripped || message
}

/** The key of a row's field in the form's error map. */
export const rowErrorKey = (row: Pick<PlanRowForm, 'key'>, column: RowColumn) => `${row.key}.${column}`

// ---------------------------------------------------------------------------------------------
// Checks the server makes again (the words are close to the server's)

/** Why `text` is not a 抽查比例 ('' when it is, or is empty): above 0, at most 100, two decimals. */
export function ratioProblem(text: string): string {
  const value = ratioValue(text)
  if (!value) return ''
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return '抽查比例应为百分数，如 5 或 2.5'
  const [, fraction = ''] = value.split('.')
  if (fraction.length > 2) return '抽查比例最多两位小数'
  const number = Number(value)
  if (number <= 0) return '抽查比例应大于 0'
  if (number > 100) return '抽查比例不能超过 100%'
  return ''
}

/** Why `text` is not a 抽取对象数量 ('' when it is, or is empty). */
export function countProblem(text: string): string {
  const value = asciiNumber(text)
  if (!value) return ''
  if (!/^\d+$/.test(value) || Number(value) <= 0) return '抽取数量应为正整数（户）'
  if (value.length > 9) return '抽取数量过大'
  return ''
}

/** A row needs a ratio or a count (or both). */
export function sizeProblem(row: Pick<PlanRowForm, 'ratio' | 'count'>): string {
  if (!ratioValue(row.ratio) && !asciiNumber(row.count)) return '请填写抽查比例或抽取数量（至少一项）'
  return ''
}

/** Why a row's date cannot be `date` in a `year` plan ('' when it can). */
export function dateProblem(date: string | null | undefined, year: number | undefined, label: string): string {
  if (!date) return `请选择${label}`
  if (year && !date.startsWith(`${year}-`)) return `${label}应在计划年度 ${year} 年内`
  return ''
}

/** The end of a row's time cannot come before its start. */
export function endProblem(row: Pick<PlanRowForm, 'start_date' | 'end_date'>): string {
  if (row.start_date && row.end_date && row.end_date < row.start_date) return '结束日期不能早于开始日期'
  return ''
}

/** An item chosen twice: the server refuses it on the second row. */
export function duplicateItemProblem(rows: readonly Pick<PlanRowForm, 'key' | 'item_id'>[], row: Pick<PlanRowForm, 'key' | 'item_id'>): string {
  if (!row.item_id) return ''
  const first = rows.find((r) => r.item_id === row.item_id)
  return first && first.key !== row.key ? '该事项已在前面的行中列入，同一事项只能列入一次' : ''
}

/** Whether a 一般 row's ratio is above the item's cap (a hint: the policy decides whether it is refused). */
export function aboveCap(row: Pick<PlanRowForm, 'category' | 'ratio' | 'ratio_cap'>): boolean {
  if (row.category !== '一般' || !row.ratio_cap || ratioProblem(row.ratio)) return false
  const ratio = Number(ratioValue(row.ratio))
  const cap = Number(ratioValue(row.ratio_cap))
  return Number.isFinite(cap) && ratio > cap
}

// ---------------------------------------------------------------------------------------------
// What the steps ask

export function submitQuestion(plan: { name: string; rows?: readonly unknown[] }): string {
  const rows = plan.rows?.length
  return `提交后计划将交统筹部门审批，审批期间不能修改。${rows ? `本计划共 ${rows} 项抽查事项。` : ''}确定提交“${plan.name}”吗？`
}

export function publishQuestion(plan: Pick<Plan, 'name' | 'version' | 'published_version'>): string {
  if (plan.published_version && plan.published_version !== plan.version) {
    return `公开后，公示页面上的第 ${plan.published_version} 版将被第 ${plan.version} 版替代。确定向社会公开“${plan.name}”吗？`
  }
  return `公开后，“${plan.name}”将在年度抽查工作计划公示页面向社会公开。确定公开吗？`
}

/** Why a 退回理由 or 调整原因 cannot be sent ('' when it can): required, at most 500 字. */
export function reasonProblem(reason: string, what: string): string {
  const text = reason.trim()
  if (!text) return `请填写${what}`
  if ([...text].length > 500) return `${what}最多 500 个字`
  return ''
}

// ---------------------------------------------------------------------------------------------
// 逾期未公开 and 可合并联合抽查

/** “2027 年度 节能监察计划（节能与综合利用处，草稿）” for the banner of overdue plans. */
export function overdueLine(plan: Pick<PlanSummary, 'year' | 'name' | 'department_name' | 'status'>): string {
  return `${plan.year} 年度“${plan.name}”（${plan.department_name}，${statusLabel(plan.status)}）`
}

/** The banner's title: how many plans are overdue and by which day they were due. */
export function overdueTitle(count: number, publishBy: string | null | undefined): string {
  const due = publishBy ? `（每年 ${Number(publishBy.slice(0, 2))} 月 ${Number(publishBy.slice(3, 5))} 日前）` : ''
  return `${count} 个年度抽查工作计划已超过公开期限${due}仍未向社会公开`
}

/** One side of a merge suggestion: the item with its department, plan and time. */
export function mergeSide(row: MergeRow): { department: string; item: string; detail: string } {
  const detail = [`《${row.plan_name}》`, periodText(row), row.target_scope && `范围：${row.target_scope}`]
    .filter(Boolean)
    .join('　')
  return { department: row.department_name, item: row.item_name, detail }
}

// ---------------------------------------------------------------------------------------------
// 版本记录 and 审批记录

/** One row of a version in a line: “一般，2027-04-01 至 2027-06-30，5%，范围：…，配合：…”. */
export function rowSummary(row: PlanRow): string {
  const parts = [row.category, periodText(row), sizeText(row)]
  if (row.target_scope) parts.push(`范围：${row.target_scope}`)
  const cooperating = cooperatingText(row)
  if (cooperating) parts.push(`配合：${cooperating}`)
  return parts.join('，')
}

/** The facts of a row a version history compares, each in words ('（空）' for none). */
const kRowFacts: [string, string, (row: PlanRow) => string][] = [
  ['category', '抽查类别', (r) => r.category || '（空）'],
  ['period', '抽查时间', periodText],
  ['size', '抽查比例/数量', sizeText],
  ['target_scope', '抽查对象范围', (r) => r.target_scope || '（空）'],
  ['cooperating', '配合部门', (r) => cooperatingText(r) || '（空）'],
]

/** What `after` changed from `before`: the plan's fields, then rows added, removed or changed (by item). */
export function planChanges(before: Partial<Plan> | null | undefined, after: Partial<Plan> | null | undefined): HistoryChange[] {
  const b = before ?? {}
  const a = after ?? {}
  const changes: HistoryChange[] = []
  const plain = (v: unknown) => (v === undefined || v === null || v === '' ? '（空）' : String(v))
  for (const [field, label] of [
    ['name', '计划名称'],
    ['year', '计划年度'],
    ['department_name', '发起部门'],
  ] as const) {
    if (plain(b[field]) !== plain(a[field])) changes.push({ field, label, before: plain(b[field]), after: plain(a[field]) })
  }
  const beforeRows = new Map((b.rows ?? []).map((r) => [r.item_id, r]))
  const afterIds = new Set((a.rows ?? []).map((r) => r.item_id))
  for (const row of a.rows ?? []) {
    const old = beforeRows.get(row.item_id)
    if (!old) {
      changes.push({ field: `row-${row.item_id}`, label: '新增事项', before: '—', after: `${row.item_name}：${rowSummary(row)}` })
    } else {
      for (const [column, label, read] of kRowFacts) {
        const [was, now] = [read(old), read(row)]
        if (was !== now) changes.push({ field: `row-${row.item_id}-${column}`, label: `${row.item_name}·${label}`, before: was, after: now })
      }
    }
  }
  for (const row of b.rows ?? []) {
    if (!afterIds.has(row.item_id)) {
      changes.push({ field: `row-${row.item_id}`, label: '删除事项', before: `${row.item_name}：${rowSummary(row)}`, after: '—' })
    }
  }
  return changes
}

/** The versions (newest first) as timeline items: state, 调整原因, publication, and changes. */
export function planHistory(versions: readonly PlanVersion[]): HistoryItem[] {
  return versions.map((v, i) => {
    const older = versions[i + 1]
    const adjust = v.version > 1 || !!v.adjust_reason
    const changes = older ? planChanges(older.data, v.data) : []
    const events: string[] = []
    if (v.adjust_reason) events.push(`调整原因：${v.adjust_reason}`)
    if (v.published_at) events.push(`向社会公开于 ${formatDateTime(v.published_at)}${v.published_by ? `（${v.published_by}）` : ''}`)
    let note: string | undefined
    if (!older) note = adjust ? '早期版本未保留，无法比较' : '首次编制'
    else if (!changes.length) note = '计划内容与上一版相同'
    return {
      version: v.version,
      action: adjust ? 'adjust' : 'create',
      actionLabel: adjust ? '调整' : '编制',
      actionTag: adjust ? 'warning' : 'success',
      changedBy: v.changed_by || '—',
      changedAt: formatDateTime(v.changed_at),
      first: !older,
      changes,
      state: { label: statusLabel(v.status), tag: statusTag(v.status) },
      events,
      note,
    }
  })
}

export const kDecisions: Dict<'approved' | 'rejected'> = [
  { value: 'approved', label: '批准', tag: 'success' },
  { value: 'rejected', label: '退回', tag: 'danger' },
]

export const decisionLabel = (d: string) => dictLabel(kDecisions, d)
export const decisionTag = (d: string) => dictTag(kDecisions, d)
