// 导出 of a list (api/exports.ts): start the export with the list's current filter, poll its
// status every second while a notification says how many rows are written, then download the
// file through a plain link and say 导出完成; a refusal (export.busy) or a failure is said in
// the server's words. `runExport` is the polling alone, without anything on screen.
import { h, ref, toValue, type MaybeRefOrGetter } from 'vue'
import { ElNotification } from 'element-plus'
import 'element-plus/es/components/notification/style/css'
import {
  exportFileUrl,
  getExport,
  startExport,
  type ExportFormat,
  type ExportJob,
  type ExportKind,
} from '@/api/exports'
import { isApiError } from '@/api/http'
import { saveUrl } from '@/utils/download'

/** How often the status is asked for. */
export const kExportPollMs = 1000
/** Polls failing one after another (a network hiccup) before the export is given up. */
export const kExportPollRetries = 3

export const kFormatLabels: Record<ExportFormat, string> = { xlsx: 'Excel', csv: 'CSV' }

/** The server reported the export failed; the message is its `error`. */
export class ExportFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportFailed'
  }
}

export interface RunHooks {
  /** Each status read (the first is the answer of the start). */
  onProgress?: (job: ExportJob) => void
  /** Waits between polls (tests pass one that does not). */
  wait?: (ms: number) => Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Starts an export and polls until it is done; resolves with the finished export. Rejects with
 * the ApiError of the start (e.g. 429 export.busy), with ExportFailed when the server reports a
 * failure, or with the poll's error after kExportPollRetries failed polls in a row (a 4xx answer
 * such as 404 is not retried).
 */
export async function runExport(
  kind: ExportKind,
  format: ExportFormat,
  filter: Record<string, string>,
  hooks: RunHooks = {},
): Promise<ExportJob> {
  const wait = hooks.wait ?? sleep
  let job = await startExport(kind, format, filter)
  hooks.onProgress?.(job)
  let failures = 0
  while (job.status !== 'done' && job.status !== 'failed') {
    await wait(kExportPollMs)
    try {
      job = await getExport(job.id)
      failures = 0
    } catch (e) {
      const final = isApiError(e) && e.status >= 400 && e.status < 500
      if (final || ++failures >= kExportPollRetries) throw e
      continue
    }
    hooks.onProgress?.(job)
  }
  if (job.status === 'failed') throw new ExportFailed(job.error?.trim() || '导出失败，请稍后重试')
  return job
}

/** The words of a failed export: the server's message, or a general one. */
export function exportErrorText(error: unknown): string {
  if (error instanceof ExportFailed || isApiError(error)) return error.message
  return '导出失败，请稍后重试'
}

/**
 * The 导出 of one list page: `filter` reads the list's current filter when an export starts.
 * `running` is true while one is under way (one at a time per page).
 */
export function useExport(kind: MaybeRefOrGetter<ExportKind>, filter: () => Record<string, string>) {
  const running = ref(false)
  const rows = ref(0)

  async function start(format: ExportFormat): Promise<boolean> {
    if (running.value) return false
    running.value = true
    rows.value = 0
    const label = kFormatLabels[format]
    const progress = ElNotification({
      title: `正在导出 ${label}`,
      message: () =>
        h('div', { class: 'export-progress' }, [
          h('div', { class: 'export-progress-rows' }, `正在导出，已写入 ${rows.value} 行`),
          h('div', { class: 'export-progress-note' }, '按当前查询条件导出，完成后自动下载'),
        ]),
      type: 'info',
      duration: 0,
      showClose: false,
      customClass: 'export-notification',
    })
    try {
      const job = await runExport(toValue(kind), format, filter(), {
        onProgress: (j) => {
          rows.value = Number(j.rows) || 0
        },
      })
      rows.value = Number(job.rows) || 0
      saveUrl(exportFileUrl(job.id), job.file_name)
      progress.close()
      ElNotification({
        type: 'success',
        title: '导出完成',
        message: `共 ${rows.value} 行，已开始下载“${job.file_name}”`,
        duration: 6000,
      })
      return true
    } catch (e) {
      progress.close()
      const busy = isApiError(e) && e.status === 429
      ElNotification({
        type: busy ? 'warning' : 'error',
        title: busy ? '暂时不能导出' : '导出失败',
        message: exportErrorText(e),
        duration: busy ? 6000 : 0,
      })
      return false
    } finally {
      running.value = false
    }
  }

  return { running, rows, start }
}
