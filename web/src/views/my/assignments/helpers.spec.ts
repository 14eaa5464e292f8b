import { describe, expect, it, vi } from 'vitest'
import type { Assignment } from '@/api/task'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { ApiError } = await import('@/api/http')
const { blankDeclareForm, declarationOf, declareProblems, groupAssignments, isNotAnInspector, windowState } = await import('./helpers')

const row = (task: number, target: number, role: '组长' | '组员'): Assignment => ({
  task_id: task,
  task_code: `T2026-0000${task}`,
  task_name: `任务${task}`,
  status: 'confirmed',
  start_date: '2026-12-01',
  end_date: '2026-12-31',
  target_id: target,
  target_code: `C${target}`,
  target_name: `对象${target}`,
  address: '',
  role,
})

describe('groupAssignments', () => {
  it('groups by task in the order sent and marks a leader', () => {
    const tasks = groupAssignments([row(2, 5, '组员'), row(1, 3, '组员'), row(2, 6, '组长')])
    expect(tasks.map((t) => [t.task_id, t.leads, t.status_name, t.targets.map((g) => g.target_id)])).toEqual([
      [2, true, '已确认锁定', [5, 6]],
      [1, false, '已确认锁定', [3]],
    ])
    expect(groupAssignments([])).toEqual([])
  })
})

describe('windowState', () => {
  it.each([
    ['2026-11-30', 'before'],
    ['2026-12-01', 'during'],
    ['2026-12-31', 'during'],
    ['2027-01-01', 'after'],
  ] as const)('%s', (today, state) => {
    expect(windowState({ start_date: '2026-12-01', end_date: '2026-12-31' }, today)).toBe(state)
  })
})

describe('the declaration', () => {
  it('starts as 回避 when a target is named', () => {
    expect(blankDeclareForm(5)).toEqual({ category: '回避', reason: '', target_id: 5 })
    expect(blankDeclareForm()).toEqual({ category: '', reason: '', target_id: undefined })
  })
  it('checks and builds the body', () => {
    expect(declareProblems(blankDeclareForm())).toEqual({ category: '请选择申报原因', reason: '请填写申报说明' })
    expect(declarationOf({ category: '疾病', reason: ' 住院 ', target_id: undefined })).toEqual({ category: '疾病', reason: '住院' })
    expect(declarationOf({ category: '回避', reason: '亲属', target_id: 5 })).toEqual({ category: '回避', reason: '亲属', target_id: 5 })
  })
  it('tells the refusal of an account without an inspector record', () => {
    expect(isNotAnInspector(new ApiError(403, 'task.not_an_inspector', '未关联'))).toBe(true)
    expect(isNotAnInspector(new ApiError(403, 'auth.forbidden', '无权'))).toBe(false)
    expect(isNotAnInspector(new Error('x'))).toBe(false)
  })
})
