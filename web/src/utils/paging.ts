// The totals of a server-paginated list when the server stops counting: a big list (the target
// directory) answers `total` capped at 10 000 with `total_capped: true`. The footer then says
// “共 1 万条以上” and the pager keeps offering the next page while the current one is full.

/** What the pager knows about the list it drives. */
export interface PagerState {
  /** The server's total (a lower bound when `capped`). */
  total: number
  capped: boolean
  /** The current page, from 1. */
  page: number
  size: number
  /** Rows on the current page. */
  count: number
  /** When capped: the last page known to hold rows (a later one came back empty); 0 when not known. */
  end: number
}

/**
 * The total el-pagination is given. Uncapped: the server's. Capped: at least the rows seen so
 * far, and one more than the current page holds while that page is full (so 下一页 stays
 * enabled), but never past a page known to be the end. The current page always counts, even
 * while it is (re)loading with no rows: el-pagination would otherwise move to the page before.
 */
export function pagerTotal(s: PagerState): number {
  if (!s.capped) return s.total
  const seen = (s.page - 1) * s.size + Math.max(s.count, 1)
  let total = Math.max(s.total, seen)
  const atEnd = s.end > 0 && s.page >= s.end
  if (s.count >= s.size && !atEnd) total = Math.max(total, s.page * s.size + 1)
  if (s.end > 0) total = Math.min(total, Math.max(s.end * s.size, seen))
  return total
}

/** 10000 → “1 万”, 25000 → “2.5 万”, 8000 → “8000”: how a count of records reads. */
export function countText(n: number): string {
  if (n >= 10000 && n % 1000 === 0) return `${n / 10000} 万`
  return String(n)
}

/** “36 条”, “1 万条”: a count with its unit (a space only between a digit and the unit). */
export function countWithUnit(n: number, unit = '条'): string {
  const text = countText(n)
  return /\d$/.test(text) ? `${text} ${unit}` : `${text}${unit}`
}

/** “共 36 条”, or “共 1 万条以上” when the server stopped counting; `unit` is 条, 人, 项 … */
export function totalText(total: number, capped: boolean | undefined, unit = '条'): string {
  return `共 ${countWithUnit(total, unit)}${capped ? '以上' : ''}`
}
