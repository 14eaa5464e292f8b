import { describe, expect, it } from 'vitest'
import type { FollowUp } from '@/api/report'
import {
  charCount,
  daysBetween,
  deadlineHint,
  followUpLabel,
  outcomePhrases,
  outcomeProblem,
  pageSlice,
  searchFollowUps,
  sortOpen,
  tabOf,
  urgencyOf,
} from './helpers'

function action(over: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 1,
    inspection_id: 10,
    task_id: 3,
    task_code: 'T2026-00012',
    target_id: 31,
    target_code: '91500103MA5U0000X1',
    target_name: '重庆某某食品有限公司',
    kind: '责令改正',
    detail: '限期公示 2025 年度报告',
    deadline: '2026-12-20',
    overdue: false,
    status: 'open',
    outcome: '',
    created_at: '2026-12-01T02:00:00.000Z',
    closed_by_name: '',
    closed_at: '',
    ...over,
  }
}

describe('tabOf', () => {
  it('reads the query, 未办结 by default', () => {
    expect(tabOf('closed')).toBe('closed')
    expect(tabOf('open')).toBe('open')
    expect(tabOf(undefined)).toBe('open')
    expect(tabOf(['closed'])).toBe('open')
  })
})

describe('deadlines', () => {
  it('counts calendar days, across months and years', () => {
    expect(daysBetween('2026-12-18', '2026-12-20')).toBe(2)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2)
    expect(daysBetween('', '2026-02-27')).toBeNaN()
  })

  it('says how much time is left', () => {
    expect(deadlineHint(action(), '2026-12-15')).toBe('剩 5 天')
    expect(deadlineHint(action(), '2026-12-20')).toBe('今日到期')
    expect(deadlineHint(action({ overdue: true }), '2026-12-23')).toBe('已逾期 3 天')
    // The server said overdue (its clock) while ours has not turned the day yet.
    expect(deadlineHint(action({ overdue: true }), '2026-12-20')).toBe('已逾期')
    expect(deadlineHint(action({ deadline: '' }), '2026-12-15')).toBe('')
    expect(deadlineHint(action({ status: 'closed' }), '2026-12-23')).toBe('')
  })

  it('colours overdue red and the last three days yellow', () => {
    expect(urgencyOf(action({ overdue: true }), '2026-12-21')).toBe('overdue')
    expect(urgencyOf(action(), '2026-12-21')).toBe('overdue')
    expect(urgencyOf(action(), '2026-12-17')).toBe('soon')
    expect(urgencyOf(action(), '2026-12-16')).toBe('normal')
    expect(urgencyOf(action({ deadline: '' }), '2026-12-16')).toBe('none')
    expect(urgencyOf(action({ status: 'closed', overdue: false }), '2027-01-16')).toBe('none')
  })
})

describe('lists', () => {
  it('puts the earliest deadline first and those without one last', () => {
    const items = [
      action({ id: 1, deadline: '' }),
      action({ id: 2, deadline: '2026-12-20' }),
      action({ id: 3, deadline: '2026-12-05' }),
      action({ id: 4, deadline: '' }),
      action({ id: 5, deadline: '2026-12-20' }),
    ]
    expect(sortOpen(items).map((f) => f.id)).toEqual([3, 2, 5, 1, 4])
  })

  it('searches names, codes, kinds and texts, and keeps only overdue ones when asked', () => {
    const items = [
      action({ id: 1 }),
      action({ id: 2, target_name: '重庆某某化工有限公司', kind: '移送办案机构', detail: '涉嫌无证生产', overdue: true }),
      action({ id: 3, task_code: 'T2026-00031', outcome: '立案编号 渝经信罚〔2026〕12 号' }),
    ]
    expect(searchFollowUps(items, '').map((f) => f.id)).toEqual([1, 2, 3])
    expect(searchFollowUps(items, ' 化工 ').map((f) => f.id)).toEqual([2])
    expect(searchFollowUps(items, 't2026-00031').map((f) => f.id)).toEqual([3])
    expect(searchFollowUps(items, '移送').map((f) => f.id)).toEqual([2])
    expect(searchFollowUps(items, '渝经信罚').map((f) => f.id)).toEqual([3])
    expect(searchFollowUps(items, '', true).map((f) => f.id)).toEqual([2])
    expect(searchFollowUps(items, '食品', true)).toEqual([])
  })
})

describe('the 办结 form', () => {
  it('asks for 2 to 500 characters, counted as the server does', () => {
    expect(outcomeProblem('  ')).toBe('请填写办结情况（如复查结果、案件编号）')
    expect(outcomeProblem('好')).toBe('请填写办结情况（如复查结果、案件编号）')
    expect(outcomeProblem('已改')).toBe('')
    expect(outcomeProblem('整'.repeat(500))).toBe('')
    expect(outcomeProblem('整'.repeat(501))).toBe('办结情况最多 500 个字')
    expect(charCount('𠀀𠀀')).toBe(2)
    expect(outcomeProblem('𠀀'.repeat(500))).toBe('')
  })

  it('offers phrases by kind', () => {
    expect(outcomePhrases('责令改正')[0]).toBe('经复查，已按期整改到位。')
    expect(outcomePhrases('移送办案机构').some((p) => p.includes('案件编号'))).toBe(true)
    expect(outcomePhrases('其他')).toEqual(['已处理完毕：'])
  })

  it('labels the action', () => {
    expect(followUpLabel(action())).toBe('T2026-00012 · 重庆某某食品有限公司')
    expect(followUpLabel(action({ task_code: '' }))).toBe('重庆某某食品有限公司')
  })
})

describe('pageSlice', () => {
  it('cuts pages and keeps a page past the end on the last one', () => {
    const rows = Array.from({ length: 45 }, (_, i) => i + 1)
    expect(pageSlice(rows, 1, 20)).toEqual(rows.slice(0, 20))
    expect(pageSlice(rows, 3, 20)).toEqual([41, 42, 43, 44, 45])
    expect(pageSlice(rows, 9, 20)).toEqual([41, 42, 43, 44, 45])
    expect(pageSlice(rows, 0, 20)).toEqual(rows.slice(0, 20))
    expect(pageSlice([], 2, 20)).toEqual([])
  })
})
