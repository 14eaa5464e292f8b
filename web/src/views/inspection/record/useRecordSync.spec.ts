import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { InspectionRecord, RecordItem } from '@/api/inspection'

vi.mock('element-plus', () => ({ ElMessage: () => undefined }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))

const api = vi.hoisted(() => ({ updateHeader: vi.fn(), updateItem: vi.fn() }))
vi.mock('@/api/inspection', () => api)

const { ApiError } = await import('@/api/http')
const { useRecordSync } = await import('./useRecordSync')
const { draftKey, serializeDraft } = await import('./helpers')

class MapStore {
  map = new Map<string, string>()
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
    this.map.set(k, v)
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
}

const item = (id: number, extra: Partial<RecordItem> = {}): RecordItem => ({
  item_id: id,
  code: `I${id}`,
  name: `事项${id}`,
  methods: ['实地核查'],
  department_id: 1,
  department_name: '市场监管局',
  method: '实地核查',
  checked: '查看营业执照',
  findings: '',
  result_codes: ['1'],
  handling: '',
  recorded_by_name: '',
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
  target_code: 'C3',
  status: 'pending',
  status_name: '待录入',
  version: 1,
  header: { subject_name: '某公司', uscc: '', district: '', licence_no: '', legal_rep: '', address: '', phone: '' },
  items: [item(4), item(5)],
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

let store: MapStore

function open(rec = record()) {
  const s = useRecordSync({ recordId: () => 12, userId: () => 3, store })
  s.accept(rec)
  return s
}

beforeEach(() => {
  store = new MapStore()
  api.updateHeader.mockReset()
  api.updateItem.mockReset()
})

describe('useRecordSync', () => {
  it('keeps an edit as a local draft at once and drops it when typed back', async () => {
    const s = open()
    expect(s.unsaved.value).toBe(0)
    s.items[4].findings = '未公示许可证'
    await nextTick()
    expect(s.syncOf(4).state).toBe('dirty')
    expect(s.unsaved.value).toBe(1)
    const saved = JSON.parse(store.getItem(draftKey(3, 12, 4))!)
    expect(saved.value.findings).toBe('未公示许可证')
    expect(saved.base.findings).toBe('')
    s.items[4].findings = ''
    await nextTick()
    expect(s.syncOf(4).state).toBe('clean')
    expect(store.getItem(draftKey(3, 12, 4))).toBeNull()
  })

  it('saves the trimmed form, then takes the server answer and forgets the draft', async () => {
    const s = open()
    s.header.subject_name = ' 某某公司 '
    await nextTick()
    api.updateHeader.mockResolvedValueOnce(record({ header: { ...record().header, subject_name: '某某公司' } }))
    expect(await s.save('header')).toBe(true)
    expect(api.updateHeader).toHaveBeenCalledWith(12, expect.objectContaining({ subject_name: '某某公司' }))
    expect(s.header.subject_name).toBe('某某公司')
    expect(s.syncOf('header').state).toBe('clean')
    expect(store.getItem(draftKey(3, 12, 'header'))).toBeNull()
  })

  it('keeps the draft and shows 未同步 when the connection drops, and retries', async () => {
    const s = open()
    s.items[4].checked = '查看许可证'
    await nextTick()
    api.updateItem.mockRejectedValueOnce(new ApiError(0, 'network', '无法连接服务器'))
    expect(await s.save(4)).toBe(false)
    expect(s.syncOf(4)).toMatchObject({ state: 'failed', retryable: true, error: '无法连接服务器' })
    expect(s.online.value).toBe(false)
    expect(store.getItem(draftKey(3, 12, 4))).not.toBeNull()
    api.updateItem.mockResolvedValueOnce(record({ items: [item(4, { checked: '查看许可证' }), item(5)] }))
    s.retryFailed()
    await vi.waitFor(() => expect(s.syncOf(4).state).toBe('clean'))
    expect(api.updateItem).toHaveBeenLastCalledWith(12, 4, expect.objectContaining({ checked: '查看许可证' }))
    expect(store.getItem(draftKey(3, 12, 4))).toBeNull()
  })

  it('does not retry a refusal by itself', async () => {
    const s = open()
    s.items[4].method = '书面检查'
    await nextTick()
    api.updateItem.mockRejectedValueOnce(new ApiError(400, 'request.invalid_field', '检查方式不是该事项的方式', { field: 'method' }))
    await s.save(4)
    expect(s.syncOf(4)).toMatchObject({ state: 'failed', retryable: false, field: 'method' })
    s.retryFailed()
    expect(api.updateItem).toHaveBeenCalledTimes(1)
  })

  it('leaves unsaved forms alone when another answer arrives', async () => {
    const s = open()
    s.items[4].findings = '本机未保存'
    await nextTick()
    s.accept(record({ items: [item(4, { findings: '他人保存' }), item(5, { handling: '已处理' })] }))
    await nextTick()
    expect(s.items[4].findings).toBe('本机未保存')
    expect(s.items[5].handling).toBe('已处理')
    expect(s.syncOf(4).state).toBe('dirty')
    expect(s.syncOf(5).state).toBe('clean')
  })

  it('offers a draft left from an earlier visit instead of applying it, and restores it', async () => {
    const base = record()
    store.setItem(draftKey(3, 12, 4), serializeDraft({ ...base.items[0], findings: '昨天写的' }, { ...base.items[0] }))
    store.setItem(draftKey(3, 12, 5), serializeDraft({ ...base.items[1] }, { ...base.items[1] }))
    const s = open(base)
    await nextTick()
    expect(s.offers.value.map((o) => o.section)).toEqual([4])
    expect(s.items[4].findings).toBe('')
    expect(store.getItem(draftKey(3, 12, 4))).not.toBeNull()
    expect(store.getItem(draftKey(3, 12, 5))).toBeNull()
    s.restore(s.offers.value[0])
    await nextTick()
    expect(s.items[4].findings).toBe('昨天写的')
    expect(s.syncOf(4).state).toBe('dirty')
    expect(s.offers.value).toEqual([])
  })

  it('discards an offered draft', async () => {
    const base = record()
    store.setItem(draftKey(3, 12, 'header'), serializeDraft({ ...base.header, phone: '123' }, { ...base.header }))
    const s = open(base)
    s.discard(s.offers.value[0])
    expect(s.offers.value).toEqual([])
    expect(store.getItem(draftKey(3, 12, 'header'))).toBeNull()
  })
})
