// The one submit path of a form that saves to the server: client rules first, then `save`; a
// server error naming a field lands on that field (useFieldErrors), any other is shown.
import { ref, type Ref } from 'vue'

/** What submitting needs from the form: an el-form instance, or a FormDialog, which forwards. */
export interface Validatable {
  validate(): Promise<unknown>
  clearValidate(): void
}

/** Where server errors go: the `clear` and `handle` of useFieldErrors. */
export interface ErrorSink {
  clear(): void
  handle(error: unknown): unknown
}

export function useFormSubmit(form: Readonly<Ref<Validatable | undefined>>, fieldErrors: ErrorSink) {
  const saving = ref(false)

  /**
   * Clears the previous server errors and validates; when valid, runs `save` with `saving` set.
   * Returns true when `save` finished, false when the form was invalid or `save` threw (the
   * error is then on its field or shown). `save` closes the dialog or navigates itself.
   */
  async function submit(save: () => Promise<void>): Promise<boolean> {
    fieldErrors.clear()
    const valid = await form.value?.validate().catch(() => false)
    if (!valid) return false
    saving.value = true
    try {
      await save()
      return true
    } catch (e) {
      fieldErrors.handle(e)
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, submit }
}
