// The ECharts option of BarChart.vue, kept pure so that it can be tested: horizontal bars (long
// Chinese names read best down the side), the first item at the top, values as counts or as
// fractions shown in per cent, each bar labelled, and a tooltip with the item's own line of detail
// (“检查 12 户，发现问题 3 户”). Names come from the server: the tooltip's HTML escapes them.
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>

export interface BarItem {
  name: string
  value: number
  /** A line under the name in the tooltip. */
  detail?: string
}

export interface BarOptions {
  /** Values are fractions 0–1, shown as per cent (the axis then ends at 100%). */
  percent?: boolean
  /** The bars' colour. */
  color?: string
  /** The widest a name on the axis gets before it is cut with “…” (px). */
  labelWidth?: number
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** “37.5%”, “50%” of a fraction (one decimal, none when whole). */
export function percentText(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—'
  const value = Math.round(fraction * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`
}

/** The height the chart needs for `count` bars (px). */
export function chartHeight(count: number): number {
  return Math.max(160, count * 30 + 40)
}

/** The ECharts option of `items` as horizontal bars. */
export function barOption(items: readonly BarItem[], options: BarOptions = {}): BarChartOption {
  const show = (v: number) => (options.percent ? percentText(v) : String(v))
  const byName = new Map(items.map((i) => [i.name, i]))
  return {
    animationDuration: 300,
    grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { name?: string; value?: number } | undefined
        if (!first?.name) return ''
        const item = byName.get(first.name)
        const lines = [`<b>${escapeHtml(first.name)}</b>`, show(Number(first.value ?? 0))]
        if (item?.detail) lines.push(escapeHtml(item.detail))
        return lines.join('<br/>')
      },
    },
    xAxis: {
      type: 'value',
      max: options.percent ? 1 : undefined,
      minInterval: options.percent ? undefined : 1,
      axisLabel: { formatter: (v: number) => show(v), hideOverlap: true },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.name),
      axisTick: { show: false },
      axisLabel: { width: options.labelWidth ?? 140, overflow: 'truncate', ellipsis: '…' },
    },
    series: [
      {
        type: 'bar',
        data: items.map((i) => i.value),
        barMaxWidth: 18,
        itemStyle: { color: options.color ?? '#409eff', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: (p: { value?: unknown }) => show(Number(p.value ?? 0)) },
      },
    ],
  }
}
