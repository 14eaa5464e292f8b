import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthenticated, setCsrfToken } from '../http'
import {
  createInspector,
  getInspector,
  getInspectorOptions,
  importInspectors,
  inspectorTemplateUrl,
  listInspectors,
  listPublicInspectors,
  updateInspector,
  type InspectorInput,
} from './inspectors'
import { answerFetch, FakeXhr, type FetchCall } from '../testing'

// The toasts http.ts would show (vi.mock is hoisted above the imports; so is `toasts`).
const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)

const kPage = { items: [], total: 0, page: 1, page_size: 20 }
// An expert: no certificate, an ID number, a 工作单位 and a 职称.
const kInput: InspectorInput = {
  category: '专家',
  name: '陈立新',
  gender: '男',
  phone: '',
  id_number: '500103199001011232',
  cert_no: '',
  cert_valid_until: '',
  organisation: '重庆大学',
  title: '教授',
  post: '',
  department: 'CQJXW-JNZY',
  division_code: '',
  specialties: ['节能监察', '清洁生产'],
  status: '在岗',
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

describe('inspector routes', () => {
  it('lists with only the filters that are set', async () => {
    answer(200, kPage)
    await listInspectors({ page: 2, page_size: 50, group: 'experts', name: '李', cert: undefined, specialty: '节能监察' })
    expect(calls[0].url).toBe(
      '/api/v1/inspectors?page=2&page_size=50&group=experts&name=%E6%9D%8E&specialty=%E8%8A%82%E8%83%BD%E7%9B%91%E5%AF%9F',
    )
    expect(calls[0].init.method).toBe('GET')
  })

  it('reads the options and one inspector with its history', async () => {
    answer(200, { categories: [], genders: [], statuses: [], specialties: [] })
    await getInspectorOptions()
    await getInspector(7)
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/inspectors/options', '/api/v1/inspectors/7'])
  })

  it('creates and edits with the CSRF token, leaving a refused field to the form', async () => {
    answer(201, { id: 8 })
    await createInspector(kInput)
    expect(calls[0].url).toBe('/api/v1/inspectors')
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual(kInput)
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-9')

    answer(400, {
      code: 'request.invalid_field',
      message: '证件号码：公民身份号码校验码错误（应为 2）',
      details: { field: 'id_number', problems: [{ field: 'id_number', message: '公民身份号码校验码错误（应为 2）' }] },
    })
    await expect(updateInspector(8, kInput)).rejects.toMatchObject({ status: 400, field: 'id_number' })
    expect(calls[1].url).toBe('/api/v1/inspectors/8')
    expect(calls[1].init.method).toBe('PUT')
    expect(toasts).toEqual([])
  })

  it('names the template and the import by kind', () => {
    expect(inspectorTemplateUrl('inspectors')).toBe('/api/v1/inspectors/import/template?kind=inspectors')
    expect(inspectorTemplateUrl('experts')).toBe('/api/v1/inspectors/import/template?kind=experts')
  })
})

describe('importInspectors', () => {
  it('posts the file with kind first, then the options', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const file = new Blob(['姓名\n'])
    const promise = importInspectors('experts', file, '专家.csv', { skipInvalid: false, updateExisting: true })
    const xhr = FakeXhr.last
    expect(xhr.url).toBe(
      '/api/v1/inspectors/import?kind=experts&skip_invalid=false&update_existing=true&file_name=%E4%B8%93%E5%AE%B6.csv',
    )
    expect(xhr.body).toBe(file)
    expect(xhr.headers['X-CSRF-Token']).toBe('tok-9')
    const report = { rows: 0, invalid_rows: 0, inserted: 0, updated: 0, committed: true, problems: [], problems_dropped: 0 }
    xhr.status = 200
    xhr.responseText = JSON.stringify(report)
    xhr.onload?.()
    await expect(promise).resolves.toEqual(report)
  })
})

describe('listPublicInspectors', () => {
  it('asks the public route with q and department', async () => {
    answer(200, kPage)
    await listPublicInspectors({ page: 1, page_size: 10, q: '王', department: '' })
    expect(calls[0].url).toBe('/api/v1/public/inspectors?page=1&page_size=10&q=%E7%8E%8B')
  })

  it('never sends a visitor to the login page on a 401', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { code: 'auth.unauthenticated', message: '请先登录', details: {} })
    await expect(listPublicInspectors({ page: 1, page_size: 10 })).rejects.toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled()
  })
})
