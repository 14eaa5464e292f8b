// Pure helpers of the portal's 异议申请: the form, its checks before sending (the server checks
// again), the body (trimmed, the codes in capitals), where a refusal goes (a field, or the alert
// above the form for the 409s), and the receipt in words.
import type { ObjectionInput, ObjectionReceipt } from '@/api/publicity'
import { usccFormProblem } from '@/utils/idcode'
import { formatDateTime } from '@/utils/time'

export type ObjectionField = keyof ObjectionInput

export const kObjectionFields: readonly ObjectionField[] = ['uscc', 'verify_code', 'contact_name', 'contact_phone', 'content']

/** The server's limits, in characters. */
export const kObjectionLimits = { verify_code: 32, contact_name: 50, contact_phone: 40, content: 2000 } as const

export function blankObjection(uscc = ''): ObjectionInput {
  return { uscc, verify_code: '', contact_name: '', contact_phone: '', content: '' }
}

const chars = (s: string) => [...s.trim()].length

/** The problems of the form by field ('' none). */
export function objectionProblems(form: ObjectionInput): Record<ObjectionField, string> {
  const code = form.verify_code.trim()
  const phone = form.contact_phone.trim()
  const digits = (phone.match(/\d/g) ?? []).length
  let contactPhone = ''
  if (!phone) contactPhone = '请填写联系电话'
  else if (chars(phone) > kObjectionLimits.contact_phone) contactPhone = `联系电话最多 ${kObjectionLimits.contact_phone} 个字`
  else if (digits < 7) contactPhone = '请填写正确的联系电话（手机号码或带区号的固定电话）'
  return {
    uscc: usccFormProblem(form.uscc.replace(/\s+/g, '')),
    verify_code: !code
      ? '请填写检查通知书上的异议验证码'
      : chars(code) > kObjectionLimits.verify_code
        ? '异议验证码过长，请核对检查通知书'
        : '',
    contact_name: !form.contact_name.trim()
      ? '请填写联系人姓名'
      : chars(form.contact_name) > kObjectionLimits.contact_name
        ? `联系人最多 ${kObjectionLimits.contact_name} 个字`
        : '',
    contact_phone: contactPhone,
    content: !form.content.trim()
      ? '请填写异议内容'
      : chars(form.content) > kObjectionLimits.content
        ? `异议内容最多 ${kObjectionLimits.content} 个字`
        : '',
  }
}

export function hasProblems(problems: Record<string, string>): boolean {
  return Object.values(problems).some(Boolean)
}

/** The body of POST /public/objections: trimmed, both codes in capitals without spaces. */
export function objectionBody(form: ObjectionInput): ObjectionInput {
  return {
    uscc: form.uscc.replace(/\s+/g, '').toUpperCase(),
    verify_code: form.verify_code.replace(/\s+/g, '').toUpperCase(),
    contact_name: form.contact_name.trim(),
    contact_phone: form.contact_phone.trim(),
    content: form.content.trim(),
  }
}

/** The 409s and other refusals that concern the whole application, not one field. */
export const kWholeFormCodes = ['publicity.objection_closed', 'publicity.objection_open'] as const

/**
 * Where a refusal goes: the field it names when the form has it, else 'alert' (shown above
 * the form: the window closed, an objection already open, the server or the network failing).
 */
export function refusalTarget(error: { code?: string; details?: { field?: unknown } } | null | undefined): ObjectionField | 'alert' {
  if (!error) return 'alert'
  if ((kWholeFormCodes as readonly string[]).includes(error.code ?? '')) return 'alert'
  const field = error.details?.field
  if (typeof field === 'string' && (kObjectionFields as readonly string[]).includes(field)) return field as ObjectionField
  return 'alert'
}

/** The alert's title for a refusal of the whole application. */
export function refusalTitle(code: string | undefined): string {
  if (code === 'publicity.objection_closed') return '已超过异议受理期限'
  if (code === 'publicity.objection_open') return '该检查结果已有正在复查的异议'
  if (code === 'rate.limited') return '提交次数过多'
  return '异议申请未提交'
}

/** 复查期限 of the receipt: the date, or 按工作日计算 when the server could not give one. */
export function reviewDueText(receipt: Pick<ObjectionReceipt, 'review_due'>): string {
  return receipt.review_due ? `${receipt.review_due} 前作出复查结论` : '按工作日计算'
}

/** The receipt's lines, in order. */
export function receiptLines(receipt: ObjectionReceipt): { label: string; value: string }[] {
  return [
    { label: '受理编号', value: String(receipt.id) },
    { label: '检查对象', value: receipt.target_name || '—' },
    { label: '提交时间', value: formatDateTime(receipt.filed_at) },
    { label: '复查期限', value: reviewDueText(receipt) },
  ]
}
