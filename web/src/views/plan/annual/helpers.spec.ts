import { describe, expect, it, vi } from 'vitest'
import type { Plan, PlanRow, PlanVersion } from '@/api/plan'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { ApiError } = await import('@/api/http')
const { usePlanErrors } = await import('./usePlanErrors')
const {
  aboveCap,
  blankPlanFilters,
  blankPlanForm,
  blankRow,
  capPercent,
  countProblem,
  dateProblem,
  deadlineText,
  duplicateItemProblem,
  endProblem,
  isPlanFiltered,
  itemTerms,
  mergeSide,
  overdueLine,
  overdueTitle,
  placeError,
  planActions,
  planChanges,
  planFormOf,
  planHistory,
  planInputOf,
  planQuery,
  publishQuestion,
  ratioProblem,
  ratioValue,
  reasonProblem,
  rowMessage,
  sizeProblem,
  sizeText,
  statusLabel,
  statusTag,
  versionText,
  waitingNote,
  yearChoices,
} = await import('./helpers')

const kRow: PlanRow = {
  item_id: 12,
  item_version: 1,
  item_code: 'CQJXW-JNZY-001',
  item_name: '重点用能单位节能监察',
  domain: '节能监察',
  target_scope: '年综合能源消费量1万吨标准煤以上的工业企业',
  category: '一般',
  start_date: '2027-04-01',
  end_date: '2027-06-30',
  ratio: '5',
  count: 0,
  cooperating: [{ id: 2, name: '综合执法处' }],
}

const kPlan: Plan = {
  id: 3,
  year: 2027,
  name: '2027年度节能监察抽查工作计划',
  department_id: 4,
  department_name: '节能与综合利用处',
  status: 'draft',
  status_name: '草稿',
  version: 1,
  published_version: null,
  rows: [kRow],
}

/** A permission check granting `perms`. */
const holding = (...perms: string[]) => (perm: string) => perms.includes(perm)
const kAll = holding(
  'plan:annual:list',
  'plan:annual:add',
  'plan:annual:edit',
  'plan:annual:submit',
  'plan:annual:approve',
  'plan:annual:publish',
)

describe('the list', () => {
  it('sends only the filters that are set, the year as a number', () => {
    expect(planQuery({ page: 1, page_size: 20 }, blankPlanFilters())).toEqual({
      page: 1,
      page_size: 20,
      year: undefined,
      status: undefined,
      department_id: undefined,
    })
    const f = { year: '2027', status: 'submitted' as const, department_id: 4 }
    expect(planQuery({ page: 2, page_size: 10 }, f)).toEqual({ page: 2, page_size: 10, year: 2027, status: 'submitted', department_id: 4 })
    expect(isPlanFiltered(blankPlanFilters())).toBe(false)
    expect(isPlanFiltered({ ...blankPlanFilters(), year: '2027' })).toBe(true)
  })

  it('offers next year down to 2015', () => {
    const years = yearChoices(2026)
    expect(years[0]).toBe('2027')
    expect(years[years.length - 1]).toBe('2015')
    expect(years).toHaveLength(13)
  })

  it('labels and tags each state, and a version replaced on the portal', () => {
    expect(['draft', 'submitted', 'approved', 'published', 'superseded'].map(statusLabel)).toEqual([
      '草稿',
      '待审批',
      '已批准',
      '已发布',
      '已替代',
    ])
    expect(statusTag('published')).toBe('success')
    expect(statusTag('submitted')).toBe('warning')
    expect(statusLabel('archived')).toBe('archived')
  })

  it('says the version and an adjustment in progress', () => {
    expect(versionText(kPlan)).toBe('第 1 版')
    expect(versionText({ ...kPlan, status: 'published', published_version: 1 })).toBe('第 1 版（公示中）')
    expect(versionText({ ...kPlan, version: 2, published_version: 1 })).toBe('第 2 版（公示第 1 版）')
  })

  it('says the publish-by day, and when it has passed', () => {
    expect(deadlineText({ publish_by: '2027-03-31', overdue: false, published_late: false })).toBe('2027-03-31 前')
    expect(deadlineText({ publish_by: '2026-03-31', overdue: true, published_late: false })).toBe('逾期未公开（应于 2026-03-31 前）')
    expect(deadlineText({ publish_by: '2026-03-31', overdue: false, published_late: true })).toBe('逾期公开（应于 2026-03-31 前）')
    expect(deadlineText({ publish_by: '', overdue: false, published_late: false })).toBe('未设公开期限')
  })

  it('names the overdue plans in the banner', () => {
    expect(overdueTitle(2, '03-31')).toBe('2 个年度抽查工作计划已超过公开期限（每年 3 月 31 日前）仍未向社会公开')
    expect(overdueTitle(1, null)).toBe('1 个年度抽查工作计划已超过公开期限仍未向社会公开')
    expect(overdueLine({ ...kPlan, year: 2026, status: 'submitted' })).toBe(
      '2026 年度“2027年度节能监察抽查工作计划”（节能与综合利用处，待审批）',
    )
  })

  it('says a row’s size and a merge suggestion’s sides', () => {
    expect(sizeText({ ratio: '2.5', count: 0 })).toBe('2.5%')
    expect(sizeText({ ratio: '', count: 30 })).toBe('30 户')
    expect(sizeText({ ratio: '5', count: 30 })).toBe('5%，30 户')
    expect(
      mergeSide({
        plan_id: 3,
        plan_name: '节能监察计划',
        department_id: 4,
        department_name: '节能与综合利用处',
        item_id: 12,
        item_name: '重点用能单位节能监察',
        domain: '节能监察',
        target_scope: '',
        start_date: '2027-04-01',
        end_date: '2027-06-30',
      }),
    ).toEqual({ department: '节能与综合利用处', item: '重点用能单位节能监察', detail: '《节能监察计划》　2027-04-01 至 2027-06-30' })
  })
})

describe('planActions', () => {
  // Each state with every permission: only the steps the server's Transition table allows.
  const cases: [Plan['status'], string[]][] = [
    ['draft', ['edit', 'submit']],
    ['submitted', ['approve', 'reject']],
    ['approved', ['publish']],
    ['published', ['adjust']],
  ]
  for (const [status, allowed] of cases) {
    it(`allows ${allowed.join(' and ')} on a ${status} plan`, () => {
      const actions = planActions({ status }, kAll)
      expect(Object.entries(actions).filter(([, on]) => on).map(([name]) => name)).toEqual(allowed)
    })
  }

  it('offers a step only to who holds its permission', () => {
    const staff = holding('plan:annual:list', 'plan:annual:add', 'plan:annual:edit', 'plan:annual:submit', 'plan:annual:publish')
    expect(planActions({ status: 'submitted' }, staff)).toMatchObject({ approve: false, reject: false })
    expect(planActions({ status: 'approved' }, staff).publish).toBe(true)
    const head = holding('plan:annual:list', 'plan:annual:approve')
    expect(planActions({ status: 'draft' }, head)).toMatchObject({ edit: false, submit: false })
    expect(planActions({ status: 'submitted' }, head)).toMatchObject({ approve: true, reject: true })
    // 调整 is an edit: it needs plan:annual:edit, as the route does.
    expect(planActions({ status: 'published' }, head).adjust).toBe(false)
    expect(planActions(null, kAll)).toEqual({ edit: false, submit: false, approve: false, reject: false, publish: false, adjust: false })
  })

  it('says what a state waits for to someone who cannot act on it', () => {
    const head = holding('plan:annual:list', 'plan:annual:approve')
    expect(waitingNote({ status: 'draft' }, planActions({ status: 'draft' }, head))).toBe('草稿编制完成后，由业务处室提交审批。')
    expect(waitingNote({ status: 'submitted' }, planActions({ status: 'submitted' }, head))).toBe('')
  })
})

describe('the form', () => {
  it('starts next year’s plan with one row, and a new row takes the time of the one before', () => {
    const form = blankPlanForm(4, 2026)
    expect(form).toMatchObject({ year: 2027, name: '', department_id: 4 })
    expect(form.rows).toHaveLength(1)
    const next = blankRow({ start_date: '2027-04-01', end_date: '2027-06-30' })
    expect(next).toMatchObject({ start_date: '2027-04-01', end_date: '2027-06-30', item_id: undefined, ratio: '' })
    expect(next.key).not.toBe(form.rows[0].key)
  })

  it('reads a plan into the form and back into the same body', () => {
    const form = planFormOf({ ...kPlan, rows: [kRow, { ...kRow, item_id: 13, ratio: '', count: 40, cooperating: [] }] })
    expect(form.rows[1]).toMatchObject({ item_id: 13, ratio: '', count: '40', cooperating_ids: [] })
    expect(planInputOf(form)).toEqual({
      year: 2027,
      name: '2027年度节能监察抽查工作计划',
      department_id: 4,
      rows: [
        {
          item_id: 12,
          target_scope: '年综合能源消费量1万吨标准煤以上的工业企业',
          category: '一般',
          start_date: '2027-04-01',
          end_date: '2027-06-30',
          ratio: '5',
          count: 0,
          cooperating_ids: [2],
        },
        {
          item_id: 13,
          target_scope: '年综合能源消费量1万吨标准煤以上的工业企业',
          category: '一般',
          start_date: '2027-04-01',
          end_date: '2027-06-30',
          ratio: '',
          count: 40,
          cooperating_ids: [],
        },
      ],
    })
  })

  it('sends what people type: 5%, full-width digits, a blank count, never the initiating department as a cooperating one', () => {
    const form = blankPlanForm(4, 2026)
    Object.assign(form.rows[0], { item_id: 12, ratio: ' ５％ ', count: '', cooperating_ids: [4, 2] })
    const row = planInputOf(form).rows[0]
    expect(row).toMatchObject({ ratio: '5', count: 0, cooperating_ids: [2] })
    expect(ratioValue('２．５%')).toBe('2.5')
  })
})

describe('what a row takes from its item', () => {
  it('reads a catalog cap as a percentage', () => {
    expect(capPercent('0.05')).toBe('5%')
    expect(capPercent('0.125')).toBe('12.5%')
    expect(capPercent('')).toBe('')
    expect(capPercent(null)).toBe('')
    expect(capPercent('abc')).toBe('')
  })

  it('takes the category, and the cap of a 一般 item only', () => {
    expect(itemTerms({ category: '一般', ratio_cap: '0.05' })).toEqual({ category: '一般', ratio_cap: '5%' })
    expect(itemTerms({ category: '重点', ratio_cap: '0.05' })).toEqual({ category: '重点', ratio_cap: '' })
    expect(itemTerms({ category: '', ratio_cap: '' })).toEqual({ category: '', ratio_cap: '' })
  })
})

describe('checks made before sending', () => {
  it('checks a ratio as the server does', () => {
    expect(ratioProblem('')).toBe('')
    expect(ratioProblem('5')).toBe('')
    expect(ratioProblem('2.5%')).toBe('')
    expect(ratioProblem('100')).toBe('')
    expect(ratioProblem('0')).toBe('抽查比例应大于 0')
    expect(ratioProblem('100.5')).toBe('抽查比例不能超过 100%')
    expect(ratioProblem('2.555')).toBe('抽查比例最多两位小数')
    expect(ratioProblem('五')).toBe('抽查比例应为百分数，如 5 或 2.5')
  })

  it('checks a count and asks for a ratio or a count', () => {
    expect(countProblem('')).toBe('')
    expect(countProblem('30')).toBe('')
    expect(countProblem('0')).toBe('抽取数量应为正整数（户）')
    expect(countProblem('2.5')).toBe('抽取数量应为正整数（户）')
    expect(sizeProblem({ ratio: '', count: '' })).toBe('请填写抽查比例或抽取数量（至少一项）')
    expect(sizeProblem({ ratio: '', count: '3' })).toBe('')
  })

  it('keeps the time inside the plan year, the end not before the start', () => {
    expect(dateProblem('', 2027, '开始日期')).toBe('请选择开始日期')
    expect(dateProblem('2026-12-31', 2027, '开始日期')).toBe('开始日期应在计划年度 2027 年内')
    expect(dateProblem('2027-01-01', 2027, '开始日期')).toBe('')
    expect(endProblem({ start_date: '2027-06-01', end_date: '2027-05-31' })).toBe('结束日期不能早于开始日期')
    expect(endProblem({ start_date: '2027-06-01', end_date: '2027-06-01' })).toBe('')
  })

  it('refuses an item chosen twice on the later row only', () => {
    const rows = [
      { key: 1, item_id: 12 },
      { key: 2, item_id: 12 },
      { key: 3, item_id: undefined },
    ]
    expect(duplicateItemProblem(rows, rows[0])).toBe('')
    expect(duplicateItemProblem(rows, rows[1])).toBe('该事项已在前面的行中列入，同一事项只能列入一次')
    expect(duplicateItemProblem(rows, rows[2])).toBe('')
  })

  it('flags a 一般 ratio above the item’s cap, and only then', () => {
    expect(aboveCap({ category: '一般', ratio: '8', ratio_cap: '5%' })).toBe(true)
    expect(aboveCap({ category: '一般', ratio: '5', ratio_cap: '5%' })).toBe(false)
    expect(aboveCap({ category: '重点', ratio: '80', ratio_cap: '5%' })).toBe(false)
    expect(aboveCap({ category: '一般', ratio: '8', ratio_cap: '' })).toBe(false)
  })

  it('wants a reason for 退回 and 调整', () => {
    expect(reasonProblem('  ', '退回理由')).toBe('请填写退回理由')
    expect(reasonProblem('比例偏低', '退回理由')).toBe('')
    expect(reasonProblem('字'.repeat(501), '调整原因')).toBe('调整原因最多 500 个字')
  })

  it('asks before publishing, naming the version replaced', () => {
    expect(publishQuestion(kPlan)).toBe('公开后，“2027年度节能监察抽查工作计划”将在年度抽查工作计划公示页面向社会公开。确定公开吗？')
    expect(publishQuestion({ ...kPlan, version: 2, published_version: 1 })).toContain('第 1 版将被第 2 版替代')
  })
})

describe('server errors on the right row and field', () => {
  it('places a field the server names', () => {
    expect(placeError('rows[2].ratio')).toEqual({ kind: 'row', row: 2, column: 'ratio' })
    expect(placeError('rows[0].cooperating_ids')).toEqual({ kind: 'row', row: 0, column: 'cooperating_ids' })
    // A row error naming no column of the form (a malformed row) goes on the row's item.
    expect(placeError('rows[1]')).toEqual({ kind: 'row', row: 1, column: 'item_id' })
    expect(placeError('rows[1].').kind).toBe('none')
    expect(placeError('name')).toEqual({ kind: 'plan', field: 'name' })
    expect(placeError('rows')).toEqual({ kind: 'plan', field: 'rows' })
    expect(placeError('reason')).toEqual({ kind: 'none' })
    expect(placeError(undefined)).toEqual({ kind: 'none' })
  })

  it('drops the row the message names, since it shows under that row', () => {
    expect(rowMessage('第 3 行（重点用能单位节能监察）：一般检查事项的抽查比例 8% 超过该事项的比例上限 5%')).toBe(
      '一般检查事项的抽查比例 8% 超过该事项的比例上限 5%',
    )
    expect(rowMessage('第 1 行：字段 count 应为整数')).toBe('字段 count 应为整数')
    expect(rowMessage('第 2 行（高耗能落后机电设备（产品）淘汰情况监察）：一般检查事项的抽查比例 20% 超过该事项的比例上限 3%')).toBe(
      '一般检查事项的抽查比例 20% 超过该事项的比例上限 3%',
    )
    expect(rowMessage('计划名称不能为空')).toBe('计划名称不能为空')
  })

  it('puts rows[1].ratio under the second row’s 抽查比例, and keeps it there when a row above is deleted', () => {
    const form = blankPlanForm(4, 2026)
    form.rows.push(blankRow(), blankRow())
    const second = form.rows[1]
    const { rowError, handle, clear, errors } = usePlanErrors(form)
    toasts.length = 0
    const where = handle(
      new ApiError(400, 'request.invalid_field', '第 2 行（重点用能单位节能监察）：抽查比例应为大于 0、不超过 100 的百分数', {
        field: 'rows[1].ratio',
        value: '120',
      }),
    )
    expect(where).toBe(second.key)
    expect(rowError(second, 'ratio')).toBe('抽查比例应为大于 0、不超过 100 的百分数')
    expect(rowError(form.rows[0], 'ratio')).toBe('')
    form.rows.splice(0, 1)
    expect(rowError(form.rows[0], 'ratio')).toBe('抽查比例应为大于 0、不超过 100 的百分数')
    expect(toasts).toEqual([])

    handle(new ApiError(409, 'request.duplicate', '本部门 2027 年度已有同名计划', { field: 'name' }))
    expect(errors.name).toBe('本部门 2027 年度已有同名计划')
    // A row the form no longer has: said above the rows.
    handle(new ApiError(400, 'request.invalid_field', '第 9 行：抽查事项不存在', { field: 'rows[8].item_id' }))
    expect(errors.rows).toBe('第 9 行：抽查事项不存在')
    handle(new ApiError(409, 'plan.bad_state', '计划当前状态为“待审批”，不能修改', { status: 'submitted' }))
    expect(toasts).toEqual(['计划当前状态为“待审批”，不能修改'])
    clear()
    expect(rowError(form.rows[0], 'ratio')).toBe('')
    expect(errors.name).toBe('')
  })
})

describe('版本记录', () => {
  const v1: PlanVersion = {
    version: 1,
    status: 'superseded',
    data: { ...kPlan, status: 'published', published_version: 1 },
    adjust_reason: '',
    changed_by: '刘建国',
    changed_at: '2026-11-20T02:00:00.000Z',
    published_by: '刘建国',
    published_at: '2026-11-21T02:00:00.000Z',
  }
  const v2: PlanVersion = {
    version: 2,
    status: 'published',
    data: {
      ...kPlan,
      version: 2,
      rows: [
        { ...kRow, ratio: '8' },
        { ...kRow, item_id: 13, item_name: '工业节能诊断服务', ratio: '', count: 20, cooperating: [] },
      ],
    },
    adjust_reason: '根据上级部署新增一项抽查事项',
    changed_by: '刘建国',
    changed_at: '2026-12-01T02:00:00.000Z',
    published_by: '周晓梅',
    published_at: '2026-12-03T02:00:00.000Z',
  }

  it('lists rows added, removed and changed, by item', () => {
    expect(planChanges(v1.data, v2.data)).toEqual([
      { field: 'row-12-size', label: '重点用能单位节能监察·抽查比例/数量', before: '5%', after: '8%' },
      {
        field: 'row-13',
        label: '新增事项',
        before: '—',
        after: '工业节能诊断服务：一般，2027-04-01 至 2027-06-30，20 户，范围：年综合能源消费量1万吨标准煤以上的工业企业',
      },
    ])
    expect(planChanges(v2.data, v1.data).map((c) => c.label)).toEqual(['重点用能单位节能监察·抽查比例/数量', '删除事项'])
    expect(planChanges(v1.data, { ...v1.data, name: '新名称' })).toEqual([
      { field: 'name', label: '计划名称', before: '2027年度节能监察抽查工作计划', after: '新名称' },
    ])
  })

  it('shows each version’s state, its 调整原因 and its publication', () => {
    const [second, first] = planHistory([v2, v1])
    expect(second).toMatchObject({
      version: 2,
      actionLabel: '调整',
      first: false,
      state: { label: '已发布', tag: 'success' },
      events: ['调整原因：根据上级部署新增一项抽查事项', '向社会公开于 2026-12-03 10:00:00（周晓梅）'],
    })
    expect(second.changes).toHaveLength(2)
    expect(planChanges(v1.data, { ...v1.data, rows: [{ ...kRow, cooperating: [], end_date: '2027-07-31' }] }).map((c) => [c.label, c.before, c.after])).toEqual([
      ['重点用能单位节能监察·抽查时间', '2027-04-01 至 2027-06-30', '2027-04-01 至 2027-07-31'],
      ['重点用能单位节能监察·配合部门', '综合执法处', '（空）'],
    ])
    expect(first).toMatchObject({ version: 1, actionLabel: '编制', first: true, note: '首次编制', state: { label: '已替代' } })
    // An adjustment not yet edited says so instead of listing nothing.
    const [fresh] = planHistory([{ ...v2, status: 'draft', data: v1.data, published_at: '', published_by: '' }, v1])
    expect(fresh.note).toBe('计划内容与上一版相同')
  })
})
