import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { onUnauthenticated, setCsrfToken } from '../http'
import { answerFetch, FakeXhr, sentHeaders, type FetchCall } from '../testing'
import {
  createItem,
  getItem,
  getItemOptions,
  importItems,
  kItemTemplateUrl,
  listItems,
  listPublicItems,
  publishItem,
  retireItem,
  updateItem,
  type ItemInput,
} from './items'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []
const answer = (status: number, body: unknown) => answerFetch(calls, status, body)
const kPage = { items: [], total: 0, page: 1, page_size: 20 }

const kItemInput: ItemInput = {
  code: '',
  domain: '节能监察',
  name: '重点用能单位节能监察',
  sub_item: '能源利用状况报告',
  category: '一般',
  ratio_cap: '5%',
  content: '检查能源利用状况报告报送情况',
  basis: '《中华人民共和国节约能源法》第五十三条',
  methods: ['书面检查', '现场检查'],
  frequency: '每年1次',
  target: '重点用能单位',
  target_type: 'entity',
  department_id: 4,
  cooperating_department_ids: [2],
  publication: '国家企业信用信息公示系统',
  no_advance_notice: false,
  specialty: '节能监察',
  nature: '常规',
  exemption: '适用',
  remark: '',
}

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-3')
})

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthenticated(null)
  setCsrfToken(null)
})

describe('item routes', () => {
  it('lists with only the filters that are set', async () => {
    answer(200, kPage)
    await listItems({ page: 1, page_size: 20, q: '节能', status: '已发布', domain: undefined, department_id: 4 })
    expect(calls[0].url).toBe('/api/v1/items?page=1&page_size=20&q=%E8%8A%82%E8%83%BD&status=%E5%B7%B2%E5%8F%91%E5%B8%83&department_id=4')
  })

  it('reads the options and one item with its versions', async () => {
    answer(200, {})
    await getItemOptions()
    await getItem(12)
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/items/options', '/api/v1/items/12'])
  })

  it('creates and edits quietly, with the CSRF token', async () => {
    answer(201, { id: 9 })
    await createItem(kItemInput)
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual(kItemInput)
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-3')
    answer(400, {
      code: 'request.invalid_field',
      message: '抽查比例上限：一般检查事项须填写抽查比例上限（如 5%）',
      details: { field: 'ratio_cap', problems: [{ field: 'ratio_cap', message: '一般检查事项须填写抽查比例上限（如 5%）' }] },
    })
    await expect(updateItem(9, kItemInput)).rejects.toMatchObject({ status: 400, field: 'ratio_cap' })
    expect(calls[1].url).toBe('/api/v1/items/9')
    expect(calls[1].init.method).toBe('PUT')
    expect(toasts).toEqual([])
  })

  it('publishes, and retires with a reason only when one is given', async () => {
    answer(200, { id: 9 })
    await publishItem(9)
    await retireItem(9, '上位法已修改')
    await retireItem(9, '')
    expect(calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      ['POST', '/api/v1/items/9/publish', '{}'],
      ['POST', '/api/v1/items/9/retire', '{"reason":"上位法已修改"}'],
      ['POST', '/api/v1/items/9/retire', '{}'],
    ])
  })

  it('shows a refused publish as a toast', async () => {
    answer(409, { code: 'catalog.nothing_to_publish', message: '该事项没有待发布的修改，当前版本已发布', details: {} })
    await expect(publishItem(9)).rejects.toMatchObject({ status: 409 })
    expect(toasts).toEqual(['该事项没有待发布的修改，当前版本已发布'])
  })

  it('imports the file itself and names the template', async () => {
    expect(kItemTemplateUrl).toBe('/api/v1/items/import/template')
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const file = new Blob(['抽查领域\n'])
    void importItems(file, '清单.csv', { skipInvalid: true, updateExisting: false })
    expect(FakeXhr.last.url).toBe('/api/v1/items/import?skip_invalid=true&update_existing=false&file_name=%E6%B8%85%E5%8D%95.csv')
    expect(FakeXhr.last.body).toBe(file)
  })
})

describe('listPublicItems', () => {
  it('asks the public route and never sends a visitor to the login page', async () => {
    answer(200, { ...kPage, domains: [] })
    await listPublicItems({ page: 1, page_size: 20, q: '节能', domain: '', department: undefined })
    expect(calls[0].url).toBe('/api/v1/public/items?page=1&page_size=20&q=%E8%8A%82%E8%83%BD')
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { code: 'auth.unauthenticated', message: '请先登录', details: {} })
    await expect(listPublicItems({ page: 1, page_size: 20 })).rejects.toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled()
  })
})
