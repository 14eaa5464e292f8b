// Target directory resource (检查对象名录库): GET/POST /targets, GET/PUT /targets/{id},
// GET /targets/options, POST /targets/import (+ its XLSX template). A bad create/edit is a 400
// whose details.problems names every bad field (useFieldErrors puts each on its form item); a
// duplicate code is a 409 on `code`.
import {
  buildUrl,
  errorFromBody,
  getCsrfToken,
  handleFailure,
  http,
  networkError,
  type ApiError,
  type Page,
} from '../http'

/** B.1 行政相对人, B.2 场地场所, B.3 产品. */
export type TargetKind = 'entity' | 'place' | 'product'

/** The action that wrote a version of a target. */
export type HistoryAction = 'create' | 'update' | 'import'

export interface Target {
  id: number
  kind: TargetKind
  /** 统一社会信用代码, or the resident ID number of a 自然人. */
  code: string
  name: string
  /** 行政相对人性质: 企业, 个体工商户, …, 自然人. */
  nature: string
  division_code: string
  /** The division's name (所属区县), filled by the server. */
  district: string
  address: string
  phone: string
  /** GB/T 4754 门类 letter (A–T) or "". */
  industry_section: string
  /** GB/T 4754 大类, two digits, or "". */
  industry_division: string
  status: string
  /** A–D, or "" for 未分类. */
  credit_class: string
  tags: string[]
  department_id: number
  department_name: string
  /** Non-empty for an early USCC whose check digit differs from GB 32100 (kept, with a warning). */
  code_warning: string
  version: number
  created_at: string
  updated_at: string
}

/** One stored version: `data` is the target's fields as saved by that version. */
export interface TargetVersion {
  version: number
  action: HistoryAction
  data: Record<string, unknown>
  /** The name of the person who saved it. */
  changed_by: string
  changed_at: string
}

export interface TargetDetail extends Target {
  /** Newest first. */
  history: TargetVersion[]
}

export interface TargetQuery {
  page: number
  page_size: number
  name?: string
  code?: string
  division?: string
  industry_section?: string
  industry_division?: string
  status?: string
  credit_class?: string
  tag?: string
  department_id?: number
  kind?: TargetKind
}

export interface TargetInput {
  name: string
  code: string
  nature: string
  division_code: string
  address: string
  phone: string
  /** Optional cross-check of division_code; empty lets the server derive it. */
  district: string
  status: string
  credit_class: string
  industry_section: string
  industry_division: string
  tags: string[]
  /** A department id, or its code; omitted: the caller's own department. */
  department?: number | string
}

export interface IndustrySection {
  code: string
  name: string
  division_from: number
  division_to: number
}

export interface TargetOptions {
  natures: string[]
  statuses: string[]
  classes: string[]
  tags: string[]
  industry_sections: IndustrySection[]
}

export function listTargets(query: TargetQuery) {
  return http.get<Page<Target>>('/targets', { ...query })
}

export function getTargetOptions() {
  return http.get<TargetOptions>('/targets/options')
}

export function getTarget(id: number) {
  return http.get<TargetDetail>(`/targets/${id}`)
}

/** Quiet: the form shows each problem on the field it names. */
export function createTarget(input: TargetInput) {
  return http.post<Target>('/targets', input, { quiet: true })
}

export function updateTarget(id: number, input: TargetInput) {
  return http.put<Target>(`/targets/${id}`, input, { quiet: true })
}

/** One problem of an import: `line` is the physical line of the file (the header is line 1). */
export interface ImportProblem {
  line: number
  column: string
  value: string
  message: string
  /** A warning never stops its row. */
  level: 'error' | 'warning'
}

/** The answer of POST /targets/import. `committed: false` means nothing was written. */
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
  /** A code already in the directory updates that target instead of being an error. */
  updateExisting: boolean
}

export interface ImportHooks {
  /** Upload progress of the request body. */
  onProgress?: (loaded: number, total: number) => void
  /** The whole file is sent; the server now checks and writes it. */
  onUploaded?: () => void
  signal?: AbortSignal
}

/** The largest file the server takes (a bigger body is a 413). */
export const kImportMaxBytes = 256 * 1024 * 1024

/** GET: the XLSX import template, downloaded as an attachment (the session cookie authenticates it). */
export const kImportTemplateUrl = buildUrl('/targets/import/template')

/**
 * POST /targets/import with the file itself as the body. XMLHttpRequest rather than fetch, for
 * the upload progress; the CSRF header and the error handling are those of http.ts (quiet: the
 * dialog shows a refused file's message itself). Rejects with an ApiError, or an AbortError.
 */
export function importTargets(file: Blob, fileName: string, options: ImportOptions, hooks: ImportHooks = {}) {
  return new Promise<ImportReport>((resolve, reject) => {
    const fail = (error: ApiError) => {
      handleFailure(error, { quiet: true })
      reject(error)
    }
    const url = buildUrl('/targets/import', {
      skip_invalid: options.skipInvalid,
      update_existing: options.updateExisting,
      file_name: fileName,
    })
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', 'text/csv')
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
