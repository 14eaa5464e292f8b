// The file import of the directories (POST /targets/import, /inspectors/import, /conflicts/import,
// /exemptions/import): the body is the CSV or XLSX file itself, the answer a per-row report.
// XMLHttpRequest rather than fetch, for the upload progress; the CSRF header and the error
// handling are those of http.ts. POST /imports/report.xlsx turns a report's problems into a
// workbook (the server keeps no report).
import { importContentType, reportWorkbookRequest } from '@/utils/importReport'
import {
  buildUrl,
  errorFromBody,
  getCsrfToken,
  handleFailure,
  networkError,
  requestFile,
  type ApiError,
  type Query,
} from '../http'

/** One problem of an import: `line` is the physical line of the file (the header is line 1). */
export interface ImportProblem {
  line: number
  column: string
  value: string
  message: string
  /** A warning never stops its row. */
  level: 'error' | 'warning'
}

/** The answer of an import. `committed: false` means nothing was written. */
export interface ImportReport {
  rows: number
  invalid_rows: number
  inserted: number
  updated: number
  committed: boolean
  problems: ImportProblem[]
  /** Problems beyond those listed (the server keeps a bounded number). */
  problems_dropped: number
}

export interface ImportOptions {
  /** Write the good rows and skip the bad ones (default: all or nothing). */
  skipInvalid: boolean
  /** A row whose key is already held updates that row instead of being an error. */
  updateExisting: boolean
}

export interface ImportHooks {
  /** Upload progress of the request body. */
  onProgress?: (loaded: number, total: number) => void
  /** The whole file is sent; the server now checks and writes it. */
  onUploaded?: () => void
  signal?: AbortSignal
}

/** What an import dialog calls to send a file (importTargets, or an inspector import of one kind). */
export type ImportUpload = (file: Blob, fileName: string, options: ImportOptions, hooks?: ImportHooks) => Promise<ImportReport>

/** The largest file the server takes (a bigger body is a 413). */
export const kImportMaxBytes = 256 * 1024 * 1024

/**
 * POSTs `file` as the body to `path` with the options (and `extra`) in the query, `file_name`
 * among them (the server names the file in its messages). Quiet: the dialog shows a refused
 * file's message itself. Rejects with an ApiError, or an AbortError.
 */
export function postImportFile(
  path: string,
  file: Blob,
  fileName: string,
  options: ImportOptions,
  hooks: ImportHooks = {},
  extra: Query = {},
) {
  return new Promise<ImportReport>((resolve, reject) => {
    const fail = (error: ApiError) => {
      handleFailure(error, { quiet: true })
      reject(error)
    }
    const url = buildUrl(path, {
      ...extra,
      skip_invalid: options.skipInvalid,
      update_existing: options.updateExisting,
      file_name: fileName,
    })
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', importContentType(fileName))
    const csrf = getCsrfToken()
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf)
    xhr.upload.onprogress = (e) => hooks.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.upload.onload = () => hooks.onUploaded?.()
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object') resolve(body as ImportReport)
      else fail(errorFromBody(xhr.status, xhr.status >= 200 && xhr.status < 300 ? null : body))
    }
    xhr.onerror = () => fail(networkError())
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'))
    if (hooks.signal) {
      if (hooks.signal.aborted) {
        reject(new DOMException('上传已取消', 'AbortError'))
        return
      }
      hooks.signal.addEventListener('abort', () => xhr.abort(), { once: true })
    }
    xhr.send(file)
  })
}

/**
 * The problems of `report` (an import of the file `fileName`) as an XLSX workbook: 行号, 列, 值,
 * 问题, 级别. Errors are shown as toasts.
 */
export function downloadReportWorkbook(fileName: string, report: Pick<ImportReport, 'problems' | 'problems_dropped'>) {
  return requestFile('/imports/report.xlsx', { method: 'POST', body: reportWorkbookRequest(fileName, report) })
}
