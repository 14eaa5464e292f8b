// The record page's editable state and its way to the server. The header and each item have a
// form; every keystroke that makes a form differ from the server is kept at once as a local
// draft (localStorage, see helpers.ts), so that nothing typed is lost when the connection drops
// or the page closes. 保存 PUTs the form (idempotent); a failure keeps the draft and shows 未同步
// with 重试, and the `online` event (and a timer) retries what failed for want of a connection. A new record
// from the server (any write answers the whole record) replaces the forms that had no unsaved
// change and leaves the others alone. When the page opens, drafts that differ from the server
// are offered for restoring rather than applied.
import { computed, getCurrentInstance, onBeforeUnmount, reactive, ref, shallowRef, watch } from 'vue'
import { isApiError } from '@/api/http'
import { updateHeader, updateItem, type InspectionRecord, type RecordHeader, type RecordItemInput } from '@/api/inspection'
import {
  blankHeader,
  draftKey,
  draftOffers,
  draftSections,
  headerBody,
  headerOf,
  isHeaderValue,
  isItemValue,
  isRetryable,
  itemBody,
  itemInputOf,
  readDraft,
  removeDraft,
  sameHeader,
  sameItemInput,
  writeDraft,
  type Draft,
  type DraftOffer,
  type DraftSection,
  type DraftStore,
} from './helpers'

export type SyncState = 'clean' | 'dirty' | 'saving' | 'failed'

export interface SectionSync {
  state: SyncState
  /** The last failure, in the server's words. */
  error: string
  /** The field the failure names (details.field), '' none. */
  field: string
  /** A lost connection or a server hiccup: retried when the browser is back online. */
  retryable: boolean
}

function browserStore(): DraftStore | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null
  } catch {
    return null
  }
}

const sectionName = (s: DraftSection) => (s === 'header' ? 'header' : `item.${s}`)

export function useRecordSync(options: {
  recordId: () => number
  userId: () => number
  /** Where drafts are kept: localStorage unless given (the specs pass a map). */
  store?: DraftStore | null
}) {
  const store = options.store === undefined ? browserStore() : options.store
  const record = shallowRef<InspectionRecord | null>(null)
  const header = reactive<RecordHeader>(blankHeader())
  const items = reactive<Record<number, RecordItemInput>>({})
  const sync = reactive<Record<string, SectionSync>>({})
  const offers = ref<DraftOffer[]>([])
  /** The browser refused to keep a draft (storage full or disabled). */
  const storageFailed = ref(false)
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine !== false)
  /** The last text written per section, so that an unchanged form is not written again. */
  const written = new Map<string, string>()

  const sections = (): DraftSection[] => (record.value ? ['header', ...record.value.items.map((i) => i.item_id)] : [])

  function syncOf(section: DraftSection): SectionSync {
    const name = sectionName(section)
    if (!sync[name]) sync[name] = { state: 'clean', error: '', field: '', retryable: false }
    return sync[name]
  }

  function serverValue(section: DraftSection, rec: InspectionRecord | null = record.value): RecordHeader | RecordItemInput | null {
    if (!rec) return null
    if (section === 'header') return headerOf(rec.header)
    const item = rec.items.find((i) => i.item_id === section)
    return item ? itemInputOf(item) : null
  }

  function formValue(section: DraftSection): RecordHeader | RecordItemInput | null {
    if (section === 'header') return headerOf(header)
    return items[section] ? itemInputOf(items[section]) : null
  }

  function same(section: DraftSection, a: unknown, b: unknown): boolean {
    if (section === 'header') return sameHeader(a as RecordHeader, b as RecordHeader)
    return sameItemInput(a as RecordItemInput, b as RecordItemInput)
  }

  const offered = (section: DraftSection) => offers.value.some((o) => o.section === section)

  /** Brings one section's state and draft in line with its form and the server. */
  function refresh(section: DraftSection) {
    const uid = options.userId()
    const rid = options.recordId()
    const form = formValue(section)
    const server = serverValue(section)
    if (!form || !server) return
    const s = syncOf(section)
    const key = draftKey(uid, rid, section)
    const dirty = !same(section, form, server)
    if (dirty) {
      const text = JSON.stringify(form)
      if (written.get(key) !== text && store) {
        if (writeDraft(store, key, form, server)) {
          written.set(key, text)
          storageFailed.value = false
          offers.value = offers.value.filter((o) => o.section !== section)
        } else storageFailed.value = true
      }
      if (s.state === 'clean') s.state = 'dirty'
    } else {
      if (!offered(section) && store) {
        removeDraft(store, key)
        written.delete(key)
      }
      if (s.state !== 'saving') Object.assign(s, { state: 'clean', error: '', field: '', retryable: false })
    }
  }

  function refreshAll() {
    for (const s of sections()) refresh(s)
  }

  /** The drafts kept on this device for the record just opened: restore offers, stale removed. */
  function findDrafts(rec: InspectionRecord) {
    offers.value = []
    if (!store) return
    const uid = options.userId()
    let headerDraft: Draft<RecordHeader> | null = null
    const itemDrafts = new Map<number, Draft<RecordItemInput>>()
    for (const section of draftSections(store, uid, rec.id)) {
      const key = draftKey(uid, rec.id, section)
      if (section === 'header') headerDraft = readDraft(store, key, isHeaderValue)
      else {
        const d = readDraft(store, key, isItemValue)
        if (d) itemDrafts.set(section, d)
      }
    }
    const { offers: found, stale } = draftOffers(rec, headerDraft, itemDrafts)
    for (const s of stale) removeDraft(store, draftKey(uid, rec.id, s))
    offers.value = found
  }

  /**
   * Takes a record the server answered. A form without unsaved changes takes the server's
   * values; so does the form just saved (`saved`) when it still holds what was sent.
   */
  function accept(rec: InspectionRecord, saved?: { section: DraftSection; sent: RecordHeader | RecordItemInput }) {
    const old = record.value
    const first = !old || old.id !== rec.id
    if (first) {
      for (const k of Object.keys(items)) delete items[Number(k)]
      for (const k of Object.keys(sync)) delete sync[k]
      written.clear()
      findDrafts(rec)
    }
    const justSaved = (section: DraftSection, body: unknown) =>
      saved !== undefined && saved.section === section && same(section, body, saved.sent)

    if (first || sameHeader(header, headerOf(old!.header)) || justSaved('header', headerBody(header))) {
      Object.assign(header, headerOf(rec.header))
    }
    const ids = new Set<number>()
    for (const item of rec.items) {
      ids.add(item.item_id)
      const form = items[item.item_id]
      const before = old?.items.find((i) => i.item_id === item.item_id)
      if (!form || first) items[item.item_id] = itemInputOf(item)
      else if (!before || sameItemInput(form, itemInputOf(before)) || justSaved(item.item_id, itemBody(form))) Object.assign(form, itemInputOf(item))
    }
    for (const k of Object.keys(items)) if (!ids.has(Number(k))) delete items[Number(k)]
    record.value = rec
    refreshAll()
  }

  // Every change of a form is kept (or dropped) at once.
  watch(header, () => refresh('header'), { deep: true })
  watch(
    items,
    () => {
      for (const k of Object.keys(items)) refresh(Number(k))
    },
    { deep: true },
  )

  /** PUTs one section. Resolves true when the server took it. */
  async function save(section: DraftSection): Promise<boolean> {
    const rec = record.value
    const s = syncOf(section)
    if (!rec || s.state === 'saving') return false
    const form = formValue(section)
    const server = serverValue(section)
    if (!form || !server) return false
    const sent = section === 'header' ? headerBody(form as RecordHeader) : itemBody(form as RecordItemInput)
    if (same(section, sent, server)) {
      // Only blanks differ: nothing to send.
      if (section === 'header') Object.assign(header, server)
      else Object.assign(items[section], server)
      refresh(section)
      return true
    }
    Object.assign(s, { state: 'saving', error: '', field: '', retryable: false })
    try {
      const answer =
        section === 'header' ? await updateHeader(rec.id, sent as RecordHeader) : await updateItem(rec.id, section, sent as RecordItemInput)
      s.state = 'dirty'
      if (answer.id === options.recordId()) accept(answer, { section, sent })
      return true
    } catch (e) {
      Object.assign(s, {
        state: 'failed',
        error: isApiError(e) ? e.message : '保存失败',
        field: isApiError(e) ? (e.field ?? '') : '',
        retryable: isRetryable(isApiError(e) ? e : null),
      })
      if (isApiError(e) && e.status === 0) online.value = false
      return false
    }
  }

  /** Saves every section with an unsaved change, one after the other. */
  async function saveAll(): Promise<boolean> {
    let ok = true
    for (const section of sections()) {
      const st = syncOf(section).state
      if (st === 'dirty' || st === 'failed') ok = (await save(section)) && ok
    }
    return ok
  }

  /** Retries what failed for want of a connection. */
  function retryFailed() {
    for (const section of sections()) {
      const s = syncOf(section)
      if (s.state === 'failed' && s.retryable) void save(section)
    }
  }

  /** Fills a section with its offered draft (it then counts as an unsaved change). */
  function restore(offer: DraftOffer) {
    if (!store || !record.value) return
    const key = draftKey(options.userId(), record.value.id, offer.section)
    offers.value = offers.value.filter((o) => o !== offer)
    if (offer.section === 'header') {
      const d = readDraft(store, key, isHeaderValue)
      if (d) Object.assign(header, d.value)
    } else {
      const d = readDraft(store, key, isItemValue)
      if (d && items[offer.section]) Object.assign(items[offer.section], d.value)
    }
    refresh(offer.section)
  }

  function discard(offer: DraftOffer) {
    if (store && record.value) removeDraft(store, draftKey(options.userId(), record.value.id, offer.section))
    offers.value = offers.value.filter((o) => o !== offer)
  }

  /** Sections whose change has not reached the server. */
  const unsaved = computed(() => sections().filter((s) => syncOf(s).state !== 'clean').length)
  const saving = computed(() => sections().some((s) => syncOf(s).state === 'saving'))

  const onOnline = () => {
    online.value = true
    retryFailed()
  }
  const onOffline = () => {
    online.value = false
  }
  // The browser may think it is online while the server cannot be reached (a captive portal, a
  // server restart): what failed for want of a connection is also retried every 30 seconds.
  let timer: ReturnType<typeof setInterval> | undefined
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    timer = setInterval(() => {
      if (navigator.onLine !== false) retryFailed()
    }, 30_000)
  }
  function stop() {
    if (typeof window === 'undefined') return
    window.removeEventListener('online', onOnline)
    window.removeEventListener('offline', onOffline)
    clearInterval(timer)
  }
  if (getCurrentInstance()) onBeforeUnmount(stop)

  return { record, header, items, sync, syncOf, offers, storageFailed, online, unsaved, saving, accept, save, saveAll, retryFailed, restore, discard, stop }
}

export type RecordSync = ReturnType<typeof useRecordSync>
