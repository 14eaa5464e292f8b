import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useTableColumns } from './useTableColumns'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  }
}

const defs = [
  { key: 'name', label: '名称' },
  { key: 'nature', label: '性质', phone: false },
]

afterEach(() => vi.unstubAllGlobals())

describe('useTableColumns', () => {
  it('shows every column on a desktop and remembers what was hidden', async () => {
    const storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    const { columns, show } = useTableColumns('t', defs)
    expect(columns.map((c) => c.visible)).toEqual([true, true])
    columns[1].visible = false
    await nextTick()
    expect(show('nature')).toBe(false)
    expect(show('unknown')).toBe(true)
    expect(storage.data.get('ssj.columns.t.desktop')).toBe('["nature"]')
    // The next visit starts from the stored choice.
    expect(useTableColumns('t', defs).show('nature')).toBe(false)
  })

  it('leaves a column marked hidden out until it is chosen', async () => {
    const storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    const wide = [...defs, { key: 'updated_at', label: '更新时间', hidden: true }]
    const { columns, show } = useTableColumns('w', wide)
    expect(columns.map((c) => c.visible)).toEqual([true, true, false])
    columns[2].visible = true
    await nextTick()
    expect(useTableColumns('w', wide).show('updated_at')).toBe(true)
    expect(show('updated_at')).toBe(true)
  })

  it('ignores a stored value it cannot read', () => {
    const storage = memoryStorage()
    storage.setItem('ssj.columns.t.desktop', '{not json')
    vi.stubGlobal('localStorage', storage)
    expect(useTableColumns('t', defs).columns.every((c) => c.visible)).toBe(true)
  })
})
