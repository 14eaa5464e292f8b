import { beforeEach, describe, expect, it, vi } from 'vitest'

const confirm = vi.fn()
const success = vi.fn()
vi.mock('element-plus', () => ({ ElMessageBox: { confirm }, ElMessage: { success } }))
vi.mock('element-plus/es/components/message-box/style/css', () => ({}))

const { confirmRemove } = await import('./confirm')

describe('confirmRemove', () => {
  beforeEach(() => {
    confirm.mockReset()
    success.mockReset()
  })

  it('asks, removes and says 删除成功', async () => {
    confirm.mockResolvedValue('confirm')
    const remove = vi.fn(async () => undefined)
    expect(await confirmRemove('确定删除部门「A」吗？删除后不可恢复。', remove)).toBe(true)
    expect(confirm).toHaveBeenCalledWith('确定删除部门「A」吗？删除后不可恢复。', '删除确认', {
      type: 'warning',
      confirmButtonText: '删除',
      cancelButtonText: '取消',
      confirmButtonClass: 'el-button--danger',
    })
    expect(remove).toHaveBeenCalledOnce()
    expect(success).toHaveBeenCalledWith('删除成功')
  })

  it('does nothing when cancelled', async () => {
    confirm.mockRejectedValue('cancel')
    const remove = vi.fn(async () => undefined)
    expect(await confirmRemove('确定删除？', remove)).toBe(false)
    expect(remove).not.toHaveBeenCalled()
    expect(success).not.toHaveBeenCalled()
  })

  it('reports a refused delete without 删除成功', async () => {
    confirm.mockResolvedValue('confirm')
    expect(await confirmRemove('确定删除？', () => Promise.reject(new Error('仍有下级部门')))).toBe(false)
    expect(success).not.toHaveBeenCalled()
  })
})
