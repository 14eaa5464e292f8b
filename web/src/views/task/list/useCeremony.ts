// The inputs of a draw ceremony and the draw itself, shared by the task page and the projector
// view: the witnesses' dice digits (counted as they are typed), the department secret (checked
// for 64 hex digits before it is sent), and POST /draw, whose refusals are kept by where they
// belong (ceremony.dice_too_short under the digits, ceremony.wrong_secret under the secret,
// ceremony.no_witness at the witnesses, anything else above the button).
import { computed, reactive, ref } from 'vue'
import { isApiError } from '@/api/http'
import { drawTask, type DrawAnswer } from '@/api/task'
import { countDigits, diceDigits, diceProblem, drawErrorPlace, normalizeSecret, secretProblem, type DrawErrorPlace } from './helpers'

export function useCeremony(taskId: () => number) {
  const dice = ref('')
  const secret = ref('')
  const drawing = ref(false)
  const errors = reactive<Record<DrawErrorPlace, string>>({ dice: '', secret: '', witness: '', general: '' })
  /** Whether the person has tried to draw: local problems show from then on. */
  const tried = ref(false)

  const digitCount = computed(() => countDigits(dice.value))
  const diceLocal = computed(() => diceProblem(dice.value))
  const secretLocal = computed(() => secretProblem(secret.value))
  const diceError = computed(() => errors.dice || (tried.value ? diceLocal.value : ''))
  const secretError = computed(() => errors.secret || (tried.value && !diceLocal.value ? secretLocal.value : ''))

  function clearErrors() {
    errors.dice = ''
    errors.secret = ''
    errors.witness = ''
    errors.general = ''
  }

  function diceChanged() {
    errors.dice = ''
    errors.general = ''
  }

  function secretChanged() {
    errors.secret = ''
    errors.general = ''
  }

  /** Draws; the answer, or null when refused (the reason is in `errors`). */
  async function draw(): Promise<DrawAnswer | null> {
    tried.value = true
    clearErrors()
    if (diceLocal.value || secretLocal.value) return null
    drawing.value = true
    try {
      const answer = await drawTask(taskId(), {
        secret: normalizeSecret(secret.value),
        public_input: { kind: 'dice', value: diceDigits(dice.value) },
      })
      secret.value = ''
      return answer
    } catch (e) {
      if (isApiError(e)) errors[drawErrorPlace(e)] = e.message
      else errors.general = '抽取失败，请稍后重试'
      return null
    } finally {
      drawing.value = false
    }
  }

  return { dice, secret, drawing, errors, digitCount, diceError, secretError, diceChanged, secretChanged, clearErrors, draw }
}
