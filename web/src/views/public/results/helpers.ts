// Pure helpers of the portal's 检查结果公示 pages: what a search box entry means (a whole 统一社会
// 信用代码, part of a name, or something that looks like a mistyped code), the search as a query,
// a result's mark (发现问题 red, 未发现问题 green, 无法开展检查 grey), the corrections in words
// ("该结果已于 … 更正，更正理由：…"), the versions for the history, and the follow-up actions.
import type { PublicResultQuery, Result, ResultAction } from '@/api/publicity'
import type { PageParams } from '@/composables/usePagedList'
import type { TagType } from '@/utils/dict'
import { usccFormProblem } from '@/utils/idcode'
import { formatDateTime } from '@/utils/time'

/** The server reads at most this many characters of `q`. */
export const kMaxQueryChars = 100

export interface ResultFilters {
  /** 企业名称 (part of it) or a whole 统一社会信用代码. */
  q: string
}

export function blankResultFilters(): ResultFilters {
  return { q: '' }
}

/**
 * Meant as a code: 10 or more letters and digits, digits among them (no firm's name looks so; an
 * old 15-digit 注册号 or a mistyped code does). A whole code is 18 such characters.
 */
export function looksLikeCode(text: string): boolean {
  const t = text.trim()
  return /^[0-9A-Za-z]+$/.test(t) && /\d/.test(t) && t.length >= 10
}

/**
 * Why the search box entry cannot find anything, or '' when it can be searched: too long, or
 * something meant as a 统一社会信用代码 (see looksLikeCode) that is not 18 valid
 * characters, which the server would take as part of a name and find nothing.
 */
export function queryProblem(q: string): string {
  const text = q.trim()
  if (!text) return ''
  if ([...text].length > kMaxQueryChars) return `查询内容最多 ${kMaxQueryChars} 个字`
  if (looksLikeCode(text)) return usccFormProblem(text)
  return ''
}

/** GET /public/results's query: the trimmed entry (a code in capitals), or none for the latest. */
export function resultQuery(params: PageParams, f: ResultFilters): PublicResultQuery {
  const text = f.q.trim()
  return { ...params, q: text ? (looksLikeCode(text) ? text.toUpperCase() : text) : undefined }
}

/** The mark of a result: red when a problem was found, grey when it could not be inspected. */
export function resultMark(r: Pick<Result, 'problem' | 'content'>): { type: TagType; label: string } {
  if (r.problem) return { type: 'danger', label: '发现问题' }
  if (r.content?.uninspectable) return { type: 'info', label: '无法开展检查' }
  return { type: 'success', label: '未发现问题' }
}

/** The local date of an ISO time, "YYYY-MM-DD" ('' when unreadable). */
export function dateOf(iso: string | null | undefined): string {
  const text = formatDateTime(iso, '')
  return text ? text.slice(0, 10) : ''
}

/** "该结果已于 2026-12-05 更正，更正理由：…" for a corrected result, '' otherwise. */
export function correctionNotice(r: Pick<Result, 'corrected' | 'published_at' | 'reason'>): string {
  if (!r.corrected) return ''
  const when = dateOf(r.published_at)
  const why = r.reason.trim()
  return `该结果已于 ${when || '公示后'} 更正${why ? `，更正理由：${why}` : ''}`
}

/** One line of a result's history: 首次公示 or 第 N 次更正, its date, summary and reason. */
export interface VersionLine {
  id: number
  version: number
  label: string
  date: string
  summary: string
  problem: boolean
  reason: string
  current: boolean
}

/** The versions, newest first, as the history shows them. */
export function versionLines(versions: readonly Result[]): VersionLine[] {
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({
      id: v.id,
      version: v.version,
      label: v.version <= 1 ? '首次公示' : `第 ${v.version - 1} 次更正`,
      date: dateOf(v.published_at),
      summary: v.summary || '—',
      problem: v.problem,
      reason: v.reason,
      current: v.current,
    }))
}

/** A follow-up action in words: "责令改正（整改期限 2026-12-20）". */
export function actionText(a: ResultAction): string {
  return a.deadline ? `${a.kind}（整改期限 ${a.deadline}）` : a.kind
}

/** What the target's code is: a natural person's comes masked (an ID number), a firm's is its USCC. */
export function codeLabel(targetCode: string | null | undefined): string {
  return (targetCode ?? '').includes('*') ? '证件号码' : '统一社会信用代码'
}

/** The code to fill in on the objection form: only a whole code (a masked one is not). */
export function usccToPrefill(targetCode: string | null | undefined): string {
  const code = (targetCode ?? '').trim().toUpperCase()
  return code && !usccFormProblem(code) ? code : ''
}
