import { describe, expect, it } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { conflictRules, declarationRules, exemptionRules, periodProblem, untilRule } from './rules'

/** Runs a rule's validator on `value`: the message, or '' when it passes. */
function check(rule: FormItemRule, value: unknown): string {
  let message = ''
  rule.validator?.(rule, value, (error?: string | Error) => (message = error ? String((error as Error).message ?? error) : ''), {}, {})
  return message
}

describe('periodProblem', () => {
  it('refuses an end before the start and nothing else', () => {
    expect(periodProblem('2026-02-01', '2026-01-31')).toBe('有效期至不能早于有效期起')
    expect(periodProblem('2026-02-01', '2026-02-01')).toBe('')
    expect(periodProblem('', '2026-01-31')).toBe('')
    expect(periodProblem('2026-02-01', '')).toBe('')
  })
})

describe('untilRule', () => {
  it('checks against the start as it is when validating', () => {
    let from = '2026-03-01'
    const rule = untilRule(() => from, false)
    expect(check(rule, '')).toBe('')
    expect(check(rule, '2026-02-28')).toBe('有效期至不能早于有效期起')
    from = '2026-02-01'
    expect(check(rule, '2026-02-28')).toBe('')
  })

  it('may be required', () => {
    const rule = untilRule(() => '', true)
    expect(rule.required).toBe(true)
    expect(check(rule, '')).toBe('请选择有效期至')
    expect(check(rule, '2026-12-31')).toBe('')
  })
})

describe('form rules', () => {
  it('require what the server requires', () => {
    const conflict = conflictRules(() => '')
    expect(Object.keys(conflict)).toEqual(['inspector', 'inspector_code', 'target', 'target_code', 'reason', 'valid_until'])
    expect(conflict.reason[0].required).toBe(true)
    expect(conflict.valid_until[0].required).toBe(false)
    const exemption = exemptionRules(() => '')
    expect(exemption.valid_from[0].required).toBe(true)
    expect(exemption.valid_until[0].required).toBe(true)
    expect(exemption.source_document[0].required).toBe(true)
    expect(exemption.scope[0].required).toBeUndefined()
  })

  it('let an inspector’s declaration end no earlier than today', () => {
    const rules = declarationRules('2026-11-22')
    expect(rules.target[0].required).toBe(true)
    expect(check(rules.valid_until[0], '2026-11-21')).toBe('有效期至不能早于有效期起')
    expect(check(rules.valid_until[0], '2026-11-22')).toBe('')
  })
})
