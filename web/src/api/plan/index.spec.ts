import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthenticated, setCsrfToken } from '../http'
import { answerFetch, sentHeaders, type FetchCall } from '../testing'
import {
  adjustPlan,
  approvePlan,
  createPlan,
  getPlan,
  listMergeSuggestions,
  listOverduePlans,
  listPlans,
  listPublicPlans,
  publishPlan,
  rejectPlan,
  submitPlan,
  updatePlan,
  type PlanInput,
} from './index'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)

const kInput: PlanInput = {
  year: 2027,
  name: '2027年度节能监察双随机抽查工作计划',
  department_id: 4,
  rows: [
    {
      item_id: 12,
      target_scope: '年综合能源消费量1万吨标准煤以上的重点用能单位',
      category: '一般',
      start_date: '2027-04-01',
      end_date: '2027-06-30',
      ratio: '5',
      count: 0,
      cooperating_ids: [2],
    },
  ],
}

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-7')
})

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthenticated(null)
  setCsrfToken(null)
})

describe('plan routes', () => {
  it('lists with only the filters that are set', async () => {
    answer(200, { items: [], total: 0, page: 1, page_size: 20 })
    await listPlans({ page: 1, page_size: 20, year: 2027, status: undefined, department_id: 4 })
    expect(calls[0].url).toBe('/api/v1/plans?page=1&page_size=20&year=2027&department_id=4')
  })

  it('reads one plan, the overdue plans and the merge suggestions of a year', async () => {
    answer(200, { items: [] })
    await getPlan(3)
    await listOverduePlans()
    await listMergeSuggestions(2027)
    await listMergeSuggestions()
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/plans/3',
      '/api/v1/plans/overdue',
      '/api/v1/plans/merge-suggestions?year=2027',
      '/api/v1/plans/merge-suggestions',
    ])
  })

  it('creates and edits quietly, with the CSRF token, so the form can place the error', async () => {
    answer(201, { id: 3 })
    await createPlan(kInput)
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual(kInput)
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-7')
    answer(400, {
      code: 'request.invalid_field',
      message: '第 1 行（重点用能单位节能监察）：一般检查事项的抽查比例 8% 超过该事项的比例上限 5%',
      details: { field: 'rows[0].ratio', value: '8' },
    })
    await expect(updatePlan(3, kInput)).rejects.toMatchObject({ status: 400, field: 'rows[0].ratio' })
    expect(calls[1].url).toBe('/api/v1/plans/3')
    expect(calls[1].init.method).toBe('PUT')
    expect(toasts).toEqual([])
  })

  it('sends each workflow step to its route, with a reason where one is given', async () => {
    answer(200, { id: 3 })
    await submitPlan(3)
    await approvePlan(3)
    await approvePlan(3, '同意')
    await rejectPlan(3, '抽查比例偏低')
    await publishPlan(3)
    await adjustPlan(3, '新增一项抽查事项')
    expect(calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      ['POST', '/api/v1/plans/3/submit', '{}'],
      ['POST', '/api/v1/plans/3/approve', '{}'],
      ['POST', '/api/v1/plans/3/approve', '{"reason":"同意"}'],
      ['POST', '/api/v1/plans/3/reject', '{"reason":"抽查比例偏低"}'],
      ['POST', '/api/v1/plans/3/publish', '{}'],
      ['POST', '/api/v1/plans/3/adjust', '{"reason":"新增一项抽查事项"}'],
    ])
  })

  it('shows a refused step as a toast', async () => {
    answer(403, { code: 'plan.self_approval', message: '不能审批本人提交的计划，请由其他有审批权限的人员审批', details: {} })
    await expect(approvePlan(3)).rejects.toMatchObject({ status: 403, code: 'plan.self_approval' })
    expect(toasts).toEqual(['不能审批本人提交的计划，请由其他有审批权限的人员审批'])
  })
})

describe('listPublicPlans', () => {
  it('asks the public route and never sends a visitor to the login page', async () => {
    answer(200, { items: [] })
    await listPublicPlans(2027)
    await listPublicPlans()
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/public/plans?year=2027', '/api/v1/public/plans'])
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { code: 'auth.unauthenticated', message: '请先登录', details: {} })
    await expect(listPublicPlans()).rejects.toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled()
  })
})
