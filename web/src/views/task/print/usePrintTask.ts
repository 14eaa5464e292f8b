// What the print pages read: the task with its ceremony (GET /tasks/{id} and /draw), and on
// demand its attachments and the catalog entry of each item (法律依据 and 检查内容 of the version
// the task holds, GET /items/{id}, with catalog:item:list); the loading and error state. An item that cannot be read
// leaves its basis empty (the notice then says to fill it in) instead of failing the page.
import { ref, shallowRef } from 'vue'
import { getItem } from '@/api/catalog/items'
import { isApiError } from '@/api/http'
import { getDraw, getTask, listAttachments, type Attachment, type DrawState, type Task } from '@/api/task'
import { can } from '@/store/session'

export interface ItemText {
  id: number
  name: string
  code: string
  basis: string
  content: string
}

export function usePrintTask(taskId: () => number, options: { attachments?: boolean; items?: boolean } = {}) {
  const task = shallowRef<Task | null>(null)
  const draw = shallowRef<DrawState | null>(null)
  const attachments = shallowRef<Attachment[]>([])
  const items = shallowRef<ItemText[]>([])
  const loading = ref(false)
  const error = ref('')

  async function itemText(item: Task['items'][number]): Promise<ItemText> {
    // Without the catalog's permission (a head, say) the notice leaves the basis to be filled in.
    if (!can('catalog:item:list')) return { id: item.id, name: item.name, code: item.code, basis: '', content: '' }
    try {
      const full = await getItem(item.id)
      // The task holds the version it was drawn for; a later draft edit must not show here.
      const held = full.versions?.find((v) => v.version === item.version)?.data ?? {}
      const text = (key: 'basis' | 'content') => (typeof held[key] === 'string' ? (held[key] as string) : (full[key] ?? ''))
      return { id: item.id, name: item.name, code: item.code, basis: text('basis'), content: text('content') }
    } catch {
      return { id: item.id, name: item.name, code: item.code, basis: '', content: '' }
    }
  }

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const id = taskId()
      const read = await getTask(id)
      const state = read.status === 'draft' ? null : await getDraw(id)
      task.value = state?.task ?? read
      draw.value = state
      if (options.attachments && read.status !== 'draft') attachments.value = (await listAttachments(id)).items
      if (options.items) items.value = await Promise.all(read.items.map(itemText))
    } catch (e) {
      error.value = isApiError(e) ? e.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  return { task, draw, attachments, items, loading, error, load }
}
