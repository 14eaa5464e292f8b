import { describe, expect, it } from 'vitest'
import type { RecordItem, ResultCategory } from '@/api/inspection'
import {
  changedItems,
  codesChanged,
  codesText,
  correctionBody,
  correctionForm,
  correctionProblems,
  correctionStatusLabel,
  correctionStatusTag,
  hasCorrectionProblems,
  itemChanged,
  itemChanges,
  itemOfField,
  reasonProblem,
} from './helpers'

const cat = (code: string, text: string, parent: string | null = null, problem = false): ResultCategory => ({
  code,
  text,
  parent,
  problem,
  uninspectable: false,
  active: true,
})

const kCategories: ResultCategory[] = [
  cat('1', '未发现问题'),
  cat('A', '发现问题待后续处理', null, true),
  cat('2', '违反工商行政管理相关规定', 'A', true),
  cat('B', '未按规定公示应当公示的信息', '2', true),
  cat('E', '发现问题经责令已改正'),
]

function item(id: number, over: Partial<RecordItem> = {}): RecordItem {
  return {
    item_id: id,
    code: `SX-${id}`,
    name: `事项${id}`,
    methods: ['书面检查'],
    department_id: 2,
    department_name: '渝中区市场监督管理局',
    method: '书面检查',
    checked: '查验年报公示情况',
    findings: '',
    result_codes: ['1'],
    handling: '',
    recorded_by_name: '王敏',
    recorded_at: '2026-11-28T02:00:00.000Z',
    can_edit: false,
    ...over,
  }
}

const kRecord = { items: [item(4, { result_codes: ['B'], findings: '未公示 2025 年度报告', handling: '责令改正' }), item(5)] }

describe('the correction form', () => {
  it('starts from the record and sends only the items that change', () => {
    const form = correctionForm(kRecord)
    expect(form.items.map((i) => [i.item_id, i.result_codes, itemChanged(i)])).toEqual([
      [4, ['B'], false],
      [5, ['1'], false],
    ])
    expect(changedItems(form)).toEqual([])

    form.items[0].result_codes = ['E']
    form.items[0].handling = ' 责令改正，已当场改正 '
    form.items[1].findings = '  '
    form.reason = ' 企业检查前已补报年报 '
    expect(itemChanged(form.items[1])).toBe(false)
    expect(correctionBody(form)).toEqual({
      reason: '企业检查前已补报年报',
      items: [{ item_id: 4, result_codes: ['E'], findings: '未公示 2025 年度报告', handling: '责令改正，已当场改正' }],
    })
    // Editing the form never touches what was published.
    expect(form.items[0].original.result_codes).toEqual(['B'])
    expect(kRecord.items[0].result_codes).toEqual(['B'])
  })

  it('compares the result codes as a set', () => {
    const form = correctionForm({ items: [item(6, { result_codes: ['B', 'E'] })] })
    form.items[0].result_codes = ['E', 'B']
    expect(itemChanged(form.items[0])).toBe(false)
    form.items[0].handling = '已改正'
    expect(itemChanged(form.items[0])).toBe(true)
    expect(codesChanged(form.items[0])).toBe(false)
    form.items[0].result_codes = ['E']
    expect(codesChanged(form.items[0])).toBe(true)
  })

  it('wants a reason, a change, and result codes that keep the rule', () => {
    const form = correctionForm(kRecord)
    let p = correctionProblems(form, kCategories)
    expect(p.reason).toBe('请填写更正理由')
    expect(p.items).toBe('更正后的内容与已公示的结果相同，请修改需要更正的事项')
    expect(hasCorrectionProblems(p)).toBe(true)

    form.reason = '录入错误'
    form.items[0].result_codes = []
    form.items[1].result_codes = ['A', 'B']
    p = correctionProblems(form, kCategories, '复查意见')
    expect(p).toEqual({ reason: '', items: '', byItem: { 4: '请选择更正后的检查结果', 5: '检查结果的上级与下级不能同时选择' } })

    form.items[0].result_codes = ['E']
    form.items[1].result_codes = ['1']
    form.items[0].handling = '处'.repeat(1001)
    expect(correctionProblems(form, kCategories).byItem).toEqual({ 4: '处理情况最多 1000 个字' })
    form.items[0].handling = '已改正'
    expect(hasCorrectionProblems(correctionProblems(form, kCategories))).toBe(false)
  })

  it('knows a reason from 2 to 500 characters', () => {
    expect(reasonProblem(' 好 ', '更正理由')).toBe('请填写更正理由')
    expect(reasonProblem('录入错误', '更正理由')).toBe('')
    expect(reasonProblem('字'.repeat(501), '维持理由')).toBe('维持理由最多 500 个字')
  })

  it('finds the item a refusal names', () => {
    const sent = [
      { item_id: 4, result_codes: ['E'], findings: '', handling: '' },
      { item_id: 9, result_codes: ['1'], findings: '', handling: '' },
    ]
    expect(itemOfField('items[1].result_codes', sent)).toBe(9)
    expect(itemOfField('items[0].item_id', sent)).toBe(4)
    expect(itemOfField('items[5].findings', sent)).toBeNull()
    expect(itemOfField('reason', sent)).toBeNull()
    expect(itemOfField(undefined, sent)).toBeNull()
  })
})

describe('a correction beside the record', () => {
  it('shows the codes as texts and the current values while pending', () => {
    expect(codesText(['B', 'E'], kCategories)).toBe('未按规定公示应当公示的信息、发现问题经责令已改正')
    expect(codesText(['Z9'], kCategories)).toBe('Z9')
    expect(codesText([], kCategories)).toBe('—')

    const proposed = [{ item_id: 4, result_codes: ['E'], findings: '未公示 2025 年度报告', handling: '已改正' }]
    const [pending] = itemChanges(proposed, kRecord)
    expect(pending.name).toBe('事项4')
    expect(pending.before?.result_codes).toEqual(['B'])
    expect(pending.changed).toEqual({ result_codes: true, findings: false, handling: true })

    const [decided] = itemChanges(proposed, kRecord, false)
    expect(decided.name).toBe('事项4')
    expect(decided.before).toBeNull()
    expect(decided.changed).toEqual({ result_codes: true, findings: true, handling: true })
    expect(itemChanges([{ item_id: 5, result_codes: ['1'], findings: '', handling: '' }], kRecord, false)[0].changed).toEqual({ result_codes: true, findings: false, handling: false })
    expect(itemChanges([{ item_id: 77, result_codes: ['1'], findings: '', handling: '' }], null)[0].name).toBe('事项 #77')
    expect(itemChanges(null, kRecord)).toEqual([])
  })

  it('says the statuses', () => {
    expect(correctionStatusLabel('pending')).toBe('待审批')
    expect(correctionStatusTag('approved')).toBe('success')
    expect(correctionStatusLabel('rejected')).toBe('已驳回')
  })
})
