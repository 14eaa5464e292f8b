import { describe, expect, it, vi } from 'vitest'

const shown: { message: string }[] = []
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => shown.push(options) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { useFieldErrors } = await import('./useFieldErrors')
const { ApiError } = await import('@/api/http')

describe('useFieldErrors', () => {
  it('puts a single-field error on its field, through an alias', () => {
    const { errors, handle } = useFieldErrors(['password', 'name'] as const, { new_password: 'password' })
    shown.length = 0
    expect(handle(new ApiError(400, 'request.invalid_field', '密码太短', { field: 'new_password' }))).toBe('password')
    expect(errors.password).toBe('密码太短')
    expect(shown).toEqual([])
  })

  it('puts every listed problem on its own field and shows the others together', () => {
    const { errors, handle, clear } = useFieldErrors(['name', 'code', 'division_code'] as const, {
      district: 'division_code',
    })
    shown.length = 0
    const error = new ApiError(400, 'request.invalid_field', '行政相对人名称：必填项为空', {
      field: 'name',
      problems: [
        { field: 'name', column: '行政相对人名称', value: '', message: '必填项为空' },
        { field: 'code', column: '行政相对人编码', value: 'X', message: '校验位错误' },
        { field: 'district', column: '所属区县', value: '江北区', message: '与行政区划代码不符' },
        { field: 'tags', column: '标签', value: 'x', message: '未知标签“x”' },
        { field: 'department', column: '监管部门', value: 'y', message: '没有这个部门' },
      ],
    })
    expect(handle(error)).toBe('name')
    expect(errors).toEqual({ name: '必填项为空', code: '校验位错误', division_code: '与行政区划代码不符' })
    expect(shown.map((s) => s.message)).toEqual(['标签：未知标签“x”；监管部门：没有这个部门'])
    clear()
    expect(errors).toEqual({ name: '', code: '', division_code: '' })
  })

  it('joins two problems of one field', () => {
    const { errors, handle } = useFieldErrors(['code'] as const)
    handle(
      new ApiError(400, 'request.invalid_field', 'x', {
        problems: [
          { field: 'code', message: '必填项为空' },
          { field: 'code', message: '格式不对' },
        ],
      }),
    )
    expect(errors.code).toBe('必填项为空；格式不对')
  })

  it('shows an error that names no field of the form', () => {
    const { errors, handle } = useFieldErrors(['code'] as const)
    shown.length = 0
    expect(handle(new ApiError(403, 'auth.forbidden', '没有权限执行此操作'))).toBeUndefined()
    expect(errors.code).toBe('')
    expect(shown.map((s) => s.message)).toEqual(['没有权限执行此操作'])
  })
})
