// State of the 执法检查人员 and 专家和辅助人员 pages (one per group): the dictionaries
// (/inspectors/options), the departments in the user's scope, and the paginated list.
import { computed, shallowRef } from 'vue'
import {
  getInspectorOptions,
  listInspectors,
  type Inspector,
  type InspectorGroup,
  type InspectorOptions,
} from '@/api/directory/inspectors'
import { useDepartments } from '@/composables/useDepartments'
import { usePagedList } from '@/composables/usePagedList'
import { blankFilters, groupCategories, inspectorQuery, kDefaultOptions, type InspectorFilters } from './helpers'

export function useInspectorPage(group: InspectorGroup) {
  const options = shallowRef<InspectorOptions>(kDefaultOptions)
  const depts = useDepartments()
  const list = usePagedList<Inspector, InspectorFilters>(
    (params, f) => listInspectors(inspectorQuery(group, params, f)),
    blankFilters,
  )

  /** True when any filter is set (the empty state then says nothing matched). */
  const filtered = computed(() => Object.values(list.filters).some((v) => v !== '' && v !== undefined))
  /** The categories this page holds. */
  const categories = computed(() => groupCategories(group, options.value.categories))
  const specialtyNames = computed(() => options.value.specialties.map((s) => s.name))

  async function loadOptions() {
    try {
      options.value = await getInspectorOptions()
    } catch {
      options.value = kDefaultOptions
    }
  }

  return { ...list, ...depts, options, categories, specialtyNames, filtered, loadOptions }
}
