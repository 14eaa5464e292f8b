// v-perm="'system:user:add'" (or an array: any one suffices) removes the element when the
// signed-in user lacks the permission. Removal, not hiding, so nothing is left to enable.
import type { Directive } from 'vue'
import { can } from '@/store/session'

type PermValue = string | string[]

function apply(el: HTMLElement, value: PermValue) {
  if (!can(value)) el.parentNode?.removeChild(el)
}

export const vPerm: Directive<HTMLElement, PermValue> = {
  mounted(el, binding) {
    apply(el, binding.value)
  },
  updated(el, binding) {
    apply(el, binding.value)
  },
}

declare module 'vue' {
  interface GlobalDirectives {
    vPerm: typeof vPerm
  }
}
