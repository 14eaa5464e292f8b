import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'

const shown: unknown[] = []
vi.mock('element-plus', () => ({ ElMessage: (options: unknown) => shown.push(options) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { useFormSubmit } = await import('./useFormSubmit')
const { useFieldErrors } = await import('./useFieldErrors')
const { ApiError } = await import('@/api/http')

function setup(valid: boolean) {
  const form = ref({ validate: vi.fn(async () => (valid ? true : Promise.reject(new Error('invalid')))), clearValidate() {} })
  const fieldErrors = useFieldErrors(['code', 'name'] as const)
  return { form, fieldErrors, ...useFormSubmit(form, fieldErrors) }
}

describe('useFormSubmit', () => {
  it('does not save an invalid form', async () => {
    const { submit, saving } = setup(false)
    const save = vi.fn(async () => undefined)
    expect(await submit(save)).toBe(false)
    expect(save).not.toHaveBeenCalled()
    expect(saving.value).toBe(false)
  })

  it('does not save before the form is mounted', async () => {
    const fieldErrors = useFieldErrors(['code'] as const)
    const { submit } = useFormSubmit(ref(undefined), fieldErrors)
    const save = vi.fn(async () => undefined)
    expect(await submit(save)).toBe(false)
    expect(save).not.toHaveBeenCalled()
  })

  it('sets saving while save runs and clears the previous server errors first', async () => {
    const { submit, saving, fieldErrors } = setup(true)
    fieldErrors.errors.code = '编码已存在'
    let savingDuringSave = false
    let codeErrorDuringSave = 'unset'
    const done = await submit(async () => {
      savingDuringSave = saving.value
      codeErrorDuringSave = fieldErrors.errors.code
    })
    expect(done).toBe(true)
    expect(savingDuringSave).toBe(true)
    expect(codeErrorDuringSave).toBe('')
    expect(saving.value).toBe(false)
  })

  it('puts a server error naming a field on that field, without a toast', async () => {
    const { submit, saving, fieldErrors } = setup(true)
    shown.length = 0
    const done = await submit(async () => {
      throw new ApiError(409, 'conflict', '部门编码 CQJXW 已存在', { field: 'code' })
    })
    expect(done).toBe(false)
    expect(fieldErrors.errors.code).toBe('部门编码 CQJXW 已存在')
    expect(shown).toEqual([])
    expect(saving.value).toBe(false)
  })

  it('shows any other error and reports failure', async () => {
    const { submit, fieldErrors } = setup(true)
    shown.length = 0
    const done = await submit(async () => {
      throw new ApiError(500, 'internal', '服务器内部错误')
    })
    expect(done).toBe(false)
    expect(fieldErrors.errors).toEqual({ code: '', name: '' })
    expect(shown).toHaveLength(1)
  })
})
