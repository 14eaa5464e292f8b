import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VNode } from 'vue'
import { answerFetch, type FetchCall } from '@/api/testing'

interface Shown {
  type?: string
  title?: string
  message?: unknown
  duration?: number
  closed: boolean
}
const shown = vi.hoisted(() => [] as Shown[])
vi.mock('element-plus', () => ({
  ElMessage: () => undefined,
  ElNotification: (options: Omit<Shown, 'closed'>) => {
    const entry: Shown = { ...options, closed: false }
    shown.push(entry)
    return { close: () => void (entry.closed = true) }
  },
}))
vi.mock('element-plus/es/components/message/style/css', () => ({}))
vi.mock('element-plus/es/components/notification/style/css', () => ({}))
const saved = vi.hoisted(() => [] as { url: string; name: string }[])
vi.mock('@/utils/download', () => ({ saveUrl: (url: string, name: string) => void saved.push({ url, name }) }))

const { runExport, useExport, ExportFailed, kExportPollRetries } = await import('./useExport')

/** Answers each fetch with the next of `answers` ([status, body]), recording the calls. */
function answerInTurn(calls: FetchCall[], answers: [number, unknown][]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      const [status, body] = answers.shift() ?? [500, { code: 'internal', message: '服务器内部错误' }]
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    }),
  )
}

const running = (rows: number) => [200, { id: 'x1', status: 'running', rows, file_name: '检查对象名录.xlsx' }] as [number, unknown]
const noWait = async () => undefined
/** The text of the progress notification's message (a render function). */
const progressText = (entry: Shown) => {
  const vnode = (entry.message as () => VNode)()
  return (vnode.children as VNode[]).map((c) => String(c.children)).join('|')
}

let calls: FetchCall[] = []

beforeEach(() => {
  calls = []
  shown.length = 0
  saved.length = 0
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('runExport', () => {
  it('polls every second until done, reporting the rows written', async () => {
    answerInTurn(calls, [
      [202, { id: 'x1', kind: 'targets', format: 'xlsx', status: 'running', rows: 0, file_name: '检查对象名录.xlsx' }],
      running(1200),
      running(5000),
      [200, { id: 'x1', status: 'done', rows: 5000, file_name: '检查对象名录.xlsx', bytes: 90000 }],
    ])
    const waits: number[] = []
    const rows: number[] = []
    const job = await runExport('targets', 'xlsx', { name: '渝中' }, {
      wait: async (ms) => void waits.push(ms),
      onProgress: (j) => void rows.push(j.rows),
    })
    expect(job.status).toBe('done')
    expect(rows).toEqual([0, 1200, 5000, 5000])
    expect(waits).toEqual([1000, 1000, 1000])
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/exports',
      '/api/v1/exports/x1',
      '/api/v1/exports/x1',
      '/api/v1/exports/x1',
    ])
  })

  it('waits a real second between polls', async () => {
    vi.useFakeTimers()
    answerInTurn(calls, [[202, { id: 'x1', status: 'running', rows: 0, file_name: 'a.csv' }], [200, { id: 'x1', status: 'done', rows: 3, file_name: 'a.csv' }]])
    const done = runExport('items', 'csv', {})
    await vi.advanceTimersByTimeAsync(999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect((await done).rows).toBe(3)
    expect(calls).toHaveLength(2)
  })

  it('rejects with the server’s error when the export failed', async () => {
    answerInTurn(calls, [
      [202, { id: 'x1', status: 'running', rows: 0, file_name: 'a.csv' }],
      [200, { id: 'x1', status: 'failed', rows: 10, error: '磁盘空间不足，导出中止', file_name: 'a.csv' }],
    ])
    const failure = runExport('conflicts', 'csv', {}, { wait: noWait })
    await expect(failure).rejects.toBeInstanceOf(ExportFailed)
    await expect(failure).rejects.toThrow('磁盘空间不足，导出中止')
  })

  it('tries a failing poll again, then gives up', async () => {
    answerInTurn(calls, [[202, { id: 'x1', status: 'running', rows: 0, file_name: 'a.csv' }], [502, null], running(5), [200, { id: 'x1', status: 'done', rows: 9, file_name: 'a.csv' }]])
    expect((await runExport('targets', 'csv', {}, { wait: noWait })).rows).toBe(9)

    calls = []
    answerInTurn(calls, [[202, { id: 'x1', status: 'running', rows: 0, file_name: 'a.csv' }], [502, null], [502, null], [502, null]])
    await expect(runExport('targets', 'csv', {}, { wait: noWait })).rejects.toMatchObject({ status: 502 })
    expect(calls).toHaveLength(1 + kExportPollRetries)
  })

  it('does not retry an export the server no longer knows', async () => {
    answerInTurn(calls, [[202, { id: 'x1', status: 'running', rows: 0, file_name: 'a.csv' }], [404, { code: 'not_found', message: '导出任务不存在' }]])
    await expect(runExport('targets', 'csv', {}, { wait: noWait })).rejects.toMatchObject({ status: 404 })
    expect(calls).toHaveLength(2)
  })
})

describe('useExport', () => {
  it('shows the rows written, then downloads the file and says 导出完成', async () => {
    vi.useFakeTimers()
    answerInTurn(calls, [
      [202, { id: 'x1', status: 'running', rows: 0, file_name: '检查对象名录.xlsx' }],
      running(1200),
      [200, { id: 'x1', status: 'done', rows: 3456, file_name: '检查对象名录.xlsx' }],
    ])
    const exporter = useExport('targets', () => ({ name: '渝中' }))
    const done = exporter.start('xlsx')
    expect(exporter.running.value).toBe(true)
    // A second click while it runs starts nothing.
    expect(await exporter.start('csv')).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(shown[0].title).toBe('正在导出 Excel')
    expect(progressText(shown[0])).toContain('正在导出，已写入 0 行')
    await vi.advanceTimersByTimeAsync(1000)
    expect(progressText(shown[0])).toContain('正在导出，已写入 1200 行')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await done).toBe(true)
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ kind: 'targets', format: 'xlsx', filter: { name: '渝中' } })
    expect(saved).toEqual([{ url: '/api/v1/exports/x1/file', name: '检查对象名录.xlsx' }])
    expect(shown[0].closed).toBe(true)
    expect(shown[1]).toMatchObject({ type: 'success', title: '导出完成' })
    expect(String(shown[1].message)).toContain('共 3456 行')
    expect(exporter.running.value).toBe(false)
  })

  it('says why an export failed and downloads nothing', async () => {
    answerInTurn(calls, [
      [202, { id: 'x1', status: 'running', rows: 0, file_name: 'a.csv' }],
      [200, { id: 'x1', status: 'failed', rows: 0, error: '导出超时，请缩小查询范围后重试', file_name: 'a.csv' }],
    ])
    vi.useFakeTimers()
    const exporter = useExport('items', () => ({}))
    const done = exporter.start('csv')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await done).toBe(false)
    expect(saved).toEqual([])
    expect(shown[0].closed).toBe(true)
    expect(shown[1]).toMatchObject({ type: 'error', title: '导出失败', message: '导出超时，请缩小查询范围后重试', duration: 0 })
    expect(exporter.running.value).toBe(false)
  })

  it('shows the message of export.busy', async () => {
    answerFetch(calls, 429, { code: 'export.busy', message: '同时进行的导出较多，请稍后再试', details: {} })
    const exporter = useExport('conflicts', () => ({}))
    expect(await exporter.start('csv')).toBe(false)
    expect(shown[1]).toMatchObject({ type: 'warning', title: '暂时不能导出', message: '同时进行的导出较多，请稍后再试' })
    expect(calls).toHaveLength(1)
  })
})
