import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../http'
import { answerFetch, FakeXhr, sentHeaders, type FetchCall } from '../testing'
import {
  addAction,
  attachmentUrl,
  clearFirm,
  clearUninspectable,
  getDictionary,
  getInspection,
  listMyInspections,
  listTaskInspections,
  newClientId,
  refuseFirm,
  removeAction,
  removeAttachment,
  reviewRecord,
  setUninspectable,
  signFirm,
  signOff,
  submitRecord,
  updateHeader,
  updateItem,
  uploadEvidence,
} from './index'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)
const sent = () => calls.map((c) => `${c.init.method} ${c.url} ${c.init.body ?? ''}`)

const kHeader = {
  subject_name: '重庆某某食品有限公司',
  uscc: '91500103MA5U0000X1',
  district: '渝中区',
  licence_no: 'JY15001030000001',
  legal_rep: '李华',
  address: '重庆市渝中区解放碑街道民权路 1 号',
  phone: '023-63000000',
}

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-3')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('reading', () => {
  it('asks the routes of the contract', async () => {
    answer(200, { items: [] })
    await getDictionary()
    await listMyInspections()
    await listTaskInspections(7)
    await getInspection(12)
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/inspection/dictionary',
      'GET /api/v1/my/inspections',
      'GET /api/v1/tasks/7/inspections',
      'GET /api/v1/inspections/12',
    ])
  })

  it('leaves the refusal of an account without an inspector record to the page', async () => {
    answer(403, { code: 'task.not_an_inspector', message: '当前账号未关联执法检查人员', details: {} })
    await expect(listMyInspections()).rejects.toMatchObject({ status: 403, code: 'task.not_an_inspector' })
    answer(404, { code: 'not_found', message: '记录不存在', details: {} })
    await expect(getInspection(3)).rejects.toMatchObject({ status: 404 })
    expect(toasts).toEqual([])
  })
})

describe('writing', () => {
  it('sends each part to its route with the CSRF token', async () => {
    answer(200, { id: 12 })
    await updateHeader(12, kHeader)
    await updateItem(12, 4, { method: '实地核查', checked: '查看许可证', findings: '', result_codes: ['1'], handling: '' })
    await addAction(12, { client_id: 'c-1', kind: '责令改正', detail: '限期公示年报', deadline: '2026-12-20' })
    await removeAction(12, 5)
    await removeAttachment(12, 9)
    await signFirm(12, { signer_name: '李华', signature: 'iVBORw0KGgo=' })
    await refuseFirm(12, { reason: '负责人不在场', witness: '王敏（社区网格员）' })
    await clearFirm(12)
    await setUninspectable(12, { category: '6', description: '登记住所已拆迁' })
    await clearUninspectable(12)
    await signOff(12)
    await submitRecord(12)
    await reviewRecord(12, { decision: 'return', comment: '检查内容不完整' })
    expect(sent()).toEqual([
      `PUT /api/v1/inspections/12/header ${JSON.stringify(kHeader)}`,
      'PUT /api/v1/inspections/12/items/4 {"method":"实地核查","checked":"查看许可证","findings":"","result_codes":["1"],"handling":""}',
      'POST /api/v1/inspections/12/actions {"client_id":"c-1","kind":"责令改正","detail":"限期公示年报","deadline":"2026-12-20"}',
      'DELETE /api/v1/inspections/12/actions/5 ',
      'DELETE /api/v1/inspections/12/attachments/9 ',
      'PUT /api/v1/inspections/12/firm {"signer_name":"李华","signature":"iVBORw0KGgo="}',
      'PUT /api/v1/inspections/12/firm {"refused":true,"reason":"负责人不在场","witness":"王敏（社区网格员）"}',
      'DELETE /api/v1/inspections/12/firm ',
      'PUT /api/v1/inspections/12/uninspectable {"category":"6","description":"登记住所已拆迁"}',
      'DELETE /api/v1/inspections/12/uninspectable ',
      'POST /api/v1/inspections/12/signoff {}',
      'POST /api/v1/inspections/12/submit {}',
      'POST /api/v1/inspections/12/review {"decision":"return","comment":"检查内容不完整"}',
    ])
    expect(calls.every((c) => sentHeaders(c)['X-CSRF-Token'] === 'tok-3')).toBe(true)
  })

  it('keeps a failed save quiet (the page shows 未同步) and reports a lost connection as network', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    await expect(updateHeader(12, kHeader)).rejects.toMatchObject({ status: 0, code: 'network' })
    answer(400, { code: 'inspection.incomplete', message: '记录尚不完整', details: { missing: ['企业签字'] } })
    await expect(submitRecord(12)).rejects.toMatchObject({ code: 'inspection.incomplete', details: { missing: ['企业签字'] } })
    expect(toasts).toEqual([])
  })
})

describe('evidence', () => {
  it('uploads the raw file with its name and client_id', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const file = new Blob(['\xff\xd8\xff'], { type: 'image/jpeg' })
    const progress: number[] = []
    const done = uploadEvidence(12, file, '现场照片.jpg', 'c-9', (n) => progress.push(n))
    const xhr = FakeXhr.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/v1/inspections/12/attachments?file_name=%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg&client_id=c-9')
    expect(xhr.headers['X-CSRF-Token']).toBe('tok-3')
    expect(xhr.headers['Content-Type']).toBe('image/jpeg')
    expect(xhr.body).toBe(file)
    xhr.upload.onprogress?.({ loaded: 1, lengthComputable: true, total: 3 })
    xhr.answer(200, { id: 4, kind: 'evidence', sha256: 'ab' })
    await expect(done).resolves.toMatchObject({ id: 4, sha256: 'ab' })
    expect(progress).toEqual([1])
  })

  it('rejects a refusal and a lost connection quietly', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const refused = uploadEvidence(12, new Blob(['x']), 'a.docx', 'c-1')
    expect(FakeXhr.last.headers['Content-Type']).toBe('application/octet-stream')
    FakeXhr.last.answer(400, { code: 'inspection.bad_file', message: '只能上传 JPEG、PNG、PDF 或 MP4 文件', details: {} })
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'inspection.bad_file' })
    const lost = uploadEvidence(12, new Blob(['x']), 'a.pdf', 'c-2')
    FakeXhr.last.onerror?.()
    await expect(lost).rejects.toMatchObject({ code: 'network' })
    expect(toasts).toEqual([])
  })

  it('links the files', () => {
    expect(attachmentUrl(12, 4)).toBe('/api/v1/inspections/12/attachments/4')
  })
})

describe('newClientId', () => {
  const kUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('gives a fresh v4 UUID each time', () => {
    const a = newClientId()
    expect(a).toMatch(kUuid)
    expect(newClientId()).not.toBe(a)
  })

  it('works without crypto.randomUUID (plain http)', () => {
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b.fill(0xff) })
    expect(newClientId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
  })
})
