// Time display: the server sends ISO 8601 UTC; people read local time YYYY-MM-DD HH:mm:ss.

const pad = (n: number) => String(n).padStart(2, '0')

/** Local `YYYY-MM-DD HH:mm:ss`, or `fallback` for null/empty/unparseable input. */
export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return fallback
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

/**
 * Turns a picked local date range (`YYYY-MM-DD` each) into ISO instants for the API: `from`
 * at local 00:00:00.000 and `to` at local 23:59:59.999, so both days are included whole.
 */
export function localDayRangeToIso(range: readonly [string, string] | null | undefined): {
  from?: string
  to?: string
} {
  if (!range || range.length !== 2 || !range[0] || !range[1]) return {}
  const [fy, fm, fd] = range[0].split('-').map(Number)
  const [ty, tm, td] = range[1].split('-').map(Number)
  const from = new Date(fy, fm - 1, fd, 0, 0, 0, 0)
  const to = new Date(ty, tm - 1, td, 23, 59, 59, 999)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return {}
  return { from: from.toISOString(), to: to.toISOString() }
}

/** Today's date in Asia/Shanghai as `YYYY-MM-DD` (certificates expire by the Chinese calendar day). */
export function shanghaiToday(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
