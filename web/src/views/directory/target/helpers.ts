// Pure helpers of the 检查对象名录库 pages: how codes, statuses, classes and industries are
// shown, the masking of resident ID numbers in lists, and what changed between versions.
import type { IndustrySection, Target, TargetVersion } from '@/api/directory/targets'
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

/** What the history needs to name values: department names and industry sections. */
export interface HistoryContext {
  departmentName?: (id: number) => string | undefined
  sections?: readonly IndustrySection[]
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
  labels: kHistoryFields,
  value: (field, value) => historyValue(field, value, ctx),
})

/** The fields that differ between two stored versions, labelled and formatted, in form order. */
export function versionChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  ctx: HistoryContext = {},
): HistoryChange[] {
  return changesBetween(before, after, historyFields(ctx))
}

/** The history (newest first) as timeline items, each version with what it changed. */
export function historyItems(history: readonly TargetVersion[], ctx: HistoryContext = {}): HistoryItem[] {
  return historyTimeline(history, historyFields(ctx))
}
