// State and actions of the 年度抽查工作计划 page: the departments in scope, the paginated list, the
// plans past their 公开期限 (the banner), the 可合并联合抽查 suggestions of a year, and the workflow
// steps (提交审批, 批准, 退回 with its reason, 向社会公开, 调整 with its reason), each after asking.
import { computed, reactive, shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { isApiError } from '@/api/http'
import {
  adjustPlan,
  approvePlan,
  listMergeSuggestions,
  listOverduePlans,
  listPlans,
  publishPlan,
  rejectPlan,
  submitPlan,
  type MergeSuggestion,
  type OverduePlans,
  type Plan,
  type PlanSummary,
} from '@/api/plan'
import { useDepartments } from '@/composables/useDepartments'
import { usePagedList } from '@/composables/usePagedList'
import {
  blankPlanFilters,
  isPlanFiltered,
  planQuery,
  publishQuestion,
  reasonProblem,
  submitQuestion,
  type PlanFilters,
} from './helpers'

/** What a step needs to know of a plan: the list's summary or the detail's plan. */
type PlanRef = Pick<Plan, 'id' | 'name' | 'version' | 'published_version'> & { rows?: readonly unknown[] }

export function usePlanPage() {
  const depts = useDepartments()
  const list = usePagedList<PlanSummary, PlanFilters>((params, f) => listPlans(planQuery(params, f)), blankPlanFilters)
  const filtered = computed(() => isPlanFiltered(list.filters))

  const overdue = shallowRef<OverduePlans | null>(null)
  async function loadOverdue() {
    try {
      overdue.value = await listOverduePlans()
    } catch {
      overdue.value = null // the banner is a reminder; the list says when the server cannot be read
    }
  }

  const thisYear = new Date().getFullYear()
  const merge = reactive({
    year: String(thisYear),
    loading: false,
    error: '',
    items: [] as MergeSuggestion[],
  })
  let mergeGeneration = 0
  async function loadMerge() {
    const mine = ++mergeGeneration
    merge.loading = true
    merge.error = ''
    try {
      const answer = await listMergeSuggestions(Number(merge.year) || undefined)
      if (mine === mergeGeneration) merge.items = answer.items
    } catch (e) {
      if (mine !== mergeGeneration) return
      merge.items = []
      merge.error = isApiError(e) ? e.message : '加载失败'
    } finally {
      if (mine === mergeGeneration) merge.loading = false
    }
  }

  /** Reloads what a step may have changed: the list and the overdue banner. */
  function reloadAll() {
    void list.load()
    void loadOverdue()
  }

  /** Runs a step; null when it failed (the toast of api/http says why). */
  async function run(step: () => Promise<Plan>, done: string): Promise<Plan | null> {
    try {
      const plan = await step()
      ElMessage.success(done)
      reloadAll()
      return plan
    } catch {
      return null
    }
  }

  /** A reason asked in a box; null when cancelled. `required`: 退回 and 调整 need one. */
  async function ask(message: string, title: string, options: { placeholder: string; confirm: string; what: string; required: boolean; danger?: boolean }) {
    try {
      const answer = await ElMessageBox.prompt(message, title, {
        type: options.danger ? 'warning' : 'info',
        inputType: 'textarea',
        inputPlaceholder: options.placeholder,
        inputValidator: (value) => {
          if (!options.required && !(value ?? '').trim()) return true
          return reasonProblem(value ?? '', options.what) || true
        },
        confirmButtonText: options.confirm,
        cancelButtonText: '取消',
        confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
        customClass: 'plan-reason-box',
      })
      return (answer.value ?? '').trim()
    } catch {
      return null
    }
  }

  async function confirm(message: string, title: string, button: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, { type: 'info', confirmButtonText: button, cancelButtonText: '取消' })
      return true
    } catch {
      return false
    }
  }

  async function submit(plan: PlanRef) {
    if (!(await confirm(submitQuestion(plan), '提交审批', '提交'))) return null
    return run(() => submitPlan(plan.id), '已提交审批')
  }

  async function approve(plan: PlanRef) {
    const reason = await ask(`批准“${plan.name}”。可填写审批意见（选填）：`, '批准计划', {
      placeholder: '如：同意。',
      confirm: '批准',
      what: '审批意见',
      required: false,
    })
    if (reason === null) return null
    return run(() => approvePlan(plan.id, reason), '已批准')
  }

  async function reject(plan: PlanRef) {
    const reason = await ask(`退回后计划回到草稿，由编制部门修改后重新提交。请填写退回理由：`, '退回计划', {
      placeholder: '如：第 2 行抽查比例偏低，请按制度模板调整',
      confirm: '退回',
      what: '退回理由',
      required: true,
      danger: true,
    })
    if (reason === null) return null
    return run(() => rejectPlan(plan.id, reason), '已退回')
  }

  async function publish(plan: PlanRef) {
    if (!(await confirm(publishQuestion(plan), '向社会公开', '公开'))) return null
    return run(() => publishPlan(plan.id), '已向社会公开')
  }

  async function adjust(plan: PlanRef) {
    const reason = await ask(
      `调整将形成第 ${plan.version + 1} 版草稿，须重新审批后公开；在此之前公示页面仍显示第 ${plan.published_version ?? plan.version} 版。请填写调整原因：`,
      '调整计划',
      { placeholder: '如：根据上级部署新增一项抽查事项', confirm: '开始调整', what: '调整原因', required: true },
    )
    if (reason === null) return null
    return run(() => adjustPlan(plan.id, reason), `已形成第 ${plan.version + 1} 版草稿，请修改后提交审批`)
  }

  return { ...list, ...depts, filtered, overdue, loadOverdue, merge, loadMerge, reloadAll, submit, approve, reject, publish, adjust }
}
