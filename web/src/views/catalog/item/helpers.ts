// Pure helpers of the 抽查事项清单 page: the filters as a query, how statuses and categories are
// tagged, the ratio cap checked as the server checks it, the form's fields to and from the API,
// what 发布 and 停用 ask, and the version history (each version's state, who published or
// retired it, and what it changed).
import type {
  Item,
  ItemCategory,
  ItemInput,
  ItemOptions,
  ItemQuery,
  ItemVersion,
} from '@/api/catalog/items'
import type { PageParams } from '@/composables/usePagedList'
import type { ColumnDef } from '@/composables/useTableColumns'
import { dictTag, type Dict } from '@/utils/dict'
import { historyTimeline, plainHistoryValue, type HistoryItem } from '@/utils/history'
import type { ImportSubject } from '@/utils/importReport'
import { formatDateTime } from '@/utils/time'

/** Fallbacks for when /items/options cannot be read. */
export const kDefaultItemOptions: ItemOptions = {
  categories: ['重点', '一般'],
  methods: ['书面检查', '现场检查', '网络监测', '检验检测', '专业机构核查'],
  target_types: [
    { code: 'entity', name: '行政相对人' },
    { code: 'place', name: '场地场所' },
    { code: 'product', name: '产品' },
  ],
  natures: ['常规', '安全生产', '生态环境', '投诉举报', '上级交办'],
  exemptions: ['适用', '不适用'],
  statuses: ['草稿', '已发布', '已停用'],
  publications: [],
  specialties: [],
  domains: [],
}

/** An item's state (草稿 waits for 发布) and a version's (已替代: replaced by a later publication). */
export const kItemStatuses: Dict = [
  { value: '草稿', label: '草稿', tag: 'warning' },
  { value: '已发布', label: '已发布', tag: 'success' },
  { value: '已替代', label: '已替代', tag: 'info' },
  { value: '已停用', label: '已停用', tag: 'danger' },
]

export const kItemCategories: Dict = [
  { value: '重点', label: '重点', tag: 'danger' },
  { value: '一般', label: '一般', tag: 'primary' },
]

/** The 事项性质 for which 免检免扰 may apply (every other keeps the exempt list out). */
export const kRoutineNature = '常规'

/** The fields publication needs (the server's missing_for_publish names them so). */
export const kPublishFields = ['事项类别', '检查内容', '检查依据', '检查方式', '抽查频次', '公示方式']

export const statusTag = (status: string | null | undefined) => dictTag(kItemStatuses, status)
export const categoryTag = (category: string | null | undefined) => dictTag(kItemCategories, category)

// The name comes first (it is fixed at the left on desktops); the code shows under it while
// its own column is left out.
export const kItemColumns: ColumnDef[] = [
  { key: 'name', label: '抽查事项' },
  { key: 'code', label: '事项编码', phone: false, hidden: true },
  { key: 'domain', label: '抽查领域', phone: false },
  { key: 'category', label: '事项类别', phone: false },
  { key: 'methods', label: '检查方式', phone: false },
  { key: 'frequency', label: '抽查频次', phone: false, hidden: true },
  { key: 'target', label: '检查对象', phone: false, hidden: true },
  { key: 'department', label: '发起部门', phone: false },
  { key: 'nature', label: '事项性质', phone: false, hidden: true },
  { key: 'status', label: '状态' },
  { key: 'updated_at', label: '更新时间', phone: false, hidden: true },
]

export const kItemImportSubject: ImportSubject = {
  title: '导入抽查事项',
  noun: '事项',
  key: '发起部门的同名事项（含子项）',
  library: '清单',
  searchBy: '事项名称或编码',
}

// ---------------------------------------------------------------------------------------------
// The list

export interface ItemFilters {
  /** Part of the name, the sub-item or the code. */
  q: string
  domain: string
  category: string
  status: string
  department_id: number | undefined
}

export function blankItemFilters(): ItemFilters {
  return { q: '', domain: '', category: '', status: '', department_id: undefined }
}

export function itemQuery(params: PageParams, f: ItemFilters): ItemQuery {
  return {
    ...params,
    q: f.q.trim() || undefined,
    domain: f.domain || undefined,
    category: f.category || undefined,
    status: f.status || undefined,
    department_id: f.department_id,
  }
}

export function isItemFiltered(f: ItemFilters): boolean {
  return f.q.trim() !== '' || f.domain !== '' || f.category !== '' || f.status !== '' || f.department_id !== undefined
}

/** The name with its 子项, as one line: 重点用能单位节能监察（能源利用状况报告）. */
export function itemTitle(item: Pick<Item, 'name' | 'sub_item'>): string {
  return item.sub_item ? `${item.name}（${item.sub_item}）` : item.name
}

/** "0.05" → "5%", "0.125" → "12.5%"; '' for none. */
export function ratioPercent(ratio: string | null | undefined): string {
  if (!ratio) return ''
  const value = Number(ratio)
  if (!Number.isFinite(value)) return ratio
  return `${Number((value * 100).toFixed(4))}%`
}

/** 事项类别 with its cap: “一般（≤5%）”, “重点”, or '' for a draft not yet classified. */
export function categoryText(item: Pick<Item, 'category' | 'ratio_cap_percent'>): string {
  if (item.category === '一般' && item.ratio_cap_percent) return `一般（不超过 ${item.ratio_cap_percent}）`
  return item.category
}

/** What 发布 and 停用 can do now: 发布 a draft (or a retired item again); 停用 a published one. */
export function itemActions(item: Pick<Item, 'status' | 'draft_pending'>): { publish: boolean; retire: boolean } {
  return {
    publish: item.draft_pending || item.status === '已停用',
    retire: item.status === '已发布',
  }
}

/** 当前版本 in the detail: “第 2 版（公示第 1 版）”, “第 1 版（公示中）”, “第 1 版（未发布）”. */
export function versionText(item: Pick<Item, 'status' | 'version' | 'published_version'>): string {
  const v = `第 ${item.version} 版`
  if (item.status === '已停用') return `${v}（已停用）`
  if (!item.published_version) return `${v}（未发布）`
  if (item.published_version === item.version) return `${v}（公示中）`
  return `${v}（公示第 ${item.published_version} 版）`
}

/** Under the status tag: a published item with an edit not yet published says so. */
export function pendingNote(item: Pick<Item, 'status' | 'draft_pending' | 'version' | 'published_version'>): string {
  if (item.status !== '草稿' && item.draft_pending) return `第 ${item.version} 版待发布`
  return ''
}

// ---------------------------------------------------------------------------------------------
// The ratio cap and 免检免扰, checked as the server checks them

const kFullWidth: Record<string, string> = { '．': '.', '％': '%', '。': '.' }

/**
 * Why `text` is not a ratio cap ('' when it is): "5%", "５％", "12.5 %" or "0.05"; above 0, at
 * most 100 %, at most six decimals as a fraction (0.0001 %). The words are the server's.
 */
export function ratioProblem(text: string): string {
  const ascii = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．％。]/g, (c) => kFullWidth[c])
    .replace(/\s/g, '')
  const percent = ascii.endsWith('%')
  const number = percent ? ascii.slice(0, -1) : ascii
  const kNotRatio = '应为百分数（如 5%）或 0 到 1 之间的小数（如 0.05）'
  if (!/^(\d+\.?\d*|\.\d+)$/.test(number) || number.length > 18) return kNotRatio
  const [whole, fraction = ''] = number.split('.')
  const decimals = fraction.replace(/0+$/, '')
  const digits = BigInt(`${whole}${decimals}` || '0')
  const scale = decimals.length + (percent ? 2 : 0)
  if (digits === 0n) return '抽查比例上限应大于 0'
  if (scale > 6) return '抽查比例上限最多精确到 0.0001%'
  if (digits > 10n ** BigInt(scale)) return percent ? '抽查比例上限不能超过 100%' : kNotRatio
  return ''
}

/** Why 免检免扰 cannot be `exemption` for an item of `nature` ('' when it can). */
export function exemptionProblem(nature: string, exemption: string): string {
  if (nature && nature !== kRoutineNature && exemption === '适用') {
    return `事项性质为“${nature}”的检查不适用免检免扰，请选择“不适用”`
  }
  return ''
}

// ---------------------------------------------------------------------------------------------
// The form

export interface ItemForm {
  code: string
  domain: string
  name: string
  sub_item: string
  category: ItemCategory
  ratio_cap: string
  content: string
  basis: string
  methods: string[]
  frequency: string
  target: string
  target_type: string
  department_id: number | undefined
  cooperating_department_ids: number[]
  /** 公示方式 as separate channels (sent joined with 、). */
  publications: string[]
  no_advance_notice: boolean
  specialty: string
  nature: string
  exemption: string
  remark: string
}

export function blankItemForm(departmentId: number | undefined): ItemForm {
  return {
    code: '',
    domain: '',
    name: '',
    sub_item: '',
    category: '',
    ratio_cap: '',
    content: '',
    basis: '',
    methods: [],
    frequency: '',
    target: '',
    target_type: 'entity',
    department_id: departmentId,
    cooperating_department_ids: [],
    publications: [],
    no_advance_notice: false,
    specialty: '',
    nature: kRoutineNature,
    exemption: '适用',
    remark: '',
  }
}

/** 公示方式 as the channels it names: “国家企业信用信息公示系统、部门门户网站” → two. */
export function splitPublication(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function itemFormOf(item: Item): ItemForm {
  return {
    code: item.code,
    domain: item.domain,
    name: item.name,
    sub_item: item.sub_item,
    category: item.category,
    // As people write it: 5%, not 0.05.
    ratio_cap: item.ratio_cap_percent || ratioPercent(item.ratio_cap),
    content: item.content,
    basis: item.basis,
    methods: [...item.methods],
    frequency: item.frequency,
    target: item.target,
    target_type: item.target_type || 'entity',
    department_id: item.department_id || undefined,
    cooperating_department_ids: [...item.cooperating_department_ids],
    publications: splitPublication(item.publication),
    no_advance_notice: item.no_advance_notice,
    specialty: item.specialty,
    nature: item.nature || kRoutineNature,
    exemption: item.exemption || '适用',
    remark: item.remark,
  }
}

/** The body of POST/PUT /items: trimmed; no ratio cap unless 一般; 公示方式 joined with 、. */
export function itemInputOf(form: ItemForm): ItemInput {
  return {
    code: form.code.trim().toUpperCase(),
    domain: form.domain.trim(),
    name: form.name.trim(),
    sub_item: form.sub_item.trim(),
    category: form.category,
    ratio_cap: form.category === '一般' ? form.ratio_cap.trim() : '',
    content: form.content.trim(),
    basis: form.basis.trim(),
    methods: [...form.methods],
    frequency: form.frequency.trim(),
    target: form.target.trim(),
    target_type: form.target_type,
    department_id: form.department_id,
    cooperating_department_ids: form.cooperating_department_ids.filter((id) => id !== form.department_id),
    publication: form.publications.map((p) => p.trim()).filter(Boolean).join('、'),
    no_advance_notice: form.no_advance_notice,
    specialty: form.specialty,
    nature: form.nature,
    exemption: form.exemption,
    remark: form.remark.trim(),
  }
}

/**
 * The form's fields (each an el-form-item prop); a server problem naming none of them is shown
 * as a toast.
 */
export const kItemFields = [
  'code',
  'domain',
  'name',
  'sub_item',
  'category',
  'ratio_cap',
  'content',
  'basis',
  'methods',
  'frequency',
  'target',
  'target_type',
  'department_id',
  'cooperating_department_ids',
  'publications',
  'no_advance_notice',
  'specialty',
  'nature',
  'exemption',
  'remark',
] as const

export type ItemField = (typeof kItemFields)[number]

/** The server's names for fields the form calls otherwise. */
export const kItemFieldAliases: Record<string, ItemField> = { publication: 'publications' }

/** The note atop the form: what saving does to the versions. */
export function formNote(item: Pick<Item, 'status' | 'draft_pending' | 'version' | 'published_version'> | null): string {
  if (!item) return '新增的事项保存为草稿，核对无误后在列表中点击“发布”。事项类别、检查内容、检查依据、检查方式、抽查频次和公示方式可在发布前补全。'
  if (item.draft_pending) return `正在修改第 ${item.version} 版草稿，保存后仍为草稿，发布后才在公示页面显示。`
  const shown = item.published_version ?? item.version
  return item.status === '已停用'
    ? `该事项已停用。保存修改将形成第 ${item.version + 1} 版草稿，发布后重新公示。`
    : `该事项已发布。保存修改将形成第 ${item.version + 1} 版草稿，发布前公示页面仍显示第 ${shown} 版。`
}

// ---------------------------------------------------------------------------------------------
// 发布 and 停用

/** The question before 发布. */
export function publishQuestion(item: Pick<Item, 'name' | 'sub_item' | 'status' | 'draft_pending' | 'version' | 'published_version'>): string {
  const name = `“${itemTitle(item)}”`
  if (!item.published_version) return `发布后，${name}将在抽查事项清单公示页面向社会公开。确定发布吗？`
  if (!item.draft_pending) return `${name}已停用，重新发布后将以第 ${item.version + 1} 版重新公示。确定发布吗？`
  return `发布第 ${item.version} 版后，公示页面上的第 ${item.published_version} 版将被替代。确定发布${name}吗？`
}

/** The question before 停用. */
export function retireQuestion(item: Pick<Item, 'name' | 'sub_item'>): string {
  return `停用后，“${itemTitle(item)}”将从抽查事项清单公示页面撤下，版本记录仍保留。可填写停用原因（选填）：`
}

/** Why a 停用 reason cannot be sent ('' when it can): at most 200 字 (600 bytes). */
export function retireReasonProblem(reason: string): string {
  const text = reason.trim()
  if (new TextEncoder().encode(text).length > 600 || [...text].length > 200) return '停用原因最多 200 个字'
  return ''
}

// ---------------------------------------------------------------------------------------------
// 版本记录

const kHistoryLabels: Record<string, string> = {
  code: '事项编码',
  domain: '抽查领域',
  name: '抽查事项',
  sub_item: '子项',
  category: '事项类别',
  ratio_cap: '抽查比例上限',
  content: '检查内容',
  basis: '检查依据',
  methods: '检查方式',
  frequency: '抽查频次',
  target: '检查对象',
  target_type: '检查对象类型',
  department_id: '发起部门',
  cooperating_department_ids: '配合部门',
  publication: '公示方式',
  no_advance_notice: '不予提前告知',
  specialty: '所需检查人员专长',
  nature: '事项性质',
  exemption: '免检免扰',
  remark: '备注',
}

const kTargetTypeNames: Record<string, string> = { entity: '行政相对人', place: '场地场所', product: '产品' }

/** “发布于 2026-11-22 18:13（周晓梅）”: when, and by whom when known. */
function when(verb: string, at: string, by: string): string {
  return `${verb}于 ${formatDateTime(at)}${by ? `（${by}）` : ''}`
}

/** What happened to a version after it was saved: published, retired and why. */
export function versionEvents(v: Pick<ItemVersion, 'published_at' | 'published_by' | 'retired_at' | 'retired_by' | 'retire_reason'>): string[] {
  const events: string[] = []
  if (v.published_at) events.push(when('发布', v.published_at, v.published_by))
  if (v.retired_at) events.push(when('停用', v.retired_at, v.retired_by))
  if (v.retire_reason) events.push(`停用原因：${v.retire_reason}`)
  return events
}

/** The versions (newest first) as timeline items; `departmentName` names department ids. */
export function itemHistory(
  versions: readonly ItemVersion[],
  departmentName: (id: number) => string | undefined = () => undefined,
): HistoryItem[] {
  const dept = (id: unknown) => departmentName(Number(id)) ?? `部门（编号 ${String(id)}）`
  const timeline = historyTimeline(versions, {
    labels: kHistoryLabels,
    value(field, value) {
      if (field === 'ratio_cap') return ratioPercent(String(value ?? '')) || '（空）'
      if (field === 'target_type') return kTargetTypeNames[String(value)] ?? plainHistoryValue(value)
      if (field === 'no_advance_notice') return value ? '是' : '否'
      if (field === 'department_id') return value ? dept(value) : '（空）'
      if (field === 'cooperating_department_ids' && Array.isArray(value)) {
        return value.length ? value.map(dept).join('、') : '（空）'
      }
      return plainHistoryValue(value)
    },
  })
  return timeline.map((item, i) => {
    const v = versions[i]
    let note: string | undefined
    if (v.action === 'restore') note = '停用后重新发布，内容与停用前相同'
    else if (item.first) note = v.action === 'import' ? '通过批量导入登记' : '首次登记'
    return { ...item, state: { label: v.status, tag: statusTag(v.status) }, events: versionEvents(v), note }
  })
}
