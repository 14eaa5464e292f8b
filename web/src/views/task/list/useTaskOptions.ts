// What the task form chooses from, read once when it first opens: the policy in force (the
// minimum team size and whether a supervisor must attend), the specialty dictionary (/items/options),
// the directory's statuses, tags and industry sections (/targets/options), the annual plans in
// scope (/plans) and the departments in scope. Each is optional: a user without the permission to
// read one gets fallbacks, and the server checks every choice again.
import { computed, shallowRef } from 'vue'
import { getItemOptions } from '@/api/catalog/items'
import { listDepartmentNames, type DepartmentName } from '@/api/org/department'
import { getTargetOptions, type IndustrySection } from '@/api/directory/targets'
import { listPlans, type PlanSummary } from '@/api/plan'
import { getPolicy } from '@/api/policy/policy'
import { useDepartments } from '@/composables/useDepartments'
import { can } from '@/store/session'
import { kExcludedStatuses, kRaiseTags } from './helpers'

const kFallbackStatuses = ['存续', '在业', '停业清算']

export function useTaskOptions() {
  const depts = useDepartments()
  const specialties = shallowRef<string[]>([])
  const sections = shallowRef<IndustrySection[]>([])
  const statuses = shallowRef<string[]>(kFallbackStatuses)
  const tags = shallowRef<string[]>([...kRaiseTags])
  const plans = shallowRef<PlanSummary[]>([])
  /** Every active department, whatever the user's scope: a joint task's 配合部门 may be any. */
  const allDepartments = shallowRef<DepartmentName[]>([])
  const minTeam = shallowRef(2)
  const witnessRequired = shallowRef(false)
  const capRequired = shallowRef(true)
  const canListPlans = computed(() => can('plan:annual:list'))
  let loaded: Promise<void> | null = null

  async function loadPolicy() {
    try {
      const policy = await getPolicy()
      const min = Number(policy.values.min_inspectors)
      if (Number.isInteger(min) && min >= 2) minTeam.value = min
      witnessRequired.value = policy.values.draw_witnesses === true
      capRequired.value = policy.values.general_item_ratio_cap !== false
    } catch {
      /* the server checks the team size; the defaults only guide */
    }
  }

  async function loadSpecialties() {
    if (!can('catalog:item:list')) return
    try {
      specialties.value = (await getItemOptions()).specialties.map((s) => s.name)
    } catch {
      specialties.value = []
    }
  }

  async function loadTargetOptions() {
    if (!can('directory:target:list')) return
    try {
      const options = await getTargetOptions()
      sections.value = options.industry_sections
      statuses.value = options.statuses.filter((s) => !kExcludedStatuses.includes(s))
      tags.value = options.tags
    } catch {
      /* fallbacks stay */
    }
  }

  async function loadPlans() {
    if (!canListPlans.value) return
    try {
      plans.value = (await listPlans({ page: 1, page_size: 200 })).items
    } catch {
      plans.value = []
    }
  }

  async function loadDepartmentNames() {
    try {
      allDepartments.value = (await listDepartmentNames()).items
    } catch {
      allDepartments.value = []
    }
  }

  /** Reads everything once; later calls wait for the same reads. */
  function load(): Promise<void> {
    loaded ??= Promise.all([loadPolicy(), loadSpecialties(), loadTargetOptions(), loadPlans(), depts.loadDepartments(), loadDepartmentNames()]).then(() => undefined)
    return loaded
  }

  return { ...depts, allDepartments, specialties, sections, statuses, tags, plans, canListPlans, minTeam, witnessRequired, capRequired, load, loadPolicy }
}
