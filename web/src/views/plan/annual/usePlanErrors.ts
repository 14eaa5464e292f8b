// Server errors of the plan form on the input they name: "rows[2].ratio" under the third row's
// 抽查比例 (without the “第 3 行（…）：” the row makes plain), "name" under 计划名称, "rows" above the
// rows; anything else as a toast (useFieldErrors). Row errors are kept by the row's key, so
// deleting a row above does not move them onto another row.
import { reactive } from 'vue'
import { isApiError } from '@/api/http'
import { useFieldErrors } from '@/composables/useFieldErrors'
import { kPlanFields, placeError, rowErrorKey, rowMessage, type PlanForm, type PlanRowForm, type RowColumn } from './helpers'

export function usePlanErrors(form: PlanForm) {
  const planErrors = useFieldErrors(kPlanFields)
  const rowErrors = reactive<Record<string, string>>({})

  function clear() {
    planErrors.clear()
    for (const key of Object.keys(rowErrors)) delete rowErrors[key]
  }

  function rowError(row: Pick<PlanRowForm, 'key'>, column: RowColumn): string {
    return rowErrors[rowErrorKey(row, column)] ?? ''
  }

  function clearRow(row: Pick<PlanRowForm, 'key'>, column: RowColumn) {
    delete rowErrors[rowErrorKey(row, column)]
  }

  /**
   * Puts the error where it belongs. Returns the row's key when it landed on a row (the form
   * scrolls there), the plan field's name when on one, else undefined (it was shown).
   */
  function handle(error: unknown): number | string | undefined {
    if (isApiError(error)) {
      const place = placeError(error.field)
      if (place.kind === 'row') {
        const row = form.rows[place.row]
        if (row) {
          rowErrors[rowErrorKey(row, place.column)] = rowMessage(error.message)
          return row.key
        }
        planErrors.errors.rows = error.message
        return 'rows'
      }
    }
    return planErrors.handle(error)
  }

  return { errors: planErrors.errors, rowErrors, rowError, clearRow, clear, handle }
}
