import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { blankDeclaration, declarationInput, isNotAnInspector } from './helpers'

// api/http shows toasts with Element Plus; none are shown here.
vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

describe('declarationInput', () => {
  it('sends the code in capitals, the trimmed reason and no empty end', () => {
    expect(declarationInput({ target: ' 91500103ma60k3t26y ', reason: ' 配偶任职 ', valid_until: '' })).toEqual({
      target: '91500103MA60K3T26Y',
      reason: '配偶任职',
      valid_until: undefined,
    })
    expect(declarationInput({ ...blankDeclaration(), target: 'X', reason: 'y', valid_until: '2027-06-30' }).valid_until).toBe('2027-06-30')
  })
})

describe('isNotAnInspector', () => {
  it('tells the refusal of an account without an inspector record from other errors', () => {
    expect(isNotAnInspector(new ApiError(403, 'conflict.not_an_inspector', '您的账号没有关联执法检查人员名录'))).toBe(true)
    expect(isNotAnInspector(new ApiError(403, 'auth.forbidden', '没有权限'))).toBe(false)
    expect(isNotAnInspector(new Error('x'))).toBe(false)
  })
})
