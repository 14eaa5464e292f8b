import { describe, expect, it } from 'vitest'
import { blankObjection, hasProblems, objectionBody, objectionProblems, receiptLines, refusalTarget, refusalTitle, reviewDueText } from './helpers'

const kFilled = {
  uscc: '91500103MA5U0000X1',
  verify_code: 'K7P2Q9MZ',
  contact_name: '李华',
  contact_phone: '023-63000000',
  content: '检查时企业已公示年度报告',
}

describe('the objection form', () => {
  it('asks for every field of a blank form', () => {
    const p = objectionProblems(blankObjection())
    expect(p).toEqual({
      uscc: '请输入统一社会信用代码',
      verify_code: '请填写检查通知书上的异议验证码',
      contact_name: '请填写联系人姓名',
      contact_phone: '请填写联系电话',
      content: '请填写异议内容',
    })
    expect(hasProblems(p)).toBe(true)
  })

  it('accepts a filled form, spaces in the code included', () => {
    const p = objectionProblems({ ...kFilled, uscc: '9150 0103 MA5U 0000 X1' })
    expect(hasProblems(p)).toBe(false)
  })

  it('checks the code, the phone and the lengths', () => {
    expect(objectionProblems({ ...kFilled, uscc: '91500103MA5U0000' }).uscc).toBe('统一社会信用代码应为 18 位，现为 16 位')
    expect(objectionProblems({ ...kFilled, contact_phone: '电话123' }).contact_phone).toBe('请填写正确的联系电话（手机号码或带区号的固定电话）')
    expect(objectionProblems({ ...kFilled, contact_phone: '138 0000 0000' }).contact_phone).toBe('')
    expect(objectionProblems({ ...kFilled, content: '字'.repeat(2001) }).content).toBe('异议内容最多 2000 个字')
    expect(objectionProblems({ ...kFilled, contact_name: '名'.repeat(51) }).contact_name).toBe('联系人最多 50 个字')
  })

  it('sends trimmed values with both codes in capitals', () => {
    expect(objectionBody({ uscc: ' 91500103ma5u 0000x1 ', verify_code: ' k7p2 q9mz ', contact_name: ' 李华 ', contact_phone: ' 13800000000 ', content: ' 有异议 \n' })).toEqual({
      uscc: '91500103MA5U0000X1',
      verify_code: 'K7P2Q9MZ',
      contact_name: '李华',
      contact_phone: '13800000000',
      content: '有异议',
    })
  })
})

describe('the refusals', () => {
  it('puts a field error on its field and the 409s above the form', () => {
    expect(refusalTarget({ code: 'publicity.objection_unverified', details: { field: 'verify_code' } })).toBe('verify_code')
    expect(refusalTarget({ code: 'request.invalid_field', details: { field: 'contact_phone' } })).toBe('contact_phone')
    expect(refusalTarget({ code: 'request.invalid_field', details: { field: 'content' } })).toBe('content')
    expect(refusalTarget({ code: 'publicity.objection_closed', details: {} })).toBe('alert')
    expect(refusalTarget({ code: 'publicity.objection_open', details: { field: 'verify_code' } })).toBe('alert')
    expect(refusalTarget({ code: 'request.invalid_field', details: { field: 'page' } })).toBe('alert')
    expect(refusalTarget({ code: 'network', details: {} })).toBe('alert')
    expect(refusalTitle('publicity.objection_closed')).toBe('已超过异议受理期限')
    expect(refusalTitle('publicity.objection_open')).toBe('该检查结果已有正在复查的异议')
    expect(refusalTitle('rate.limited')).toBe('提交次数过多')
    expect(refusalTarget({ code: 'rate.limited', details: {} })).toBe('alert')
    expect(refusalTitle('internal')).toBe('异议申请未提交')
  })
})

describe('the receipt', () => {
  it('gives the number and the review deadline, or says it counts in working days', () => {
    const receipt = { id: 8, target_name: '重庆某某食品有限公司', filed_at: '2026-12-02T02:00:00.000Z', review_due: '2026-12-16' }
    expect(receiptLines(receipt)).toEqual([
      { label: '受理编号', value: '8' },
      { label: '检查对象', value: '重庆某某食品有限公司' },
      { label: '提交时间', value: '2026-12-02 10:00:00' },
      { label: '复查期限', value: '2026-12-16 前作出复查结论' },
    ])
    expect(reviewDueText({ review_due: '' })).toBe('按工作日计算')
  })
})
