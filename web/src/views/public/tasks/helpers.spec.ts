import { describe, expect, it } from 'vitest'
import {
  excludedChips,
  hasDrawn,
  hashGroups,
  poolCountChips,
  poolFileName,
  publicStatusLabel,
  recordFileName,
  recordText,
  totalOf,
} from './helpers'

describe('public task helpers', () => {
  it('says when the record is public', () => {
    const base = { record_public: false, record_public_from: '2026-12-01', status: 'committed' as const, drawn_at: '', notify: true }
    expect(recordText(base)).toBe('抽取后自 2026-12-01 起公开')
    expect(recordText({ ...base, status: 'drawn', drawn_at: '2026-11-25T02:00:00.000Z' })).toBe('将于 2026-12-01 起公开')
    expect(recordText({ ...base, notify: false, status: 'confirmed', drawn_at: 'x' })).toBe('将于 2026-12-01 起公开（含不予提前告知的事项，检查结束后公开）')
    expect(recordText({ ...base, record_public: true })).toBe('已公开')
  })

  it('knows a drawn task by its state or its time', () => {
    expect(hasDrawn({ status: 'committed', drawn_at: '' })).toBe(false)
    expect(hasDrawn({ status: 'inspecting', drawn_at: '' })).toBe(true)
    expect(hasDrawn({ status: 'void', drawn_at: '2026-11-25T02:00:00.000Z' })).toBe(true)
  })

  it('lists counts in class order and only the reasons that excluded someone', () => {
    expect(poolCountChips({ U: 2, B: 5, A: 7 })).toEqual([
      { id: 'A', label: 'A 类', count: 7 },
      { id: 'B', label: 'B 类', count: 5 },
      { id: 'U', label: '未分类（U）', count: 2 },
    ])
    expect(poolCountChips(null)).toEqual([])
    expect(excludedChips({ status: 266, not_supervised: 658, exempt: 0 }).map((r) => [r.reason, r.count])).toEqual([
      ['status', 266],
      ['not_supervised', 658],
    ])
    expect(totalOf(poolCountChips({ A: 7, B: 5 }))).toBe(12)
  })

  it('names the files as the record expects them', () => {
    expect(recordFileName('T2026-00001')).toBe('T2026-00001-record.json')
    expect(poolFileName('T2026-00001')).toBe('T2026-00001-pool.csv')
    expect(poolFileName('T2026-00001', 'pool-of-T1.csv')).toBe('pool-of-T1.csv')
  })

  it('groups hashes for reading and says states in public words', () => {
    expect(hashGroups('0123456789abcdef01')).toBe('01234567 89abcdef 01')
    expect(hashGroups('')).toBe('')
    expect(publicStatusLabel('committed')).toBe('待抽取')
    expect(publicStatusLabel('confirmed')).toBe('已确认')
  })
})
