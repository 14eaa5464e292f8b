import { describe, expect, it } from 'vitest'
import type { Deadline, DeadlineObjection, DeadlineTask } from '@/api/publicity'
import { deadlineShort, deadlineText, levelTag, publishState, publishedPercent, sortObjections, sortTasks, stageDue, stageLabel, statusCounts } from './helpers'

const deadline = (over: Partial<Deadline> = {}): Deadline => ({ from: '2026-12-01', days: 20, due: '2026-12-29', days_left: 5, level: 'green', ...over })

function task(id: number, over: Partial<DeadlineTask> = {}): DeadlineTask {
  return {
    id,
    code: `T2026-0000${id}`,
    name: `任务${id}`,
    department_name: '渝中区市场监督管理局',
    start_date: '2026-11-01',
    end_date: '2026-11-30',
    counts: { reviewed: 2, published: 1 },
    total: 3,
    done: false,
    publish: null,
    archived: 0,
    archive: null,
    ...over,
  }
}

function objection(id: number, countdown: Deadline | null, stage: 'review' | 'notify' = 'review'): DeadlineObjection {
  return {
    id,
    result_id: 1,
    inspection_id: 2,
    task_id: 3,
    task_code: 'T2026-00003',
    target_code: '91500103MA5U0000X1',
    target_name: '某公司',
    contact_name: '李华',
    contact_phone: '13800000000',
    content: '有异议',
    filed_at: '2026-12-01T02:00:00.000Z',
    review_due: '2026-12-15',
    status: stage === 'review' ? 'pending' : 'upheld',
    decision_reason: '',
    decided_by_name: '',
    decided_at: '',
    notify_due: stage === 'notify' ? '2026-12-20' : '',
    notified_at: '',
    notify_note: '',
    stage,
    countdown,
  }
}

describe('a countdown', () => {
  it('says the working days left and the due date', () => {
    expect(deadlineText(deadline())).toBe('还剩 5 个工作日（2026-12-29 到期）')
    expect(deadlineText(deadline({ days_left: 0 }))).toBe('今日到期（2026-12-29）')
    expect(deadlineText(deadline({ days_left: -2, level: 'red' }))).toBe('已逾期 2 个工作日（2026-12-29 到期）')
    expect(deadlineShort(deadline({ days_left: -2 }))).toBe('逾期 2 个工作日')
    expect(deadlineShort(deadline({ days_left: 3 }))).toBe('剩 3 个工作日')
  })

  it('says when the due date waits for next year’s holiday notice', () => {
    expect(deadlineText(deadline({ due: null, days_left: 12 }))).toBe('还剩 12 个工作日（到期日待次年节假日安排公布后确定）')
    expect(deadlineText(deadline({ due: null, days_left: -1 }))).toBe('已逾期 1 个工作日')
  })

  it('colours by the server’s level', () => {
    expect(levelTag('green')).toBe('success')
    expect(levelTag('yellow')).toBe('warning')
    expect(levelTag('red')).toBe('danger')
    expect(levelTag(undefined)).toBe('info')
  })
})

describe('a task', () => {
  it('says where its publication stands', () => {
    expect(publishState(task(1, { publish: deadline({ level: 'yellow', days_left: 2 }) }), '2026-12-20')).toEqual({
      text: '还剩 2 个工作日（2026-12-29 到期）',
      tag: 'warning',
      short: '剩 2 个工作日',
    })
    expect(publishState(task(1, { done: true, counts: { published: 3 } }), '2026-12-20').text).toBe('检查结果已全部公示')
    expect(publishState(task(1), '2026-11-15').text).toBe('检查期内，2026-11-30 检查结束后起算')
    expect(publishState(task(1), '2026-12-02').text).toBe('制度模板未设置公示期限')
    expect(publishState(task(1, { total: 0, counts: {} }), '2026-12-02').text).toBe('尚无检查记录')
  })

  it('counts the records per status in order, zeros included', () => {
    expect(statusCounts({ published: 1, reviewed: 2 }).map((c) => `${c.label}${c.count}`)).toEqual(['待录入0', '待审核0', '退回0', '已审核2', '已公示1'])
    expect(statusCounts(null).every((c) => c.count === 0)).toBe(true)
    expect(publishedPercent(task(1))).toBe(33)
    expect(publishedPercent(task(1, { total: 0 }))).toBe(0)
  })

  it('puts running deadlines first, fewest days first', () => {
    const sorted = sortTasks([
      task(1, { done: true }),
      task(2),
      task(3, { publish: deadline({ days_left: 9 }) }),
      task(4, { publish: deadline({ days_left: -1, level: 'red' }) }),
    ])
    expect(sorted.map((t) => t.id)).toEqual([4, 3, 2, 1])
  })
})

describe('an objection', () => {
  it('names its stage and orders by urgency', () => {
    expect(stageLabel('review')).toBe('复查')
    expect(stageLabel('notify')).toBe('反馈当事人')
    expect(stageDue(objection(1, null))).toBe('复查期限 2026-12-15')
    expect(stageDue(objection(1, null, 'notify'))).toBe('反馈期限 2026-12-20')
    expect(stageDue({ ...objection(1, null), review_due: '' })).toBe('复查期限按工作日计算')
    const sorted = sortObjections([objection(1, null), objection(2, deadline({ days_left: 4 })), objection(3, deadline({ days_left: 1 }))])
    expect(sorted.map((o) => o.id)).toEqual([3, 2, 1])
  })
})
