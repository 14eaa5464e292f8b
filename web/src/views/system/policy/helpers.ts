// Pure logic of the 制度模板 page: a setting's value in words, the checks the server makes on an
// adjusted value (so the dialog can say what is wrong before sending), the adjustments a form
// amounts to, and the differences between two sets of values (to confirm a change or compare
// profiles).
import type { PolicyDocument, PolicyProfile, SettingSpec, SettingValue } from '@/api/policy/policy'

/** What formatting and checking need of a setting. */
export type SpecLike = Pick<SettingSpec, 'key' | 'label' | 'kind' | 'unit'> &
  Partial<Pick<SettingSpec, 'min' | 'max' | 'min_reason' | 'options' | 'required'>>

const kDaysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** "MM-DD" of a day every year has (02-29 is not one). */
export function isMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= kDaysInMonth[month - 1]
}

function optionLabel(spec: SpecLike, code: string): string {
  return spec.options?.find((o) => o.value === code)?.label ?? code
}

/** The value in words: "30 个工作日", "是", "3月31日", an option's label, "未规定". */
export function formatValue(spec: SpecLike, value: SettingValue | undefined): string {
  if (value === null || value === undefined) return '未规定'
  switch (spec.kind) {
    case 'working_days':
    case 'count':
      return `${value} ${spec.unit}`
    case 'flag':
      return value ? '是' : '否'
    case 'month_day': {
      const text = String(value)
      return isMonthDay(text) ? `${Number(text.slice(0, 2))}月${Number(text.slice(3))}日` : text
    }
    case 'choice':
      return optionLabel(spec, String(value))
    case 'choices': {
      const codes = value as string[]
      return codes.length ? codes.map((c) => optionLabel(spec, c)).join('、') : '无'
    }
  }
  return String(value)
}

export function sameValue(a: SettingValue | undefined, b: SettingValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return (a ?? null) === (b ?? null)
}

/**
 * What is wrong with `value` for `spec`, in the server's words, or '' when nothing is.
 * `nullable`: the profile says nothing here, so leaving it empty (未规定) is allowed.
 */
export function checkValue(spec: SpecLike, value: SettingValue | undefined, nullable: boolean): string {
  const name = `“${spec.label}”`
  if (value === null || value === undefined || value === '') {
    if (spec.required || !nullable) return `${name}必须有取值：制度项只能调整取值，不能改为“未规定”`
    return ''
  }
  switch (spec.kind) {
    case 'working_days':
    case 'count': {
      const n = Number(value)
      const min = spec.min ?? 1
      const max = spec.max ?? 365
      if (typeof value !== 'number' || !Number.isInteger(n)) return `${name}应为 ${min}–${max} 之间的整数（${spec.unit}）`
      if (n < min && spec.min_reason) return `${name}不能少于 ${min} ${spec.unit}：${spec.min_reason}，收到 ${n}`
      if (n < min || n > max) return `${name}应在 ${min}–${max} ${spec.unit}之间，收到 ${n}`
      return ''
    }
    case 'flag':
      return typeof value === 'boolean' ? '' : `${name}应为“是”或“否”`
    case 'month_day': {
      const text = String(value).trim()
      if (text === '02-29') return `${name}不能是 02-29：平年没有这一天，期限须每年都有`
      return isMonthDay(text) ? '' : `${name}应为 MM-DD 格式的月日，如 03-31，收到“${text}”`
    }
    case 'choice':
      return spec.options?.some((o) => o.value === value) ? '' : `${name}不是可选的取值：“${String(value)}”`
    case 'choices': {
      const codes = value as string[]
      const bad = codes.find((c) => !spec.options?.some((o) => o.value === c))
      return bad === undefined ? '' : `${name}中的“${bad}”不是可选值`
    }
  }
  return ''
}

/** A form value as the API takes it: trimmed text, a set in the options' order, empty as null. */
export function normalise(spec: SpecLike, value: SettingValue | undefined, baseIsNull: boolean): SettingValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (Array.isArray(value)) {
    // An empty set where the profile has none is no adjustment; where it has one, it is "无".
    if (value.length === 0 && baseIsNull) return null
    const order = spec.options?.map((o) => o.value) ?? []
    return [...value].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  }
  return value
}

/**
 * The adjustments a form amounts to: every setting whose value differs from the shipped
 * profile's. A setting left empty where the profile is silent follows the profile.
 */
export function overridesFrom(
  specs: readonly SpecLike[],
  base: Readonly<Record<string, SettingValue>>,
  values: Readonly<Record<string, SettingValue>>,
): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {}
  for (const spec of specs) {
    const baseValue = base[spec.key] ?? null
    const value = normalise(spec, values[spec.key], baseValue === null)
    if (value === null || sameValue(value, baseValue)) continue
    out[spec.key] = value
  }
  return out
}

/** `base` with `overrides` laid over it. */
export function applyOverrides(
  base: Readonly<Record<string, SettingValue>>,
  overrides: Readonly<Record<string, SettingValue>>,
): Record<string, SettingValue> {
  return { ...base, ...overrides }
}

export interface ValueChange {
  key: string
  label: string
  from: string
  to: string
}

/** The settings whose value differs between `before` and `after`, in the specs' order, in words. */
export function describeChanges(
  specs: readonly SpecLike[],
  before: Readonly<Record<string, SettingValue>>,
  after: Readonly<Record<string, SettingValue>>,
): ValueChange[] {
  return specs
    .filter((spec) => !sameValue(before[spec.key], after[spec.key]))
    .map((spec) => ({
      key: spec.key,
      label: spec.label,
      from: formatValue(spec, before[spec.key]),
      to: formatValue(spec, after[spec.key]),
    }))
}

/** Items in groups, in the order the groups first appear. */
export function groupBy<T extends { group: string }>(items: readonly T[]): { group: string; items: T[] }[] {
  const groups: { group: string; items: T[] }[] = []
  for (const item of items) {
    let g = groups.find((x) => x.group === item.group)
    if (!g) groups.push((g = { group: item.group, items: [] }))
    g.items.push(item)
  }
  return groups
}

/** A profile's values by key. */
export function profileValues(profile: Pick<PolicyProfile, 'settings'>): Record<string, SettingValue> {
  return Object.fromEntries(profile.settings.map((s) => [s.key, s.value]))
}

/** The numbers people compare profiles by: "公示 30 个工作日 · 年度上限 1 次 · 每对象不少于 2 人". */
export function profileSummary(profile: PolicyProfile): string {
  const v = profileValues(profile)
  const parts: string[] = []
  if (v.report_days != null && v.publish_after_report_days != null && v.publish_days == null) {
    parts.push(`报告 ${v.report_days} + 公示 ${v.publish_after_report_days} 个工作日`)
  } else if (profile.publication_days != null) {
    parts.push(`公示 ${profile.publication_days} 个工作日`)
  }
  parts.push(v.yearly_cap != null ? `年度上限 ${v.yearly_cap} 次` : '年度上限未规定')
  parts.push(`每对象不少于 ${v.min_inspectors} 人`)
  if (v.plan_publish_by) parts.push(`计划 ${formatValue({ key: '', label: '', kind: 'month_day', unit: '' }, v.plan_publish_by)}前公开`)
  if (v.objection_window_days != null) {
    parts.push(`异议 ${v.objection_window_days}/${v.objection_review_days}/${v.objection_notify_days}`)
  }
  return parts.join(' · ')
}

/** "工信厅政〔2018〕45号（文件 001）", without the parts the text lacks. */
export function describeDocument(doc: PolicyDocument): string {
  return doc.number ? `${doc.number}（文件 ${doc.file}）` : `文件 ${doc.file}`
}

/** A warning when the document's validity has ended by `today` (YYYY-MM-DD), or ''. */
export function expiryWarning(doc: PolicyDocument, today: string): string {
  if (!doc.valid_until || doc.valid_until >= today) return ''
  return `该文件有效期至 ${doc.valid_until}，已过期。请核实是否有新的规定，并据此调整取值或更换模板。`
}
