import { describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { useDetail } = await import('./useDetail')
const { ApiError } = await import('@/api/http')

/** A fetcher whose answers the test releases one by one. */
function controlled() {
  const pending: { id: number; resolve: (v: string) => void; reject: (e: unknown) => void }[] = []
  const fetcher = (id: number) => new Promise<string>((resolve, reject) => pending.push({ id, resolve, reject }))
  return { pending, fetcher }
}

describe('useDetail', () => {
  it('opens, reads and keeps only the newest answer', async () => {
    const { pending, fetcher } = controlled()
    const detail = useDetail(fetcher)
    const first = detail.open(1)
    const second = detail.open(2)
    expect(detail.visible.value).toBe(true)
    expect(detail.loading.value).toBe(true)
    pending[1].resolve('two')
    await second
    pending[0].resolve('one')
    await first
    expect(detail.data.value).toBe('two')
    expect(detail.loading.value).toBe(false)
  })

  it('shows the server message on failure and re-reads only the shown row', async () => {
    const { pending, fetcher } = controlled()
    const detail = useDetail(fetcher)
    const opened = detail.open(5)
    pending[0].reject(new ApiError(404, 'not_found', '对象不存在'))
    await opened
    expect(detail.error.value).toBe('对象不存在')
    expect(detail.data.value).toBeNull()
    detail.refresh(6)
    expect(pending).toHaveLength(1)
    detail.refresh(5)
    expect(pending.map((p) => p.id)).toEqual([5, 5])
  })
})
