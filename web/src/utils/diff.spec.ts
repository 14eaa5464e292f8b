import { describe, expect, it } from 'vitest'
import { diffObjects, formatValue, prettyJson } from './diff'

describe('diffObjects', () => {
  it('lists changed, added and removed fields', () => {
    const rows = diffObjects({ name: '旧', sort: 1, gone: true, same: 'x' }, { name: '新', sort: 1, added: [1], same: 'x' })
    expect(rows).toEqual([
      { field: 'name', before: '旧', after: '新', kind: 'changed' },
      { field: 'gone', before: true, after: undefined, kind: 'removed' },
      { field: 'added', before: undefined, after: [1], kind: 'added' },
    ])
  })
  it('treats a create (no before) as all added and a delete as all removed', () => {
    expect(diffObjects(null, { a: 1 }).map((r) => r.kind)).toEqual(['added'])
    expect(diffObjects({ a: 1 }, null).map((r) => r.kind)).toEqual(['removed'])
    expect(diffObjects(null, null)).toEqual([])
  })
  it('compares nested values structurally and can keep unchanged fields', () => {
    expect(diffObjects({ r: [1, 2] }, { r: [1, 2] })).toEqual([])
    expect(diffObjects({ r: [1, 2] }, { r: [1, 2] }, true)[0].kind).toBe('same')
  })
})

describe('formatting', () => {
  it('formats values for display', () => {
    expect(formatValue('张三')).toBe('张三')
    expect(formatValue(undefined)).toBe('—')
    expect(formatValue(null)).toBe('null')
    expect(formatValue([1, 'a'])).toBe('[1,"a"]')
    expect(prettyJson(null)).toBe('（无）')
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}')
  })
})
