import { describe, expect, it } from 'vitest'
import { barOption, chartHeight, escapeHtml, percentText } from './barChart'

type Fn = (...args: unknown[]) => string
const items = [
  { name: '渝中区', value: 0.375, detail: '检查 8 户，发现问题 3 户' },
  { name: '<b>江北区</b>', value: 0.5 },
]

describe('percentText', () => {
  it('shows a fraction in per cent', () => {
    expect(percentText(0.375)).toBe('37.5%')
    expect(percentText(1 / 3)).toBe('33.3%')
    expect(percentText(0.5)).toBe('50%')
    expect(percentText(0)).toBe('0%')
    expect(percentText(Number.NaN)).toBe('—')
  })
})

describe('barOption', () => {
  it('puts the items down the side, first at the top', () => {
    const o = barOption(items, { percent: true })
    const y = o.yAxis as { data: string[]; inverse: boolean }
    expect(y.data).toEqual(['渝中区', '<b>江北区</b>'])
    expect(y.inverse).toBe(true)
    const series = (o.series as { data: number[] }[])[0]
    expect(series.data).toEqual([0.375, 0.5])
  })

  it('ends a per-cent axis at 100% and labels in per cent', () => {
    const o = barOption(items, { percent: true })
    const x = o.xAxis as { max?: number; axisLabel: { formatter: Fn } }
    expect(x.max).toBe(1)
    expect(x.axisLabel.formatter(0.25)).toBe('25%')
    const label = (o.series as { label: { formatter: Fn } }[])[0].label
    expect(label.formatter({ value: 0.375 })).toBe('37.5%')
  })

  it('shows counts as they are, on whole steps', () => {
    const o = barOption([{ name: '事项', value: 12 }])
    const x = o.xAxis as { max?: number; minInterval?: number; axisLabel: { formatter: Fn } }
    expect(x.max).toBeUndefined()
    expect(x.minInterval).toBe(1)
    expect(x.axisLabel.formatter(12)).toBe('12')
  })

  it('writes the tooltip with the detail and escapes the names', () => {
    const tooltip = barOption(items, { percent: true }).tooltip as { formatter: Fn }
    expect(tooltip.formatter([{ name: '渝中区', value: 0.375 }])).toBe('<b>渝中区</b><br/>37.5%<br/>检查 8 户，发现问题 3 户')
    expect(tooltip.formatter([{ name: '<b>江北区</b>', value: 0.5 }])).toBe('<b>&lt;b&gt;江北区&lt;/b&gt;</b><br/>50%')
    expect(tooltip.formatter([])).toBe('')
  })

  it('takes the colour and label width asked for', () => {
    const o = barOption(items, { color: '#f56c6c', labelWidth: 90 })
    expect((o.series as { itemStyle: { color: string } }[])[0].itemStyle.color).toBe('#f56c6c')
    expect((o.yAxis as { axisLabel: { width: number } }).axisLabel.width).toBe(90)
  })
})

describe('helpers', () => {
  it('grows with the bars, never below 160 px', () => {
    expect(chartHeight(0)).toBe(160)
    expect(chartHeight(10)).toBe(340)
  })

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
