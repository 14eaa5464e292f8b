import { describe, expect, it } from 'vitest'
import { auditActionLabel, auditActionTag, dictLabel, dictTag, kDataScopes, kLoginResults } from './dict'

describe('dict', () => {
  it('labels known codes and falls back to the code', () => {
    expect(dictLabel(kDataScopes, 'dept_tree')).toBe('本部门及以下')
    expect(dictLabel(kDataScopes, 'galaxy')).toBe('galaxy')
    expect(dictLabel(kDataScopes, null)).toBe('—')
  })
  it('colours login results as the page promises', () => {
    expect(dictTag(kLoginResults, 'success')).toBe('success')
    expect(dictTag(kLoginResults, 'bad_password')).toBe('warning')
    expect(dictTag(kLoginResults, 'unknown_user')).toBe('warning')
    expect(dictLabel(kLoginResults, 'address_throttled')).toBe('地址受限')
    expect(dictTag(kLoginResults, 'locked')).toBe('danger')
    expect(dictTag(kLoginResults, 'disabled')).toBe('danger')
    expect(dictTag(kLoginResults, 'other')).toBe('info')
  })
  it('labels audit tags, falling back to the verb of the last segment', () => {
    expect(auditActionLabel('system:user:add')).toBe('新增用户')
    expect(auditActionLabel('auth:login')).toBe('登录')
    expect(auditActionLabel('plan:task:remove')).toBe('删除')
    expect(auditActionLabel('draw:seal')).toBe('draw:seal')
    expect(auditActionLabel(null)).toBe('—')
    expect(auditActionTag('system:dept:edit')).toBe('primary')
    expect(auditActionTag('catalog:item:add')).toBe('success')
    expect(auditActionTag('x:y')).toBe('info')
  })
  it('labels a refused request as the action refused, in red', () => {
    expect(auditActionLabel('system:user:add:refused')).toBe('新增用户（被拒绝）')
    expect(auditActionLabel('task:draw:run:refused')).toBe('执行抽取（被拒绝）')
    expect(auditActionTag('plan:annual:approve:refused')).toBe('danger')
  })
})
