import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../http'
import { answerFetch, sentHeaders, type FetchCall } from '../testing'
import { getPolicy, listProfiles, savePolicy } from './policy'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('element-plus', () => ({ ElMessage: (options: { message: string }) => void toasts.push(options.message) }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

let calls: FetchCall[] = []

beforeEach(() => {
  calls = []
  toasts.length = 0
  setCsrfToken('tok-7')
})

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('policy routes', () => {
  it('reads the policy in force and the shipped profiles', async () => {
    answerFetch(calls, 200, {})
    await getPolicy()
    await listProfiles()
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/policy', '/api/v1/policy/profiles'])
  })

  it('saves quietly: the dialog shows the setting the server names', async () => {
    const change = { profile_id: 'zibo-gxj', overrides: { min_inspectors: 1 }, reason: '测试' }
    answerFetch(calls, 400, {
      code: 'request.invalid_field',
      message: '“每个检查对象的执法检查人员不少于”（min_inspectors）不能少于 2 人，收到 1',
      details: { field: 'min_inspectors', value: '1' },
    })
    await expect(savePolicy(change)).rejects.toMatchObject({ status: 400, field: 'min_inspectors' })
    expect(calls[0].url).toBe('/api/v1/policy')
    expect(calls[0].init.method).toBe('PUT')
    expect(JSON.parse(String(calls[0].init.body))).toEqual(change)
    expect(sentHeaders(calls[0])['X-CSRF-Token']).toBe('tok-7')
    expect(toasts).toEqual([])
  })
})
