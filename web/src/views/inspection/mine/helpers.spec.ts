import { describe, expect, it, vi } from 'vitest'
import type { MyInspection, RecordStatus } from '@/api/inspection'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const { ApiError } = await import('@/api/http')
const { groupByTask, isNotAnInspector, splitByToday, windowText } = await import('./helpers')

const row = (id: number, task: number, window: [string, string], inWindow: boolean, status: RecordStatus = 'pending', role: '组长' | '组员' = '组员'): MyInspection => ({
  id,
  task_id: task,
  task_code: `T2026-0000${task}`,
  task_name: `任务${task}`,
  start_date: window[0],
  end_date: window[1],
  target_id: id * 10,
  target_code: `C${id}`,
  target_name: `对象${id}`,
  address: '',
  role,
  status,
  status_name: '',
  in_window: inWindow,
  updated_at: '',
})

const kNow: [string, string] = ['2026-12-01', '2026-12-31']
const kSoon: [string, string] = ['2027-01-05', '2027-01-31']
const kLater: [string, string] = ['2027-02-01', '2027-02-28']
const kDone: [string, string] = ['2026-10-01', '2026-10-31']
const kOlder: [string, string] = ['2026-09-01', '2026-09-30']

describe('groupByTask', () => {
  it('groups by task, counts what is open, marks a leader and puts returned records first', () => {
    const tasks = groupByTask([
      row(1, 7, kNow, true, 'submitted'),
      row(2, 7, kNow, true, 'returned', '组长'),
      row(3, 8, kDone, false, 'reviewed'),
      row(4, 7, kNow, true, 'pending'),
    ])
    expect(tasks.map((t) => [t.task_id, t.leads, t.open, t.records.map((r) => r.id)])).toEqual([
      [7, true, 2, [2, 4, 1]],
      [8, false, 0, [3]],
    ])
    expect(groupByTask([])).toEqual([])
  })
})

describe('splitByToday', () => {
  it('puts the tasks under way first, then upcoming by start, then ended latest first', () => {
    const { today, others } = splitByToday(
      [row(1, 1, kOlder, false), row(2, 2, kLater, false), row(3, 3, kNow, true), row(4, 4, kDone, false), row(5, 5, kSoon, false)],
      '2026-12-02',
    )
    expect(today.map((t) => t.task_id)).toEqual([3])
    expect(others.map((t) => t.task_id)).toEqual([5, 2, 4, 1])
  })
  it('follows the server on in_window', () => {
    expect(splitByToday([row(1, 1, kNow, false)], '2026-12-02').today).toEqual([])
  })
})

describe('windowText', () => {
  it.each([
    [kNow, true, '2026-12-02', '检查期间'],
    [kSoon, false, '2026-12-02', '未开始'],
    [kDone, false, '2026-12-02', '已结束'],
  ] as const)('%s', (window, inWindow, today, text) => {
    expect(windowText({ start_date: window[0], end_date: window[1], in_window: inWindow }, today)).toBe(text)
  })
})

describe('isNotAnInspector', () => {
  it('tells the refusal of an account without an inspector record', () => {
    expect(isNotAnInspector(new ApiError(403, 'task.not_an_inspector', '未关联'))).toBe(true)
    expect(isNotAnInspector(new ApiError(403, 'auth.forbidden', '无权'))).toBe(false)
  })
})
