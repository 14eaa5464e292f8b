// Stand-ins for the browser's network in the API specs: a fetch that records each call and
// answers JSON, and an XMLHttpRequest (the uploads) that records the request and is answered by
// the test. Only specs import this file.
import { vi } from 'vitest'

export interface FetchCall {
  url: string
  init: RequestInit
}

/** Replaces fetch: every call is pushed to `calls` and answered `status` with `body` as JSON. */
export function answerFetch(calls: FetchCall[], status: number, body?: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
}

/** The headers a recorded fetch call sent. */
export const sentHeaders = (call: FetchCall) => call.init.headers as Record<string, string>

/** A stand-in XMLHttpRequest: records the request; the test answers it. */
export class FakeXhr {
  static last: FakeXhr
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown
  withCredentials = false
  status = 0
  responseText = ''
  upload: { onprogress?: (e: Partial<ProgressEvent>) => void; onload?: () => void } = {}
  onload?: () => void
  onerror?: () => void
  onabort?: () => void
  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: unknown) {
    this.body = body
  }
  abort() {
    this.onabort?.()
  }
  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.onload?.()
  }
}
