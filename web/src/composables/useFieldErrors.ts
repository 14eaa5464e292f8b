// Server validation errors shown on the form field they name (details.field), with any other
// error shown as a toast. Bind `errors.<field>` to el-form-item's `error` prop.
import { reactive } from 'vue'
import { isApiError, showError } from '@/api/http'

export function useFieldErrors<F extends string>(fields: readonly F[], aliases: Record<string, F> = {}) {
  const errors = reactive<Record<string, string>>(Object.fromEntries(fields.map((f) => [f, '']))) as Record<F, string>

  function clear() {
    for (const field of fields) errors[field] = ''
  }

  /** Puts the error on its field when the form has it; otherwise shows it. Returns the field. */
  function handle(error: unknown): F | undefined {
    if (isApiError(error) && error.field) {
      const field = (aliases[error.field] ?? error.field) as F
      if ((fields as readonly string[]).includes(field)) {
        errors[field] = error.message
        return field
      }
    }
    showError(error)
    return undefined
  }

  return { errors, clear, handle }
}
