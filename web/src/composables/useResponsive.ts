// Shared viewport state: below 768 px the app switches to its phone layout (drawer menu,
// top-aligned form labels, compact pagination, near full-width dialogs).
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue'

const kMobileQuery = '(max-width: 767px)'
const isMobile = ref(false)
let started = false

function start() {
  if (started || typeof window === 'undefined' || !window.matchMedia) return
  started = true
  const mql = window.matchMedia(kMobileQuery)
  isMobile.value = mql.matches
  mql.addEventListener('change', (e) => {
    isMobile.value = e.matches
  })
}

export function useResponsive() {
  start()
  return {
    isMobile,
    labelPosition: computed(() => (isMobile.value ? 'top' : 'right') as 'top' | 'right'),
    dialogWidth: (desktop: MaybeRefOrGetter<string>) => computed(() => (isMobile.value ? '92vw' : toValue(desktop))),
    paginationLayout: computed(() =>
      isMobile.value ? 'total, prev, pager, next' : 'total, sizes, prev, pager, next, jumper',
    ),
  }
}
