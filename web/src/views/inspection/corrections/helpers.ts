// Pure helpers of the corrections of published results (结果更正): the statuses in words; the
// correction form (a reason, and per item its 检查结果, 发现的问题 and 处理情况, prefilled from the
// record), which items it changes and the body it sends (only the changed items: the server
// wants each sent item to carry result codes and the whole to differ from what was published);
// its checks (the server checks again); the item a refusal such as `items[1].result_codes` names;
// and a correction's items set beside the record's current values for the head to compare.
// Used by 结果更正审批, the record page's 申请更正 and the 更正 of 异议处理.
import type { InspectionRecord, RecordItem, ResultCategory } from '@/api/inspection'
import type { CorrectionInput, CorrectionItem, CorrectionStatus } from '@/api/publicity'
import { dictLabel, dictTag, type Dict } from '@/utils/dict'
import { exclusivityConflicts } from '@/views/inspection/record/helpers'

export const kCorrectionStatuses: Dict<CorrectionStatus> = [
  { value: 'pending', label: '待审批', tag: 'warning' },
  { value: 'approved', label: '已批准', tag: 'success' },
  { value: 'rejected', label: '已驳回', tag: 'danger' },
]

export const correctionStatusLabel = (s: string | null | undefined) => dictLabel(kCorrectionStatuses, s)
export const correctionStatusTag = (s: string | null | undefined) => dictTag(kCorrectionStatuses, s)

/** The server takes 2–500 characters for a reason (更正理由, 维持理由, 反馈情况). */
export const kMaxReasonChars = 500

/** Why `text` is not a usable reason, '' when it is. */
export function reasonProblem(text: string, label: string): string {
  const n = [...text.trim()].length
  if (n < 2) return `请填写${label}`
  if (n > kMaxReasonChars) return `${label}最多 ${kMaxReasonChars} 个字`
  return ''
}

/** The 检查结果 codes as texts, 、-joined ('—' for none); an unknown code shows as itself. */
export function codesText(codes: readonly string[] | null | undefined, categories: readonly ResultCategory[]): string {
  if (!codes?.length) return '—'
  const byCode = new Map(categories.map((c) => [c.code, c.text]))
  return codes.map((c) => byCode.get(c) ?? c).join('、')
}

// ---------------------------------------------------------------------------------------------
// The form

export interface ItemValues {
  result_codes: string[]
  findings: string
  handling: string
}

/** One item of the correction form, with what was published to compare against. */
/** The server's limits of an item's texts. */
export const kMaxFindingsChars = 2000
export const kMaxHandlingChars = 1000

export interface CorrectionItemForm extends ItemValues {
  item_id: number
  code: string
  name: string
  department_name: string
  original: ItemValues
}

export interface CorrectionForm {
  reason: string
  items: CorrectionItemForm[]
}

function valuesOf(item: Partial<ItemValues> | null | undefined): ItemValues {
  return {
    result_codes: Array.isArray(item?.result_codes) ? [...item.result_codes] : [],
    findings: typeof item?.findings === 'string' ? item.findings : '',
    handling: typeof item?.handling === 'string' ? item.handling : '',
  }
}

/** The form prefilled from the record's items (their values as published). */
export function correctionForm(record: Pick<InspectionRecord, 'items'>): CorrectionForm {
  return {
    reason: '',
    items: record.items.map((i: RecordItem) => ({
      item_id: i.item_id,
      code: i.code,
      name: i.name,
      department_name: i.department_name,
      ...valuesOf(i),
      original: valuesOf(i),
    })),
  }
}

const sameCodes = (a: readonly string[], b: readonly string[]) => [...new Set(a)].sort().join('\n') === [...new Set(b)].sort().join('\n')

/** Whether the item's 检查结果 differ from what was published (compared as a set). */
export function codesChanged(item: CorrectionItemForm): boolean {
  return !sameCodes(item.result_codes, item.original.result_codes)
}

/** Whether the item's values differ from what was published (codes compared as a set, texts trimmed). */
export function itemChanged(item: CorrectionItemForm): boolean {
  return (
    codesChanged(item) ||
    item.findings.trim() !== item.original.findings.trim() ||
    item.handling.trim() !== item.original.handling.trim()
  )
}

/** The changed items as the body sends them. */
export function changedItems(form: CorrectionForm): CorrectionItem[] {
  return form.items.filter(itemChanged).map((i) => ({
    item_id: i.item_id,
    result_codes: [...new Set(i.result_codes)],
    findings: i.findings.trim(),
    handling: i.handling.trim(),
  }))
}

export function correctionBody(form: CorrectionForm): CorrectionInput {
  return { reason: form.reason.trim(), items: changedItems(form) }
}

export interface CorrectionProblems {
  reason: string
  /** About the whole (nothing changed). */
  items: string
  /** By item id. */
  byItem: Record<number, string>
}

/** The problems of the form; `reasonLabel` names the reason (更正理由, 复查意见 …). */
export function correctionProblems(form: CorrectionForm, categories: readonly ResultCategory[], reasonLabel = '更正理由'): CorrectionProblems {
  const byItem: Record<number, string> = {}
  for (const item of form.items) {
    if (!itemChanged(item)) continue
    if (!item.result_codes.length) byItem[item.item_id] = '请选择更正后的检查结果'
    else if (exclusivityConflicts(item.result_codes, categories).length) byItem[item.item_id] = '检查结果的上级与下级不能同时选择'
    else if ([...item.findings.trim()].length > kMaxFindingsChars) byItem[item.item_id] = `发现的问题最多 ${kMaxFindingsChars} 个字`
    else if ([...item.handling.trim()].length > kMaxHandlingChars) byItem[item.item_id] = `处理情况最多 ${kMaxHandlingChars} 个字`
  }
  return {
    reason: reasonProblem(form.reason, reasonLabel),
    items: form.items.some(itemChanged) ? '' : '更正后的内容与已公示的结果相同，请修改需要更正的事项',
    byItem,
  }
}

export function hasCorrectionProblems(p: CorrectionProblems): boolean {
  return !!p.reason || !!p.items || Object.values(p.byItem).some(Boolean)
}

/**
 * The item a refusal's field names: `items[1].result_codes` is the second item sent. null when
 * the field names no item (`reason`, `items` itself).
 */
export function itemOfField(field: string | undefined, sent: readonly CorrectionItem[]): number | null {
  const m = /^items\[(\d+)\]/.exec(field ?? '')
  if (!m) return null
  return sent[Number(m[1])]?.item_id ?? null
}

// ---------------------------------------------------------------------------------------------
// A correction beside the record

export interface ItemChange {
  item_id: number
  /** The item's name, or “事项 #id” when the record could not be read. */
  name: string
  /** What is published now; null when not compared or the record could not be read. */
  before: ItemValues | null
  after: ItemValues
  /** Which of the three change (without `before`: the codes, and the texts that are not empty). */
  changed: { result_codes: boolean; findings: boolean; handling: boolean }
}

/**
 * The proposed items of a correction, named from the record; with its current values beside them
 * when `compare` (a pending correction: the record still holds what is published).
 */
export function itemChanges(
  items: readonly CorrectionItem[] | null | undefined,
  record: Pick<InspectionRecord, 'items'> | null | undefined,
  compare = true,
): ItemChange[] {
  return (items ?? []).map((item) => {
    const current = record?.items.find((i) => i.item_id === item.item_id)
    const after = valuesOf(item)
    const before = current && compare ? valuesOf(current) : null
    return {
      item_id: item.item_id,
      name: current?.name ?? `事项 #${item.item_id}`,
      before,
      after,
      // Without what was published to compare with, the texts show when there are any.
      changed: {
        result_codes: !before || !sameCodes(before.result_codes, after.result_codes),
        findings: before ? before.findings.trim() !== after.findings.trim() : !!after.findings.trim(),
        handling: before ? before.handling.trim() !== after.handling.trim() : !!after.handling.trim(),
      },
    }
  })
}
