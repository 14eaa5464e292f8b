// State of the 工作日历 page: the years with an arrangement, the year shown, and that year's
// days as the server computes them (every notice's days, so a December day moved by the next
// year's notice shows as it is in force).
import { computed, ref, shallowRef, watch } from 'vue'
import { isApiError } from '@/api/http'
import { listDays, listYears, type CalendarDay, type YearArrangement } from '@/api/calendar/calendar'
import { shanghaiToday } from '@/utils/time'
import { rowsFromArrangement, summarize } from './helpers'

export function useCalendarPage() {
  const years = shallowRef<YearArrangement[]>([])
  const maxYear = ref(2099)
  const year = ref(Number(shanghaiToday().slice(0, 4)))
  const days = shallowRef<Map<string, CalendarDay>>(new Map())
  const loading = ref(false)
  const error = ref('')

  const arrangement = computed(() => years.value.find((y) => y.year === year.value) ?? null)
  const covered = computed(() => arrangement.value !== null)
  /** The years to pick from: those with an arrangement, this year and the one after the latest. */
  const yearOptions = computed(() => {
    const set = new Set(years.value.map((y) => y.year))
    set.add(Number(shanghaiToday().slice(0, 4)))
    const latest = Math.max(...set)
    if (latest < maxYear.value) set.add(latest + 1)
    return [...set].sort((a, b) => b - a)
  })
  /** The year a new arrangement is most likely for: the one after the latest entered. */
  const nextYear = computed(() => Math.max(...years.value.map((y) => y.year), Number(shanghaiToday().slice(0, 4))) + 1)
  const summary = computed(() => summarize([...days.value.values()]))
  const rows = computed(() => (arrangement.value ? rowsFromArrangement(arrangement.value.holidays, arrangement.value.workdays) : []))

  async function loadDays() {
    days.value = new Map()
    if (!covered.value) return
    loading.value = true
    error.value = ''
    try {
      const result = await listDays(`${year.value}-01-01`, `${year.value}-12-31`)
      days.value = new Map(result.days.map((d) => [d.date, d]))
    } catch (e) {
      error.value = isApiError(e) ? e.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  /**
   * Reads the years, then the shown year's days: this year's at first (a year not entered yet
   * shows as such, which is what an administrator needs to see), or `show`'s.
   */
  async function load(show?: number) {
    loading.value = true
    error.value = ''
    try {
      const result = await listYears()
      years.value = result.items
      maxYear.value = result.max_year
    } catch (e) {
      error.value = isApiError(e) ? e.message : '加载失败'
      return
    } finally {
      loading.value = false
    }
    // A change of year loads its days through the watcher.
    if (show && show !== year.value) year.value = show
    else await loadDays()
  }

  watch(year, () => void loadDays())

  return { years, year, days, loading, error, arrangement, covered, yearOptions, nextYear, summary, rows, load }
}
