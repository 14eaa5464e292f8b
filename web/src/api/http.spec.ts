import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FetchCall } from './testing'

const shown: string[] = []
vi.mock('element-plus', () => ({
  ElMessage: (options: { message: string }) => {
    shown.push(options.message)
  },
}))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { answerFetch } = await import('./testing')
const { ApiError, buildUrl, dispositionFileName, http, onUnauthenticated, requestFile, setCsrfToken } = await import('./http')

async function failure(promise: Promise<unknown>): Promise<InstanceType<typeof ApiError>> {
  try {
    await promise
  } catch (e) {
    return e as InstanceType<typeof ApiError>
  }
  throw new Error('expected the call to fail')
}

let calls: FetchCall[] = []
const answer = (status: number, body?: unknown) => answerFetch(calls, status, body)

beforeEach(() => {
  calls = []
  shown.length = 0
  setCsrfToken(null)
  onUnauthenticated(null)
})
afterEach(() => vi.unstubAllGlobals())

describe('buildUrl', () => {
  it('drops empty query values and encodes the rest', () => {
    expect(buildUrl('/users', { q: '张三', status: '', page: 1, department_id: undefined, x: null })).toBe(
      '/api/v1/users?q=%E5%BC%A0%E4%B8%89&page=1',
    )
    expect(buildUrl('/roles')).toBe('/api/v1/roles')
  })
})

describe('request', () => {
  it('sends JSON with cookies and the CSRF token on writes only', async () => {
    setCsrfToken('tok-1')
    answer(200, { ok: true })
    await http.get('/auth/me')
    await http.post('/users', { name: '张三' })
    expect(calls[0].init.credentials).toBe('same-origin')
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
    const postHeaders = calls[1].init.headers as Record<string, string>
    expect(postHeaders['X-CSRF-Token']).toBe('tok-1')
    expect(postHeaders['Content-Type']).toBe('application/json')
    expect(calls[1].init.body).toBe('{"name":"张三"}')
  })

  it('maps an error body to ApiError and shows its message', async () => {
    answer(409, { code: 'conflict.duplicate', message: '部门编码已存在', details: { field: 'code', value: 'X' } })
    const error = await failure(http.post('/departments', {}))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(409)
    expect(error.code).toBe('conflict.duplicate')
    expect(error.field).toBe('code')
    expect(shown).toEqual(['部门编码已存在'])
  })

  it('stays quiet when asked', async () => {
    answer(400, { code: 'request.invalid_field', message: '名称不能为空', details: { field: 'name' } })
    await http.post('/roles', {}, { quiet: true }).catch(() => undefined)
    expect(shown).toEqual([])
  })

  it('describes a non-JSON server failure in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })))
    const error = await failure(http.get('/users'))
    expect(error.code).toBe('http.502')
    expect(shown[0]).toContain('服务器暂时不可用')
  })

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = await failure(http.get('/users'))
    expect(error.code).toBe('network')
    expect(shown[0]).toContain('无法连接服务器')
  })

  it('hands an expired session to the handler instead of toasting', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    setCsrfToken('tok')
    answer(401, { code: 'auth.unauthenticated', message: '未登录', details: { reason: 'expired' } })
    await http.get('/users').catch(() => undefined)
    expect(handler).toHaveBeenCalledOnce()
    expect(shown).toEqual([])
  })

  it('leaves 401 to the caller for login and the startup probe', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { code: 'auth.invalid_credentials', message: '用户名或密码错误' })
    await http.post('/auth/login', {}, { noAuthRedirect: true }).catch(() => undefined)
    answer(401, { code: 'auth.unauthenticated', message: '未登录' })
    await http.get('/auth/me', undefined, { noAuthRedirect: true, quiet: true }).catch(() => undefined)
    expect(handler).not.toHaveBeenCalled()
    expect(shown).toEqual(['用户名或密码错误'])
  })
})

describe('requestFile', () => {
  it('answers the body as a Blob with the name the server suggests, sending the CSRF token on a POST', async () => {
    setCsrfToken('tok-2')
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init })
        return new Response('\uFEFF编码\r\n', {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': "attachment; filename=\"conflicts.csv\"; filename*=UTF-8''%E5%88%A9%E5%AE%B3%E5%85%B3%E7%B3%BB.csv",
          },
        })
      }),
    )
    const file = await requestFile('/imports/report.xlsx', { method: 'POST', body: { problems: [] } })
    expect(file.fileName).toBe('利害关系.csv')
    // The bytes as sent (Blob.text() would drop the BOM).
    const bytes = new Uint8Array(await file.blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('编码\r\n')
    const headers = calls[0].init.headers as Record<string, string>
    expect(headers['X-CSRF-Token']).toBe('tok-2')
    expect(headers['Content-Type']).toBe('application/json')
    expect(calls[0].init.body).toBe('{"problems":[]}')
  })

  it('maps an error answer to ApiError and shows it, as JSON calls do', async () => {
    answer(403, { code: 'auth.forbidden', message: '没有权限', details: { permission: 'directory:conflict:export' } })
    const error = await failure(requestFile('/conflicts/export', { query: { current: true } }))
    expect(calls[0].url).toBe('/api/v1/conflicts/export?current=true')
    expect(error.code).toBe('auth.forbidden')
    expect(shown).toEqual(['没有权限'])
  })
})

describe('dispositionFileName', () => {
  it('prefers the UTF-8 name, falls back to the plain one, else nothing', () => {
    expect(dispositionFileName("attachment; filename=\"a.xlsx\"; filename*=UTF-8''%E5%AF%BC%E5%85%A5.xlsx")).toBe('导入.xlsx')
    expect(dispositionFileName('attachment; filename="a.xlsx"')).toBe('a.xlsx')
    expect(dispositionFileName('attachment; filename=b.csv')).toBe('b.csv')
    expect(dispositionFileName("attachment; filename=\"c.csv\"; filename*=UTF-8''%E5%ZZ")).toBe('c.csv')
    expect(dispositionFileName('attachment')).toBe('')
    expect(dispositionFileName(null)).toBe('')
  })
})
