// Pure helpers of the 检查对象名录库 pages: how codes, statuses, classes and industries are
// shown, the masking of resident ID numbers in lists, and what changed between versions (a
// place's and a product's own fields named as their kind names them).
import type { IndustrySection, Target, TargetKind, TargetVersion } from '@/api/directory/targets'
import { dictLabel, dictTag, type Dict, type TagType } from '@/utils/dict'
import {
  changesBetween,
  historyTimeline,
  plainHistoryValue,
  type HistoryChange,
  type HistoryFields,
  type HistoryItem,
} from '@/utils/history'
import { maskIdNumber } from '@/utils/idcode'
import { industryDivisionName } from '@/utils/industry'

export { maskIdNumber } from '@/utils/idcode'

export type { HistoryChange, HistoryItem } from '@/utils/history'

/** The 性质 whose code is a resident ID number (居民身份证号码). */
export const kNaturalPerson = '自然人'

/** Fallbacks for when /targets/options cannot be read (the server's lists, in its order). */
export const kDefaultNatures = ['企业', '个体工商户', '农民专业合作社', '其他组织', '自然人', '法人及非法人组织']

export const kTargetStatuses: Dict = [
  { value: '存续', label: '存续', tag: 'success' },
  { value: '在业', label: '在业', tag: 'success' },
  { value: '注销', label: '注销', tag: 'danger' },
  { value: '吊销', label: '吊销', tag: 'danger' },
  { value: '撤销', label: '撤销', tag: 'danger' },
  { value: '迁出', label: '迁出', tag: 'info' },
  { value: '停业清算', label: '停业清算', tag: 'info' },
]

export const kCreditClasses: Dict = [
  { value: 'A', label: 'A类', tag: 'success' },
  { value: 'B', label: 'B类', tag: 'primary' },
  { value: 'C', label: 'C类', tag: 'warning' },
  { value: 'D', label: 'D类', tag: 'danger' },
]

/** The code as a list shows it: masked for a 自然人, whole otherwise. */
export function listCode(target: Pick<Target, 'code' | 'nature'>): string {
  return target.nature === kNaturalPerson ? maskIdNumber(target.code) : target.code
}

/** What the code of a target of this 性质 is called. */
export function codeLabel(nature: string | null | undefined): string {
  return nature === kNaturalPerson ? '身份证号码' : '统一社会信用代码'
}

export function statusTag(status: string | null | undefined): TagType {
  return dictTag(kTargetStatuses, status)
}

export function classLabel(credit: string | null | undefined): string {
  return dictLabel(kCreditClasses, credit, '未分类')
}

export function classTag(credit: string | null | undefined): TagType {
  return dictTag(kCreditClasses, credit)
}

/** "C 制造业" for a 门类 letter; the letter itself when the list does not know it. */
export function sectionLabel(section: string | null | undefined, sections: readonly IndustrySection[]): string {
  if (!section) return ''
  const found = sections.find((s) => s.code === section)
  return found ? `${found.code} ${found.name}` : section
}

/** "34 通用设备制造业" for a 大类; the code itself when unknown. */
export function divisionLabel(division: string | null | undefined): string {
  if (!division) return ''
  const name = industryDivisionName(division)
  return name ? `${division} ${name}` : division
}

/** The industry in one line: the 大类 when known, else the 门类, else "". */
export function industryLabel(
  target: Pick<Target, 'industry_section' | 'industry_division'>,
  sections: readonly IndustrySection[],
): string {
  if (target.industry_division) return divisionLabel(target.industry_division)
  return sectionLabel(target.industry_section, sections)
}

// ---------------------------------------------------------------------------------------------
// 变更历史

/** Field names of a stored version, in the order the history lists their changes. */
const kHistoryFields: Record<string, string> = {
  name: '名称',
  code: '编码',
  nature: '性质',
  division_code: '行政区划代码',
  district: '所属区县',
  address: '检查地址',
  phone: '联系电话',
  industry_section: '行业门类',
  industry_division: '行业大类',
  status: '经营状态',
  credit_class: '信用风险分类',
  tags: '标签',
  department_id: '监管部门',
  department: '监管部门',
  code_warning: '编码提示',
  kind: '对象类别',
  extra: '其他信息',
}

// The own fields of a place and a product (a version's `extra`), in form order.
const kPlaceHistoryFields: Record<string, string> = {
  name: '场地场所',
  area: '所在地区',
  region: '行政区划',
  unit: '责任单位',
  unit_code: '责任单位统一社会信用代码',
  person: '责任人',
  person_id_type: '责任人证件类型',
  person_id: '责任人证件编码',
  use: '场所用途',
  scale: '场所规模',
  in_use_since: '投入使用开始时间',
  service_life: '使用寿命',
  place_code: '场所编码',
  nature: '责任单位性质',
}
const kProductHistoryFields: Record<string, string> = {
  code: '生产许可证编号',
  name: '企业名称',
  uscc: '统一社会信用代码',
  issued_on: '发证日期',
  valid_until: '有效期至',
  product: '产品名称',
  nature: '企业性质',
}

/** The field names of a version of `kind`, in the order its changes are listed. */
export function historyLabels(kind: TargetKind = 'entity'): Record<string, string> {
  if (kind === 'place') return { ...kPlaceHistoryFields, ...kHistoryFields, ...kPlaceHistoryFields }
  if (kind === 'product') return { ...kProductHistoryFields, ...kHistoryFields, ...kProductHistoryFields }
  return kHistoryFields
}

/**
 * A stored version with its `extra` spread among its fields, so that a change of a place's
 * 责任单位 reads as one. A place's code is left out: it is its 场所编码, or made of its unit's
 * USCC and its name, whose own changes say it.
 */
export function flatVersion(data: Record<string, unknown> | null | undefined): Record<string, unknown> | null | undefined {
  if (!data) return data
  const { extra, ...rest } = data
  const flat: Record<string, unknown> =
    extra && typeof extra === 'object' && !Array.isArray(extra) ? { ...rest, ...(extra as Record<string, unknown>) } : { ...data }
  if (flat.kind === 'place') delete flat.code
  return flat
}

/** What the history needs to name values: department names, industry sections, the kind's fields. */
export interface HistoryContext {
  departmentName?: (id: number) => string | undefined
  sections?: readonly IndustrySection[]
  kind?: TargetKind
}

export function historyFieldLabel(field: string): string {
  return kHistoryFields[field] ?? field
}

/** A stored value as people read it; "（空）" for nothing. */
export function historyValue(field: string, value: unknown, ctx: HistoryContext = {}): string {
  if (value === undefined || value === null || value === '') return field === 'credit_class' ? '未分类' : '（空）'
  if (Array.isArray(value)) return plainHistoryValue(value)
  switch (field) {
    case 'credit_class':
      return classLabel(String(value))
    case 'industry_section':
      return sectionLabel(String(value), ctx.sections ?? [])
    case 'industry_division':
      return divisionLabel(String(value))
    case 'department_id': {
      const name = ctx.departmentName?.(Number(value))
      return name ?? `部门（编号 ${String(value)}）`
    }
    case 'kind':
      return dictLabel([{ value: 'entity', label: '行政相对人' }, { value: 'place', label: '场地场所' }, { value: 'product', label: '产品' }], String(value))
  }
  return plainHistoryValue(value)
}

const historyFields = (ctx: HistoryContext): HistoryFields => ({
  labels: historyLabels(ctx.kind),
  value: (field, value) => historyValue(field, value, ctx),
})

/** The fields that differ between two stored versions, labelled and formatted, in form order. */
export function versionChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  ctx: HistoryContext = {},
): HistoryChange[] {
  return changesBetween(flatVersion(before), flatVersion(after), historyFields(ctx))
}

/** The history (newest first) as timeline items, each version with what it changed. */
export function historyItems(history: readonly TargetVersion[], ctx: HistoryContext = {}): HistoryItem[] {
  const flat = history.map((h) => ({ ...h, data: flatVersion(h.data) ?? {} }))
  return historyTimeline(flat, historyFields(ctx))
}
