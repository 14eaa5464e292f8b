import { describe, expect, it } from 'vitest'
import type { FollowUp, TargetInspection } from '@/api/report'
import { historySummary, resultText, windowText } from './inspections'

const record = (over: Partial<TargetInspection> = {}): TargetInspection => ({
  id: 1,
  task_id: 3,
  task_code: 'T2026-00012',
  task_name: '2026年度节能监察随机抽查',
  department_name: '节能与综合利用处',
  start_date: '2026-12-01',
  end_date: '2026-12-31',
  status: 'published',
  status_name: '已公示',
  summary: '未发现问题',
  corrected: false,
  submitted_at: '2026-12-10T02:00:00.000Z',
  ...over,
})

const action = (over: Partial<FollowUp> = {}) => ({ id: 1, overdue: false, ...over }) as FollowUp

describe('resultText', () => {
  it('shows the published summary, else where the record stands', () => {
    expect(resultText(record())).toBe('未发现问题')
    expect(resultText(record({ summary: '', status: 'published' }))).toBe('已公示')
    expect(resultText(record({ summary: '', status: 'reviewed' }))).toBe('已审核，待公示')
    expect(resultText(record({ summary: '', status: 'submitted' }))).toBe('已提交，待审核')
    expect(resultText(record({ summary: '', status: 'pending' }))).toBe('检查进行中')
    expect(resultText(record({ summary: '', status: 'returned' }))).toBe('检查进行中')
  })
})

describe('windowText', () => {
  it('joins the dates', () => {
    expect(windowText(record())).toBe('2026-12-01 至 2026-12-31')
    expect(windowText(record({ end_date: '' }))).toBe('2026-12-01 至 —')
    expect(windowText(record({ start_date: '', end_date: '' }))).toBe('—')
  })
})

describe('historySummary', () => {
  it('counts the records, the published ones and the open actions', () => {
    expect(historySummary({ records: [record(), record({ id: 2, status: 'pending' })], open_follow_ups: [] })).toBe('共 2 次抽查，已公示 1 次')
    expect(historySummary({ records: [record()], open_follow_ups: [action(), action({ id: 2, overdue: true })] })).toBe(
      '共 1 次抽查，已公示 1 次，未办结的后续处置 2 项（逾期 1 项）',
    )
    expect(historySummary({ records: [], open_follow_ups: [] })).toBe('')
    expect(historySummary(null)).toBe('')
  })
})
