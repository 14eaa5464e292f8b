// The departments in the user's scope for a directory page's 部门 filter and form field: read
// from /departments when the user may list them (system:dept:list), else none (the form then
// shows the department fixed and the server applies the caller's own).
import { computed, shallowRef } from 'vue'
import { listDepartments, type Department } from '@/api/org/department'
import { can } from '@/store/session'
import { buildTree } from '@/utils/tree'

export function useDepartments() {
  const departments = shallowRef<Department[]>([])
  const deptTree = computed(() => buildTree(departments.value))
  const canListDepts = computed(() => can('system:dept:list'))

  async function loadDepartments() {
    if (!canListDepts.value) return
    try {
      departments.value = (await listDepartments()).items
    } catch {
      departments.value = []
    }
  }

  function departmentName(id: number): string | undefined {
    return departments.value.find((d) => d.id === id)?.name
  }

  return { departments, deptTree, canListDepts, loadDepartments, departmentName }
}
