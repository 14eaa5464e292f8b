import { describe, expect, it } from 'vitest'
import type { InspectionRecord, RecordItem, ResultCategory } from '@/api/inspection'
import {
  actionBody,
  actionProblems,
  ancestorsOf,
  areRelated,
  base64OfDataUrl,
  blankActionForm,
  blockers,
  buildCategoryTree,
  categoryPath,
  chooseCategory,
  draftKey,
  draftOffers,
  draftSections,
  evidenceName,
  evidenceProblem,
  exclusivityConflicts,
  flattenCategories,
  headerBody,
  headerOf,
  isEditableStatus,
  isHeaderValue,
  isItemValue,
  isRetryable,
  itemBody,
  itemInputOf,
  methodChoices,
  parseDraft,
  readDraft,
  recordStatusLabel,
  recordStatusTag,
  recordsWithDrafts,
  refusalProblems,
  removeDraft,
  resultChoices,
  reviewProblem,
  sameHeader,
  sameItemInput,
  sectionOfKey,
  serializeDraft,
  signatureProblems,
  statusPriority,
  submitState,
  uninspectableChoices,
  uninspectableProblems,
  writeDraft,
  type Draft,
  type DraftStore,
} from './helpers'

const cat = (code: string, text: string, parent: string | null, extra: Partial<ResultCategory> = {}): ResultCategory => ({
  code,
  text,
  parent,
  problem: false,
  uninspectable: false,
  active: true,
  ...extra,
})

// The seeded hierarchy (shared/data/inspection-results.json): A → 2 → B, C, 6.
const kCats: ResultCategory[] = [
  cat('1', '未发现问题', null),
  cat('A', '发现问题待后续处理', null, { problem: true }),
  cat('2', '违反工商行政管理相关规定', 'A', { problem: true }),
  cat('B', '未按规定公示应当公示的信息', '2', { problem: true }),
  cat('C', '公示信息隐瞒真实情况弄虚作假', '2', { problem: true }),
  cat('6', '通过登记的住所（经营场所）无法联系', '2', { problem: true, uninspectable: true }),
  cat('3', '违反食品药品管理相关规定', 'A', { problem: true }),
  cat('E', '发现问题经责令已改正', null, { problem: true }),
  cat('9', '注销', null, { uninspectable: true }),
  cat('X', '已停用的类别', null, { active: false }),
]

class MapStore implements DraftStore {
  map = new Map<string, string>()
  failWrites = false
  get length() {
    return this.map.size
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  getItem(k: string) {
    return this.map.get(k) ?? null
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError')
    this.map.set(k, v)
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
}

const kHeader = {
  subject_name: '重庆某某食品有限公司',
  uscc: '91500103MA5U0000X1',
  district: '渝中区',
  licence_no: '',
  legal_rep: '李华',
  address: '民权路 1 号',
  phone: '',
}

const item = (id: number, extra: Partial<RecordItem> = {}): RecordItem => ({
  item_id: id,
  code: `I${id}`,
  name: `事项${id}`,
  methods: ['书面检查', '实地核查'],
  department_id: 1,
  department_name: '市场监管局',
  method: '实地核查',
  checked: '查看营业执照',
  findings: '',
  result_codes: ['1'],
  handling: '',
  recorded_by_name: '王磊',
  recorded_at: '',
  can_edit: true,
  ...extra,
})

const record = (extra: Partial<InspectionRecord> = {}): InspectionRecord => ({
  id: 12,
  task_id: 7,
  task_code: 'T2026-00007',
  task_name: '食品经营抽查',
  task_status: 'inspecting',
  start_date: '2026-12-01',
  end_date: '2026-12-31',
  department_name: '市场监管局',
  target_id: 3,
  target_code: '91500103MA5U0000X1',
  status: 'pending',
  status_name: '待录入',
  version: 1,
  header: { ...kHeader },
  items: [item(4), item(5, { can_edit: false })],
  actions: [],
  firm: { state: 'none', signer_name: '', signed_at: '', signature_id: null, refusal_reason: '', refusal_witness: '' },
  uninspectable: null,
  team: [],
  attachments: [],
  reviews: [],
  my_role: '组长',
  can_edit: true,
  can_submit: true,
  can_review: false,
  missing: [],
  ...extra,
})

describe('statuses', () => {
  it('names and colours each status', () => {
    expect(['pending', 'submitted', 'returned', 'reviewed', 'published'].map(recordStatusLabel)).toEqual(['待录入', '待审核', '退回', '已审核', '已公示'])
    expect(recordStatusTag('returned')).toBe('danger')
    expect(recordStatusTag('reviewed')).toBe('success')
    expect(recordStatusLabel('closed')).toBe('closed')
  })
  it('lets the team edit only before the submission or after a return', () => {
    expect(['pending', 'submitted', 'returned', 'reviewed', 'published'].filter(isEditableStatus)).toEqual(['pending', 'returned'])
  })
  it('puts what needs the team first', () => {
    const sorted = ['published', 'pending', 'reviewed', 'returned', 'submitted'].sort((a, b) => statusPriority(a) - statusPriority(b))
    expect(sorted).toEqual(['returned', 'pending', 'submitted', 'reviewed', 'published'])
  })
})

describe('the category tree', () => {
  it('builds the hierarchy in the server order, with depths', () => {
    const roots = buildCategoryTree(kCats)
    expect(roots.map((r) => r.code)).toEqual(['1', 'A', 'E', '9', 'X'])
    expect(roots[1].children.map((c) => c.code)).toEqual(['2', '3'])
    expect(flattenCategories(roots).map((n) => `${n.code}:${n.depth}`)).toEqual(['1:0', 'A:0', '2:1', 'B:2', 'C:2', '6:2', '3:1', 'E:0', '9:0', 'X:0'])
  })
  it('keeps orphans and cycles as roots', () => {
    const roots = buildCategoryTree([cat('p', 'P', 'q'), cat('q', 'Q', 'p'), cat('o', 'O', 'missing')])
    expect(flattenCategories(roots).map((n) => n.code).sort()).toEqual(['o', 'p', 'q'])
    expect(roots.some((r) => r.code === 'o')).toBe(true)
  })
  it('knows ancestors and paths', () => {
    expect(ancestorsOf('B', kCats)).toEqual(['2', 'A'])
    expect(ancestorsOf('1', kCats)).toEqual([])
    expect(categoryPath('B', kCats)).toBe('发现问题待后续处理 › 违反工商行政管理相关规定 › 未按规定公示应当公示的信息')
    expect(categoryPath('zz', kCats)).toBe('zz')
  })
  it('offers the active, inspectable categories to an item, and what is already chosen', () => {
    expect(resultChoices(kCats).map((n) => n.code)).toEqual(['1', 'A', '2', 'B', 'C', '3', 'E'])
    expect(resultChoices(kCats, ['X']).map((n) => n.code)).toContain('X')
    expect(uninspectableChoices(kCats).map((c) => c.code)).toEqual(['6', '9'])
  })
})

describe('a parent and its child are never both chosen', () => {
  it('knows who is related', () => {
    expect(areRelated('A', 'B', kCats)).toBe(true)
    expect(areRelated('B', '2', kCats)).toBe(true)
    expect(areRelated('B', 'C', kCats)).toBe(false)
    expect(areRelated('B', 'B', kCats)).toBe(false)
  })
  it('drops the ancestors when a child is ticked, and the descendants when a parent is', () => {
    expect(chooseCategory(['A', '1'], 'B', true, kCats)).toEqual(['1', 'B'])
    expect(chooseCategory(['B', 'C', '3', 'E'], '2', true, kCats)).toEqual(['2', '3', 'E'])
    expect(chooseCategory(['B', 'C'], 'A', true, kCats)).toEqual(['A'])
    expect(chooseCategory(['B', 'C'], 'C', false, kCats)).toEqual(['B'])
    expect(chooseCategory(['B'], 'B', true, kCats)).toEqual(['B'])
  })
  it('finds the pairs that break the rule', () => {
    expect(exclusivityConflicts(['A', 'B', 'E'], kCats)).toEqual([['A', 'B']])
    expect(exclusivityConflicts(['B', 'C', '3'], kCats)).toEqual([])
  })
})

describe('forms', () => {
  it('normalises header and items, and compares them', () => {
    expect(headerOf({ subject_name: 'x' })).toEqual({ subject_name: 'x', uscc: '', district: '', licence_no: '', legal_rep: '', address: '', phone: '' })
    expect(sameHeader(kHeader, { ...kHeader })).toBe(true)
    expect(sameHeader(kHeader, { ...kHeader, phone: '1' })).toBe(false)
    const a = itemInputOf(item(4, { result_codes: ['B', 'C'] }))
    expect(a).toEqual({ method: '实地核查', checked: '查看营业执照', findings: '', result_codes: ['B', 'C'], handling: '' })
    expect(sameItemInput(a, { ...a, result_codes: ['C', 'B'] })).toBe(true)
    expect(sameItemInput(a, { ...a, result_codes: ['C'] })).toBe(false)
    expect(sameItemInput(a, { ...a, findings: '无' })).toBe(false)
  })
  it('trims the bodies', () => {
    expect(headerBody({ ...kHeader, subject_name: ' 某公司 ', uscc: '91500103ma5u0000x1 ' })).toMatchObject({ subject_name: '某公司', uscc: '91500103MA5U0000X1' })
    expect(itemBody({ method: 'm', checked: ' a ', findings: '\nb', result_codes: ['B', 'B'], handling: ' ' })).toEqual({
      method: 'm',
      checked: 'a',
      findings: 'b',
      result_codes: ['B'],
      handling: '',
    })
  })
  it('offers the item methods, else the dictionary ones, keeping the current', () => {
    expect(methodChoices({ methods: ['书面检查'], method: '' }, { methods: ['网络监测'] })).toEqual(['书面检查'])
    expect(methodChoices({ methods: [], method: '' }, { methods: ['网络监测'] })).toEqual(['网络监测'])
    expect(methodChoices({ methods: ['书面检查'], method: '旧方式' }, null)).toEqual(['书面检查', '旧方式'])
  })
})

describe('drafts', () => {
  const now = new Date('2026-12-02T01:02:03.000Z')

  it('keys by user, record and section, and reads the section back', () => {
    expect(draftKey(3, 12, 'header')).toBe('ssj.inspection.draft.3.12.header')
    expect(draftKey(3, 12, 4)).toBe('ssj.inspection.draft.3.12.item.4')
    expect(sectionOfKey('ssj.inspection.draft.3.12.item.4', 3, 12)).toBe(4)
    expect(sectionOfKey('ssj.inspection.draft.3.12.header', 3, 12)).toBe('header')
    expect(sectionOfKey('ssj.inspection.draft.3.120.header', 3, 12)).toBeNull()
    expect(sectionOfKey('ssj.inspection.draft.4.12.header', 3, 12)).toBeNull()
  })

  it('round-trips and refuses what it did not write', () => {
    const text = serializeDraft(kHeader, headerOf(null), now)
    expect(parseDraft(text, isHeaderValue)).toEqual({ v: 1, value: kHeader, base: headerOf(null), saved_at: '2026-12-02T01:02:03.000Z' })
    expect(parseDraft('{not json', isHeaderValue)).toBeNull()
    expect(parseDraft(null, isHeaderValue)).toBeNull()
    expect(parseDraft(JSON.stringify({ v: 2, value: kHeader, base: kHeader, saved_at: '' }), isHeaderValue)).toBeNull()
    expect(parseDraft(serializeDraft({ method: 1 }, {}, now), isItemValue)).toBeNull()
    expect(parseDraft(serializeDraft(kHeader, kHeader, now), isItemValue)).toBeNull()
  })

  it('writes, lists and removes in a store, and survives a full one', () => {
    const store = new MapStore()
    const value = itemInputOf(item(4))
    expect(writeDraft(store, draftKey(3, 12, 4), value, value, now)).toBe(true)
    expect(writeDraft(store, draftKey(3, 12, 'header'), kHeader, kHeader, now)).toBe(true)
    expect(writeDraft(store, draftKey(3, 15, 'header'), kHeader, kHeader, now)).toBe(true)
    expect(writeDraft(store, draftKey(9, 16, 'header'), kHeader, kHeader, now)).toBe(true)
    store.map.set('other.key', 'x')
    expect(draftSections(store, 3, 12).sort()).toEqual([4, 'header'].sort())
    expect([...recordsWithDrafts(store, 3)].sort()).toEqual([12, 15])
    expect(readDraft(store, draftKey(3, 12, 4), isItemValue)?.value).toEqual(value)
    removeDraft(store, draftKey(3, 12, 4))
    expect(readDraft(store, draftKey(3, 12, 4), isItemValue)).toBeNull()
    store.failWrites = true
    expect(writeDraft(store, draftKey(3, 12, 4), value, value, now)).toBe(false)
  })

  it('offers the drafts that differ from the server and drops the saved ones', () => {
    const server = record()
    const d = <T>(value: T, base: T): Draft<T> => ({ v: 1, value, base, saved_at: '2026-12-02T01:02:03.000Z' })
    const typed = { ...itemInputOf(server.items[0]), findings: '未公示年报' }
    const other = { ...itemInputOf(server.items[1]), findings: '过期' }
    const { offers, stale } = draftOffers(
      server,
      d({ ...kHeader }, { ...kHeader }),
      new Map([
        [4, d(typed, itemInputOf(server.items[0]))],
        [5, d(other, { ...other, findings: '旧' })],
        [99, d(typed, typed)],
      ]),
    )
    expect(stale).toEqual(['header', 99])
    expect(offers).toEqual([
      { section: 4, label: '事项4', saved_at: '2026-12-02T01:02:03.000Z', changed_since: false, restorable: true },
      { section: 5, label: '事项5', saved_at: '2026-12-02T01:02:03.000Z', changed_since: true, restorable: false },
    ])
    const changed = draftOffers(record({ can_edit: false }), d({ ...kHeader, phone: '1' }, { ...kHeader, phone: '0' }), new Map())
    expect(changed.offers).toEqual([{ section: 'header', label: '企业基本信息', saved_at: '2026-12-02T01:02:03.000Z', changed_since: true, restorable: false }])
  })
})

describe('what blocks the submission', () => {
  it('lists what this device has not sent, then the server list', () => {
    expect(blockers(record({ missing: ['企业签字或拒签记录'] }), 2, 1)).toEqual(['本机还有 2 处修改未保存到服务器', '还有 1 个证据文件未上传完成', '企业签字或拒签记录'])
    expect(blockers(record(), 0)).toEqual([])
    expect(blockers(null, 0)).toEqual([])
  })
  it('shows 提交审核 to the leader only, enabled when nothing is left', () => {
    expect(submitState(record(), 0, 0, false)).toEqual({ show: true, disabled: false, reason: '' })
    expect(submitState(record({ missing: ['a', 'b'] }), 0, 0, false)).toEqual({ show: true, disabled: true, reason: '还有 2 项未完成' })
    expect(submitState(record(), 1, 0, false).disabled).toBe(true)
    expect(submitState(record(), 0, 0, true).disabled).toBe(true)
    expect(submitState(record({ can_submit: false }), 0, 0, false).show).toBe(false)
    expect(submitState(record({ status: 'submitted' }), 0, 0, false).show).toBe(false)
  })
})

describe('the forms’ checks', () => {
  const today = '2026-12-02'
  it('needs a deadline, today or later, for 责令改正 only', () => {
    expect(actionProblems(blankActionForm(), today)).toEqual({ kind: '请选择处置方式', detail: '请填写处置说明', deadline: '' })
    expect(actionProblems({ kind: '责令改正', detail: '限期公示', deadline: '' }, today).deadline).toBe('责令改正须填写整改期限')
    expect(actionProblems({ kind: '责令改正', detail: '限期公示', deadline: '2026-12-01' }, today).deadline).toBe('整改期限不能早于今天')
    expect(actionProblems({ kind: '责令改正', detail: '限期公示', deadline: '2026/12/9' }, today).deadline).toBe('整改期限格式应为 YYYY-MM-DD')
    expect(actionProblems({ kind: '责令改正', detail: '限期公示', deadline: '2026-12-02' }, today)).toEqual({ kind: '', detail: '', deadline: '' })
    expect(actionProblems({ kind: '移送办案机构', detail: '移送稽查', deadline: '' }, today).deadline).toBe('')
  })
  it('sends the deadline only with the kinds that take one', () => {
    expect(actionBody({ kind: '责令改正', detail: ' 限期 ', deadline: '2026-12-20' }, 'c1')).toEqual({ client_id: 'c1', kind: '责令改正', detail: '限期', deadline: '2026-12-20' })
    expect(actionBody({ kind: '其他', detail: '约谈', deadline: '2026-12-20' }, 'c2')).toEqual({ client_id: 'c2', kind: '其他', detail: '约谈' })
  })
  it('needs a comment to return', () => {
    expect(reviewProblem('approve', '')).toBe('')
    expect(reviewProblem('return', '  ')).not.toBe('')
    expect(reviewProblem('', '')).toBe('请选择审核意见')
  })
  it('checks the firm and 无法开展检查 forms', () => {
    expect(refusalProblems('', ' ')).toEqual({ reason: '请填写拒绝签字的情况', witness: '请填写见证人姓名及身份' })
    expect(signatureProblems('李华', false)).toEqual({ signer_name: '', signature: '请签字人在签名框内手写签名' })
    expect(signatureProblems('', true).signer_name).toBe('请填写签字人姓名')
    expect(uninspectableProblems('9', '已注销')).toEqual({ category: '', description: '' })
    expect(uninspectableProblems('', '').category).toBe('请选择无法开展检查的原因')
  })
  it('takes the base64 of a PNG data URL', () => {
    expect(base64OfDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=')
    expect(base64OfDataUrl('iVBORw0KGgo=')).toBe('')
  })
})

describe('evidence', () => {
  it('hints at the size and count limits', () => {
    expect(evidenceProblem({ size: 1024 }, 0)).toBe('')
    expect(evidenceProblem({ size: 21 * 1024 * 1024 }, 0)).toBe('文件超过 20 MB（21.0 MB），请压缩后再上传')
    expect(evidenceProblem({ size: 0 }, 0)).toBe('文件是空的')
    expect(evidenceProblem({ size: 10 }, 30)).toBe('每份检查记录最多 30 个证据文件')
  })
  it('names a camera shot by its time', () => {
    const at = new Date(2026, 11, 1, 9, 30, 15)
    expect(evidenceName({ name: 'image.jpg', type: 'image/jpeg' }, true, at)).toBe('现场照片-20261201-093015.jpg')
    expect(evidenceName({ name: '营业执照.pdf', type: 'application/pdf' }, false, at)).toBe('营业执照.pdf')
  })
  it('retries lost connections and server hiccups only', () => {
    expect(isRetryable({ status: 0 })).toBe(true)
    expect(isRetryable({ status: 502 })).toBe(true)
    expect(isRetryable({ status: 400 })).toBe(false)
    expect(isRetryable({ status: 409 })).toBe(false)
  })
})
