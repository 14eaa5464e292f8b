// State and actions of a 利害关系 or 免检免扰 page: the paginated list with its filters (and the
// query of the rows shown, for 导出) and 撤销 (asking for the reason).
import { computed, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import {
  listConflicts,
  listExemptions,
  revokeRestriction,
  type Conflict,
  type Exemption,
  type RestrictionKind,
  type RestrictionQuery,
} from '@/api/directory/restrictions'
import { exportFilter } from '@/api/exports'
import type { Page } from '@/api/http'
import { usePagedList } from '@/composables/usePagedList'
import { shanghaiToday } from '@/utils/time'
import {
  blankFilters,
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
  /** The query of the rows shown: what 导出 exports. */
  let shown: RestrictionQuery = restrictionQuery({ page: 1, page_size: 20 }, blankFilters())
  const list = usePagedList<RestrictionRow, RestrictionFilters>((params, f) => {
    shown = restrictionQuery(params, f)
    return (kind === 'conflicts' ? listConflicts(shown) : listExemptions(shown)) as Promise<Page<RestrictionRow>>
  }, blankFilters)
  /** The day the tags are computed for (the server's in_force uses the same calendar). */
  const today = ref(shanghaiToday())
  const filtered = computed(() => isFiltered(list.filters))

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

  const currentFilter = () => exportFilter({ ...shown })

  return { ...list, load, config, today, filtered, revoke, currentFilter }
}
