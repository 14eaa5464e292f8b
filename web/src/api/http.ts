// The one fetch wrapper every API module uses. It owns: the /api/v1 base, JSON bodies,
// same-origin cookies, the CSRF token (in memory only, from login or /auth/me), mapping error
// bodies {code, message, details} to ApiError, showing the server's message, and the
// "session expired" path for 401 auth.unauthenticated. JSON answers come from `request`, files
// (exports, workbooks) from `requestFile`.
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

export const kApiBase = '/api/v1'

export interface ErrorDetails {
  field?: string
  value?: unknown
  reason?: string
  permission?: string
  retry_after_seconds?: number
  [key: string]: unknown
}

/** An error answered by the server (or a network failure, code "network"). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ErrorDetails

  constructor(status: number, code: string, message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }

  /** The field a validation or duplicate error names, if any. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Query
  body?: unknown
  /** Do not show the error message; the caller handles it (e.g. on a form field). */
  quiet?: boolean
  /** A 401 is an answer, not an expired session (login, the /auth/me probe at startup). */
  noAuthRedirect?: boolean
  signal?: AbortSignal
}

export interface Page<T> {
  items: T[]
  total: number
  /** More rows match than the server counted: `total` is then a lower bound (10 000). */
  total_capped?: boolean
  page: number
  page_size: number
}

export interface Items<T> {
  items: T[]
}

let csrfToken: string | null = null
let unauthenticatedHandler: ((error: ApiError) => void) | null = null

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null
}

export function getCsrfToken(): string | null {
  return csrfToken
}

/** Registers what happens when a session turns out to be gone (the router installs it). */
export function onUnauthenticated(handler: ((error: ApiError) => void) | null): void {
  unauthenticatedHandler = handler
}

/** Shows an error the way every page does (a toast with the server's Chinese message). */
export function showError(error: unknown): void {
  const message = isApiError(error) ? error.message : '操作失败，请稍后重试'
  ElMessage({ type: 'error', message, grouping: true, showClose: true })
}

export function buildUrl(path: string, query?: Query): string {
  const url = `${kApiBase}${path}`
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `${url}?${text}` : url
}

/** The ApiError for an HTTP error answer whose body (parsed JSON, or null) is `body`. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body) {
    const b = body as { code?: unknown; message?: unknown; details?: unknown }
    return new ApiError(
      status,
      String(b.code),
      typeof b.message === 'string' && b.message ? b.message : `请求失败（HTTP ${status}）`,
      b.details && typeof b.details === 'object' ? (b.details as ErrorDetails) : {},
    )
  }
  const message = status >= 500 ? `服务器暂时不可用（HTTP ${status}），请稍后重试` : `请求失败（HTTP ${status}）`
  return new ApiError(status, `http.${status}`, message)
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  return errorFromBody(response.status, body)
}

/** The error of a request that never got an answer. */
export function networkError(): ApiError {
  return new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
}

/**
 * What every failed call does before throwing `error`: an expired session goes to the login
 * page (unless `noAuthRedirect`), anything else shows the message (unless `quiet`).
 */
export function handleFailure(error: ApiError, options: Pick<RequestOptions, 'quiet' | 'noAuthRedirect'> = {}): void {
  if (error.status === 401 && error.code === 'auth.unauthenticated' && !options.noAuthRedirect) {
    setCsrfToken(null)
    if (unauthenticatedHandler) {
      unauthenticatedHandler(error)
      return
    }
  }
  if (!options.quiet) showError(error)
}

/** Sends one API call and returns the successful response; throws ApiError on any failure. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { Accept: accept }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (cause) {
    if ((cause as { name?: string })?.name === 'AbortError') throw cause
    const error = networkError()
    handleFailure(error, options)
    throw error
  }

  if (!response.ok) {
    const error = await readError(response)
    handleFailure(error, options)
    throw error
  }
  return response
}

/** Performs one API call and returns the parsed JSON body; throws ApiError on any failure. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json')
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** A file the server answered as an attachment. */
export interface DownloadedFile {
  blob: Blob
  /** The name the server suggests (Content-Disposition), or '' when it names none. */
  fileName: string
}

/**
 * The file name of a Content-Disposition header: the UTF-8 `filename*` when present (Chinese
 * names), else the plain `filename`, else ''.
 */
export function dispositionFileName(header: string | null | undefined): string {
  if (!header) return ''
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      /* a malformed escape: fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header)
  return (plain?.[1] ?? plain?.[2] ?? '').trim()
}

/** Performs one API call whose answer is a file (an export, a workbook); errors as `request`. */
export async function requestFile(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await send(path, options, '*/*')
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('Content-Disposition')) }
}

export const http = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'method' | 'query'> = {}) =>
    request<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'PUT', body: body ?? {} }),
  del: <T>(path: string, options: Omit<RequestOptions, 'method'> = {}) =>
    request<T>(path, { ...options, method: 'DELETE' }),
}
