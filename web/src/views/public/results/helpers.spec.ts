import { describe, expect, it } from 'vitest'
import type { Result } from '@/api/publicity'
import {
  actionText,
  codeLabel,
  correctionNotice,
  dateOf,
  looksLikeCode,
  queryProblem,
  resultMark,
  resultQuery,
  usccToPrefill,
  versionLines,
} from './helpers'

function result(over: Partial<Result> = {}): Result {
  return {
    id: 1,
    inspection_id: 12,
    version: 1,
    current: true,
    corrected: false,
    task_code: 'T2026-00012',
    task_name: '2026年食品经营者监督检查',
    target_code: '91500103MA5U0000X1',
    target_name: '重庆某某食品有限公司',
    department_name: '渝中区市场监督管理局',
    inspected_on: '2026-11-28',
    summary: '未发现问题',
    problem: false,
    content: { items: [], actions: [], uninspectable: null },
    reason: '',
    published_at: '2026-12-01T02:00:00.000Z',
    first_published_at: '2026-12-01T02:00:00.000Z',
    ...over,
  }
}

describe('the search box', () => {
  it('takes a name or a whole code and leaves an empty box to the latest results', () => {
    expect(queryProblem('')).toBe('')
    expect(queryProblem('  某某食品 ')).toBe('')
    expect(queryProblem('91500103MA5U0000X1')).toBe('')
    expect(queryProblem('91500103ma5u0000x1')).toBe('')
    expect(queryProblem('ABC')).toBe('')
  })

  it('answers a mistyped code instead of searching names for it', () => {
    expect(queryProblem('91500103MA5U0000')).toBe('统一社会信用代码应为 18 位，现为 16 位')
    expect(queryProblem('91500103MA5U0000X12')).toBe('统一社会信用代码应为 18 位，现为 19 位')
    expect(queryProblem('91500103MA5U0000O1')).toContain('不允许的字符')
    expect(queryProblem('某'.repeat(101))).toBe('查询内容最多 100 个字')
    expect(queryProblem('500103000012345')).toBe('统一社会信用代码应为 18 位，现为 15 位')
    expect(looksLikeCode('ABCDEFGHIJKLMNOPQR')).toBe(false)
    expect(looksLikeCode('3M中国')).toBe(false)
    expect(looksLikeCode('91500103M')).toBe(false)
  })

  it('sends the code in capitals and nothing for an empty box', () => {
    expect(resultQuery({ page: 2, page_size: 10 }, { q: ' 91500103ma5u0000x1 ' })).toEqual({ page: 2, page_size: 10, q: '91500103MA5U0000X1' })
    expect(resultQuery({ page: 1, page_size: 10 }, { q: ' 某某食品 ' })).toEqual({ page: 1, page_size: 10, q: '某某食品' })
    expect(resultQuery({ page: 1, page_size: 10 }, { q: '   ' })).toEqual({ page: 1, page_size: 10, q: undefined })
  })
})

describe('a result', () => {
  it('is red with a problem, grey when it could not be inspected, else green', () => {
    expect(resultMark(result({ problem: true }))).toEqual({ type: 'danger', label: '发现问题' })
    expect(resultMark(result())).toEqual({ type: 'success', label: '未发现问题' })
    expect(resultMark(result({ content: { items: [], actions: [], uninspectable: '已关闭停业或正在组织清算' } }))).toEqual({ type: 'info', label: '无法开展检查' })
    expect(resultMark(result({ problem: true, content: null }))).toEqual({ type: 'danger', label: '发现问题' })
  })

  it('says when and why it was corrected', () => {
    expect(correctionNotice(result())).toBe('')
    expect(correctionNotice(result({ version: 2, corrected: true, published_at: '2026-12-05T03:00:00.000Z', reason: '检查结果录入错误' }))).toBe(
      '该结果已于 2026-12-05 更正，更正理由：检查结果录入错误',
    )
    // Local dates: 2026-12-05T20:00Z is the 6th in China.
    expect(dateOf('2026-12-05T20:00:00.000Z')).toBe('2026-12-06')
    expect(dateOf('')).toBe('')
  })

  it('lists the versions newest first with their reasons', () => {
    const lines = versionLines([
      result({ id: 1, version: 1, current: false, summary: '发现问题待后续处理', problem: true }),
      result({ id: 5, version: 3, current: true, summary: '未发现问题', reason: '复查更正', published_at: '2026-12-09T02:00:00.000Z' }),
      result({ id: 3, version: 2, current: false, summary: '发现问题经责令已改正', reason: '录入错误', published_at: '2026-12-05T02:00:00.000Z' }),
    ])
    expect(lines.map((l) => [l.id, l.label, l.date, l.reason, l.current])).toEqual([
      [5, '第 2 次更正', '2026-12-09', '复查更正', true],
      [3, '第 1 次更正', '2026-12-05', '录入错误', false],
      [1, '首次公示', '2026-12-01', '', false],
    ])
  })

  it('words the follow-up actions and fills in only a whole code', () => {
    expect(actionText({ kind: '责令改正', deadline: '2026-12-20' })).toBe('责令改正（整改期限 2026-12-20）')
    expect(actionText({ kind: '抄告相关部门', deadline: '' })).toBe('抄告相关部门')
    expect(usccToPrefill('91500103ma5u0000x1')).toBe('91500103MA5U0000X1')
    expect(usccToPrefill('500103********1234')).toBe('')
    expect(usccToPrefill(undefined)).toBe('')
    expect(codeLabel('500103********1234')).toBe('证件号码')
    expect(codeLabel('91500103MA5U0000X1')).toBe('统一社会信用代码')
  })
})
