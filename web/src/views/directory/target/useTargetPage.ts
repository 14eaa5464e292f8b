// State of the 检查对象名录库 page: the dictionaries (/targets/options), the departments in the
// user's scope (/departments, when the user may list them), and the paginated target list.
import { computed, shallowRef } from 'vue'
import {
  getTargetOptions,
  listTargets,
  type IndustrySection,
  type Target,
  type TargetOptions,
} from '@/api/directory/targets'
import { useDepartments } from '@/composables/useDepartments'
import { usePagedList } from '@/composables/usePagedList'
import { kDefaultNatures, kTargetStatuses, kCreditClasses } from './helpers'

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

const kFallbackOptions: TargetOptions = {
  natures: kDefaultNatures,
  statuses: kTargetStatuses.map((s) => s.value),
  classes: kCreditClasses.map((c) => c.value),
  tags: [],
  industry_sections: [],
}

export function useTargetPage() {
  const options = shallowRef<TargetOptions>(kFallbackOptions)
  const depts = useDepartments()
  const sections = computed<IndustrySection[]>(() => options.value.industry_sections)

  const list = usePagedList<Target, TargetFilters>(
    (params, f) =>
      listTargets({
        ...params,
        name: f.name.trim() || undefined,
        code: f.code.trim() || undefined,
        division: f.division || undefined,
        industry_section: f.industry_section || undefined,
        status: f.status || undefined,
        credit_class: f.credit_class || undefined,
        tag: f.tag || undefined,
        department_id: f.department_id,
      }),
    () => ({
      name: '',
      code: '',
      division: '',
      industry_section: '',
      status: '',
      credit_class: '',
      tag: '',
      department_id: undefined,
    }),
  )

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
  }
}
