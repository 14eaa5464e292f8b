import { describe, expect, it } from 'vitest'
import { hasPermission } from './perm'

describe('hasPermission', () => {
  const granted = ['system:user:list', 'system:user:add']
  it.each([
    [granted, 'system:user:list', true],
    [granted, 'system:user:edit', false],
    [granted, ['system:role:list', 'system:user:add'], true],
    [granted, ['system:role:list'], false],
    [granted, undefined, true],
    [granted, [], true],
    [[], 'system:user:list', false],
    [undefined, 'system:user:list', false],
    [['*:*:*'], 'anything:at:all', true],
  ] as const)('%j has %j → %s', (have, want, expected) => {
    expect(hasPermission(have as readonly string[] | undefined, want as string | string[] | undefined)).toBe(expected)
  })
})
