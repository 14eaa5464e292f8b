// State of the 用户管理 page: the department tree and role options (from /users/options, open
// to anyone who may list users), and the paginated user list with its filters.
import { computed, shallowRef } from 'vue'
import type { Department, Status } from '@/api/org/department'
import { getUserOptions, listUsers, type RoleOption, type User } from '@/api/org/user'
import { usePagedList } from '@/composables/usePagedList'
import { can } from '@/store/session'
import { buildTree } from '@/utils/tree'

export interface UserFilters {
  q: string
  status: Status | ''
  department_id: number | undefined
}

export function useUserPage() {
  const departments = shallowRef<Department[]>([])
  const roles = shallowRef<RoleOption[]>([])
  const deptTree = computed(() => buildTree(departments.value))
  // The options route needs only system:user:list, which this page needs anyway.
  const canListDepts = computed(() => can('system:user:list'))
  const canListRoles = canListDepts

  const list = usePagedList<User, UserFilters>(
    (params, filters) =>
      listUsers({
        ...params,
        q: filters.q.trim() || undefined,
        status: filters.status || undefined,
        department_id: filters.department_id,
        include_sub: filters.department_id ? true : undefined,
      }),
    () => ({ q: '', status: '', department_id: undefined }),
  )

  async function loadOptions() {
    if (!canListDepts.value) return
    try {
      const options = await getUserOptions()
      departments.value = options.departments
      roles.value = options.roles
    } catch {
      departments.value = []
      roles.value = []
    }
  }

  return { ...list, departments, deptTree, roles, canListDepts, canListRoles, loadOptions }
}
