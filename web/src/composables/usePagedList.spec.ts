import { describe, expect, it, vi } from 'vitest'
import type { Page } from '@/api/http'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { usePagedList } = await import('./usePagedList')
const { ApiError } = await import('@/api/http')

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const page = (items: string[], total = items.length, p = 1): Page<string> => ({ items, total, page: p, page_size: 20 })

describe('usePagedList', () => {
  it('passes page, size and filters, and resets to page 1 on search', async () => {
    const calls: unknown[] = []
    const list = usePagedList<string, { q: string }>(
      async (params, filters) => {
        calls.push({ ...params, q: filters.q })
        return page(['a'])
      },
      () => ({ q: '' }),
    )
    list.page.value = 3
    list.filters.q = '张'
    await list.search()
    expect(calls).toEqual([{ page: 1, page_size: 20, q: '张' }])
    await list.reset()
    expect(list.filters.q).toBe('')
    expect(list.items.value).toEqual(['a'])
    expect(list.total.value).toBe(1)
  })

  it('drops an answer that arrives after a newer one', async () => {
    const first = deferred<Page<string>>()
    const second = deferred<Page<string>>()
    const pending = [first, second]
    const list = usePagedList<string, object>(() => pending.shift()!.promise, () => ({}))
    const a = list.load()
    const b = list.load()
    second.resolve(page(['new']))
    await b
    first.resolve(page(['old']))
    await a
    expect(list.items.value).toEqual(['new'])
    expect(list.loading.value).toBe(false)
  })

  it('keeps the error message for the empty state', async () => {
    const list = usePagedList<string, object>(
      async () => {
        throw new ApiError(403, 'auth.forbidden', '没有权限执行此操作')
      },
      () => ({}),
    )
    await list.load()
    expect(list.error.value).toBe('没有权限执行此操作')
    expect(list.items.value).toEqual([])
  })

  it('steps back when the current page became empty', async () => {
    const seen: number[] = []
    const list = usePagedList<string, object>(
      async (params) => {
        seen.push(params.page)
        return params.page === 3 ? page([], 21, 3) : page(['x'], 21, params.page)
      },
      () => ({}),
    )
    list.page.value = 3
    await list.load()
    expect(seen).toEqual([3, 2])
    expect(list.items.value).toEqual(['x'])
  })

  it('keeps total_capped, and finds the end of an uncounted list', async () => {
    const seen: number[] = []
    const full = Array.from({ length: 20 }, (_, i) => `r${i}`)
    const list = usePagedList<string, object>(
      async (params) => {
        seen.push(params.page)
        // 10 020 rows: the server counts 10 000 of them; page 502 is empty.
        const items = params.page <= 501 ? full : []
        return { items, total: 10000, total_capped: true, page: params.page, page_size: 20 }
      },
      () => ({}),
    )
    await list.load()
    expect(list.capped.value).toBe(true)
    expect(list.end.value).toBe(0)
    await list.onPageChange(502)
    expect(seen).toEqual([1, 502, 501])
    expect(list.page.value).toBe(501)
    expect(list.end.value).toBe(501)
    expect(list.items.value).toHaveLength(20)
    // A new search forgets the end.
    await list.search()
    expect(list.end.value).toBe(0)
    expect(list.page.value).toBe(1)
  })

  it('steps back only once from an empty page (no walk through every page)', async () => {
    const seen: number[] = []
    const list = usePagedList<string, object>(
      async (params) => {
        seen.push(params.page)
        return { items: [], total: 10000, total_capped: true, page: params.page, page_size: 20 }
      },
      () => ({}),
    )
    list.page.value = 500
    await list.load()
    expect(seen).toEqual([500, 499])
  })

  it('is not capped when the answer says nothing about it', async () => {
    const list = usePagedList<string, object>(async () => page(['a']), () => ({}))
    await list.load()
    expect(list.capped.value).toBe(false)
  })
})
