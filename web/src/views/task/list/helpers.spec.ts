import { describe, expect, it, vi } from 'vitest'
import type { Task } from '@/api/task'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { ApiError } = await import('@/api/http')
const { useTaskErrors } = await import('./useTaskErrors')
const {
  activeStep,
  blankParticipant,
  blankStrata,
  blankTaskForm,
  countDigits,
  countProblem,
  diceDigits,
  diceProblem,
  drawErrorPlace,
  duplicateParticipant,
  excludedRows,
  expectedCount,
  groupDigits,
  isDrawn,
  itemSpecialties,
  lowestCap,
  normalizeSecret,
  periodProblem,
  placeError,
  ratioProblem,
  scheduleProblem,
  scopeText,
  secretFileText,
  secretProblem,
  shortfallsOf,
  strataBody,
  strataFormOf,
  strataProblem,
  strataText,
  statusStep,
  stratumProblem,
  taskActions,
  taskFormOf,
  taskInputOf,
  taskQuery,
  teamProblem,
} = await import('./helpers')

const kTask: Task = {
  id: 7,
  code: 'T2026-00007',
  plan_id: 3,
  name: '2026年第四季度重点用能单位节能监察',
  year: 2026,
  department_id: 4,
  department_name: '节能与综合利用处',
  participants: [{ department_id: 2, department_name: '综合执法处', specialty: '安全生产' }],
  items: [{ id: 4, version: 1, code: 'CQJXW-JNZY-001', name: '重点用能单位节能监察', category: '一般', ratio_cap: '0.05', no_advance_notice: false, specialty: '节能监察' }],
  start_date: '2026-11-23',
  end_date: '2026-12-31',
  scope: { kind: 'entity', division: '500103', industry_section: 'C', industry_division: '', status: '存续', tag: '' },
  strata: [
    { id: 'A', ratio: '3' },
    { id: 'C', count: 12 },
    { id: 'D', ratio: '5' },
  ],
  raise_tags: ['投诉举报多'],
  team_size: 2,
  region_rule: 'any',
  inspector_capacity: 30,
  lead_specialty: '节能监察',
  notify: true,
  status: 'draft',
  status_name: '草稿',
  scheduled_at: '',
  pool_digest: '',
  commitment: '',
  pool_counts: null,
  excluded_counts: null,
  committed_at: '',
  drawn_at: '',
  confirmed_at: '',
  void_reason: '',
  record_public_from: '2026-11-23',
}

describe('status → step', () => {
  it('puts each state on its step; 已作废 on none', () => {
    expect(['draft', 'committed', 'drawn', 'confirmed', 'inspecting', 'void'].map(statusStep)).toEqual([0, 1, 2, 3, 3, -1])
    expect(statusStep(undefined)).toBe(-1)
  })

  it('finishes every step once confirmed', () => {
    expect(['draft', 'committed', 'drawn', 'confirmed', 'inspecting'].map(activeStep)).toEqual([0, 1, 2, 4, 4])
    expect(isDrawn('drawn')).toBe(true)
    expect(isDrawn('committed')).toBe(false)
  })

  it('opens each step to the permission that takes it', () => {
    const all = () => true
    expect(taskActions({ status: 'draft' }, all)).toEqual({ edit: true, commit: true, run: false, confirm: false })
    expect(taskActions({ status: 'committed' }, all)).toEqual({ edit: false, commit: false, run: true, confirm: false })
    expect(taskActions({ status: 'drawn' }, all)).toEqual({ edit: false, commit: false, run: false, confirm: true })
    expect(taskActions({ status: 'committed' }, (p) => p === 'task:task:list')).toEqual({ edit: false, commit: false, run: false, confirm: false })
    expect(taskActions(null, all).edit).toBe(false)
  })
})

describe('strata form ↔ body', () => {
  it('sends the rows that are filled, and the stratum id at each index of the body', () => {
    const strata = blankStrata()
    strata.classes[0].value = '3'
    strata.classes[2] = { id: 'C', mode: 'count', value: '１２' }
    strata.classes[3].value = '５％'
    expect(strataBody(strata)).toEqual({
      rules: [
        { id: 'A', ratio: '3' },
        { id: 'C', count: 12 },
        { id: 'D', ratio: '5' },
      ],
      ids: ['A', 'C', 'D'],
    })
  })

  it('sends one ALL row when not differentiated, even empty (the server names it)', () => {
    const strata = blankStrata()
    strata.differentiated = false
    strata.classes[0].value = '3' // ignored
    expect(strataBody(strata).rules).toEqual([{ id: 'ALL', ratio: '' }])
    strata.whole = { id: 'ALL', mode: 'count', value: '5' }
    expect(strataBody(strata)).toEqual({ rules: [{ id: 'ALL', count: 5 }], ids: ['ALL'] })
  })

  it('reads stored rules back into the form', () => {
    const form = strataFormOf(kTask.strata)
    expect(form.differentiated).toBe(true)
    expect(form.classes.map((r) => [r.id, r.mode, r.value])).toEqual([
      ['A', 'ratio', '3'],
      ['B', 'ratio', ''],
      ['C', 'count', '12'],
      ['D', 'ratio', '5'],
      ['U', 'ratio', ''],
    ])
    expect(strataBody(form).rules).toEqual(kTask.strata)
    const whole = strataFormOf([{ id: 'ALL', ratio: '2.5' }])
    expect(whole.differentiated).toBe(false)
    expect(whole.whole).toEqual({ id: 'ALL', mode: 'ratio', value: '2.5' })
  })

  it('round-trips a task through the form', () => {
    const form = taskFormOf(kTask)
    const { input, strataIds } = taskInputOf(form)
    expect(strataIds).toEqual(['A', 'C', 'D'])
    expect(input).toEqual({
      name: kTask.name,
      plan_id: 3,
      department_id: 4,
      item_ids: [4],
      start_date: '2026-11-23',
      end_date: '2026-12-31',
      scope: { kind: 'entity', division: '500103', industry_section: 'C', industry_division: '', status: '存续', tag: '' },
      strata: kTask.strata,
      raise_tags: ['投诉举报多'],
      team_size: 2,
      region_rule: 'any',
      inspector_capacity: 30,
      lead_specialty: '节能监察',
      participants: [{ department_id: 2, specialty: '安全生产' }],
    })
    expect(form.items[0].ratio_cap).toBe('5%')
  })

  it('leaves raise tags out when not differentiated, and unset optional ids out', () => {
    const form = blankTaskForm(undefined)
    form.raise_tags = ['投诉举报多']
    form.strata.differentiated = false
    const { input } = taskInputOf(form)
    expect(input.raise_tags).toEqual([])
    expect('plan_id' in input).toBe(false)
    expect('department_id' in input).toBe(false)
  })
})

describe('where a server error goes', () => {
  const ids = ['A', 'C', 'D'] as const

  it('maps a stratum index of the body to its class', () => {
    expect(placeError('strata[1].ratio', '9', [...ids])).toEqual({ kind: 'stratum', id: 'C' })
    expect(placeError('strata[2].count', '0', [...ids])).toEqual({ kind: 'stratum', id: 'D' })
    expect(placeError('strata[5].id', 'X', [...ids])).toEqual({ kind: 'field', field: 'strata' })
  })

  it('puts task.stratum_missing (field strata, value the class) on that class', () => {
    expect(placeError('strata', 'B', [...ids])).toEqual({ kind: 'stratum', id: 'B' })
    expect(placeError('strata', '12', [...ids])).toEqual({ kind: 'field', field: 'strata' })
  })

  it('places participants, listed fields and scope fields', () => {
    expect(placeError('participants[1].specialty', '', [])).toEqual({ kind: 'participant', index: 1, column: 'specialty' })
    expect(placeError('participants[0].department_id', '4', [])).toEqual({ kind: 'participant', index: 0, column: 'department_id' })
    expect(placeError('item_ids[2]', '9', [])).toEqual({ kind: 'field', field: 'item_ids' })
    expect(placeError('raise_tags[0]', 'x', [])).toEqual({ kind: 'field', field: 'raise_tags' })
    expect(placeError('scope.division', '999999', [])).toEqual({ kind: 'field', field: 'scope.division' })
    expect(placeError('team_size', '1', [])).toEqual({ kind: 'field', field: 'team_size' })
    expect(placeError('secret', '', [])).toEqual({ kind: 'none' })
    expect(placeError(undefined, '', [])).toEqual({ kind: 'none' })
  })

  it('shows each error under its input, and the rest as a toast', () => {
    toasts.length = 0
    const form = taskFormOf(kTask)
    form.participants.push(blankParticipant())
    const errors = useTaskErrors(form)
    errors.sent(['A', 'C', 'D'])
    const invalid = (field: string, message: string, value?: string) =>
      new ApiError(400, 'request.invalid_field', message, { field, value })
    expect(errors.handle(invalid('strata[1].count', '抽取数量应大于 0'))).toBe('#task-stratum-C')
    expect(errors.stratumError('C')).toBe('抽取数量应大于 0')
    expect(errors.handle(invalid('participants[1].department_id', '配合部门不存在'))).toBe(`#task-participant-${form.participants[1].key}`)
    expect(errors.participantError(form.participants[1], 'department_id')).toBe('配合部门不存在')
    expect(errors.handle(invalid('scope.division', '行政区划代码不在 GB/T 2260 中'))).toBe('.is-error')
    expect(errors.errors['scope.division']).toBe('行政区划代码不在 GB/T 2260 中')
    expect(errors.handle(new ApiError(409, 'task.bad_state', '任务当前为“已冻结待抽取”，不能修改'))).toBeUndefined()
    expect(toasts).toEqual(['任务当前为“已冻结待抽取”，不能修改'])
    errors.clear()
    expect(errors.stratumError('C')).toBe('')
    expect(errors.errors['scope.division']).toBe('')
  })
})

describe('checks of the form', () => {
  it('checks ratios and counts as the server does', () => {
    expect(ratioProblem('')).toBe('')
    expect(ratioProblem('2.5%')).toBe('')
    expect(ratioProblem('0.0001')).toBe('')
    expect(ratioProblem('0.00001')).toBe('抽查比例最多四位小数')
    expect(ratioProblem('0')).toBe('抽查比例应大于 0')
    expect(ratioProblem('101')).toBe('抽查比例不能超过 100%')
    expect(ratioProblem('三')).toBe('抽查比例应为百分数，如 5 或 2.5')
    expect(countProblem('12')).toBe('')
    expect(countProblem('0')).toBe('抽取数量应为正整数（户）')
    expect(countProblem('1.5')).toBe('抽取数量应为正整数（户）')
  })

  it('offers the specialties the chosen items ask for, each once', () => {
    const item = (id: number, specialty: string) => ({ id, name: '', code: '', category: '重点', ratio_cap: '', specialty })
    expect(itemSpecialties([item(1, '节能监察'), item(2, ''), item(3, '清洁生产'), item(4, '节能监察')])).toEqual(['节能监察', '清洁生产'])
    expect(itemSpecialties([item(1, '')])).toEqual([])
  })

  it('holds each ratio to the lowest cap of the 一般 items', () => {
    const items = [
      { id: 1, name: 'a', code: 'a', category: '一般', ratio_cap: '5%', specialty: '节能监察' },
      { id: 2, name: 'b', code: 'b', category: '一般', ratio_cap: '3%', specialty: '' },
      { id: 3, name: 'c', code: 'c', category: '重点', ratio_cap: '', specialty: '节能监察' },
    ]
    expect(lowestCap(items)).toBe('3%')
    expect(lowestCap(items.slice(2))).toBe('')
    expect(stratumProblem({ id: 'A', mode: 'ratio', value: '4' }, '3%')).toBe('超过一般事项的比例上限 3%')
    expect(stratumProblem({ id: 'A', mode: 'ratio', value: '3' }, '3%')).toBe('')
    expect(stratumProblem({ id: 'A', mode: 'count', value: '40' }, '3%')).toBe('')
  })

  it('wants at least one stratum set', () => {
    const strata = blankStrata()
    expect(strataProblem(strata)).toBe('请至少为一个类别设置抽查比例或数量')
    strata.classes[4].value = '2'
    expect(strataProblem(strata)).toBe('')
    strata.differentiated = false
    expect(strataProblem(strata)).toBe('请设置抽查比例或数量')
  })

  it('checks the window, the team and the participants', () => {
    expect(periodProblem('2026-11-23', '2026-11-01')).toBe('结束日期不能早于开始日期')
    expect(periodProblem('2026-12-01', '2027-01-31')).toBe('检查时间应在同一年度内')
    expect(periodProblem('2026-12-01', '2026-12-31')).toBe('')
    expect(teamProblem(2, 0, 2)).toBe('')
    expect(teamProblem(2, 0, 3)).toBe('每个检查对象的检查人员应为 3–10 人')
    expect(teamProblem(2, 2, 2)).toBe('检查组人数不能少于参加部门数（3 个部门，每个部门至少一人）')
    expect(teamProblem(undefined, 0, 2)).toBe('请填写检查组人数')
    const rows = [blankParticipant(), blankParticipant(), blankParticipant()]
    rows[0].department_id = 2
    rows[1].department_id = 2
    rows[2].department_id = 4
    expect(duplicateParticipant(rows, rows[0], 4)).toBe('')
    expect(duplicateParticipant(rows, rows[1], 4)).toBe('该部门已在前面列入')
    expect(duplicateParticipant(rows, rows[2], 4)).toBe('配合部门不能是发起部门')
    expect(duplicateParticipant(rows, blankParticipant(), 4)).toBe('请选择配合部门')
  })

  it('computes how many a rule draws, rounding up as the protocol does', () => {
    expect(expectedCount(773, { ratio: '3' })).toBe(24)
    expect(expectedCount(1942, { ratio: '4' })).toBe(78)
    expect(expectedCount(100, { ratio: '3' })).toBe(3)
    expect(expectedCount(101, { ratio: '3' })).toBe(4)
    expect(expectedCount(1000, { ratio: '2.5' })).toBe(25)
    expect(expectedCount(3, { ratio: '0.01' })).toBe(1)
    expect(expectedCount(0, { ratio: '5' })).toBe(0)
    expect(expectedCount(4, { count: 10 })).toBe(4)
    expect(expectedCount(40, { count: 10 })).toBe(10)
    expect(expectedCount(40, undefined)).toBeNull()
  })
})

describe('the ceremony inputs', () => {
  it('counts digits as typed, ignoring spaces, dashes and other characters', () => {
    expect(countDigits('')).toBe(0)
    expect(countDigits('31415 92653 5')).toBe(11)
    expect(countDigits('3141-5926 ５３')).toBe(10)
    expect(countDigits('12a34')).toBe(4)
    expect(diceDigits('3141 5926-53')).toBe('3141592653')
    expect(groupDigits('31415926535897932384626')).toBe('31415 92653 58979 32384 626')
    expect(groupDigits('1234', 2)).toBe('12 34')
  })

  it('wants 20 to 256 digits and nothing else', () => {
    expect(diceProblem('')).toBe('请录入见证人掷出的骰子数字（至少 20 位）')
    expect(diceProblem('31415 92653 535')).toBe('至少 20 位数字，当前只有 13 位')
    expect(diceProblem('31415 92653 58979 3238x')).toBe('骰子数字只能由 0–9 组成（可用空格分组）')
    expect(diceProblem('31415 92653 58979 32384')).toBe('')
    expect(diceProblem('1'.repeat(257))).toBe('最多 256 位数字')
  })

  it('checks the secret for 64 hex digits, as typed with spaces or capitals', () => {
    const secret = '71bb4e6ce45332c82e967a9ef48ac71b4c718dd8156944d840e6783cba1497e4'
    expect(secretProblem(secret)).toBe('')
    expect(normalizeSecret('71BB4E6C E45332C8 ' + secret.slice(16))).toBe(secret)
    expect(secretProblem('')).toBe('请录入冻结时生成并密封保存的部门密钥')
    expect(secretProblem(secret.slice(1))).toBe('部门密钥应为 64 位，当前 63 位')
    expect(secretProblem(secret.slice(1) + 'g')).toBe('部门密钥只含数字 0–9 和字母 a–f')
  })

  it('puts each draw refusal where it belongs', () => {
    expect(drawErrorPlace({ code: 'ceremony.dice_too_short', field: 'public_input.value' })).toBe('dice')
    expect(drawErrorPlace({ code: 'request.invalid_field', field: 'public_input.value' })).toBe('dice')
    expect(drawErrorPlace({ code: 'ceremony.wrong_secret', field: undefined })).toBe('secret')
    expect(drawErrorPlace({ code: 'ceremony.bad_secret', field: 'secret' })).toBe('secret')
    expect(drawErrorPlace({ code: 'ceremony.no_witness', field: undefined })).toBe('witness')
    expect(drawErrorPlace({ code: 'task.already_drawn', field: undefined })).toBe('general')
  })

  it('lists the shortfalls of team_infeasible', () => {
    expect(shortfallsOf({ details: { shortfalls: ['区域 500101 组长：0 名', 3] } })).toEqual(['区域 500101 组长：0 名'])
    expect(shortfallsOf({ details: {} })).toEqual([])
  })

  it('checks the scheduled time', () => {
    expect(scheduleProblem('2026-11-25', '10:00', '2026-11-23', '2026-12-31')).toBe('')
    expect(scheduleProblem('2026-11-22', '10:00', '2026-11-23', '2026-12-31')).toBe('抽取日期不能早于今天（2026-11-23）')
    expect(scheduleProblem('2027-01-02', '10:00', '2026-11-23', '2026-12-31')).toBe('抽取日期不能晚于检查结束日期 2026-12-31')
    expect(scheduleProblem('2026-11-25', '', '2026-11-23', '2026-12-31')).toBe('请选择抽取时间（时:分）')
    expect(scheduleProblem('', '10:00', '2026-11-23', '2026-12-31')).toBe('请选择抽取日期')
  })

  it('writes the secret file with the task, the secret and the commitment', () => {
    const text = secretFileText({ ...kTask, commitment: 'c0ffee', scheduled_at: '2026-11-25 10:00' }, 'abc123')
    expect(text).toContain('任务编号：T2026-00007')
    expect(text).toContain('\r\nabc123\r\n')
    expect(text).toContain('c0ffee')
    expect(text).toContain('计划抽取时间：2026-11-25 10:00')
  })
})

describe('words', () => {
  it('says strata, scope and exclusions in words', () => {
    expect(strataText(kTask.strata)).toBe('A 类 3%，C 类 12 户，D 类 5%')
    expect(strataText([{ id: 'ALL', ratio: '5' }])).toBe('不分层 5%')
    expect(scopeText(kTask, '重庆市渝中区')).toBe('行政相对人；重庆市渝中区（500103）及下级区划；行业门类 C；经营状态“存续”')
    expect(scopeText(kTask)).toBe('行政相对人；行政区划 500103 及下级；行业门类 C；经营状态“存续”')
    expect(scopeText({ scope: { kind: '', division: '', industry_section: '', industry_division: '', status: '', tag: '' } })).toBe('全部检查对象')
    expect(excludedRows({ status: 3, exempt: 1 }).map((r) => r.count)).toEqual([3, 0, 1, 0, 0])
  })

  it('builds the list query from the filters set', () => {
    expect(taskQuery({ page: 1, page_size: 20 }, { year: '2026', status: '' })).toEqual({ page: 1, page_size: 20, year: 2026, status: undefined })
  })
})
