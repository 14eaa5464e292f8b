import { describe, expect, it } from 'vitest'
import type { DrawnTarget, TaskChange } from '@/api/task'
import {
  approvalEffect,
  attachmentKind,
  attachmentProblem,
  attachmentsOpen,
  awaitsDice,
  blankChangeForm,
  changeActions,
  changeFormProblems,
  changeInputOf,
  changeKindLabel,
  changeStatusLabel,
  changeSubject,
  formatBytes,
  hasDrawnList,
  kMaxAttachmentBytes,
  reasonProblem,
  teamPeople,
} from './changes'

const holding =
  (...perms: string[]) =>
  (perm: string) =>
    perms.includes(perm)

const change = (over: Partial<TaskChange>): TaskChange => ({
  id: 1,
  task_id: 7,
  task_code: 'T2026-00007',
  task_name: '节能监察',
  kind: 'replace_target',
  target_id: 3,
  target_code: '91500103MA60K3T26Y',
  target_name: '重庆渝中精密机械有限公司',
  inspector_id: null,
  inspector_code: '',
  inspector_name: '',
  category: '注销',
  reason: '已注销',
  status: 'pending',
  requested_by: 2,
  requested_by_name: '刘建国',
  requested_at: '2026-11-22T08:00:00.000Z',
  decided_by_name: '',
  decided_at: '',
  decision_reason: '',
  applied_at: '',
  ...over,
})

const target = (id: number, team: [string, string, number?][]): DrawnTarget => ({
  position: id,
  code: `C${id}`,
  stratum: 'A',
  name: `对象${id}`,
  division_code: '500103',
  address: '',
  target_id: id,
  team: team.map(([code, name, inspectorId], slot) => ({ slot, code, name, department_name: '节能与综合利用处', inspector_id: inspectorId })),
})

describe('changeActions', () => {
  const requester = holding('task:change:request')
  it.each([
    ['draft', { change: false, void: false, apply: false }],
    ['committed', { change: false, void: true, apply: false }],
    ['drawn', { change: true, void: true, apply: false }],
    ['confirmed', { change: true, void: true, apply: false }],
    ['inspecting', { change: true, void: true, apply: false }],
    ['void', { change: false, void: false, apply: false }],
  ] as const)('%s', (status, expected) => {
    expect(changeActions({ status }, requester)).toEqual(expected)
  })
  it('applies fresh dice with task:draw:run only', () => {
    expect(changeActions({ status: 'confirmed' }, holding('task:draw:run')).apply).toBe(true)
    expect(changeActions({ status: 'committed' }, holding('task:draw:run')).apply).toBe(false)
    expect(changeActions(null, holding('task:change:request', 'task:draw:run'))).toEqual({ change: false, void: false, apply: false })
  })
  it('hasDrawnList', () => {
    expect(['drawn', 'confirmed', 'inspecting', 'committed', 'void', undefined].map(hasDrawnList)).toEqual([true, true, true, false, false, false])
  })
})

describe('labels', () => {
  it('names kinds and statuses, an approved withdrawal waiting for dice', () => {
    expect(changeKindLabel('withdraw_inspector')).toBe('检查人员退出')
    expect(changeStatusLabel(change({ kind: 'withdraw_inspector', status: 'approved' }))).toBe('已批准待补抽')
    expect(changeStatusLabel(change({ status: 'approved' }))).toBe('已批准生效')
    expect(changeStatusLabel(change({ status: 'rejected' }))).toBe('已驳回')
    expect(changeStatusLabel(change({ kind: 'withdraw_inspector', status: 'applied' }))).toBe('已执行')
    expect(awaitsDice(change({ kind: 'withdraw_inspector', status: 'approved' }))).toBe(true)
    expect(awaitsDice(change({ kind: 'withdraw_inspector', status: 'applied' }))).toBe(false)
    expect(awaitsDice(change({ status: 'approved' }))).toBe(false)
  })
  it('says what a request is about', () => {
    expect(changeSubject(change({}))).toBe('重庆渝中精密机械有限公司（91500103MA60K3T26Y）')
    expect(changeSubject(change({ kind: 'void' }))).toBe('整个任务')
    expect(changeSubject(change({ kind: 'withdraw_inspector', inspector_name: '王磊', inspector_code: '渝执50103104', target_name: '' }))).toBe('王磊（渝执50103104）')
    expect(changeSubject(change({ kind: 'withdraw_inspector', inspector_name: '王磊', inspector_code: '渝执50103104' }))).toBe('王磊（渝执50103104），涉及 重庆渝中精密机械有限公司')
  })
  it('explains that nobody picks', () => {
    expect(approvalEffect({ kind: 'replace_target' })).toMatch(/备选名单中的下一户按顺序递补/)
    expect(approvalEffect({ kind: 'withdraw_inspector' })).toMatch(/骰子/)
    expect(approvalEffect({ kind: 'void' })).toMatch(/作废/)
  })
})

describe('teamPeople', () => {
  it('lists each person once with the targets they are on', () => {
    const people = teamPeople([target(1, [['A1', '王磊', 11], ['B1', '李静', 12]]), target(2, [['B1', '李静', 12], ['A2', '张伟']])])
    expect(people.map((p) => [p.code, p.inspector_id, p.targets.map((t) => [t.target_id, t.lead])])).toEqual([
      ['A1', 11, [[1, true]]],
      ['B1', 12, [[1, false], [2, true]]],
      ['A2', undefined, [[2, false]]],
    ])
  })
})

describe('the request form', () => {
  it('checks the fields of each kind', () => {
    expect(changeFormProblems(blankChangeForm('replace_target'))).toEqual({
      target_id: '请选择要替换的检查对象',
      inspector_id: '',
      category: '请选择替换原因',
      reason: '请填写变更理由',
    })
    expect(changeFormProblems(blankChangeForm('withdraw_inspector'))).toMatchObject({ target_id: '', inspector_id: '请选择退出的检查人员', category: '请选择退出原因' })
    expect(changeFormProblems({ ...blankChangeForm('void'), reason: ' ' })).toEqual({ target_id: '', inspector_id: '', category: '', reason: '请填写作废理由' })
    expect(reasonProblem('字'.repeat(501))).toBe('变更理由最多 500 个字')
    expect(reasonProblem('字'.repeat(500))).toBe('')
  })
  it('sends only the fields of the kind', () => {
    expect(changeInputOf({ kind: 'replace_target', target_id: 3, inspector_id: 9, category: '注销', reason: ' 已注销 ' })).toEqual({
      kind: 'replace_target',
      target_id: 3,
      category: '注销',
      reason: '已注销',
    })
    expect(changeInputOf({ kind: 'withdraw_inspector', target_id: undefined, inspector_id: 9, category: '疾病', reason: '住院' })).toEqual({
      kind: 'withdraw_inspector',
      inspector_id: 9,
      category: '疾病',
      reason: '住院',
    })
    expect(changeInputOf({ kind: 'withdraw_inspector', target_id: 3, inspector_id: 9, category: '回避', reason: '亲属' })).toMatchObject({ target_id: 3 })
    expect(changeInputOf({ kind: 'void', target_id: 3, inspector_id: 9, category: '其他', reason: '参数错误' })).toEqual({ kind: 'void', reason: '参数错误' })
  })
})

describe('attachments', () => {
  it('are open between the commit and the confirmation', () => {
    expect(['draft', 'committed', 'drawn', 'confirmed', 'void'].map(attachmentsOpen)).toEqual([false, true, true, false, false])
  })
  it('checks a file before sending it', () => {
    expect(attachmentProblem({ name: '现场.JPG', size: 1000 }, 0)).toBe('')
    expect(attachmentProblem({ name: '录像.mp4', size: kMaxAttachmentBytes }, 0)).toBe('')
    expect(attachmentProblem({ name: '录像.mp4', size: kMaxAttachmentBytes + 1 }, 0)).toMatch(/超过 50 MB/)
    expect(attachmentProblem({ name: '说明.docx', size: 10 }, 0)).toMatch(/只能上传/)
    expect(attachmentProblem({ name: '空.pdf', size: 0 }, 0)).toBe('文件是空的')
    expect(attachmentProblem({ name: 'a.pdf', size: 10 }, 50)).toMatch(/最多 50 个/)
  })
  it('formats sizes and kinds', () => {
    expect([812, 1536, 23.4 * 1024 * 1024, -1].map(formatBytes)).toEqual(['812 B', '1.5 KB', '23.4 MB', '—'])
    expect(['image/jpeg', 'video/mp4', 'application/pdf', 'x/y'].map((content_type) => attachmentKind({ content_type }))).toEqual(['照片', '录像', 'PDF 文件', '文件'])
  })
})
