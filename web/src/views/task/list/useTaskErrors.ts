// Server errors of the task form on the input they name: "strata[2].ratio" under the row of the
// stratum sent third (empty rows are not sent, so the index is mapped through the ids of the
// body), task.stratum_missing's class on its row, "participants[0].department_id" under that
// participant, "scope.division" under 行政区划; anything else as a toast (useFieldErrors).
import { reactive } from 'vue'
import { isApiError } from '@/api/http'
import type { StratumId } from '@/api/task'
import { useFieldErrors } from '@/composables/useFieldErrors'
import { kTaskFields, placeError, type ParticipantForm, type TaskForm } from './helpers'

export function useTaskErrors(form: TaskForm) {
  const fieldErrors = useFieldErrors(kTaskFields)
  const strataErrors = reactive<Record<string, string>>({})
  const participantErrors = reactive<Record<string, string>>({})
  /** The stratum ids of the body last sent, index by index. */
  let sentIds: StratumId[] = []

  function clear() {
    fieldErrors.clear()
    for (const key of Object.keys(strataErrors)) delete strataErrors[key]
    for (const key of Object.keys(participantErrors)) delete participantErrors[key]
  }

  function sent(ids: StratumId[]) {
    sentIds = ids
  }

  const stratumError = (id: StratumId) => strataErrors[id] ?? ''
  const clearStratum = (id: StratumId) => delete strataErrors[id]
  const participantError = (row: Pick<ParticipantForm, 'key'>, column: string) => participantErrors[`${row.key}.${column}`] ?? ''
  const clearParticipant = (row: Pick<ParticipantForm, 'key'>, column: string) => delete participantErrors[`${row.key}.${column}`]

  /**
   * Puts the error where it belongs. Returns a CSS selector of where it landed (the form scrolls
   * there), or undefined when it was shown as a toast.
   */
  function handle(error: unknown): string | undefined {
    if (isApiError(error)) {
      const place = placeError(error.field, error.details.value, sentIds)
      if (place.kind === 'stratum') {
        strataErrors[place.id] = error.message
        return `#task-stratum-${place.id}`
      }
      if (place.kind === 'participant') {
        const row = form.participants[place.index]
        if (row) {
          participantErrors[`${row.key}.${place.column}`] = error.message
          return `#task-participant-${row.key}`
        }
        fieldErrors.errors.participants = error.message
        return '.is-error'
      }
      if (place.kind === 'field') {
        fieldErrors.errors[place.field] = error.message
        return '.is-error'
      }
    }
    fieldErrors.handle(error)
    return undefined
  }

  return {
    errors: fieldErrors.errors,
    strataErrors,
    stratumError,
    clearStratum,
    participantError,
    clearParticipant,
    clear,
    sent,
    handle,
  }
}
