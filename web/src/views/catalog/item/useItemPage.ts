// State and actions of the 抽查事项清单 page: the dictionaries (/items/options), the departments
// in the user's scope, the paginated list (and its query, for 导出), and 发布 and 停用 with their
// confirmations.
import { computed, shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import {
  getItemOptions,
  listItems,
  publishItem,
  retireItem,
  type Item,
  type ItemOptions,
  type ItemQuery,
} from '@/api/catalog/items'
import { exportFilter } from '@/api/exports'
import { useDepartments } from '@/composables/useDepartments'
import { usePagedList } from '@/composables/usePagedList'
import {
  blankItemFilters,
  isItemFiltered,
  itemQuery,
  kDefaultItemOptions,
  publishQuestion,
  retireQuestion,
  retireReasonProblem,
  type ItemFilters,
} from './helpers'

export function useItemPage() {
  const options = shallowRef<ItemOptions>(kDefaultItemOptions)
  const depts = useDepartments()
  /** The query of the rows shown: what 导出 exports. */
  let shown: ItemQuery = itemQuery({ page: 1, page_size: 20 }, blankItemFilters())
  const list = usePagedList<Item, ItemFilters>((params, f) => {
    shown = itemQuery(params, f)
    return listItems(shown)
  }, blankItemFilters)

  const filtered = computed(() => isItemFiltered(list.filters))
  const domains = computed(() => options.value.domains)

  async function loadOptions() {
    try {
      options.value = await getItemOptions()
    } catch {
      options.value = kDefaultItemOptions
    }
  }

  const currentFilter = () => exportFilter({ ...shown })

  /**
   * 发布 after asking; an item that still lacks what publication needs is not sent: the
   * person is offered to complete it (`edit`). Returns the published item, or null.
   */
  async function publish(item: Item, edit: (item: Item) => void): Promise<Item | null> {
    if (item.missing_for_publish.length) {
      try {
        await ElMessageBox.confirm(
          `发布前须补充：${item.missing_for_publish.join('、')}。`,
          '该事项尚不能发布',
          { type: 'warning', confirmButtonText: '去补充', cancelButtonText: '取消' },
        )
        edit(item)
      } catch {
        /* cancelled */
      }
      return null
    }
    try {
      await ElMessageBox.confirm(publishQuestion(item), '发布抽查事项', {
        type: 'info',
        confirmButtonText: '发布',
        cancelButtonText: '取消',
      })
    } catch {
      return null
    }
    try {
      const published = await publishItem(item.id)
      ElMessage.success('发布成功')
      await list.load()
      return published
    } catch {
      return null // the toast of api/http says why
    }
  }

  /** 停用 after asking, with an optional reason. Returns the retired item, or null. */
  async function retire(item: Item): Promise<Item | null> {
    let reason: string
    try {
      const answer = await ElMessageBox.prompt(retireQuestion(item), '停用抽查事项', {
        type: 'warning',
        inputType: 'textarea',
        inputPlaceholder: '如：上位法已修订，事项已并入其他事项',
        inputValidator: (value) => retireReasonProblem(value ?? '') || true,
        confirmButtonText: '停用',
        cancelButtonText: '取消',
        confirmButtonClass: 'el-button--danger',
        customClass: 'retire-box',
      })
      reason = (answer.value ?? '').trim()
    } catch {
      return null
    }
    try {
      const retired = await retireItem(item.id, reason)
      ElMessage.success('已停用')
      await list.load()
      return retired
    } catch {
      return null
    }
  }

  return { ...list, ...depts, options, domains, filtered, loadOptions, currentFilter, publish, retire }
}
