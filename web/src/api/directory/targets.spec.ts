import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const shown: string[] = []
vi.mock('element-plus', () => ({
  ElMessage: (options: { message: string }) => {
    shown.push(options.message)
  },
}))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { ApiError, onUnauthenticated, setCsrfToken } = await import('../http')
const { importTargets } = await import('./targets')
const { FakeXhr } = await import('../testing')

const kReport = { rows: 1, invalid_rows: 0, inserted: 1, updated: 0, committed: true, problems: [], problems_dropped: 0 }

beforeEach(() => {
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  shown.length = 0
  setCsrfToken('tok123')
})

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthenticated(null)
  setCsrfToken(null)
})

describe('importTargets', () => {
  it('posts the file itself as text/csv with the CSRF token and the options in the query', async () => {
    const file = new Blob(['a,b\n'], { type: 'application/vnd.ms-excel' })
    const progress: number[] = []
    let uploaded = false
    const promise = importTargets(
      file,
      '名录 2026.csv',
      { skipInvalid: true, updateExisting: false },
      { onProgress: (loaded) => progress.push(loaded), onUploaded: () => (uploaded = true) },
    )
    const xhr = FakeXhr.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe(
      '/api/v1/targets/import?skip_invalid=true&update_existing=false&file_name=%E5%90%8D%E5%BD%95+2026.csv',
    )
    expect(xhr.body).toBe(file)
    expect(xhr.headers['Content-Type']).toBe('text/csv')
    expect(xhr.headers['X-CSRF-Token']).toBe('tok123')
    xhr.upload.onprogress?.({ loaded: 2, total: 4, lengthComputable: true })
    xhr.upload.onload?.()
    expect(progress).toEqual([2])
    expect(uploaded).toBe(true)
    xhr.answer(200, kReport)
    await expect(promise).resolves.toEqual(kReport)
  })

  it('rejects with the server’s message for a refused file, without a toast', async () => {
    const promise = importTargets(new Blob(['x']), 'a.csv', { skipInvalid: false, updateExisting: false })
    FakeXhr.last.answer(400, { code: 'request.invalid_field', message: '第 1 行表头有未知的列“a”', details: { field: 'header' } })
    const error = await promise.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as InstanceType<typeof ApiError>).message).toBe('第 1 行表头有未知的列“a”')
    expect((error as InstanceType<typeof ApiError>).status).toBe(400)
    expect(shown).toEqual([])
  })

  it('maps a 413 and a lost connection to ApiErrors', async () => {
    let promise = importTargets(new Blob(['x']), 'a.csv', { skipInvalid: false, updateExisting: false })
    FakeXhr.last.answer(413, { code: 'request.too_large', message: '文件过大（上限 256 MB）', details: {} })
    await expect(promise).rejects.toMatchObject({ status: 413, message: '文件过大（上限 256 MB）' })

    promise = importTargets(new Blob(['x']), 'a.csv', { skipInvalid: false, updateExisting: false })
    FakeXhr.last.onerror?.()
    await expect(promise).rejects.toMatchObject({ code: 'network' })
  })

  it('hands an expired session to the login redirect', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    const promise = importTargets(new Blob(['x']), 'a.csv', { skipInvalid: false, updateExisting: false })
    FakeXhr.last.answer(401, { code: 'auth.unauthenticated', message: '请先登录', details: {} })
    await expect(promise).rejects.toMatchObject({ status: 401 })
    expect(handler).toHaveBeenCalledOnce()
  })

  it('aborts on the signal', async () => {
    const controller = new AbortController()
    const promise = importTargets(new Blob(['x']), 'a.csv', { skipInvalid: false, updateExisting: false }, {
      signal: controller.signal,
    })
    controller.abort()
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' })
  })
})
