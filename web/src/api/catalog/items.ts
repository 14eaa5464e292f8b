// The item list (抽查事项清单, docs/api.md § Item list): GET/POST /items, GET/PUT /items/{id},
// GET /items/options, POST /items/{id}/publish and /retire, POST /items/import (+ its XLSX
// template); and the public list GET /public/items (no login, published versions only). An item
// is versioned: an edit of a published item starts a draft, and the public list keeps the
// published version until the draft is published. A bad form is a 400 whose details.problems
// names every bad field; a taken code or name is a 409 naming `code` or `name`.
import { buildUrl, http, type Page } from '../http'
import { postImportFile, type ImportHooks, type ImportOptions } from '../directory/import'

/** 重点 items have no ratio cap; 一般 items must have one. '' is a draft not yet classified. */
export type ItemCategory = '重点' | '一般' | ''

/** What an item is: 草稿 (never published), 已发布, 已停用. */
export type ItemStatus = '草稿' | '已发布' | '已停用'

/** What one version is: 已替代 is a published version a later one replaced. */
export type ItemVersionStatus = '草稿' | '已发布' | '已替代' | '已停用'

/** The fields a form sends (POST/PUT /items). */
export interface ItemInput {
  /** 事项编码; '' lets the server generate one from the initiating department's code. */
  code: string
  /** 抽查领域. */
  domain: string
  /** 抽查事项. */
  name: string
  /** 子项. */
  sub_item: string
  category: ItemCategory
  /** 抽查比例上限 of a 一般 item: "5%" or "0.05"; '' otherwise. */
  ratio_cap: string
  /** 检查内容. */
  content: string
  /** 检查依据. */
  basis: string
  /** 检查方式: 书面检查, 现场检查, 网络监测, 检验检测, 专业机构核查. */
  methods: string[]
  /** 抽查频次, e.g. 每年1次. */
  frequency: string
  /** 检查对象 in words. */
  target: string
  /** entity (行政相对人), place (场地场所) or product (产品). */
  target_type: string
  /** 发起部门; omitted: the caller's own department. */
  department_id?: number
  /** 配合部门, not including the initiating one. */
  cooperating_department_ids: number[]
  /** 公示方式 (free text). */
  publication: string
  /** 不予提前告知. */
  no_advance_notice: boolean
  /** 所需检查人员专长: a specialty's name, or ''. */
  specialty: string
  /** 事项性质: 常规, 安全生产, 生态环境, 投诉举报 or 上级交办. */
  nature: string
  /** 免检免扰: 适用 or 不适用 (only 常规 items may be 适用). */
  exemption: string
  remark: string
}

export interface Item extends Omit<ItemInput, 'department_id'> {
  id: number
  department_id: number
  department_name: string
  cooperating_departments: { id: number; name: string }[]
  target_type_name: string
  /** The ratio cap as a percentage ("5%"), '' without one. The stored `ratio_cap` is "0.05". */
  ratio_cap_percent: string
  status: ItemStatus
  /** The newest version. */
  version: number
  /** The version the public list shows; null when never published. */
  published_version: number | null
  /** The newest version is not the published one (a draft, or an edit waiting for 发布). */
  draft_pending: boolean
  /** The column names still needed before the item can be published. */
  missing_for_publish: string[]
  last_action: string
  /** Who saved the newest version. */
  updated_by: string
  created_at: string
  updated_at: string
}

/** One kept version; `data` holds the form's fields as that version saved them. */
export interface ItemVersion {
  version: number
  status: ItemVersionStatus
  /** create, update, import or restore (a retired item published again). */
  action: string
  data: Record<string, unknown>
  changed_by: string
  changed_at: string
  published_by: string
  published_at: string
  retired_by: string
  retired_at: string
  retire_reason: string
}

export interface ItemDetail extends Item {
  /** Newest first. */
  versions: ItemVersion[]
}

export interface ItemQuery {
  page: number
  page_size: number
  /** Part of the name, the sub-item or the code. */
  q?: string
  /** 抽查领域, exactly. */
  domain?: string
  category?: string
  status?: string
  /** 发起部门. */
  department_id?: number
}

export interface ItemOptions {
  categories: string[]
  methods: string[]
  target_types: { code: string; name: string }[]
  natures: string[]
  exemptions: string[]
  statuses: string[]
  /** Suggestions for 公示方式 (free text). */
  publications: string[]
  specialties: { code: string; name: string }[]
  /** The domains in use. */
  domains: string[]
}

export function listItems(query: ItemQuery) {
  return http.get<Page<Item>>('/items', { ...query })
}

export function getItemOptions() {
  return http.get<ItemOptions>('/items/options')
}

export function getItem(id: number) {
  return http.get<ItemDetail>(`/items/${id}`)
}

/** → a draft. Quiet: the form shows each problem on the field it names. */
export function createItem(input: ItemInput) {
  return http.post<Item>('/items', input, { quiet: true })
}

/** An edit of a published item starts the next version as a draft. Quiet, as createItem. */
export function updateItem(id: number, input: ItemInput) {
  return http.put<Item>(`/items/${id}`, input, { quiet: true })
}

/**
 * Makes the newest version the public one (a retired item without a draft is published again
 * as a new version). 400 catalog.incomplete names what is missing; 409 catalog.nothing_to_publish.
 */
export function publishItem(id: number) {
  return http.post<Item>(`/items/${id}/publish`)
}

/** Takes a published item off the public list; `reason` is optional (up to 600 bytes). */
export function retireItem(id: number, reason: string) {
  return http.post<Item>(`/items/${id}/retire`, reason ? { reason } : {})
}

/** The largest file POST /items/import takes (a bigger body is a 413). */
export const kItemImportMaxBytes = 16 * 1024 * 1024

/** GET: the XLSX import template, downloaded as an attachment. */
export const kItemTemplateUrl = buildUrl('/items/import/template')

/** POST /items/import with the file itself as the body (see postImportFile). */
export function importItems(file: Blob, fileName: string, options: ImportOptions, hooks: ImportHooks = {}) {
  return postImportFile('/items/import', file, fileName, options, hooks)
}

// ---------------------------------------------------------------------------------------------
// 抽查事项清单公示 (no login)

/** A published version as the public list shows it: no ratio cap, nature or other internal field. */
export interface PublicItem {
  code: string
  domain: string
  name: string
  sub_item: string
  category: string
  content: string
  basis: string
  methods: string[]
  frequency: string
  target: string
  target_type: string
  target_type_name: string
  initiating_department: string
  cooperating_departments: string[]
  publication: string
  version: number
  published_at: string
}

export interface PublicItemQuery {
  page: number
  page_size: number
  /** Part of the name, the sub-item or the code. */
  q?: string
  /** 抽查领域, exactly. */
  domain?: string
  /** Part of the initiating or a cooperating department's name. */
  department?: string
}

/** A page of the public list, with the domains of every published item (for the filter). */
export interface PublicItemPage extends Page<PublicItem> {
  domains: string[]
}

/** noAuthRedirect: a visitor has no session, and a 401 here must not send them to the login page. */
export function listPublicItems(query: PublicItemQuery) {
  return http.get<PublicItemPage>('/public/items', { ...query }, { noAuthRedirect: true })
}
