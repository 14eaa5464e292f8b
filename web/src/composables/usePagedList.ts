// A server-paginated list: filter state, page and size, loading and error state. Stale
// answers (an older request finishing after a newer one) are dropped. A list whose server stops
// counting (`total_capped`) keeps paging on while pages come back full (utils/paging.ts).
import { reactive, ref, shallowRef, type Ref, type UnwrapRef } from 'vue'
import type { Page } from '@/api/http'
import { isApiError } from '@/api/http'

export interface PageParams {
  page: number
  page_size: number
}

/** What a list's pagination footer drives (ListPagination.vue); usePagedList returns all of it. */
export interface PageControls {
  page: Ref<number>
  size: Ref<number>
  total: Ref<number>
  /** The server stopped counting: `total` is a lower bound. */
  capped: Ref<boolean>
  /** When capped: the last page known to hold rows (0: not known). */
  end: Ref<number>
  /** The rows of the current page (a full page means there may be a next one). */
  items: Readonly<Ref<readonly unknown[]>>
  onSizeChange(size: number): unknown
  onPageChange(page: number): unknown
}

export function usePagedList<T, Q extends object>(
  fetcher: (params: PageParams, filters: UnwrapRef<Q>) => Promise<Page<T>>,
  initialFilters: () => Q,
  pageSize = 20,
) {
  const filters = reactive(initialFilters())
  const page = ref(1)
  const size = ref(pageSize)
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const capped = ref(false)
  const end = ref(0)
  const loading = ref(false)
  const error = ref('')
  let generation = 0

  /** Reads the current page. */
  function load() {
    return read(false)
  }

  /** `steppedBack`: this read follows an empty page (so an empty answer does not step again). */
  async function read(steppedBack: boolean): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = ''
    try {
      const result = await fetcher({ page: page.value, page_size: size.value }, filters as UnwrapRef<Q>)
      if (mine !== generation) return
      items.value = result.items
      total.value = result.total
      capped.value = result.total_capped === true
      if (result.items.length === 0 && page.value > 1 && !steppedBack) {
        if (capped.value) {
          // Past the end of an uncounted list: the page before is the last one.
          end.value = page.value - 1
          page.value -= 1
          await read(true)
        } else if (result.total > 0) {
          // The last page may have emptied (rows deleted elsewhere): step back once.
          page.value = Math.max(1, Math.ceil(result.total / size.value))
          await read(true)
        }
      }
    } catch (e) {
      if (mine !== generation) return
      items.value = []
      total.value = 0
      capped.value = false
      error.value = isApiError(e) ? e.message : '加载失败'
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function search() {
    page.value = 1
    end.value = 0
    return load()
  }

  function reset() {
    Object.assign(filters, initialFilters())
    return search()
  }

  function onSizeChange(value: number) {
    size.value = value
    return search()
  }

  function onPageChange(value: number) {
    page.value = value
    return load()
  }

  return { filters, page, size, items, total, capped, end, loading, error, load, search, reset, onSizeChange, onPageChange }
}
