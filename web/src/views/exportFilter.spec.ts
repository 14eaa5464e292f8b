// The filter each list page sends with 导出 (api/exports.ts): the query of the rows it shows,
// without the page, and only with keys the server's export of that kind takes (server/src/*/
// export.cc, ExportFilterKeys): an unknown key is refused there with a 400.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerFetch, type FetchCall } from '@/api/testing'

vi.mock('element-plus', () => ({ ElMessage: () => undefined, ElMessageBox: {} }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))
vi.mock('element-plus/es/components/message-box/style/css', () => ({}))

const { useTargetPage } = await import('./directory/target/useTargetPage')
const { useInspectorPage } = await import('./directory/inspector/useInspectorPage')
const { useRestrictionPage } = await import('./directory/restriction/useRestrictionPage')
const { useItemPage } = await import('./catalog/item/useItemPage')

/** The keys each kind's export takes, as the server lists them. */
const kServerKeys = {
  targets: ['name', 'code', 'division', 'industry_section', 'industry_division', 'status', 'credit_class', 'tag', 'department_id'],
  inspectors: ['name', 'category', 'division', 'specialty', 'status', 'cert', 'department_id'],
  items: ['q', 'domain', 'category', 'status', 'department_id'],
  conflicts: ['q', 'status', 'current', 'inspector_id', 'target_id'],
  exemptions: ['q', 'status', 'current', 'target_id'],
}

const calls: FetchCall[] = []
const kEmptyPage = { items: [], total: 0, page: 1, page_size: 20 }

afterEach(() => {
  vi.unstubAllGlobals()
  calls.length = 0
})

/** Every value a string, every key one the server takes. */
function expectExportable(filter: Record<string, string>, keys: readonly string[]) {
  for (const [key, value] of Object.entries(filter)) {
    expect(keys, `key ${key}`).toContain(key)
    expect(typeof value).toBe('string')
  }
}

describe('the filter of 导出', () => {
  it('targets: the list’s filters as shown, without the page', async () => {
    answerFetch(calls, 200, kEmptyPage)
    const page = useTargetPage()
    Object.assign(page.filters, { name: ' 渝中 ', code: '', status: '存续', tag: '投诉举报多', department_id: 4 })
    // Typed but not searched yet: the export follows the rows shown.
    expect(page.currentFilter()).toEqual({})
    page.page.value = 3
    await page.load()
    expect(page.currentFilter()).toEqual({ name: '渝中', status: '存续', tag: '投诉举报多', department_id: '4' })
    expectExportable(page.currentFilter(), kServerKeys.targets)
  })

  it('inspectors and experts: the group is the kind, not a filter', async () => {
    for (const group of ['inspectors', 'experts'] as const) {
      answerFetch(calls, 200, kEmptyPage)
      const page = useInspectorPage(group)
      Object.assign(page.filters, { name: '王', category: '', specialty: '节能监察', status: '在岗', cert: 'expired', department_id: 4, division: '500103' })
      await page.search()
      expect(calls.at(-1)?.url).toContain(`group=${group}`)
      const filter = page.currentFilter()
      expect(filter).not.toHaveProperty('group')
      expect(filter).toMatchObject({ name: '王', specialty: '节能监察', status: '在岗', department_id: '4', division: '500103' })
      expectExportable(filter, kServerKeys.inspectors)
    }
  })

  it('items', async () => {
    answerFetch(calls, 200, kEmptyPage)
    const page = useItemPage()
    Object.assign(page.filters, { q: '节能', domain: '节能监察', category: '一般', status: '已发布', department_id: 2 })
    await page.search()
    expect(page.currentFilter()).toEqual({ q: '节能', domain: '节能监察', category: '一般', status: '已发布', department_id: '2' })
    expectExportable(page.currentFilter(), kServerKeys.items)
  })

  it('conflicts and exemptions', async () => {
    for (const kind of ['conflicts', 'exemptions'] as const) {
      answerFetch(calls, 200, kEmptyPage)
      const page = useRestrictionPage(kind)
      Object.assign(page.filters, { q: '渝经信', status: '有效', current: true })
      await page.search()
      expect(page.currentFilter()).toEqual({ q: '渝经信', status: '有效', current: 'true' })
      expectExportable(page.currentFilter(), kServerKeys[kind])
    }
  })
})
