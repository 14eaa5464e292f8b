// Pure helpers of the portal's 抽取公示 pages: a task's state in public words, when its record is
// public, its counts per class and per exclusion reason in words, the names the record and the
// pool file take when saved (the record's targets_csv names the pool file: both must sit in one
// folder for `ssj verify`), and the hashes in groups for reading aloud.
import type { PublicTask, TaskStatus } from '@/api/task'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'
import { excludedRows, sortedCounts, stratumLabel } from '@/views/task/list/helpers'

export const kPublicStatuses: Dict<TaskStatus> = [
  { value: 'draft', label: '草稿', tag: 'info' },
  { value: 'committed', label: '待抽取', tag: 'warning' },
  { value: 'drawn', label: '已抽取', tag: 'primary' },
  { value: 'confirmed', label: '已确认', tag: 'success' },
  { value: 'inspecting', label: '检查中', tag: 'success' },
  { value: 'void', label: '已作废', tag: 'danger' },
]

export const publicStatusLabel = (s: string | null | undefined) => dictLabel(kPublicStatuses, s)
export const publicStatusTag = (s: string | null | undefined) => dictTag(kPublicStatuses, s)

/** Whether the task has been drawn (its record exists, public or not yet). */
export function hasDrawn(task: Pick<PublicTask, 'status' | 'drawn_at'>): boolean {
  return !!task.drawn_at || ['drawn', 'confirmed', 'inspecting'].includes(task.status)
}

/**
 * When the record (targets, teams, the files to verify) can be read: “已公开”, “将于 2026-12-01
 * 起公开”, or “抽取后自 … 起公开” before the draw; 不予提前告知 items say why it waits.
 */
export function recordText(task: Pick<PublicTask, 'record_public' | 'record_public_from' | 'status' | 'drawn_at' | 'notify'>): string {
  if (task.record_public) return '已公开'
  const why = task.notify ? '' : '（含不予提前告知的事项，检查结束后公开）'
  if (!hasDrawn(task)) return `抽取后自 ${task.record_public_from} 起公开${why}`
  return `将于 ${task.record_public_from} 起公开${why}`
}

/** “A 类 773 户”… for each class of the frozen pool. */
export function poolCountChips(counts: Record<string, number> | null | undefined): { id: string; label: string; count: number }[] {
  return sortedCounts(counts).map(([id, count]) => ({ id, label: stratumLabel(id), count }))
}

/** The excluded counts by reason, only the reasons that excluded someone. */
export function excludedChips(counts: Partial<Record<string, number>> | null | undefined) {
  return excludedRows(counts).filter((r) => r.count > 0)
}

export function totalOf(rows: readonly { count: number }[]): number {
  return rows.reduce((n, r) => n + r.count, 0)
}

/** The file names the downloads take: the record names the pool file “T2026-00012-pool.csv”. */
export function recordFileName(code: string): string {
  return `${code}-record.json`
}

export function poolFileName(code: string, targetsCsv?: string): string {
  return targetsCsv || `${code}-pool.csv`
}

/** A hash in groups of eight for reading: “3f2a9c01 77be…”. */
export function hashGroups(hex: string | null | undefined): string {
  return (hex ?? '').match(/.{1,8}/g)?.join(' ') ?? ''
}
