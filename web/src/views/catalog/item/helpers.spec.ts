import { describe, expect, it, vi } from 'vitest'
import type { Item, ItemVersion } from '@/api/catalog/items'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { ApiError } = await import('@/api/http')
const { useFieldErrors } = await import('@/composables/useFieldErrors')
const {
  blankItemFilters,
  blankItemForm,
  categoryText,
  exemptionProblem,
  formNote,
  isItemFiltered,
  itemActions,
  itemFormOf,
  itemHistory,
  itemInputOf,
  itemQuery,
  kItemFieldAliases,
  kItemFields,
  pendingNote,
  publishQuestion,
  ratioPercent,
  ratioProblem,
  retireReasonProblem,
  splitPublication,
} = await import('./helpers')

const kItem: Item = {
  id: 4,
  code: 'CQJXW-JNZY-001',
  domain: '节能监察',
  name: '重点用能单位节能监察',
  sub_item: '能源利用状况报告',
  category: '一般',
  ratio_cap: '0.05',
  ratio_cap_percent: '5%',
  content: '检查能源利用状况报告报送情况',
  basis: '《中华人民共和国节约能源法》第五十三条',
  methods: ['书面检查', '现场检查'],
  frequency: '每年1次',
  target: '重点用能单位',
  target_type: 'entity',
  target_type_name: '行政相对人',
  department_id: 4,
  department_name: '节能与综合利用处',
  cooperating_department_ids: [2],
  cooperating_departments: [{ id: 2, name: '综合执法处' }],
  publication: '国家企业信用信息公示系统（重庆）、部门门户网站',
  no_advance_notice: false,
  specialty: '节能监察',
  nature: '常规',
  exemption: '适用',
  remark: '',
  status: '已发布',
  version: 2,
  published_version: 1,
  draft_pending: true,
  missing_for_publish: [],
  last_action: 'update',
  updated_by: '周晓梅',
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-20T00:00:00.000Z',
}

describe('the list', () => {
  it('sends only the filters that are set', () => {
    expect(itemQuery({ page: 1, page_size: 20 }, blankItemFilters())).toEqual({
      page: 1,
      page_size: 20,
      q: undefined,
      domain: undefined,
      category: undefined,
      status: undefined,
      department_id: undefined,
    })
    const f = { ...blankItemFilters(), q: ' 节能 ', status: '草稿', department_id: 4 }
    expect(itemQuery({ page: 2, page_size: 50 }, f)).toMatchObject({ q: '节能', status: '草稿', department_id: 4 })
    expect(isItemFiltered(blankItemFilters())).toBe(false)
    expect(isItemFiltered(f)).toBe(true)
  })

  it('offers 发布 for a draft or a retired item, 停用 for a published one', () => {
    expect(itemActions({ status: '草稿', draft_pending: true })).toEqual({ publish: true, retire: false })
    expect(itemActions({ status: '已发布', draft_pending: false })).toEqual({ publish: false, retire: true })
    expect(itemActions({ status: '已发布', draft_pending: true })).toEqual({ publish: true, retire: true })
    expect(itemActions({ status: '已停用', draft_pending: false })).toEqual({ publish: true, retire: false })
  })

  it('says when a published item has an edit waiting', () => {
    expect(pendingNote(kItem)).toBe('第 2 版待发布')
    expect(pendingNote({ ...kItem, status: '草稿', published_version: null, version: 1 })).toBe('')
    expect(pendingNote({ ...kItem, draft_pending: false })).toBe('')
  })

  it('shows the ratio cap as a percentage', () => {
    expect(ratioPercent('0.05')).toBe('5%')
    expect(ratioPercent('0.125')).toBe('12.5%')
    expect(ratioPercent('0.07')).toBe('7%')
    expect(ratioPercent('1')).toBe('100%')
    expect(ratioPercent('')).toBe('')
    expect(categoryText(kItem)).toBe('一般（不超过 5%）')
    expect(categoryText({ category: '重点', ratio_cap_percent: '' })).toBe('重点')
  })
})

describe('ratioProblem', () => {
  it('takes what the server takes', () => {
    for (const ok of ['5%', '５％', '12.5 %', '0.05', '1', '100%', '0.000001', '.5', '0.0001%']) {
      expect(ratioProblem(ok), ok).toBe('')
    }
  })

  it('refuses what the server refuses, in its words', () => {
    expect(ratioProblem('0')).toBe('抽查比例上限应大于 0')
    expect(ratioProblem('0%')).toBe('抽查比例上限应大于 0')
    expect(ratioProblem('120%')).toBe('抽查比例上限不能超过 100%')
    expect(ratioProblem('5')).toBe('应为百分数（如 5%）或 0 到 1 之间的小数（如 0.05）')
    expect(ratioProblem('百分之五')).toBe('应为百分数（如 5%）或 0 到 1 之间的小数（如 0.05）')
    expect(ratioProblem('-5%')).toBe('应为百分数（如 5%）或 0 到 1 之间的小数（如 0.05）')
    expect(ratioProblem('0.00001%')).toBe('抽查比例上限最多精确到 0.0001%')
    expect(ratioProblem('0.0000001')).toBe('抽查比例上限最多精确到 0.0001%')
  })
})

describe('exemptionProblem', () => {
  it('keeps 免检免扰 to 常规 items', () => {
    expect(exemptionProblem('常规', '适用')).toBe('')
    expect(exemptionProblem('安全生产', '不适用')).toBe('')
    for (const nature of ['安全生产', '生态环境', '投诉举报', '上级交办']) {
      expect(exemptionProblem(nature, '适用')).toBe(`事项性质为“${nature}”的检查不适用免检免扰，请选择“不适用”`)
    }
  })
})

describe('the form', () => {
  it('round-trips an item, the ratio as people write it and 公示方式 as channels', () => {
    const form = itemFormOf(kItem)
    expect(form.ratio_cap).toBe('5%')
    expect(form.publications).toEqual(['国家企业信用信息公示系统（重庆）', '部门门户网站'])
    const input = itemInputOf(form)
    expect(input.ratio_cap).toBe('5%')
    expect(input.publication).toBe('国家企业信用信息公示系统（重庆）、部门门户网站')
    expect(input.department_id).toBe(4)
    expect(input.cooperating_department_ids).toEqual([2])
  })

  it('sends no ratio cap unless 一般, trims, and upper-cases the code', () => {
    const form = { ...blankItemForm(4), name: ' 节能监察 ', code: 'cqjxw-01', category: '重点' as const, ratio_cap: '5%' }
    const input = itemInputOf(form)
    expect(input.ratio_cap).toBe('')
    expect(input.name).toBe('节能监察')
    expect(input.code).toBe('CQJXW-01')
    expect(input.exemption).toBe('适用')
    expect(input.nature).toBe('常规')
  })

  it('never sends the initiating department among the cooperating ones', () => {
    const form = { ...blankItemForm(4), cooperating_department_ids: [2, 4] }
    expect(itemInputOf(form).cooperating_department_ids).toEqual([2])
  })

  it('splits 公示方式 on the separators people use', () => {
    expect(splitPublication('信用中国；部门门户网站,  国家企业信用信息公示系统')).toEqual([
      '信用中国',
      '部门门户网站',
      '国家企业信用信息公示系统',
    ])
    expect(splitPublication('')).toEqual([])
  })

  it('says what saving does to the versions', () => {
    expect(formNote(null)).toMatch(/^新增的事项保存为草稿/)
    expect(formNote({ ...kItem, draft_pending: false, version: 1, published_version: 1 })).toBe(
      '该事项已发布。保存修改将形成第 2 版草稿，发布前公示页面仍显示第 1 版。',
    )
    expect(formNote(kItem)).toBe('正在修改第 2 版草稿，保存后仍为草稿，发布后才在公示页面显示。')
  })
})

describe('server errors on the form’s fields', () => {
  const problems = (list: { field: string; column: string; message: string }[]) =>
    new ApiError(400, 'request.invalid_field', `${list[0].column}：${list[0].message}`, { field: list[0].field, problems: list })

  it('puts each problem under its own input, as the server names it', () => {
    toasts.length = 0
    const { errors, handle } = useFieldErrors(kItemFields, kItemFieldAliases)
    const first = handle(
      problems([
        { field: 'ratio_cap', column: '抽查比例上限', message: '一般检查事项须填写抽查比例上限（如 5%）' },
        { field: 'exemption', column: '免检免扰', message: '事项性质为“安全生产”的检查不在免检免扰范围内（淄博市细则第九条），应为“不适用”' },
        { field: 'department_id', column: '发起部门', message: '没有这个部门（请填写部门编码或全称）' },
        { field: 'publication', column: '公示方式', message: '过长（最多 200 个字）' },
      ]),
    )
    expect(first).toBe('ratio_cap')
    expect(errors.ratio_cap).toBe('一般检查事项须填写抽查比例上限（如 5%）')
    expect(errors.exemption).toMatch(/不在免检免扰范围内/)
    expect(errors.department_id).toBe('没有这个部门（请填写部门编码或全称）')
    expect(errors.publications).toBe('过长（最多 200 个字）')
    expect(toasts).toEqual([])
  })

  it('puts a taken code or name on its field, and anything else in a toast', () => {
    toasts.length = 0
    const { errors, handle } = useFieldErrors(kItemFields, kItemFieldAliases)
    handle(new ApiError(409, 'conflict.duplicate', '事项编码 YZ-JXW-001 已被其他事项使用', { field: 'code', value: 'YZ-JXW-001' }))
    expect(errors.code).toBe('事项编码 YZ-JXW-001 已被其他事项使用')
    handle(new ApiError(409, 'conflict.duplicate', '发起部门已有同名的抽查事项（事项编码 X-1）', { field: 'name' }))
    expect(errors.name).toBe('发起部门已有同名的抽查事项（事项编码 X-1）')
    handle(new ApiError(400, 'request.invalid_field', '数据有误', { field: 'body' }))
    expect(toasts).toEqual(['数据有误'])
  })
})

describe('publish and retire', () => {
  it('asks about what the public will see', () => {
    expect(publishQuestion({ ...kItem, status: '草稿', published_version: null, version: 1 })).toBe(
      '发布后，“重点用能单位节能监察（能源利用状况报告）”将在抽查事项清单公示页面向社会公开。确定发布吗？',
    )
    expect(publishQuestion(kItem)).toBe('发布第 2 版后，公示页面上的第 1 版将被替代。确定发布“重点用能单位节能监察（能源利用状况报告）”吗？')
    expect(publishQuestion({ ...kItem, status: '已停用', draft_pending: false })).toMatch(/已停用，重新发布后将以第 3 版重新公示/)
  })

  it('takes a reason of up to 200 字, or none', () => {
    expect(retireReasonProblem('')).toBe('')
    expect(retireReasonProblem('上位法已修订'.repeat(33))).toBe('')
    expect(retireReasonProblem('字'.repeat(201))).toBe('停用原因最多 200 个字')
  })
})

describe('itemHistory', () => {
  const base: ItemVersion = {
    version: 1,
    status: '已替代',
    action: 'create',
    data: { name: '重点用能单位节能监察', ratio_cap: '0.05', methods: ['书面检查'], department_id: 4, cooperating_department_ids: [], no_advance_notice: false },
    changed_by: '刘建国',
    changed_at: '2026-11-01T02:00:00.000Z',
    published_by: '周晓梅',
    published_at: '2026-11-02T02:00:00.000Z',
    retired_by: '',
    retired_at: '',
    retire_reason: '',
  }

  it('gives each version its state, who published or retired it, and its changes', () => {
    const versions: ItemVersion[] = [
      {
        ...base,
        version: 3,
        status: '已停用',
        action: 'update',
        data: { ...base.data, ratio_cap: '0.1', methods: ['书面检查', '现场检查'], cooperating_department_ids: [2], no_advance_notice: true },
        retired_by: '周晓梅',
        retired_at: '2026-11-10T02:00:00.000Z',
        retire_reason: '事项已合并',
      },
      { ...base, version: 2, status: '已替代', action: 'restore' },
      base,
    ]
    const names: Record<number, string> = { 2: '综合执法处', 4: '节能与综合利用处' }
    const items = itemHistory(versions, (id) => names[id])
    expect(items.map((i) => [i.version, i.state?.label, i.state?.tag, i.actionLabel])).toEqual([
      [3, '已停用', 'danger', '修改'],
      [2, '已替代', 'info', '重新发布'],
      [1, '已替代', 'info', '新增'],
    ])
    expect(items[0].events).toEqual([
      '发布于 2026-11-02 10:00:00（周晓梅）',
      '停用于 2026-11-10 10:00:00（周晓梅）',
      '停用原因：事项已合并',
    ])
    expect(items[0].changes.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual([
      '抽查比例上限：5% → 10%',
      '检查方式：书面检查 → 书面检查、现场检查',
      '配合部门：（空） → 综合执法处',
      '不予提前告知：否 → 是',
    ])
    expect(items[1].note).toBe('停用后重新发布，内容与停用前相同')
    expect(items[2].note).toBe('首次登记')
    expect(items[2].changedBy).toBe('刘建国')
  })
})
