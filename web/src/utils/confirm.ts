// The 删除确认 step every delete goes through: a warning box with a red 删除 button, then the
// delete and 删除成功. A refusal from the server (e.g. 仍有下级部门或用户) is shown by api/http.
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'

/** Asks `message`; on 删除 runs `remove`. True when removed; false when cancelled or refused. */
export async function confirmRemove(message: string, remove: () => Promise<unknown>): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, '删除确认', {
      type: 'warning',
      confirmButtonText: '删除',
      cancelButtonText: '取消',
      confirmButtonClass: 'el-button--danger',
    })
  } catch {
    return false
  }
  try {
    await remove()
  } catch {
    return false
  }
  ElMessage.success('删除成功')
  return true
}
