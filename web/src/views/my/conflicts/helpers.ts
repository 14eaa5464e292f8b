// Pure helpers of 申报利害关系 (an inspector's own declaration, POST /me/conflicts): the form, its
// body, and telling the refusal of an account without an inspector record from other errors.
import type { ConflictDeclaration } from '@/api/directory/restrictions'
import { isApiError } from '@/api/http'
import { typedCode } from '@/views/directory/restriction/helpers'

/** The server's code for an account that is not linked to an inspector record. */
export const kNotAnInspector = 'conflict.not_an_inspector'

/** What the page says after the server's refusal of an account without an inspector record. */
export const kRefusalAdvice =
  '在线申报仅对已关联执法检查人员名录的账号开放。如您是执法检查人员，请联系本单位名录管理人员关联账号；也可直接向所在处室书面申报回避。'

export interface DeclarationForm {
  /** The target's 统一社会信用代码 or other code, typed (an inspector cannot search targets). */
  target: string
  reason: string
  /** '' = until revoked. */
  valid_until: string
}

export function blankDeclaration(): DeclarationForm {
  return { target: '', reason: '', valid_until: '' }
}

/** The body of POST /me/conflicts: the code in capitals, trimmed text, no empty end date. */
export function declarationInput(form: DeclarationForm): ConflictDeclaration {
  return { target: typedCode(form.target), reason: form.reason.trim(), valid_until: form.valid_until || undefined }
}

/** True for the 403 of an account without an inspector record (the page then explains). */
export function isNotAnInspector(error: unknown): boolean {
  return isApiError(error) && error.code === kNotAnInspector
}
