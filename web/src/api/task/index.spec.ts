import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthenticated, setCsrfToken } from '../http'
import { answerFetch, FakeXhr, sentHeaders, type FetchCall } from '../testing'
import {
  addWitness,
  applyChange,
  approveChange,
  attachmentUrl,
  declareWithdrawal,
  drawXlsxUrl,
  exclusionsXlsxUrl,
  listChanges,
  listMyAssignments,
  listPendingChanges,
  rejectChange,
  requestChange,
  uploadAttachment,
  commitTask,
  confirmTask,
  createTask,
  drawRecordUrl,
  drawTask,
  getDraw,
  getPublicRecord,
  getPublicTask,
  getTask,
  listExclusions,
  listPublicTasks,
  listTasks,
  listWitnesses,
  poolCsvUrl,
  previewPool,
  publicPoolUrl,
  publicRecordUrl,
  updateTask,
  type TaskInput,
} from './index'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)

const kInput: TaskInput = {
  name: '2026年第四季度重点用能单位节能监察',
  item_ids: [4],
  start_date: '2026-11-23',
  end_date: '2026-12-31',
  scope: { kind: 'entity', division: '', industry_section: '', industry_division: '', status: '', tag: '' },
  strata: [
    { id: 'A', ratio: '3' },
    { id: 'B', count: 10 },
  ],
  raise_tags: ['投诉举报多'],
  team_size: 2,
  region_rule: 'any',
  inspector_capacity: 30,
  participants: [{ department_id: 2, specialty: '' }],
}

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-9')
})

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthenticated(null)
  setCsrfToken(null)
})

describe('task routes', () => {
  it('lists with only the filters that are set, and reads one task', async () => {
    answer(200, { items: [], total: 0, page: 1, page_size: 20 })
    await listTasks({ page: 1, page_size: 20, year: 2026, status: undefined })
    await listTasks({ page: 2, page_size: 10, status: 'committed' })
    await getTask(7)
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/tasks?page=1&page_size=20&year=2026',
      '/api/v1/tasks?page=2&page_size=10&status=committed',
      '/api/v1/tasks/7',
    ])
  })

  it('creates and edits quietly with the CSRF token, so the form can place the error', async () => {
    answer(201, { id: 7 })
    await createTask(kInput)
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual(kInput)
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-9')
    answer(400, {
      code: 'request.invalid_field',
      message: '抽查比例 9% 超过一般事项“重点用能单位节能监察”的比例上限 5%',
      details: { field: 'strata[2].ratio', value: '9' },
    })
    await expect(updateTask(7, kInput)).rejects.toMatchObject({ status: 400, field: 'strata[2].ratio' })
    expect(calls[1].url).toBe('/api/v1/tasks/7')
    expect(calls[1].init.method).toBe('PUT')
    expect(toasts).toEqual([])
  })

  it('previews quietly and pages the frozen exclusions by reason', async () => {
    answer(400, { code: 'task.stratum_missing', message: 'D 类的检查对象有 419 户，但任务没有为该层设置抽查比例或数量', details: { field: 'strata', value: 'D' } })
    await expect(previewPool(7)).rejects.toMatchObject({ code: 'task.stratum_missing' })
    expect(toasts).toEqual([])
    answer(200, { items: [], total: 0, page: 1, page_size: 10 })
    await listExclusions(7, { page: 1, page_size: 10, reason: 'exempt' })
    await listExclusions(7, { page: 2, page_size: 10 })
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/tasks/7/pool-preview',
      '/api/v1/tasks/7/exclusions?page=1&page_size=10&reason=exempt',
      '/api/v1/tasks/7/exclusions?page=2&page_size=10',
    ])
  })

  it('sends the ceremony steps to their routes', async () => {
    answer(200, { id: 7 })
    await commitTask(7, '2026-11-25 10:00')
    await listWitnesses(7)
    await addWitness(7, { name: '张明', unit: '市纪委监委驻委纪检监察组', role: '监督人' })
    await drawTask(7, { secret: 'ab'.repeat(32), public_input: { kind: 'dice', value: '31415926535897932384' } })
    await confirmTask(7)
    await getDraw(7)
    expect(calls.map((c) => [c.init.method, c.url, c.init.body ?? null])).toEqual([
      ['POST', '/api/v1/tasks/7/commit', '{"scheduled_at":"2026-11-25 10:00"}'],
      ['GET', '/api/v1/tasks/7/witnesses', null],
      ['POST', '/api/v1/tasks/7/witnesses', '{"name":"张明","unit":"市纪委监委驻委纪检监察组","role":"监督人"}'],
      ['POST', '/api/v1/tasks/7/draw', `{"secret":"${'ab'.repeat(32)}","public_input":{"kind":"dice","value":"31415926535897932384"}}`],
      ['POST', '/api/v1/tasks/7/confirm', '{}'],
      ['GET', '/api/v1/tasks/7/draw', null],
    ])
  })

  it('leaves the commit and draw refusals to the page, but toasts a refused confirmation', async () => {
    answer(409, { code: 'ceremony.team_infeasible', message: '无法组成检查组', details: { shortfalls: ['区域 500101 组长：0 名'] } })
    await expect(commitTask(7, '2026-11-25 10:00')).rejects.toMatchObject({ details: { shortfalls: ['区域 500101 组长：0 名'] } })
    answer(409, { code: 'ceremony.wrong_secret', message: '部门密钥与事先公布的承诺值不符', details: {} })
    await expect(drawTask(7, { secret: '0'.repeat(64), public_input: { kind: 'dice', value: '1'.repeat(20) } })).rejects.toMatchObject({ code: 'ceremony.wrong_secret' })
    expect(toasts).toEqual([])
    answer(409, { code: 'task.already_confirmed', message: '名单已确认锁定', details: {} })
    await expect(confirmTask(7)).rejects.toMatchObject({ code: 'task.already_confirmed' })
    expect(toasts).toEqual(['名单已确认锁定'])
  })

  it('names the files the session downloads', () => {
    expect(poolCsvUrl(7)).toBe('/api/v1/tasks/7/pool.csv')
    expect(drawRecordUrl(7)).toBe('/api/v1/tasks/7/draw-record')
  })
})

describe('public tasks', () => {
  it('asks the public routes and never sends a visitor to the login page', async () => {
    answer(200, { items: [], total: 0, page: 1, page_size: 10 })
    await listPublicTasks({ page: 1, page_size: 10 })
    await getPublicTask(7)
    await getPublicRecord(7)
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/public/tasks?page=1&page_size=10',
      '/api/v1/public/tasks/7',
      '/api/v1/public/tasks/7/draw-record',
    ])
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { code: 'auth.unauthenticated', message: '请先登录', details: {} })
    await expect(getPublicTask(7)).rejects.toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled()
    expect(publicRecordUrl(7)).toBe('/api/v1/public/tasks/7/draw-record')
    expect(publicPoolUrl(7)).toBe('/api/v1/public/tasks/7/pool.csv')
  })

  it('does not toast a record that is not public yet', async () => {
    answer(404, { code: 'not_found', message: '抽取记录尚未公开（自 2026-12-01 起公开）', details: {} })
    await expect(getPublicRecord(7)).rejects.toMatchObject({ status: 404 })
    expect(toasts).toEqual([])
  })
})

describe('changes after the draw', () => {
  it('requests, lists and decides with the bodies the server reads', async () => {
    answer(201, { id: 3 })
    await requestChange(7, { kind: 'replace_target', target_id: 11, category: '注销', reason: '已注销' })
    await listChanges(7)
    await listPendingChanges()
    await approveChange(3, '')
    await approveChange(3, '同意')
    await rejectChange(3, '材料不全')
    await applyChange(4, '31415926535897932384')
    expect(calls.map((c) => `${c.init.method} ${c.url} ${c.init.body ?? ''}`)).toEqual([
      'POST /api/v1/tasks/7/changes {"kind":"replace_target","target_id":11,"category":"注销","reason":"已注销"}',
      'GET /api/v1/tasks/7/changes ',
      'GET /api/v1/task-changes ',
      'POST /api/v1/task-changes/3/approve {}',
      'POST /api/v1/task-changes/3/approve {"reason":"同意"}',
      'POST /api/v1/task-changes/3/reject {"reason":"材料不全"}',
      'POST /api/v1/task-changes/4/apply {"public_input":{"kind":"dice","value":"31415926535897932384"}}',
    ])
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-9')
  })

  it('leaves a self-approval to the page (no toast)', async () => {
    answer(403, { code: 'task.self_approval', message: '不能审批本人提出的申请', details: {} })
    await expect(approveChange(3, '')).rejects.toMatchObject({ code: 'task.self_approval' })
    expect(toasts).toEqual([])
  })

  it('reads the inspector view and declares quietly', async () => {
    answer(403, { code: 'task.not_an_inspector', message: '当前账号未关联执法检查人员', details: {} })
    await expect(listMyAssignments()).rejects.toMatchObject({ code: 'task.not_an_inspector' })
    expect(toasts).toEqual([])
    answer(201, { id: 5 })
    await declareWithdrawal(7, { category: '回避', reason: '亲属任职', target_id: 11 })
    expect(calls.at(-1)?.url).toBe('/api/v1/my/assignments/7/declare')
    expect(JSON.parse(String(calls.at(-1)?.init.body))).toEqual({ category: '回避', reason: '亲属任职', target_id: 11 })
  })
})

describe('attachments and workbooks', () => {
  it('uploads the raw file with its name in the query and the CSRF token', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const file = new Blob(['\xff\xd8\xff'], { type: 'image/jpeg' })
    const sent: number[] = []
    const done = uploadAttachment(7, file, '抽取现场.jpg', (n) => sent.push(n))
    const xhr = FakeXhr.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/v1/tasks/7/attachments?file_name=%E6%8A%BD%E5%8F%96%E7%8E%B0%E5%9C%BA.jpg')
    expect(xhr.headers['X-CSRF-Token']).toBe('tok-9')
    expect(xhr.headers['Content-Type']).toBe('image/jpeg')
    expect(xhr.body).toBe(file)
    xhr.upload.onprogress?.({ loaded: 2, lengthComputable: true, total: 3 })
    xhr.answer(201, { id: 1, name: '抽取现场.jpg', sha256: 'ab' })
    await expect(done).resolves.toMatchObject({ id: 1, sha256: 'ab' })
    expect(sent).toEqual([2])
  })

  it('rejects a refused upload quietly', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const done = uploadAttachment(7, new Blob(['x']), 'a.docx')
    expect(FakeXhr.last.headers['Content-Type']).toBe('application/octet-stream')
    FakeXhr.last.answer(409, { code: 'ceremony.attachments_closed', message: '已确认名单', details: {} })
    await expect(done).rejects.toMatchObject({ status: 409, code: 'ceremony.attachments_closed' })
    expect(toasts).toEqual([])
  })

  it('links the workbooks and files', () => {
    expect(drawXlsxUrl(7)).toBe('/api/v1/tasks/7/draw.xlsx')
    expect(exclusionsXlsxUrl(7)).toBe('/api/v1/tasks/7/exclusions.xlsx')
    expect(attachmentUrl(7, 2)).toBe('/api/v1/tasks/7/attachments/2')
  })
})
