import { describe, expect, it } from 'vitest'
import { countText, pagerTotal, totalText, type PagerState } from './paging'

const state = (s: Partial<PagerState>): PagerState => ({ total: 0, capped: false, page: 1, size: 20, count: 0, end: 0, ...s })

describe('totalText', () => {
  it('says the count, or “1 万条以上” when the server stopped counting', () => {
    expect(totalText(36, false)).toBe('共 36 条')
    expect(totalText(0, undefined)).toBe('共 0 条')
    expect(totalText(10000, true)).toBe('共 1 万条以上')
    expect(totalText(10000, false)).toBe('共 1 万条')
    expect(totalText(12, false, '项')).toBe('共 12 项')
    expect(totalText(10000, true, '人')).toBe('共 1 万人以上')
  })

  it('reads large round counts in 万', () => {
    expect(countText(25000)).toBe('2.5 万')
    expect(countText(9999)).toBe('9999')
    expect(countText(10001)).toBe('10001')
  })
})

describe('pagerTotal', () => {
  it('is the server total when it counted everything', () => {
    expect(pagerTotal(state({ total: 36, page: 2, count: 16 }))).toBe(36)
  })

  it('keeps 下一页 while a capped page is full', () => {
    // Page 500 of 20: the 10 000 counted rows end here, the page is full, so page 501 is offered.
    const total = pagerTotal(state({ total: 10000, capped: true, page: 500, count: 20 }))
    expect(total).toBe(10001)
    expect(Math.ceil(total / 20)).toBe(501)
    // Further on, the same: always one page more than the current full one.
    expect(Math.ceil(pagerTotal(state({ total: 10000, capped: true, page: 501, count: 20 })) / 20)).toBe(502)
  })

  it('stops at a capped page that is not full', () => {
    const total = pagerTotal(state({ total: 10000, capped: true, page: 502, count: 7 }))
    expect(total).toBe(501 * 20 + 7)
    expect(Math.ceil(total / 20)).toBe(502)
  })

  it('shows the counted pages on the first page', () => {
    expect(pagerTotal(state({ total: 10000, capped: true, page: 1, count: 20 }))).toBe(10000)
  })

  it('keeps the current page while it loads with no rows yet', () => {
    // Back on page 501 after an empty 502: el-pagination must not be told there are 500 pages.
    const total = pagerTotal(state({ total: 10000, capped: true, page: 501, count: 0, end: 501 }))
    expect(Math.ceil(total / 20)).toBe(501)
    expect(Math.ceil(pagerTotal(state({ total: 10000, capped: true, page: 502, count: 0 })) / 20)).toBe(502)
  })

  it('offers no page after one known to be the last', () => {
    // Page 503 came back empty: 502 is the end, even though it is full.
    const total = pagerTotal(state({ total: 10000, capped: true, page: 502, count: 20, end: 502 }))
    expect(Math.ceil(total / 20)).toBe(502)
  })
})
