// The three kinds of 检查对象 in the directory (附录 B.1 行政相对人, B.2 场地场所, B.3 产品): what
// each tab of the target page lists, searches, imports, exports and edits, the body its form
// sends, and how its own fields (a target's `extra`) are named. The field names and their order
// are the server's (TargetFieldNames in server/src/directory/directory.cc).
import type { Target, TargetBody, TargetKind } from '@/api/directory/targets'
import type { ExportKind } from '@/api/exports'
import type { ColumnDef } from '@/composables/useTableColumns'
import type { ImportSubject } from '@/utils/importReport'

export type { TargetKind } from '@/api/directory/targets'

export const kTargetKinds: readonly TargetKind[] = ['entity', 'place', 'product']

/** The columns every kind has, after its own (the server's order). */
const kSharedFields = [
  'address',
  'phone',
  'district',
  'nature',
  'division_code',
  'status',
  'credit_class',
  'industry_section',
  'industry_division',
  'tags',
  'department',
] as const

/** 责任人证件类型 of a place, as the server takes them. */
export const kPersonIdTypes = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '其他']

/** The resident ID card, whose number the server checks (GB 11643). */
export const kResidentIdCard = '居民身份证'

export interface KindConfig {
  kind: TargetKind
  /** The tab: 行政相对人, 场地场所, 产品. */
  label: string
  appendix: string
  /** The API names of a create or edit, in the server's column order. */
  fields: readonly string[]
  /** Those of the kind's own fields that come back in `extra`. */
  extraFields: readonly string[]
  /** The search form's 名称 and 编码 items. */
  nameFilter: { label: string; placeholder: string }
  codeFilter: { label: string; placeholder: string; title: string }
  exportKind: ExportKind
  /** useTableColumns' key: each kind remembers its own shown columns. */
  columnsKey: string
  columns: readonly ColumnDef[]
  importSubject: ImportSubject
  /** 新增场地场所 / 修改场地场所. */
  addTitle: string
  editTitle: string
  /** The list's empty state: nothing at all, nothing matching. */
  emptyText: string
  noMatchText: string
}

const kEntityColumns: ColumnDef[] = [
  { key: 'name', label: '名称' },
  { key: 'code', label: '编码', phone: false },
  { key: 'nature', label: '性质', phone: false },
  { key: 'district', label: '所属区县', phone: false },
  { key: 'industry', label: '行业', phone: false },
  { key: 'status', label: '状态' },
  { key: 'credit_class', label: '分类', phone: false },
  { key: 'tags', label: '标签', phone: false },
  { key: 'department', label: '监管部门', phone: false },
  { key: 'updated_at', label: '更新时间', phone: false },
]

// A place's 责任人 and the number of their ID are personal data: never a column.
const kPlaceColumns: ColumnDef[] = [
  { key: 'name', label: '场地场所' },
  { key: 'unit', label: '责任单位', phone: false },
  { key: 'use', label: '场所用途', phone: false },
  { key: 'area', label: '所在地区', phone: false, hidden: true },
  { key: 'district', label: '所属区县', phone: false },
  { key: 'place_code', label: '场所编码', phone: false, hidden: true },
  { key: 'scale', label: '场所规模', phone: false, hidden: true },
  { key: 'in_use_since', label: '投入使用时间', phone: false, hidden: true },
  { key: 'department', label: '监管部门', phone: false },
  { key: 'status', label: '状态' },
  { key: 'credit_class', label: '分类', phone: false },
  { key: 'tags', label: '标签', phone: false, hidden: true },
  { key: 'updated_at', label: '更新时间', phone: false, hidden: true },
]

const kProductColumns: ColumnDef[] = [
  { key: 'code', label: '生产许可证编号' },
  { key: 'name', label: '企业名称', phone: false },
  { key: 'product', label: '产品名称', phone: false },
  { key: 'uscc', label: '统一社会信用代码', phone: false, hidden: true },
  { key: 'issued_on', label: '发证日期', phone: false, hidden: true },
  { key: 'valid_until', label: '有效期至' },
  { key: 'district', label: '所属区县', phone: false },
  { key: 'department', label: '监管部门', phone: false, hidden: true },
  { key: 'status', label: '状态', phone: false },
  { key: 'credit_class', label: '分类', phone: false, hidden: true },
  { key: 'tags', label: '标签', phone: false, hidden: true },
  { key: 'updated_at', label: '更新时间', phone: false, hidden: true },
]

const kPlaceExtra = [
  'area',
  'region',
  'unit',
  'unit_code',
  'person',
  'person_id_type',
  'person_id',
  'use',
  'scale',
  'in_use_since',
  'service_life',
] as const

export const kKinds: Record<TargetKind, KindConfig> = {
  entity: {
    kind: 'entity',
    label: '行政相对人',
    appendix: '附录 B.1',
    fields: ['name', 'code', ...kSharedFields],
    extraFields: [],
    nameFilter: { label: '名称', placeholder: '名称中的字词' },
    codeFilter: { label: '编码', placeholder: '信用代码或身份证号', title: '完整的统一社会信用代码或身份证号码' },
    exportKind: 'targets',
    columnsKey: 'directory-target',
    columns: kEntityColumns,
    importSubject: { title: '导入行政相对人（附录 B.1）', noun: '对象', key: '编码', library: '名录库', searchBy: '名称或编码' },
    addTitle: '新增行政相对人',
    editTitle: '修改行政相对人',
    emptyText: '名录库中还没有行政相对人',
    noMatchText: '没有符合条件的行政相对人',
  },
  place: {
    kind: 'place',
    label: '场地场所',
    appendix: '附录 B.2',
    fields: ['name', ...kPlaceExtra, ...kSharedFields, 'place_code'],
    extraFields: [...kPlaceExtra, 'place_code'],
    nameFilter: { label: '场所名称', placeholder: '场所名称中的字词' },
    codeFilter: { label: '场所编码', placeholder: '完整的场所编码', title: '部门为场所编的完整编号' },
    exportKind: 'places',
    columnsKey: 'directory-target-place',
    columns: kPlaceColumns,
    importSubject: {
      title: '导入场地场所（附录 B.2）',
      noun: '场所',
      key: '场所编码或责任单位代码与名称',
      library: '名录库',
      searchBy: '场所名称',
    },
    addTitle: '新增场地场所',
    editTitle: '修改场地场所',
    emptyText: '名录库中还没有场地场所',
    noMatchText: '没有符合条件的场地场所',
  },
  product: {
    kind: 'product',
    label: '产品',
    appendix: '附录 B.3',
    fields: ['code', 'name', 'uscc', 'issued_on', 'valid_until', ...kSharedFields, 'product'],
    extraFields: ['uscc', 'issued_on', 'valid_until', 'product'],
    nameFilter: { label: '企业名称', placeholder: '企业名称中的字词' },
    codeFilter: { label: '许可证编号', placeholder: '如 XK16-204-01234', title: '完整的生产许可证编号' },
    exportKind: 'products',
    columnsKey: 'directory-target-product',
    columns: kProductColumns,
    importSubject: { title: '导入产品（附录 B.3）', noun: '产品', key: '生产许可证编号', library: '名录库', searchBy: '企业名称或许可证编号' },
    addTitle: '新增产品',
    editTitle: '修改产品',
    emptyText: '名录库中还没有产品',
    noMatchText: '没有符合条件的产品',
  },
}

/** The kind a URL's `?kind=` names; anything else (also nothing) is the 行政相对人 tab. */
export function kindFromQuery(value: unknown): TargetKind {
  const text = Array.isArray(value) ? value[0] : value
  return kTargetKinds.includes(text as TargetKind) ? (text as TargetKind) : 'entity'
}

/** The page's query for a kind: `kind` set for a place or a product, left out for the default tab. */
export function queryForKind<V>(query: Record<string, V>, kind: TargetKind): Record<string, V | string> {
  const rest: Record<string, V | string> = { ...query }
  delete rest.kind
  if (kind !== 'entity') rest.kind = kind
  return rest
}

/** A value of a target's `extra`, '' when absent. */
export function extraOf(target: Pick<Target, 'extra'> | null | undefined, field: string): string {
  const value = target?.extra?.[field]
  return typeof value === 'string' ? value : ''
}

/** A product's licence ran out before `today` (both YYYY-MM-DD). */
export function isExpired(validUntil: string | null | undefined, today: string): boolean {
  return !!validUntil && validUntil < today
}

// ---------------------------------------------------------------------------------------------
// The form of every kind.

/** The form's state: the fields of all three kinds (the dialog shows those of its kind). */
export interface TargetFormModel {
  name: string
  code: string
  nature: string
  division_code: string
  address: string
  phone: string
  status: string
  credit_class: string
  industry_section: string
  industry_division: string
  tags: string[]
  department_id: number | undefined
  // B.2
  area: string
  region: string
  unit: string
  unit_code: string
  person: string
  person_id_type: string
  person_id: string
  use: string
  scale: string
  in_use_since: string
  service_life: string
  place_code: string
  // B.3
  uscc: string
  issued_on: string
  valid_until: string
  product: string
}

/** Every field a form of any kind can name in an error (useFieldErrors). */
export const kAllFormFields = [
  ...new Set([...kKinds.entity.fields, ...kKinds.place.fields, ...kKinds.product.fields]),
] as const

export function blankTargetForm(departmentId?: number): TargetFormModel {
  return {
    name: '',
    code: '',
    nature: '企业',
    division_code: '',
    address: '',
    phone: '',
    status: '存续',
    credit_class: '',
    industry_section: '',
    industry_division: '',
    tags: [],
    department_id: departmentId,
    area: '',
    region: '',
    unit: '',
    unit_code: '',
    person: '',
    person_id_type: '',
    person_id: '',
    use: '',
    scale: '',
    in_use_since: '',
    service_life: '',
    place_code: '',
    uscc: '',
    issued_on: '',
    valid_until: '',
    product: '',
  }
}

/** The form filled with a stored target (its kind's own fields from `extra`). */
export function targetForm(target: Target): TargetFormModel {
  const form = blankTargetForm(target.department_id || undefined)
  Object.assign(form, {
    name: target.name,
    nature: target.nature,
    code: target.code,
    division_code: target.division_code,
    address: target.address,
    phone: target.phone,
    status: target.status || '存续',
    credit_class: target.credit_class,
    industry_section: target.industry_section,
    industry_division: target.industry_division,
    tags: [...target.tags],
  })
  // A place known by its unit and name has a derived code, not one to edit.
  if (target.kind === 'place') form.code = ''
  for (const field of kKinds[target.kind]?.extraFields ?? []) {
    ;(form as unknown as Record<string, string>)[field] = extraOf(target, field)
  }
  return form
}

/**
 * What the form of `kind` sends: `kind` and exactly that kind's fields, strings trimmed (codes
 * also), `tags` as the chosen list, `department` as the chosen department's id (left out when
 * none: the server then takes the user's own), `district` empty (the server derives it).
 */
export function targetBody(kind: TargetKind, form: TargetFormModel): TargetBody {
  const body: TargetBody = { kind }
  const values = form as unknown as Record<string, unknown>
  for (const field of kKinds[kind].fields) {
    if (field === 'tags') body.tags = [...form.tags]
    else if (field === 'department') body.department = form.department_id
    else if (field === 'district') body.district = ''
    else body[field] = String(values[field] ?? '').trim()
  }
  return body
}
