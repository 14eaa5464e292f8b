// Pure helpers of the 执法检查人员 and 专家和辅助人员 pages (one resource, two groups): what each
// group shows, the filters as a query, how keys and statuses are shown (ID numbers masked in
// lists), why a person cannot be drawn, the form's fields by category, and the 变更历史.
import type {
  Inspector,
  InspectorGroup,
  InspectorInput,
  InspectorOptions,
  InspectorQuery,
  InspectorVersion,
} from '@/api/directory/inspectors'
import type { PageParams } from '@/composables/usePagedList'
import type { ColumnDef } from '@/composables/useTableColumns'
import { dictTag, type Dict, type TagType } from '@/utils/dict'
import { historyTimeline, plainHistoryValue, type HistoryItem } from '@/utils/history'
import { maskIdNumber, residentIdProblem } from '@/utils/idcode'
import type { ImportSubject } from '@/utils/importReport'

/** The category that holds a 执法证 (the inspectors proper). */
export const kInspectorCategory = '执法人员'
/** The category that is an institution, not a person (no 性别; its key is a 统一社会信用代码). */
export const kInstitution = '第三方机构'

/** Fallbacks for when /inspectors/options cannot be read. */
export const kDefaultOptions: InspectorOptions = {
  categories: ['执法人员', '辅助人员', '专家', '第三方机构'],
  genders: ['男', '女'],
  statuses: ['在岗', '离岗', '停用'],
  specialties: [],
}

export const kInspectorStatuses: Dict = [
  { value: '在岗', label: '在岗', tag: 'success' },
  { value: '离岗', label: '离岗', tag: 'info' },
  { value: '停用', label: '停用', tag: 'danger' },
]

export const kCertStates: Dict<'valid' | 'expired'> = [
  { value: 'valid', label: '有效' },
  { value: 'expired', label: '已过期' },
]

/**
 * The categories each page lists, as the server's `group` filter and import `kind` take them:
 * 辅助人员 belong to both (appendix C.1 lists them among the inspectors; the expert library
 * holds them too).
 */
export const kGroupCategories: Record<InspectorGroup, readonly string[]> = {
  inspectors: ['执法人员', '辅助人员'],
  experts: ['专家', '辅助人员', '第三方机构'],
}

/** The columns both pages end with. */
const kCommonColumns: ColumnDef[] = [
  { key: 'department', label: '所属部门', phone: false },
  { key: 'district', label: '所属区县', phone: false, hidden: true },
  { key: 'specialties', label: '业务专长', phone: false },
  { key: 'phone', label: '联系电话', phone: false },
  { key: 'status', label: '状态' },
  { key: 'updated_at', label: '更新时间', phone: false, hidden: true },
]

/** What a page of one group is called, shows and imports. */
export interface GroupConfig {
  group: InspectorGroup
  /** The page and menu title. */
  title: string
  /** The name column and filter: 姓名, or 名称/姓名 where institutions are listed too. */
  nameLabel: string
  /** What one row is called in buttons and messages. */
  noun: string
  /** useTableColumns' page key. */
  pageKey: string
  columns: ColumnDef[]
  importSubject: ImportSubject
}

export const kGroups: Record<InspectorGroup, GroupConfig> = {
  inspectors: {
    group: 'inspectors',
    title: '执法检查人员',
    nameLabel: '姓名',
    noun: '执法检查人员',
    pageKey: 'directory-inspector',
    columns: [
      { key: 'name', label: '姓名' },
      // A 辅助人员 says so under the name while this column is left out.
      { key: 'category', label: '类别', phone: false, hidden: true },
      { key: 'gender', label: '性别', phone: false, hidden: true },
      { key: 'cert_no', label: '执法证号', phone: false },
      { key: 'cert_valid_until', label: '有效期至', phone: false },
      { key: 'post', label: '岗位', phone: false },
      ...kCommonColumns,
    ],
    importSubject: {
      title: '导入执法检查人员',
      noun: '人员',
      key: '执法证号或身份证号码',
      library: '名录库',
      searchBy: '姓名',
    },
  },
  experts: {
    group: 'experts',
    title: '专家和辅助人员',
    nameLabel: '名称/姓名',
    noun: '专家或辅助人员',
    pageKey: 'directory-expert',
    columns: [
      { key: 'name', label: '名称/姓名' },
      { key: 'category', label: '类别', phone: false },
      { key: 'gender', label: '性别', phone: false, hidden: true },
      { key: 'id_number', label: '证件号码', phone: false, hidden: true },
      { key: 'organisation', label: '工作单位', phone: false },
      { key: 'title', label: '职称', phone: false },
      ...kCommonColumns,
    ],
    importSubject: {
      title: '导入专家和辅助人员',
      noun: '人员',
      key: '身份证号码或统一社会信用代码',
      library: '专家库',
      searchBy: '名称或姓名',
    },
  },
}

/** The categories a page offers: its own that the server knows, in the page's order. */
export function groupCategories(group: InspectorGroup, categories: readonly string[]): string[] {
  return kGroupCategories[group].filter((c) => categories.includes(c))
}

/** What one row of this category is called in titles: 执法检查人员, 专家, 第三方机构 … */
export function categoryNoun(category: string | null | undefined): string {
  if (!category) return '人员'
  return category === kInspectorCategory ? '执法检查人员' : category
}

// ---------------------------------------------------------------------------------------------
// The list

export interface InspectorFilters {
  name: string
  category: string
  department_id: number | undefined
  division: string
  specialty: string
  status: string
  /** valid, expired or '' (both). */
  cert: string
}

export function blankFilters(): InspectorFilters {
  return { name: '', category: '', department_id: undefined, division: '', specialty: '', status: '', cert: '' }
}

/** The query of a list page: its group, and each filter that is set (trimmed). */
export function inspectorQuery(group: InspectorGroup, params: PageParams, f: InspectorFilters): InspectorQuery {
  return {
    ...params,
    group,
    name: f.name.trim() || undefined,
    category: f.category || undefined,
    department_id: f.department_id,
    division: f.division || undefined,
    specialty: f.specialty || undefined,
    status: f.status || undefined,
    // Only 执法人员 hold a certificate.
    cert: group === 'inspectors' && (f.cert === 'valid' || f.cert === 'expired') ? f.cert : undefined,
  }
}

export function isInstitution(category: string | null | undefined): boolean {
  return category === kInstitution
}

/** What `id_number` holds for this category: 统一社会信用代码 or 身份证号码. */
export function idNumberLabel(category: string | null | undefined): string {
  return isInstitution(category) ? '统一社会信用代码' : '身份证号码'
}

/** What identifies a row of this category: 执法证号, 身份证号码 or 统一社会信用代码. */
export function keyLabel(category: string | null | undefined): string {
  return category === kInspectorCategory ? '执法证号' : idNumberLabel(category)
}

/** The name's label: 机构名称 for an institution, else 姓名. */
export function nameLabel(category: string | null | undefined): string {
  return isInstitution(category) ? '机构名称' : '姓名'
}

/** The ID number of an expert or auxiliary as a list shows it: masked; a credit code whole. */
export function listIdNumber(row: Pick<Inspector, 'category' | 'id_number'>): string {
  return isInstitution(row.category) ? row.id_number : maskIdNumber(row.id_number)
}

export function statusTag(status: string | null | undefined): TagType {
  return dictTag(kInspectorStatuses, status)
}

/** Why a row is not drawn (shown beside 不可抽取), or '' when it can be. */
export function undrawableReason(
  row: Pick<Inspector, 'drawable' | 'status' | 'category' | 'cert_expired' | 'cert_valid_until'>,
): string {
  if (row.drawable) return ''
  if (row.status && row.status !== '在岗') return `状态为“${row.status}”，不参与随机抽取`
  if (row.category === kInspectorCategory) {
    if (!row.cert_valid_until) return '未登记执法证有效期，不参与随机抽取'
    if (row.cert_expired) return `执法证已于 ${row.cert_valid_until} 到期，不参与随机抽取`
  }
  return '不满足抽取条件，不参与随机抽取'
}

// ---------------------------------------------------------------------------------------------
// The form

export interface InspectorForm {
  category: string
  name: string
  gender: string
  phone: string
  id_number: string
  cert_no: string
  cert_valid_until: string
  organisation: string
  title: string
  post: string
  department_id: number | undefined
  division_code: string
  specialties: string[]
  status: string
}

/** Which inputs a category has (the others keep their values but are not shown). */
export interface CategoryFields {
  gender: boolean
  cert: boolean
  idNumber: boolean
  organisation: boolean
  post: boolean
}

export function categoryFields(category: string): CategoryFields {
  const institution = isInstitution(category)
  const inspector = category === kInspectorCategory
  return {
    gender: !institution,
    cert: inspector,
    idNumber: !inspector,
    organisation: !inspector && !institution,
    post: !institution,
  }
}

export function blankForm(group: InspectorGroup, departmentId: number | undefined): InspectorForm {
  return {
    category: kGroupCategories[group][0],
    name: '',
    gender: '',
    phone: '',
    id_number: '',
    cert_no: '',
    cert_valid_until: '',
    organisation: '',
    title: '',
    post: '',
    department_id: departmentId,
    division_code: '',
    specialties: [],
    status: '在岗',
  }
}

export function formOf(row: Inspector): InspectorForm {
  return {
    category: row.category,
    name: row.name,
    gender: row.gender,
    phone: row.phone,
    id_number: row.id_number,
    cert_no: row.cert_no,
    cert_valid_until: row.cert_valid_until,
    organisation: row.organisation,
    title: row.title,
    post: row.post,
    department_id: row.department_id || undefined,
    division_code: row.division_code,
    specialties: [...row.specialties],
    status: row.status || '在岗',
  }
}

/** The body of POST/PUT /inspectors: trimmed, codes in capitals, no 性别 for an institution. */
export function inputOf(form: InspectorForm): InspectorInput {
  return {
    category: form.category,
    name: form.name.trim(),
    gender: isInstitution(form.category) ? '' : form.gender,
    phone: form.phone.trim(),
    id_number: form.id_number.trim().toUpperCase(),
    cert_no: form.cert_no.trim(),
    cert_valid_until: form.cert_valid_until ?? '',
    organisation: form.organisation.trim(),
    title: form.title.trim(),
    post: form.post.trim(),
    department: form.department_id,
    division_code: form.division_code ?? '',
    specialties: form.specialties,
    status: form.status,
  }
}

/** 男 or 女 from a valid resident ID number (GB 11643: the 17th digit is odd for men), else ''. */
export function genderFromId(idNumber: string): string {
  const text = idNumber.trim()
  if (residentIdProblem(text)) return ''
  return Number(text[16]) % 2 === 1 ? '男' : '女'
}

// ---------------------------------------------------------------------------------------------
// 变更历史

/** Field names of a stored version, in the order the history lists their changes. */
const kHistoryFields: Record<string, string> = {
  category: '类别',
  name: '名称/姓名',
  gender: '性别',
  id_number: '身份证号码/信用代码',
  cert_no: '执法证号',
  cert_valid_until: '执法证有效期至',
  post: '岗位',
  organisation: '工作单位',
  title: '职称',
  phone: '联系电话',
  department_id: '所属部门',
  department: '所属部门',
  division_code: '行政区划代码',
  district: '所属区县',
  specialties: '业务专长',
  status: '状态',
}

/** The history (newest first) as timeline items; `departmentName` names department ids. */
export function inspectorHistory(
  history: readonly InspectorVersion[],
  departmentName: (id: number) => string | undefined = () => undefined,
): HistoryItem[] {
  return historyTimeline(history, {
    labels: kHistoryFields,
    value(field, value) {
      if (field === 'department_id' && value) return departmentName(Number(value)) ?? `部门（编号 ${String(value)}）`
      return plainHistoryValue(value)
    },
  })
}
