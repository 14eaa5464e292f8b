// Pure helpers of 检查记录 in a target's drawer (InspectionHistory.vue, GET /targets/{id}/inspections):
// a record's result line (the published summary, or where the record stands until it is
// published), its task window, and the line that sums the history up.
import type { TargetInspection, TargetInspections } from '@/api/report'

/** The published result, or a word on why there is none yet. */
export function resultText(r: Pick<TargetInspection, 'status' | 'summary'>): string {
  if (r.summary) return r.summary
  if (r.status === 'published') return '已公示'
  if (r.status === 'reviewed') return '已审核，待公示'
  if (r.status === 'submitted') return '已提交，待审核'
  return '检查进行中'
}

/** “2026-12-01 至 2026-12-31”. */
export function windowText(r: Pick<TargetInspection, 'start_date' | 'end_date'>): string {
  if (!r.start_date && !r.end_date) return '—'
  return `${r.start_date || '—'} 至 ${r.end_date || '—'}`
}

/** “共 3 次抽查，已公示 2 次，未办结的后续处置 1 项（逾期 1 项）” (empty without records). */
export function historySummary(h: Pick<TargetInspections, 'records' | 'open_follow_ups'> | null | undefined): string {
  const records = h?.records ?? []
  if (!records.length) return ''
  const published = records.filter((r) => r.status === 'published').length
  const parts = [`共 ${records.length} 次抽查`, `已公示 ${published} 次`]
  const open = h?.open_follow_ups?.length ?? 0
  const overdue = (h?.open_follow_ups ?? []).filter((f) => f.overdue).length
  if (open) parts.push(`未办结的后续处置 ${open} 项${overdue ? `（逾期 ${overdue} 项）` : ''}`)
  return parts.join('，')
}
