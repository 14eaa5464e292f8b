// State of the 检查对象名录库 page: the dictionaries (/targets/options), the departments in the
// user's scope (/departments, when the user may list them), and the paginated list of the kind
// shown (行政相对人, 场地场所 or 产品: the `kind` of the query), with its filter for 导出 (whose
// kind is the export's, not a filter).
import { computed, ref, shallowRef } from 'vue'
import {
  getTargetOptions,
  listTargets,
  type IndustrySection,
  type Target,
  type TargetKind,
  type TargetOptions,
  type TargetQuery,
} from '@/api/directory/targets'
import { exportFilter } from '@/api/exports'
import { useDepartments } from '@/composables/useDepartments'
import { usePagedList, type PageParams } from '@/composables/usePagedList'
import { kDefaultNatures, kTargetStatuses, kCreditClasses } from './helpers'
import { kKinds } from './kinds'

export interface TargetFilters {
  name: string
  code: string
  division: string
  industry_section: string
  status: string
  credit_class: string
  tag: string
  department_id: number | undefined
}

export function blankTargetFilters(): TargetFilters {
  return {
    name: '',
    code: '',
    division: '',
    industry_section: '',
    status: '',
    credit_class: '',
    tag: '',
    department_id: undefined,
  }
}

/** The list's query: each filter that is set (trimmed). */
export function targetQuery(params: PageParams, f: TargetFilters): TargetQuery {
  return {
    ...params,
    name: f.name.trim() || undefined,
    code: f.code.trim() || undefined,
    division: f.division || undefined,
    industry_section: f.industry_section || undefined,
    status: f.status || undefined,
    credit_class: f.credit_class || undefined,
    tag: f.tag || undefined,
    department_id: f.department_id,
  }
}

const kFallbackOptions: TargetOptions = {
  natures: kDefaultNatures,
  statuses: kTargetStatuses.map((s) => s.value),
  classes: kCreditClasses.map((c) => c.value),
  tags: [],
  industry_sections: [],
}

export function useTargetPage(initialKind: TargetKind = 'entity') {
  const options = shallowRef<TargetOptions>(kFallbackOptions)
  const depts = useDepartments()
  const sections = computed<IndustrySection[]>(() => options.value.industry_sections)
  /** The tab: which kind the list holds. */
  const kind = ref<TargetKind>(initialKind)
  const config = computed(() => kKinds[kind.value])

  /** The query of the rows shown (without the kind): what 导出 exports. */
  let shown: TargetQuery = targetQuery({ page: 1, page_size: 20 }, blankTargetFilters())
  const list = usePagedList<Target, TargetFilters>((params, f) => {
    shown = targetQuery(params, f)
    return listTargets({ ...shown, kind: kind.value })
  }, blankTargetFilters)

  /** Shows another kind from its first page, with the same filters. */
  function setKind(next: TargetKind) {
    if (next === kind.value) return Promise.resolve()
    kind.value = next
    list.items.value = []
    list.total.value = 0
    return list.search()
  }

  /** True when any filter is set (the empty state then says nothing matched). */
  const filtered = computed(() => Object.values(list.filters).some((v) => v !== '' && v !== undefined))

  async function loadOptions() {
    try {
      options.value = await getTargetOptions()
    } catch {
      options.value = kFallbackOptions
    }
  }

  return {
    ...list,
    ...depts,
    options,
    sections,
    filtered,
    loadOptions,
    kind,
    config,
    setKind,
    currentFilter: () => exportFilter({ ...shown }),
  }
}
