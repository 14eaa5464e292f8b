// A list the server sends whole (departments, roles): the items, loading and the error message
// for the table's empty state. A failed load leaves the list empty, never stale.
import { ref, shallowRef } from 'vue'
import { isApiError, type Items } from '@/api/http'

export function useUnpagedList<T>(fetcher: () => Promise<Items<T>>) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const error = ref('')

  /** (Re)reads the list; on failure `items` is emptied and `error` holds the server's message. */
  async function load() {
    loading.value = true
    error.value = ''
    try {
      items.value = (await fetcher()).items
    } catch (e) {
      error.value = isApiError(e) ? e.message : '加载失败'
      items.value = []
    } finally {
      loading.value = false
    }
  }

  return { items, loading, error, load }
}
