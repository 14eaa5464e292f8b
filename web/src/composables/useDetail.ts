// A detail drawer's state: which row it shows, the row as last read (with its history), the
// loading and error state. Opening another row or re-reading drops a slower older answer.
import { ref, shallowRef } from 'vue'
import { isApiError } from '@/api/http'

export function useDetail<T>(fetcher: (id: number) => Promise<T>) {
  const visible = ref(false)
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref('')
  let currentId = 0
  let latest = 0

  async function load() {
    const mine = ++latest
    loading.value = true
    error.value = ''
    try {
      const result = await fetcher(currentId)
      if (mine === latest) data.value = result
    } catch (e) {
      if (mine !== latest) return
      data.value = null
      error.value = isApiError(e) ? e.message : '加载失败'
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  /** Opens the drawer on row `id` and (re)reads it. */
  function open(id: number) {
    if (id !== currentId) data.value = null
    currentId = id
    visible.value = true
    return load()
  }

  /** Re-reads row `id` when the drawer shows it (after it was edited). */
  function refresh(id: number) {
    if (visible.value && id === currentId) void load()
  }

  return { visible, data, loading, error, load, open, refresh }
}
