// Pure helpers of the 抽查任务 pages: statuses and the step each stands at, which actions a task's
// state and the user's permissions allow, the list's filters, the form to and from the API body
// (strata: 按信用风险分类差异化 rows A–U or one 不分层 row), where a server error about
// "strata[2].ratio" belongs (the body skips empty strata, so its index is not the form's), the
// checks the server makes again, and the ceremony's inputs: dice digits, the secret, the time.
import type { ApiError } from '@/api/http'
import type {
  ExclusionReason,
  RegionRule,
  ScopeKind,
  StratumId,
  StratumRule,
  Task,
  TaskInput,
  TaskQuery,
  TaskStatus,
  WitnessRole,
} from '@/api/task'
import type { PageParams } from '@/composables/usePagedList'
import type { ColumnDef } from '@/composables/useTableColumns'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'

/** Server limits (task_types.h, ceremony.h). */
export const kMaxNameChars = 100
export const kMaxItems = 50
export const kMaxParticipants = 9
export const kMaxTeamSize = 10
export const kMaxCapacity = 1000
export const kMinDiceDigits = 20
export const kMaxDiceDigits = 256
export const kSecretHexDigits = 64

export const kTaskPerms = {
  list: 'task:task:list',
  add: 'task:task:add',
  edit: 'task:task:edit',
  commit: 'task:draw:commit',
  run: 'task:draw:run',
  confirm: 'task:draw:confirm',
} as const

export const kTaskStatuses: Dict<TaskStatus> = [
  { value: 'draft', label: '草稿', tag: 'info' },
  { value: 'committed', label: '已冻结待抽取', tag: 'warning' },
  { value: 'drawn', label: '已抽取待确认', tag: 'primary' },
  { value: 'confirmed', label: '已确认锁定', tag: 'success' },
  { value: 'inspecting', label: '检查中', tag: 'success' },
  { value: 'void', label: '已作废', tag: 'danger' },
]

export const kStatusChoices = kTaskStatuses.map((s) => ({ value: s.value, label: s.label }))

export const statusLabel = (status: string | null | undefined) => dictLabel(kTaskStatuses, status)
export const statusTag = (status: string | null | undefined) => dictTag(kTaskStatuses, status)

/** The steps of the detail page, in order. */
export const kSteps = ['草稿', '已冻结', '已抽取', '已确认'] as const

/**
 * The index in kSteps a task stands at: 0 草稿, 1 已冻结, 2 已抽取, 3 已确认 (and later: 检查中
 * is past the last step); -1 for 已作废, which left the steps.
 */
export function statusStep(status: TaskStatus | string | null | undefined): number {
  switch (status) {
    case 'draft':
      return 0
    case 'committed':
      return 1
    case 'drawn':
      return 2
    case 'confirmed':
    case 'inspecting':
      return 3
    default:
      return -1
  }
}

/**
 * el-steps' `active` for a task: the step in progress (earlier ones show finished); once
 * confirmed every step is finished (kSteps.length).
 */
export function activeStep(status: TaskStatus | string | null | undefined): number {
  const step = statusStep(status)
  return step === kSteps.length - 1 ? kSteps.length : step
}

/** The state a step's panel shows: the drawn list from 已抽取 on. */
export const isDrawn = (status: TaskStatus | string | null | undefined) => statusStep(status) >= 2

export const kExclusionReasons: Dict<ExclusionReason> = [
  { value: 'status', label: '已注销、吊销、撤销或迁出', tag: 'info' },
  { value: 'not_supervised', label: '不属发起部门监管', tag: 'info' },
  { value: 'exempt', label: '列入免检免扰名单', tag: 'success' },
  { value: 'yearly_cap', label: '本年度同一事项抽查次数已达上限', tag: 'warning' },
  { value: 'other_office', label: '本期已被其他部门抽查', tag: 'warning' },
]

export const reasonLabel = (reason: string | null | undefined) => dictLabel(kExclusionReasons, reason)
export const reasonTag = (reason: string | null | undefined) => dictTag(kExclusionReasons, reason)

export const kScopeKinds: Dict<Exclude<ScopeKind, ''>> = [
  { value: 'entity', label: '行政相对人' },
  { value: 'place', label: '场地场所' },
  { value: 'product', label: '产品' },
]

export const kRegionRules: Dict<RegionRule> = [
  { value: 'same_region', label: '同区县' },
  { value: 'any', label: '不限' },
]

export const kWitnessRoles: readonly WitnessRole[] = ['监督人', '企业代表', '群众代表', '法律顾问', '媒体记者', '其他']

/** The directory's tags a task may raise a class for (目录 kTags). */
export const kRaiseTags = ['经营异常名录', '严重违法失信', '投诉举报多', '行政处罚记录'] as const

/** Statuses that always exclude a target: the scope cannot ask for them. */
export const kExcludedStatuses = ['注销', '吊销', '撤销', '迁出']

export const kClassStrata: readonly Exclude<StratumId, 'ALL'>[] = ['A', 'B', 'C', 'D', 'U']

/** “A 类”, “未分类（U）”, “不分层”. */
export function stratumLabel(id: string): string {
  if (id === 'ALL') return '不分层'
  if (id === 'U') return '未分类（U）'
  return `${id} 类`
}

/** “3%”, “5 户”, '—'. */
export function ruleText(rule: Pick<StratumRule, 'ratio' | 'count'>): string {
  if (rule.ratio) return `${rule.ratio}%`
  if (rule.count) return `${rule.count} 户`
  return '—'
}

/** “A 类 3%，B 类 4%”, or “不分层 5%”. */
export function strataText(strata: readonly StratumRule[]): string {
  return strata.map((s) => `${stratumLabel(s.id)} ${ruleText(s)}`).join('，') || '—'
}

/** “2026-12-01 至 2026-12-31”. */
export function periodText(task: Pick<Task, 'start_date' | 'end_date'>): string {
  if (!task.start_date && !task.end_date) return '—'
  return `${task.start_date || '?'} 至 ${task.end_date || '?'}`
}

/** The counts of a stratum map in stratum order (A–D, U, ALL), in words: “A 类 773 户，…”. */
export function countsText(counts: Record<string, number> | null | undefined): string {
  const entries = sortedCounts(counts)
  return entries.map(([id, n]) => `${stratumLabel(id)} ${n} 户`).join('，') || '—'
}

const kStratumOrder = ['A', 'B', 'C', 'D', 'U', 'ALL']

/** The entries of a per-stratum map, in stratum order. */
export function sortedCounts(counts: Record<string, number> | null | undefined): [string, number][] {
  return Object.entries(counts ?? {}).sort(([a], [b]) => {
    const ia = kStratumOrder.indexOf(a)
    const ib = kStratumOrder.indexOf(b)
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b)
  })
}

/** The sum of a count map. */
export function total(counts: Record<string, number> | null | undefined): number {
  return Object.values(counts ?? {}).reduce((n, v) => n + (Number(v) || 0), 0)
}

/** Excluded counts by reason, every reason listed (in the order the checks run). */
export function excludedRows(counts: Partial<Record<string, number>> | null | undefined): { reason: ExclusionReason; label: string; count: number }[] {
  return kExclusionReasons.map((r) => ({ reason: r.value, label: r.label, count: Number(counts?.[r.value] ?? 0) }))
}

/** The scope in words: “行政相对人；行政区划 500103 及下级；行业 C；经营状态 存续；标签 投诉举报多”. */
export function scopeText(task: Pick<Task, 'scope'>, divisionName = ''): string {
  const s = task.scope
  if (!s) return '全部检查对象'
  const parts: string[] = []
  if (s.kind) parts.push(dictLabel(kScopeKinds, s.kind))
  if (s.division) parts.push(divisionName ? `${divisionName}（${s.division}）及下级区划` : `行政区划 ${s.division} 及下级`)
  if (s.industry_division) parts.push(`行业大类 ${s.industry_division}`)
  else if (s.industry_section) parts.push(`行业门类 ${s.industry_section}`)
  if (s.status) parts.push(`经营状态“${s.status}”`)
  if (s.tag) parts.push(`标签“${s.tag}”`)
  return parts.join('；') || '全部检查对象'
}

/** The team rule in words: “每户 2 人，同区县，每人最多 30 户”. */
export function teamText(task: Pick<Task, 'team_size' | 'region_rule' | 'inspector_capacity'>): string {
  return `每户 ${task.team_size} 人，${dictLabel(kRegionRules, task.region_rule)}，每人最多承担 ${task.inspector_capacity} 户`
}

/** The participating departments with their specialties: “综合执法处（安全生产）、…”. */
export function participantsText(task: Pick<Task, 'participants'>): string {
  return (task.participants ?? []).map((p) => (p.specialty ? `${p.department_name}（${p.specialty}）` : p.department_name)).join('、')
}

export const kTaskColumns: ColumnDef[] = [
  { key: 'name', label: '任务名称' },
  { key: 'code', label: '任务编号', phone: false },
  { key: 'period', label: '检查时间', phone: false },
  { key: 'items', label: '抽查事项', phone: false },
  { key: 'strata', label: '抽查比例', phone: false, hidden: true },
  { key: 'status', label: '状态' },
  { key: 'scheduled', label: '抽取时间', phone: false },
]

// ---------------------------------------------------------------------------------------------
// The list

export interface TaskFilters {
  /** "2026", or '' for every year. */
  year: string
  status: TaskStatus | ''
}

export function blankTaskFilters(): TaskFilters {
  return { year: '', status: '' }
}

export function taskQuery(params: PageParams, f: TaskFilters): TaskQuery {
  return { ...params, year: f.year ? Number(f.year) : undefined, status: f.status || undefined }
}

export function isTaskFiltered(f: TaskFilters): boolean {
  return f.year !== '' || f.status !== ''
}

/** Next year down to 2015, newest first, as strings. */
export function yearChoices(thisYear: number): string[] {
  const years: string[] = []
  for (let y = thisYear + 1; y >= 2015; y--) years.push(String(y))
  return years
}

// ---------------------------------------------------------------------------------------------
// Which steps are allowed

export interface TaskActions {
  /** 修改: a draft. */
  edit: boolean
  /** 冻结并公布承诺值: a draft. */
  commit: boolean
  /** 登记见证人 and 执行抽取: committed. */
  run: boolean
  /** 确认锁定名单: drawn. */
  confirm: boolean
}

export function taskActions(task: Pick<Task, 'status'> | null | undefined, can: (perm: string) => boolean): TaskActions {
  const s = task?.status
  return {
    edit: s === 'draft' && can(kTaskPerms.edit),
    commit: s === 'draft' && can(kTaskPerms.commit),
    run: s === 'committed' && can(kTaskPerms.run),
    confirm: s === 'drawn' && can(kTaskPerms.confirm),
  }
}

// ---------------------------------------------------------------------------------------------
// The form

/** One stratum row of the form: its rule as typed. */
export interface StratumForm {
  id: StratumId
  mode: 'ratio' | 'count'
  /** As typed: “3”, “2.5%”, “12”. */
  value: string
}

export interface StrataForm {
  /** 按信用风险分类差异化 (A–D, U) or 不分层 (ALL). */
  differentiated: boolean
  classes: StratumForm[]
  whole: StratumForm
}

export interface ParticipantForm {
  /** Stable across deletions: errors follow the row. */
  key: number
  department_id: number | undefined
  specialty: string
}

/** An item chosen for the task, as the form shows it. */
export interface ItemChoice {
  id: number
  name: string
  code: string
  category: string
  /** Percent (“5%”), '' for none. */
  ratio_cap: string
  /** 所需检查人员专长 of the item, '' for none. */
  specialty: string
}

export interface ScopeForm {
  kind: ScopeKind
  division: string
  /** The chosen division's name, to show it before a search. */
  division_name: string
  industry_section: string
  industry_division: string
  status: string
  tag: string
}

export interface TaskForm {
  name: string
  plan_id: number | undefined
  department_id: number | undefined
  item_ids: number[]
  items: ItemChoice[]
  start_date: string
  end_date: string
  scope: ScopeForm
  strata: StrataForm
  raise_tags: string[]
  team_size: number | undefined
  region_rule: RegionRule
  inspector_capacity: number | undefined
  lead_specialty: string
  participants: ParticipantForm[]
}

let nextKey = 1

export function blankParticipant(): ParticipantForm {
  return { key: nextKey++, department_id: undefined, specialty: '' }
}

export function blankStrata(): StrataForm {
  return {
    differentiated: true,
    classes: kClassStrata.map((id) => ({ id, mode: 'ratio', value: '' })),
    whole: { id: 'ALL', mode: 'ratio', value: '' },
  }
}

export function blankScope(): ScopeForm {
  return { kind: 'entity', division: '', division_name: '', industry_section: '', industry_division: '', status: '', tag: '' }
}

export function blankTaskForm(departmentId: number | undefined, minTeam = 2): TaskForm {
  return {
    name: '',
    plan_id: undefined,
    department_id: departmentId,
    item_ids: [],
    items: [],
    start_date: '',
    end_date: '',
    scope: blankScope(),
    strata: blankStrata(),
    raise_tags: [],
    team_size: Math.max(2, minTeam),
    region_rule: 'same_region',
    inspector_capacity: 10,
    lead_specialty: '',
    participants: [],
  }
}

/** The form's strata of stored rules: A–U rows (those without a rule left empty), or ALL. */
export function strataFormOf(rules: readonly StratumRule[]): StrataForm {
  const form = blankStrata()
  const whole = rules.find((r) => r.id === 'ALL')
  if (whole) {
    form.differentiated = false
    form.whole = stratumFormOf(whole)
    return form
  }
  form.classes = form.classes.map((row) => {
    const rule = rules.find((r) => r.id === row.id)
    return rule ? stratumFormOf(rule) : row
  })
  return form
}

function stratumFormOf(rule: StratumRule): StratumForm {
  if (rule.count && !rule.ratio) return { id: rule.id, mode: 'count', value: String(rule.count) }
  return { id: rule.id, mode: 'ratio', value: rule.ratio ?? '' }
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

/** The rule a row sends, or null when the row is empty (a class left out). */
export function stratumRule(row: StratumForm): StratumRule | null {
  if (row.mode === 'count') {
    const count = asciiNumber(row.value)
    if (!count) return null
    return { id: row.id, count: /^\d+$/.test(count) ? Number(count) : -1 }
  }
  const ratio = ratioValue(row.value)
  return ratio ? { id: row.id, ratio } : null
}

/**
 * The strata of the body, with the stratum id at each index of it: the server names
 * "strata[1].ratio" by the body's index, and an empty row is not sent.
 */
export function strataBody(strata: StrataForm): { rules: StratumRule[]; ids: StratumId[] } {
  const rows = strata.differentiated ? strata.classes : [strata.whole]
  const rules: StratumRule[] = []
  for (const row of rows) {
    const rule = stratumRule(row)
    if (rule) rules.push(rule)
  }
  // 不分层 with nothing typed still sends its row, so the server's message names it.
  if (!strata.differentiated && !rules.length) rules.push({ id: 'ALL', ratio: '' })
  return { rules, ids: rules.map((r) => r.id) }
}

export function taskFormOf(task: Task): TaskForm {
  return {
    name: task.name,
    plan_id: task.plan_id ?? undefined,
    department_id: task.department_id || undefined,
    item_ids: task.items.map((i) => i.id),
    items: task.items.map(itemChoiceOf),
    start_date: task.start_date,
    end_date: task.end_date,
    scope: { ...blankScope(), ...task.scope, kind: task.scope?.kind ?? '', division_name: '' },
    strata: strataFormOf(task.strata),
    raise_tags: [...(task.raise_tags ?? [])],
    team_size: task.team_size,
    region_rule: task.region_rule,
    inspector_capacity: task.inspector_capacity,
    lead_specialty: task.lead_specialty ?? '',
    participants: (task.participants ?? []).map((p) => ({ key: nextKey++, department_id: p.department_id, specialty: p.specialty ?? '' })),
  }
}

/** A catalog ratio cap (a fraction, "0.05") as people read it: "5%"; '' for none or nonsense. */
export function capPercent(fraction: unknown): string {
  if (typeof fraction !== 'string' || !fraction.trim()) return ''
  const value = Number(fraction)
  if (!Number.isFinite(value) || value <= 0) return ''
  return `${Number((value * 100).toFixed(4))}%`
}

export function itemChoiceOf(item: {
  id: number
  name: string
  code: string
  category: string
  ratio_cap: string
  sub_item?: string
  specialty?: string
}): ItemChoice {
  return {
    id: item.id,
    name: item.sub_item ? `${item.name}（${item.sub_item}）` : item.name,
    code: item.code,
    category: item.category,
    ratio_cap: capPercent(item.ratio_cap),
    specialty: item.specialty ?? '',
  }
}

/** The specialties the chosen items ask of their inspectors (所需检查人员专长), each once, in order. */
export function itemSpecialties(items: readonly ItemChoice[]): string[] {
  return [...new Set(items.map((i) => i.specialty).filter(Boolean))]
}

/** The lowest cap of the chosen 一般 items (“5%”), '' when none: no ratio may exceed it. */
export function lowestCap(items: readonly ItemChoice[]): string {
  let lowest = ''
  for (const item of items) {
    if (item.category !== '一般' || !item.ratio_cap) continue
    if (!lowest || Number(ratioValue(item.ratio_cap)) < Number(ratioValue(lowest))) lowest = item.ratio_cap
  }
  return lowest
}

/** The body of POST/PUT /tasks: trimmed, empty optional fields left out. */
export function taskInputOf(form: TaskForm): { input: TaskInput; strataIds: StratumId[] } {
  const { rules, ids } = strataBody(form.strata)
  const s = form.scope
  const input: TaskInput = {
    name: form.name.trim(),
    item_ids: [...form.item_ids],
    start_date: form.start_date ?? '',
    end_date: form.end_date ?? '',
    scope: {
      kind: s.kind,
      division: s.division,
      industry_section: s.industry_section,
      industry_division: s.industry_division,
      status: s.status,
      tag: s.tag,
    },
    strata: rules,
    raise_tags: form.strata.differentiated ? [...form.raise_tags] : [],
    team_size: form.team_size ?? 0,
    region_rule: form.region_rule,
    inspector_capacity: form.inspector_capacity ?? 0,
    lead_specialty: form.lead_specialty,
    participants: form.participants.map((p) => ({ department_id: p.department_id ?? 0, specialty: p.specialty })),
  }
  if (form.plan_id) input.plan_id = form.plan_id
  if (form.department_id) input.department_id = form.department_id
  return { input, strataIds: ids }
}

// ---------------------------------------------------------------------------------------------
// Where a server error goes

/** The form's own fields an error can name. */
export const kTaskFields = [
  'name',
  'plan_id',
  'department_id',
  'item_ids',
  'start_date',
  'end_date',
  'scope.kind',
  'scope.division',
  'scope.industry_section',
  'scope.industry_division',
  'scope.status',
  'scope.tag',
  'strata',
  'raise_tags',
  'team_size',
  'region_rule',
  'inspector_capacity',
  'lead_specialty',
  'participants',
] as const

export type TaskField = (typeof kTaskFields)[number]

export type ErrorPlace =
  | { kind: 'field'; field: TaskField }
  | { kind: 'stratum'; id: StratumId }
  | { kind: 'participant'; index: number; column: 'department_id' | 'specialty' }
  | { kind: 'none' }

/**
 * Where the error naming `field` (with `value`) goes: a stratum row (by the id at that index of
 * the body sent, `strataIds`; a strata-wide error whose value is a stratum id, as
 * task.stratum_missing's “D”, goes on that row), a participant row, or a field of the form.
 * "item_ids[2]" and "raise_tags[0]" go on their field.
 */
export function placeError(field: string | undefined, value: unknown, strataIds: readonly StratumId[]): ErrorPlace {
  if (!field) return { kind: 'none' }
  const stratum = /^strata\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (stratum) {
    const id = strataIds[Number(stratum[1])]
    return id ? { kind: 'stratum', id } : { kind: 'field', field: 'strata' }
  }
  if (field === 'strata') {
    const id = typeof value === 'string' ? (value as StratumId) : undefined
    if (id && (kClassStrata as readonly string[]).concat('ALL').includes(id)) return { kind: 'stratum', id }
    return { kind: 'field', field: 'strata' }
  }
  const participant = /^participants\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (participant) {
    return { kind: 'participant', index: Number(participant[1]), column: participant[2] === 'specialty' ? 'specialty' : 'department_id' }
  }
  const listed = /^(item_ids|raise_tags)\[\d+\]$/.exec(field)
  if (listed) return { kind: 'field', field: listed[1] as TaskField }
  if ((kTaskFields as readonly string[]).includes(field)) return { kind: 'field', field: field as TaskField }
  return { kind: 'none' }
}

// ---------------------------------------------------------------------------------------------
// Checks the server makes again (the words are close to the server's)

/** Why `text` is not a 抽查比例 ('' when it is, or is empty): above 0, at most 100, four decimals. */
export function ratioProblem(text: string): string {
  const value = ratioValue(text)
  if (!value) return ''
  if (!/^(\d+(\.\d+)?)$/.test(value)) return '抽查比例应为百分数，如 5 或 2.5'
  const [, fraction = ''] = value.split('.')
  if (fraction.length > 4) return '抽查比例最多四位小数'
  const number = Number(value)
  if (number <= 0) return '抽查比例应大于 0'
  if (number > 100) return '抽查比例不能超过 100%'
  return ''
}

/** Why `text` is not a 抽取数量 ('' when it is, or is empty). */
export function countProblem(text: string): string {
  const value = asciiNumber(text)
  if (!value) return ''
  if (!/^\d+$/.test(value) || Number(value) <= 0) return '抽取数量应为正整数（户）'
  if (value.length > 8) return '抽取数量过大'
  return ''
}

/** A stratum row's problem: its ratio or count, and the cap of the task's 一般 items. */
export function stratumProblem(row: StratumForm, cap: string): string {
  if (row.mode === 'count') return countProblem(row.value)
  const problem = ratioProblem(row.value)
  if (problem) return problem
  if (cap && row.value && Number(ratioValue(row.value)) > Number(ratioValue(cap))) return `超过一般事项的比例上限 ${cap}`
  return ''
}

/** The strata as a whole: at least one row is set. */
export function strataProblem(strata: StrataForm): string {
  const rows = strata.differentiated ? strata.classes : [strata.whole]
  if (!rows.some((r) => stratumRule(r))) return strata.differentiated ? '请至少为一个类别设置抽查比例或数量' : '请设置抽查比例或数量'
  return ''
}

export function periodProblem(start: string, end: string): string {
  if (start && end && end < start) return '结束日期不能早于开始日期'
  if (start && end && start.slice(0, 4) !== end.slice(0, 4)) return '检查时间应在同一年度内'
  return ''
}

/** The team is at least the policy's minimum and one per department. */
export function teamProblem(size: number | undefined, participants: number, minTeam: number): string {
  const min = Math.max(2, minTeam)
  if (!size) return '请填写检查组人数'
  if (size < min || size > kMaxTeamSize) return `每个检查对象的检查人员应为 ${min}–${kMaxTeamSize} 人`
  if (size < participants + 1) return `检查组人数不能少于参加部门数（${participants + 1} 个部门，每个部门至少一人）`
  return ''
}

/** A department chosen twice (or the initiating one): the server refuses the second. */
export function duplicateParticipant(rows: readonly ParticipantForm[], row: ParticipantForm, initiating: number | undefined): string {
  if (!row.department_id) return '请选择配合部门'
  if (row.department_id === initiating) return '配合部门不能是发起部门'
  const first = rows.find((r) => r.department_id === row.department_id)
  return first && first.key !== row.key ? '该部门已在前面列入' : ''
}

// ---------------------------------------------------------------------------------------------
// The ceremony

/** The digits of a dice input: spaces and dashes between groups are ignored, as the server does. */
export function diceDigits(text: string): string {
  return asciiNumber(text).replace(/-/g, '')
}

/** How many digits 0–9 the input holds (other characters are not counted). */
export function countDigits(text: string): number {
  return (asciiNumber(text).match(/[0-9]/g) ?? []).length
}

/** Why the dice input cannot be sent ('' when it can). */
export function diceProblem(text: string): string {
  const digits = diceDigits(text)
  if (!digits) return `请录入见证人掷出的骰子数字（至少 ${kMinDiceDigits} 位）`
  if (/[^0-9]/.test(digits)) return '骰子数字只能由 0–9 组成（可用空格分组）'
  if (digits.length < kMinDiceDigits) return `至少 ${kMinDiceDigits} 位数字，当前只有 ${digits.length} 位`
  if (digits.length > kMaxDiceDigits) return `最多 ${kMaxDiceDigits} 位数字`
  return ''
}

/** The digits in groups of `size` for reading aloud and on the projector: “31415 92653 5”. */
export function groupDigits(digits: string, size = 5): string {
  const clean = diceDigits(digits).replace(/[^0-9]/g, '')
  const groups: string[] = []
  for (let k = 0; k < clean.length; k += size) groups.push(clean.slice(k, k + size))
  return groups.join(' ')
}

/** The secret as sent: without spaces, lower case. */
export function normalizeSecret(text: string): string {
  return text.replace(/\s/g, '').toLowerCase()
}

/** Why the secret cannot be sent ('' when it can): 64 hex digits. */
export function secretProblem(text: string): string {
  const secret = normalizeSecret(text)
  if (!secret) return '请录入冻结时生成并密封保存的部门密钥'
  if (/[^0-9a-f]/.test(secret)) return '部门密钥只含数字 0–9 和字母 a–f'
  if (secret.length !== kSecretHexDigits) return `部门密钥应为 ${kSecretHexDigits} 位，当前 ${secret.length} 位`
  return ''
}

/** Where the ceremony shows a refusal of POST /draw. */
export type DrawErrorPlace = 'dice' | 'secret' | 'witness' | 'general'

export function drawErrorPlace(error: Pick<ApiError, 'code' | 'field'>): DrawErrorPlace {
  if (error.code === 'ceremony.dice_too_short' || error.field === 'public_input.value' || error.field === 'public_input') return 'dice'
  if (error.code === 'ceremony.wrong_secret' || error.code === 'ceremony.bad_secret' || error.field === 'secret') return 'secret'
  if (error.code === 'ceremony.no_witness') return 'witness'
  return 'general'
}

/** The engine's lines on why teams cannot be formed (team_infeasible), else none. */
export function shortfallsOf(error: Pick<ApiError, 'details'>): string[] {
  const lines = error.details?.shortfalls
  return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : []
}

/** The scheduled time as the commit takes it: “2026-11-25 10:00”; '' when incomplete. */
export function scheduleText(date: string | null | undefined, time: string | null | undefined): string {
  if (!date || !time) return ''
  return `${date} ${time}`
}

/** Why the ceremony cannot be scheduled then ('' when it can): not before today, not after the window. */
export function scheduleProblem(date: string | null | undefined, time: string | null | undefined, today: string, endDate: string): string {
  if (!date) return '请选择抽取日期'
  if (!time || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return '请选择抽取时间（时:分）'
  if (date < today) return `抽取日期不能早于今天（${today}）`
  if (endDate && date > endDate) return `抽取日期不能晚于检查结束日期 ${endDate}`
  return ''
}

/** The text of the secret file the operator saves (and prints) after the commit. */
export function secretFileText(task: Pick<Task, 'code' | 'name' | 'department_name' | 'commitment' | 'scheduled_at'>, secret: string): string {
  return [
    '“双随机、一公开”抽取仪式 部门密钥',
    '',
    `任务编号：${task.code}`,
    `任务名称：${task.name}`,
    `发起部门：${task.department_name}`,
    `计划抽取时间：${task.scheduled_at}`,
    '',
    `部门密钥（64 位十六进制）：`,
    secret,
    '',
    `已公布的承诺值：`,
    task.commitment,
    '',
    '说明：本密钥只在冻结时显示一次，系统不保存。请打印或抄录后密封保存，',
    '抽取仪式上在见证人录入骰子数字之后再输入。密钥遗失将无法抽取。',
    '',
  ].join('\r\n')
}

/**
 * How many targets a stratum of `population` draws under `rule` (protocol §6): the count, or
 * the ratio rounded up, computed exactly (3% of 101 is 4). null when the rule is unreadable.
 */
export function expectedCount(population: number, rule: Pick<StratumRule, 'ratio' | 'count'> | undefined): number | null {
  if (!rule) return null
  if (rule.count) return Math.min(rule.count, population)
  const ratio = ratioValue(rule.ratio ?? '')
  const match = /^(\d+)(?:\.(\d+))?$/.exec(ratio)
  if (!match) return null
  const decimals = match[2] ?? ''
  const scaled = Number(match[1] + decimals) // the percent × 10^decimals
  const denominator = 10 ** (decimals.length + 2)
  const product = population * scaled
  return Math.floor(product / denominator) + (product % denominator ? 1 : 0)
}
