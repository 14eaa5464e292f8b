// Server validation errors shown on the form field they name (details.field), with any other
// error shown as a toast. Bind `errors.<field>` to el-form-item's `error` prop.
// An error listing several problems (details.problems: [{field, column, message}], as the
// target directory answers) puts every problem on its field; those naming no field of the
// form are shown together as one toast.
import { reactive } from 'vue'
import { ApiError, isApiError, showError } from '@/api/http'

interface Problem {
  field?: unknown
  column?: unknown
  message?: unknown
}

function problemsOf(error: ApiError): Problem[] | null {
  const problems = error.details.problems
  if (!Array.isArray(problems) || problems.length === 0) return null
  return problems.filter((p): p is Problem => !!p && typeof p === 'object')
}

export function useFieldErrors<F extends string>(fields: readonly F[], aliases: Record<string, F> = {}) {
  const errors = reactive<Record<string, string>>(Object.fromEntries(fields.map((f) => [f, '']))) as Record<F, string>

  function clear() {
    for (const field of fields) errors[field] = ''
  }

  function formField(name: unknown): F | undefined {
    if (typeof name !== 'string' || !name) return undefined
    const field = (aliases[name] ?? name) as F
    return (fields as readonly string[]).includes(field) ? field : undefined
  }

  function handleProblems(error: ApiError, problems: Problem[]): F | undefined {
    let first: F | undefined
    const elsewhere: string[] = []
    for (const p of problems) {
      const message = typeof p.message === 'string' && p.message ? p.message : error.message
      const field = formField(p.field)
      if (field) {
        errors[field] = errors[field] ? `${errors[field]}；${message}` : message
        first ??= field
      } else {
        elsewhere.push(typeof p.column === 'string' && p.column ? `${p.column}：${message}` : message)
      }
    }
    if (elsewhere.length) showError(new ApiError(error.status, error.code, elsewhere.join('；'), error.details))
    return first
  }

  /** Puts the error on its field when the form has it; otherwise shows it. Returns the field. */
  function handle(error: unknown): F | undefined {
    if (isApiError(error)) {
      const problems = problemsOf(error)
      if (problems) return handleProblems(error, problems)
      const field = formField(error.field)
      if (field) {
        errors[field] = error.message
        return field
      }
    }
    showError(error)
    return undefined
  }

  return { errors, clear, handle }
}
