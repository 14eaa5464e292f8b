// State of the 执法检查人员 and 专家和辅助人员 pages (one per group): the dictionaries
// (/inspectors/options), the departments in the user's scope, and the paginated list (and its
// query, for 导出).
import { computed, shallowRef } from 'vue'
import {
  getInspectorOptions,
  listInspectors,
  type Inspector,
  type InspectorGroup,
  type InspectorOptions,
  type InspectorQuery,
} from '@/api/directory/inspectors'
import { exportFilter } from '@/api/exports'
import { useDepartments } from '@/composables/useDepartments'
import { usePagedList } from '@/composables/usePagedList'
import { blankFilters, groupCategories, inspectorQuery, kDefaultOptions, type InspectorFilters } from './helpers'

export function useInspectorPage(group: InspectorGroup) {
  const options = shallowRef<InspectorOptions>(kDefaultOptions)
  const depts = useDepartments()
  /** The query of the rows shown: what 导出 exports. */
  let shown: InspectorQuery = inspectorQuery(group, { page: 1, page_size: 20 }, blankFilters())
  const list = usePagedList<Inspector, InspectorFilters>((params, f) => {
    shown = inspectorQuery(group, params, f)
    return listInspectors(shown)
  }, blankFilters)

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

  // The export's kind (inspectors or experts) says the group; `group` is no filter of it.
  const currentFilter = () => exportFilter({ ...shown, group: undefined })

  return { ...list, ...depts, options, categories, specialtyNames, filtered, loadOptions, currentFilter }
}
