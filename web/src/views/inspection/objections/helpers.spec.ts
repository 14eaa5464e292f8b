import { describe, expect, it } from 'vitest'
import { countByStatus, isOverdue, notifyProblem, notifyText, objectionActions, objectionStatusLabel, reviewDueText, tabOf, upholdProblem } from './helpers'

describe('objections', () => {
  it('say their status and open the tab a link names', () => {
    expect(objectionStatusLabel('correcting')).toBe('更正审批中')
    expect(objectionStatusLabel('upheld')).toBe('已维持')
    expect(tabOf('corrected')).toBe('corrected')
    expect(tabOf(['upheld'])).toBe('upheld')
    expect(tabOf('nonsense')).toBe('pending')
    expect(tabOf(undefined)).toBe('pending')
  })

  it('are decided while pending and told once concluded', () => {
    expect(objectionActions({ status: 'pending', notified_at: '' })).toEqual({ decide: true, notify: false })
    expect(objectionActions({ status: 'correcting', notified_at: '' })).toEqual({ decide: false, notify: false })
    expect(objectionActions({ status: 'upheld', notified_at: '' })).toEqual({ decide: false, notify: true })
    expect(objectionActions({ status: 'corrected', notified_at: '2026-12-10T02:00:00.000Z' })).toEqual({ decide: false, notify: false })
  })

  it('say their deadlines', () => {
    expect(reviewDueText({ review_due: '2026-12-15' })).toBe('2026-12-15 前复查')
    expect(reviewDueText({ review_due: '' })).toBe('按工作日计算')
    expect(notifyText({ status: 'pending', notified_at: '', notify_due: '' })).toBe('作出复查结论后反馈当事人')
    expect(notifyText({ status: 'upheld', notified_at: '', notify_due: '2026-12-20' })).toBe('应于 2026-12-20 前反馈当事人')
    expect(notifyText({ status: 'corrected', notified_at: '', notify_due: '' })).toBe('待反馈当事人')
    expect(notifyText({ status: 'upheld', notified_at: '2026-12-10T02:00:00.000Z', notify_due: '2026-12-20' })).toBe('已于 2026-12-10 10:00:00 反馈当事人')
    expect(isOverdue('2026-12-15', '2026-12-16')).toBe(true)
    expect(isOverdue('2026-12-15', '2026-12-15')).toBe(false)
    expect(isOverdue('', '2026-12-16')).toBe(false)
  })

  it('check the texts of 维持 and 反馈', () => {
    expect(upholdProblem('')).toBe('请填写维持原结果的理由')
    expect(upholdProblem('原结果认定事实清楚')).toBe('')
    expect(notifyProblem('电')).toBe('请填写反馈方式和情况')
    expect(countByStatus([{ status: 'pending' }, { status: 'pending' }, { status: 'upheld' }])).toEqual({ pending: 2, correcting: 0, upheld: 1, corrected: 0 })
  })
})
