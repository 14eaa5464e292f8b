import { describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { useUnpagedList } = await import('./useUnpagedList')
const { ApiError } = await import('@/api/http')

describe('useUnpagedList', () => {
  it('loads the items and clears loading', async () => {
    const list = useUnpagedList(async () => ({ items: ['a', 'b'] }))
    const pending = list.load()
    expect(list.loading.value).toBe(true)
    await pending
    expect(list.items.value).toEqual(['a', 'b'])
    expect(list.loading.value).toBe(false)
    expect(list.error.value).toBe('')
  })

  it('empties the list and keeps the server message on failure', async () => {
    let fail = false
    const list = useUnpagedList(async () => {
      if (fail) throw new ApiError(403, 'auth.forbidden', '没有权限执行此操作')
      return { items: [1] }
    })
    await list.load()
    fail = true
    await list.load()
    expect(list.items.value).toEqual([])
    expect(list.error.value).toBe('没有权限执行此操作')
    expect(list.loading.value).toBe(false)
  })

  it('says 加载失败 for an error that is not the server’s, and clears it on the next load', async () => {
    let fail = true
    const list = useUnpagedList(async () => {
      if (fail) throw new TypeError('boom')
      return { items: [1] }
    })
    await list.load()
    expect(list.error.value).toBe('加载失败')
    fail = false
    await list.load()
    expect(list.error.value).toBe('')
    expect(list.items.value).toEqual([1])
  })
})
