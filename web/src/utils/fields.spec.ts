import { describe, expect, it } from 'vitest'
import { fieldLabel, fieldValue } from './fields'

describe('fieldLabel', () => {
  it('names known fields in Chinese and keeps unknown ones', () => {
    expect(fieldLabel('division_code')).toBe('行政区划代码')
    expect(fieldLabel('seal_digest')).toBe('seal_digest')
  })
})

describe('fieldValue', () => {
  it.each([
    ['level', 'county', '区县（county）'],
    ['type', 'team', '执法队伍（team）'],
    ['status', 'disabled', '停用（disabled）'],
    ['data_scope', 'dept_tree', '本部门及以下（dept_tree）'],
    ['level', 'galaxy', 'galaxy'],
    ['builtin', true, '是'],
    ['department', { id: 3, code: 'X', name: '综合执法处' }, '综合执法处'],
    ['roles', [{ id: 1, name: '业务处室' }, { id: 2, name: '负责人' }], '业务处室、负责人'],
    ['permissions', ['system:user:list', 'system:user:add'], 'system:user:list、system:user:add'],
    ['permissions', [], '（空）'],
    ['sort', 10, '10'],
    ['created_at', '2026-11-22T02:55:35.000Z', '2026-11-22 10:55:35'],
    ['last_login_at', null, 'null'],
    ['name', undefined, '—'],
    ['parent_id', null, 'null'],
  ])('%s = %j → %s', (field, value, expected) => {
    expect(fieldValue(field, value)).toBe(expected)
  })
})
