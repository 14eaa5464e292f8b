// State and actions of a 利害关系 or 免检免扰 page: the paginated list with its filters, 撤销
// (asking for the reason) and 导出 (the CSV of every record matching the filters).
import { computed, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import {
  exportRestrictions,
  listConflicts,
  listExemptions,
  revokeRestriction,
  type Conflict,
  type Exemption,
  type RestrictionKind,
} from '@/api/directory/restrictions'
import type { Page } from '@/api/http'
import { usePagedList } from '@/composables/usePagedList'
import { saveBlob } from '@/utils/download'
import { shanghaiToday } from '@/utils/time'
import {
  blankFilters,
  filterQuery,
  isFiltered,
  kKinds,
  restrictionQuery,
  revokeQuestion,
  revokeReasonProblem,
  type RestrictionFilters,
} from './helpers'

export type RestrictionRow = Conflict | Exemption

export function useRestrictionPage(kind: RestrictionKind) {
  const config = kKinds[kind]
  const list = usePagedList<RestrictionRow, RestrictionFilters>(
    (params, f) =>
      (kind === 'conflicts' ? listConflicts(restrictionQuery(params, f)) : listExemptions(restrictionQuery(params, f))) as Promise<
        Page<RestrictionRow>
      >,
    blankFilters,
  )
  /** The day the tags are computed for (the server's in_force uses the same calendar). */
  const today = ref(shanghaiToday())
  const filtered = computed(() => isFiltered(list.filters))
  const exporting = ref(false)

  function load() {
    today.value = shanghaiToday()
    return list.load()
  }

  /** Asks for the reason, revokes, reloads. False when cancelled or refused (the toast says why). */
  async function revoke(row: RestrictionRow): Promise<boolean> {
    let reason: string
    try {
      const answer = await ElMessageBox.prompt(revokeQuestion(kind, row), `撤销${config.noun}`, {
        type: 'warning',
        inputType: 'textarea',
        inputPlaceholder: kind === 'conflicts' ? '如：近亲属已从该企业离职' : '如：依据文件已废止',
        inputValidator: (value) => revokeReasonProblem(value) || true,
        confirmButtonText: '撤销',
        cancelButtonText: '取消',
        confirmButtonClass: 'el-button--danger',
        customClass: 'revoke-box',
      })
      reason = answer.value.trim()
    } catch {
      return false
    }
    try {
      await revokeRestriction(kind, row.id, reason)
    } catch {
      return false
    }
    ElMessage.success('已撤销')
    await load()
    return true
  }

  /** Downloads the CSV of the records matching the filters as they are set now. */
  async function exportCsv() {
    if (exporting.value) return
    exporting.value = true
    try {
      const file = await exportRestrictions(kind, filterQuery(list.filters))
      saveBlob(file.blob, file.fileName || `${config.noun}.csv`)
    } catch {
      /* the toast of api/http says why */
    } finally {
      exporting.value = false
    }
  }

  return { ...list, load, config, today, filtered, exporting, revoke, exportCsv }
}
