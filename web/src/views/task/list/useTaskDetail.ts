// State of a task's page and of the projector view: the task, and from the commit on its
// ceremony (GET /draw: witnesses, public input, record, drawn targets), read together; the
// loading and error state; and the steps that change it (a witness added, the draw's answer,
// 确认锁定名单 after asking). A slower older answer is dropped.
import { computed, ref, shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { isApiError } from '@/api/http'
import { confirmTask, getDraw, getTask, type DrawAnswer, type DrawState, type Task, type Witness } from '@/api/task'

export function useTaskDetail(taskId: () => number) {
  const task = shallowRef<Task | null>(null)
  const draw = shallowRef<DrawState | null>(null)
  const loading = ref(false)
  const error = ref('')
  const confirming = ref(false)
  let latest = 0

  const witnesses = computed<Witness[]>(() => draw.value?.witnesses ?? [])

  async function load() {
    const mine = ++latest
    loading.value = true
    error.value = ''
    try {
      const id = taskId()
      const read = await getTask(id)
      const state = read.status === 'draft' ? null : await getDraw(id)
      if (mine !== latest) return
      task.value = state?.task ?? read
      draw.value = state
    } catch (e) {
      if (mine !== latest) return
      error.value = isApiError(e) ? e.message : '加载失败'
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  function witnessAdded(witness: Witness) {
    if (!draw.value) return
    draw.value = { ...draw.value, witnesses: [...draw.value.witnesses, witness] }
  }

  /** Shows the draw's answer at once, then re-reads the task (its state and times). */
  function drawn(answer: DrawAnswer) {
    if (draw.value) draw.value = { ...draw.value, record: answer.record, targets: answer.targets, public_input: answer.record.request.public_input ?? null }
    ElMessage.success(answer.repeated ? '本任务已用相同输入抽取过，显示原抽取结果' : `抽取完成，共抽中 ${answer.targets.length} 户`)
    void load()
  }

  async function confirm(): Promise<boolean> {
    const t = task.value
    if (!t) return false
    try {
      await ElMessageBox.confirm(
        `确认后抽取名单锁定，检查组按名单开展检查；如需变更须经负责人批准。确定确认“${t.name}”的抽取名单吗？`,
        '确认锁定名单',
        { type: 'warning', confirmButtonText: '确认锁定', cancelButtonText: '取消' },
      )
    } catch {
      return false
    }
    confirming.value = true
    try {
      await confirmTask(t.id)
      ElMessage.success('名单已确认锁定')
      await load()
      return true
    } catch {
      return false // the toast of api/http says why
    } finally {
      confirming.value = false
    }
  }

  return { task, draw, witnesses, loading, error, confirming, load, witnessAdded, drawn, confirm }
}
