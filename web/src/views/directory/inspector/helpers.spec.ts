import { describe, expect, it } from 'vitest'
import type { Inspector, InspectorVersion } from '@/api/directory/inspectors'
import {
  blankFilters,
  blankForm,
  categoryFields,
  categoryNoun,
  formOf,
  genderFromId,
  groupCategories,
  inputOf,
  inspectorHistory,
  inspectorQuery,
  kDefaultOptions,
  kGroups,
  keyLabel,
  listIdNumber,
  nameLabel,
  statusTag,
  undrawableReason,
} from './helpers'

const kInspector: Inspector = {
  id: 7,
  category: '执法人员',
  name: '王建国',
  gender: '男',
  phone: '13983001234',
  id_number: '',
  cert_no: '渝执500103001',
  cert_valid_until: '2028-06-30',
  cert_expired: false,
  organisation: '',
  title: '',
  post: '科长',
  department_id: 4,
  department_name: '节能与综合利用处',
  division_code: '500103',
  district: '渝中区',
  specialties: ['节能监察', '工业产品生产许可'],
  status: '在岗',
  drawable: true,
  user_id: null,
  account_username: '',
  account_name: '',
  version: 1,
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
}

describe('groups', () => {
  it('lists 辅助人员 on both pages, as the server’s group filter does', () => {
    expect(groupCategories('inspectors', kDefaultOptions.categories)).toEqual(['执法人员', '辅助人员'])
    expect(groupCategories('experts', kDefaultOptions.categories)).toEqual(['专家', '辅助人员', '第三方机构'])
    expect(groupCategories('experts', ['专家'])).toEqual(['专家'])
  })

  it('calls a row by its category', () => {
    expect(categoryNoun('执法人员')).toBe('执法检查人员')
    expect(categoryNoun('第三方机构')).toBe('第三方机构')
    expect(categoryNoun('')).toBe('人员')
  })

  it('labels the expert library for institutions too', () => {
    expect(kGroups.inspectors.nameLabel).toBe('姓名')
    expect(kGroups.experts.nameLabel).toBe('名称/姓名')
    const labels = kGroups.experts.columns.map((c) => c.label)
    expect(labels).toContain('工作单位')
    expect(labels).toContain('职称')
    expect(labels).not.toContain('执法证号')
    expect(kGroups.inspectors.columns.map((c) => c.label)).toContain('有效期至')
  })
})

describe('inspectorQuery', () => {
  const params = { page: 2, page_size: 20 }

  it('sends the group and nothing for blank filters', () => {
    expect(inspectorQuery('inspectors', params, blankFilters())).toEqual({
      page: 2,
      page_size: 20,
      group: 'inspectors',
      name: undefined,
      category: undefined,
      department_id: undefined,
      division: undefined,
      specialty: undefined,
      status: undefined,
      cert: undefined,
    })
  })

  it('trims the name and passes every set filter', () => {
    const filters = {
      name: '  王 ',
      category: '',
      department_id: 4,
      division: '500103',
      specialty: '节能监察',
      status: '在岗',
      cert: 'expired' as const,
    }
    expect(inspectorQuery('inspectors', params, filters)).toMatchObject({
      name: '王',
      department_id: 4,
      division: '500103',
      specialty: '节能监察',
      status: '在岗',
      cert: 'expired',
    })
  })

  it('drops the certificate filter in the expert library, where nobody holds one', () => {
    const q = inspectorQuery('experts', params, { ...blankFilters(), category: '专家', cert: 'valid' })
    expect(q.group).toBe('experts')
    expect(q.category).toBe('专家')
    expect(q.cert).toBeUndefined()
  })
})

describe('labels and list values', () => {
  it('names the key and the name by category', () => {
    expect(keyLabel('执法人员')).toBe('执法证号')
    expect(keyLabel('专家')).toBe('身份证号码')
    expect(keyLabel('辅助人员')).toBe('身份证号码')
    expect(keyLabel('第三方机构')).toBe('统一社会信用代码')
    expect(nameLabel('第三方机构')).toBe('机构名称')
    expect(nameLabel('专家')).toBe('姓名')
  })

  it('masks a person’s ID number in the list, not an institution’s credit code', () => {
    expect(listIdNumber({ category: '专家', id_number: '500103199001011232' })).toBe('500103********1232')
    expect(listIdNumber({ category: '第三方机构', id_number: '91500103MA60K3T26Y' })).toBe('91500103MA60K3T26Y')
    expect(listIdNumber({ category: '辅助人员', id_number: '' })).toBe('')
  })

  it('colours the statuses', () => {
    expect(statusTag('在岗')).toBe('success')
    expect(statusTag('离岗')).toBe('info')
    expect(statusTag('停用')).toBe('danger')
  })
})

describe('undrawableReason', () => {
  it('is empty for a drawable person', () => {
    expect(undrawableReason(kInspector)).toBe('')
  })

  it('names the status first, then the certificate', () => {
    expect(undrawableReason({ ...kInspector, drawable: false, status: '离岗', cert_expired: true })).toBe(
      '状态为“离岗”，不参与随机抽取',
    )
    expect(undrawableReason({ ...kInspector, drawable: false, cert_expired: true, cert_valid_until: '2025-12-31' })).toBe(
      '执法证已于 2025-12-31 到期，不参与随机抽取',
    )
    expect(undrawableReason({ ...kInspector, drawable: false, cert_valid_until: '' })).toBe('未登记执法证有效期，不参与随机抽取')
    expect(undrawableReason({ ...kInspector, category: '专家', drawable: false })).toBe('不满足抽取条件，不参与随机抽取')
  })
})

describe('the form', () => {
  it('shows the inputs of each category', () => {
    expect(categoryFields('执法人员')).toEqual({ gender: true, cert: true, idNumber: false, organisation: false, post: true })
    expect(categoryFields('专家')).toEqual({ gender: true, cert: false, idNumber: true, organisation: true, post: true })
    expect(categoryFields('第三方机构')).toEqual({ gender: false, cert: false, idNumber: true, organisation: false, post: false })
  })

  it('starts each group with its first category, 在岗, in the user’s department', () => {
    expect(blankForm('inspectors', 4)).toMatchObject({ category: '执法人员', status: '在岗', department_id: 4 })
    expect(blankForm('experts', undefined)).toMatchObject({ category: '专家', department_id: undefined })
  })

  it('sends trimmed values, codes in capitals and no 性别 for an institution', () => {
    const form = { ...formOf(kInspector), name: ' 王建国 ', phone: ' 13983001234 ' }
    expect(inputOf(form)).toEqual({
      category: '执法人员',
      name: '王建国',
      gender: '男',
      phone: '13983001234',
      id_number: '',
      cert_no: '渝执500103001',
      cert_valid_until: '2028-06-30',
      organisation: '',
      title: '',
      post: '科长',
      department: 4,
      division_code: '500103',
      specialties: ['节能监察', '工业产品生产许可'],
      status: '在岗',
    })
    const institution = inputOf({
      ...blankForm('experts', 4),
      category: '第三方机构',
      name: '重庆某检测技术有限公司',
      gender: '男',
      id_number: '91500103ma60k3t26y',
    })
    expect(institution.gender).toBe('')
    expect(institution.id_number).toBe('91500103MA60K3T26Y')
  })

  it('reads 性别 from a valid ID number', () => {
    expect(genderFromId('500103199001011232')).toBe('男')
    expect(genderFromId('11010519491231002X')).toBe('女')
    expect(genderFromId('5001031990')).toBe('')
    expect(genderFromId('500103199001011233')).toBe('') // wrong check digit: nothing to read
  })

  it('copies the specialties instead of sharing the row’s array', () => {
    const form = formOf(kInspector)
    form.specialties.push('安全生产')
    expect(kInspector.specialties).toHaveLength(2)
  })
})

describe('inspectorHistory', () => {
  const v1 = { category: '执法人员', name: '王建国', cert_valid_until: '2026-06-30', department_id: 4, specialties: ['节能监察'], status: '在岗' }
  const history: InspectorVersion[] = [
    {
      version: 2,
      action: 'update',
      data: { ...v1, cert_valid_until: '2028-06-30', department_id: 9, specialties: [] },
      changed_by: '刘建国',
      changed_at: '2026-11-02T02:00:00.000Z',
    },
    { version: 1, action: 'import', data: v1, changed_by: '刘建国', changed_at: '2026-11-01T02:00:00.000Z' },
  ]

  it('lists what each version changed, naming departments', () => {
    const items = inspectorHistory(history, (id) => (id === 9 ? '综合执法处' : undefined))
    expect(items[0].changes.map((c) => `${c.label}:${c.before}→${c.after}`)).toEqual([
      '执法证有效期至:2026-06-30→2028-06-30',
      '所属部门:部门（编号 4）→综合执法处',
      '业务专长:节能监察→（空）',
    ])
    expect(items[1]).toMatchObject({ first: true, actionLabel: '导入', changes: [] })
  })
})
