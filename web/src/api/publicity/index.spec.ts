import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthenticated, setCsrfToken } from '../http'
import { answerFetch, sentHeaders, type FetchCall } from '../testing'
import {
  approveCorrection,
  decideObjection,
  fileObjection,
  getDeadlines,
  getPublicResult,
  getRecordResults,
  listCorrections,
  listObjections,
  notifyObjection,
  publishTask,
  rejectCorrection,
  requestCorrection,
  searchPublicResults,
} from './index'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)
const sent = () => calls.map((c) => `${c.init.method} ${c.url} ${c.init.body ?? ''}`.trim())

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-6')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
  onUnauthenticated(null)
})

describe('reading', () => {
  it('asks the routes of the contract', async () => {
    answer(200, { items: [] })
    await searchPublicResults({ page: 2, page_size: 10, q: '91500103MA5U0000X1' })
    await searchPublicResults({ page: 1, page_size: 10, q: '' })
    await getPublicResult(31)
    await getRecordResults(12)
    await listCorrections()
    await listCorrections('')
    await listCorrections('rejected')
    await listObjections()
    await listObjections('correcting')
    await getDeadlines()
    expect(sent()).toEqual([
      'GET /api/v1/public/results?page=2&page_size=10&q=91500103MA5U0000X1',
      'GET /api/v1/public/results?page=1&page_size=10',
      'GET /api/v1/public/results/31',
      'GET /api/v1/inspections/12/results',
      'GET /api/v1/result-corrections?status=pending',
      'GET /api/v1/result-corrections',
      'GET /api/v1/result-corrections?status=rejected',
      'GET /api/v1/objections',
      'GET /api/v1/objections?status=correcting',
      'GET /api/v1/inspection/deadlines',
    ])
  })

  it('leaves a refusal to the page and never sends the portal to the login page', async () => {
    const expired = vi.fn()
    onUnauthenticated(expired)
    answer(404, { code: 'not_found', message: '检查结果不存在', details: {} })
    await expect(getPublicResult(9)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    answer(401, { code: 'auth.unauthenticated', message: '请先登录', details: { reason: 'expired' } })
    await expect(searchPublicResults({ page: 1, page_size: 10 })).rejects.toMatchObject({ status: 401 })
    expect(expired).not.toHaveBeenCalled()
    expect(toasts).toEqual([])
  })
})

describe('writing', () => {
  it('sends each decision to its route with the CSRF token', async () => {
    answer(200, { id: 1 })
    const items = [{ item_id: 4, result_codes: ['E'], findings: '未公示年报，已当场补报', handling: '责令改正，已改正' }]
    await publishTask(7)
    await publishTask(7, [])
    await publishTask(7, [12, 13])
    await requestCorrection(12, { reason: '检查结果录入错误', items })
    await approveCorrection(3)
    await approveCorrection(3, '  同意  ')
    await rejectCorrection(3, '理由不充分')
    await decideObjection(5, { decision: 'uphold', reason: '经复查，原结果无误' })
    await decideObjection(5, { decision: 'correct', reason: '企业已提供年报公示截图', items })
    await notifyObjection(5, '电话告知联系人')
    expect(sent()).toEqual([
      'POST /api/v1/tasks/7/publish {}',
      'POST /api/v1/tasks/7/publish {}',
      'POST /api/v1/tasks/7/publish {"inspection_ids":[12,13]}',
      `POST /api/v1/inspections/12/corrections ${JSON.stringify({ reason: '检查结果录入错误', items })}`,
      'POST /api/v1/result-corrections/3/approve {}',
      'POST /api/v1/result-corrections/3/approve {"reason":"同意"}',
      'POST /api/v1/result-corrections/3/reject {"reason":"理由不充分"}',
      'POST /api/v1/objections/5/decide {"decision":"uphold","reason":"经复查，原结果无误"}',
      `POST /api/v1/objections/5/decide ${JSON.stringify({ decision: 'correct', reason: '企业已提供年报公示截图', items })}`,
      'POST /api/v1/objections/5/notify {"note":"电话告知联系人"}',
    ])
    expect(calls.every((c) => sentHeaders(c)['X-CSRF-Token'] === 'tok-6')).toBe(true)
  })

  it('files an objection without a session and hands its refusals to the form', async () => {
    const input = { uscc: '91500103MA5U0000X1', verify_code: 'K7P2Q9', contact_name: '李华', contact_phone: '13800000000', content: '检查时已出示年报公示截图' }
    answer(201, { id: 8, target_name: '重庆某某食品有限公司', filed_at: '2026-12-02T02:00:00.000Z', review_due: '2026-12-16' })
    await expect(fileObjection(input)).resolves.toMatchObject({ id: 8, review_due: '2026-12-16' })
    expect(sent()).toEqual([`POST /api/v1/public/objections ${JSON.stringify(input)}`])

    answer(400, { code: 'publicity.objection_unverified', message: '统一社会信用代码或验证码不正确', details: { field: 'verify_code' } })
    await expect(fileObjection(input)).rejects.toMatchObject({ status: 400, field: 'verify_code' })
    answer(409, { code: 'publicity.objection_closed', message: '异议受理期限已过', details: {} })
    await expect(fileObjection(input)).rejects.toMatchObject({ status: 409, code: 'publicity.objection_closed' })
    answer(403, { code: 'publicity.self_approval', message: '不能审批本人提出的更正申请', details: {} })
    await expect(approveCorrection(3)).rejects.toMatchObject({ code: 'publicity.self_approval' })
    answer(409, { code: 'publicity.nothing_to_publish', message: '该任务没有已审核、待公示的检查记录', details: {} })
    await expect(publishTask(7)).rejects.toMatchObject({ code: 'publicity.nothing_to_publish' })
    expect(toasts).toEqual([])
  })
})
