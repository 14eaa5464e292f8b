// The three kinds of the target page (附录 B.1 行政相对人, B.2 场地场所, B.3 产品): the tab in the
// URL, each kind's columns, import and export, the body its form sends, the list's query, the
// client rules of a place and a product, and the history of their own fields.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Target, TargetVersion } from '@/api/directory/targets'
import { answerFetch, type FetchCall } from '@/api/testing'

vi.mock('element-plus', () => ({ ElMessage: () => undefined, ElMessageBox: {} }))
vi.mock('element-plus/es/components/message/style/css', () => ({}))
vi.mock('element-plus/es/components/message-box/style/css', () => ({}))

const {
  blankTargetForm,
  extraOf,
  isExpired,
  kAllFormFields,
  kindFromQuery,
  kKinds,
  kPersonIdTypes,
  kTargetKinds,
  queryForKind,
  targetBody,
  targetForm,
} = await import('./kinds')
const { kImportPaths, targetTemplateUrl, importTargetsOf } = await import('@/api/directory/targets')
const { useTargetPage } = await import('./useTargetPage')
const { placeRules, productRules, natureLabel } = await import('./rules')
const { historyItems, versionChanges } = await import('./helpers')
const { FakeXhr } = await import('@/api/testing')

/** The server's field names per kind, in its column order (TargetFieldNames). */
const kServerFields = {
  entity: 'name, code, address, phone, district, nature, division_code, status, credit_class, industry_section, industry_division, tags, department',
  place:
    'name, area, region, unit, unit_code, person, person_id_type, person_id, use, scale, in_use_since, service_life, address, phone, district, nature, division_code, status, credit_class, industry_section, industry_division, tags, department, place_code',
  product:
    'code, name, uscc, issued_on, valid_until, address, phone, district, nature, division_code, status, credit_class, industry_section, industry_division, tags, department, product',
}

const shared = {
  nature: '企业',
  division_code: '500115',
  district: '长寿区',
  address: '重庆市长寿区晏家街道化中大道1号',
  phone: '023-40251234',
  industry_section: 'C',
  industry_division: '26',
  status: '存续',
  credit_class: 'B',
  tags: ['投诉举报多'],
  department_id: 4,
  department_name: '长寿区经济和信息化委员会',
  code_warning: '',
  version: 2,
  created_at: '2026-11-01T02:00:00Z',
  updated_at: '2026-11-02T02:00:00Z',
}

const place: Target = {
  ...shared,
  id: 7,
  kind: 'place',
  code: '91500103MA60K3T26Y/长寿化工园区储罐区',
  name: '长寿化工园区储罐区',
  extra: {
    area: '重庆市长寿区',
    region: '晏家街道',
    unit: '重庆长寿化工有限责任公司',
    unit_code: '91500103MA60K3T26Y',
    person: '王建华',
    person_id_type: '居民身份证',
    person_id: '500115198503120016',
    use: '危险化学品储存',
    scale: '占地 2.3 公顷',
    in_use_since: '2015-06-01',
    service_life: '30 年',
    place_code: '',
  },
}

const product: Target = {
  ...shared,
  id: 8,
  kind: 'product',
  code: 'XK16-204-01234',
  name: '重庆渝中精密机械有限公司',
  extra: { uscc: '91500103MA60K3T26Y', issued_on: '2021-03-15', valid_until: '2026-03-14', product: '电线电缆' },
}

describe('the kinds', () => {
  it('send exactly the server’s fields of each kind, in its order', () => {
    for (const kind of kTargetKinds) {
      expect(kKinds[kind].fields.join(', '), kind).toBe(kServerFields[kind])
      // Each own field of a place or a product is one the server keeps in `extra`.
      for (const field of kKinds[kind].extraFields) expect(kKinds[kind].fields).toContain(field)
    }
    expect(kAllFormFields).toEqual(expect.arrayContaining(['place_code', 'person_id', 'valid_until', 'uscc', 'code']))
  })

  it('take the tab from the URL, the 行政相对人 tab for anything else', () => {
    expect(kindFromQuery('place')).toBe('place')
    expect(kindFromQuery('product')).toBe('product')
    expect(kindFromQuery(['product', 'place'])).toBe('product')
    expect(kindFromQuery(undefined)).toBe('entity')
    expect(kindFromQuery('places')).toBe('entity')
    expect(kindFromQuery('entity')).toBe('entity')
  })

  it('keep the tab in the URL, leaving the default tab out', () => {
    expect(queryForKind({ page: '2' }, 'place')).toEqual({ page: '2', kind: 'place' })
    expect(queryForKind({ kind: 'place', x: '1' }, 'product')).toEqual({ kind: 'product', x: '1' })
    expect(queryForKind({ kind: 'product' }, 'entity')).toEqual({})
  })

  it('have their own columns; a place’s 责任人 and their ID number are never one', () => {
    const labels = (kind: keyof typeof kKinds) => kKinds[kind].columns.filter((c) => !c.hidden).map((c) => c.label)
    expect(labels('entity')).toEqual(['名称', '编码', '性质', '所属区县', '行业', '状态', '分类', '标签', '监管部门', '更新时间'])
    expect(labels('place')).toEqual(['场地场所', '责任单位', '场所用途', '所属区县', '监管部门', '状态', '分类'])
    expect(labels('product')).toEqual(['生产许可证编号', '企业名称', '产品名称', '有效期至', '所属区县', '状态'])
    const placeKeys = kKinds.place.columns.map((c) => c.key)
    expect(placeKeys).not.toContain('person')
    expect(placeKeys).not.toContain('person_id')
    // The chooser offers the rarer ones; each kind remembers its own choice.
    expect(kKinds.place.columns.filter((c) => c.hidden).map((c) => c.label)).toEqual(['所在地区', '场所编码', '场所规模', '投入使用时间', '标签', '更新时间'])
    expect(new Set(kTargetKinds.map((k) => kKinds[k].columnsKey)).size).toBe(3)
    // Phones start with the name and the state of each row.
    const phone = (kind: keyof typeof kKinds) => kKinds[kind].columns.filter((c) => c.phone !== false && !c.hidden).map((c) => c.key)
    expect(phone('entity')).toEqual(['name', 'status'])
    expect(phone('place')).toEqual(['name', 'status'])
    expect(phone('product')).toEqual(['code', 'valid_until'])
  })

  it('import at their own URLs, with their own template, title and words', () => {
    expect(kImportPaths).toEqual({ entity: '/targets/import', place: '/places/import', product: '/products/import' })
    expect(targetTemplateUrl('place')).toBe('/api/v1/places/import/template')
    expect(targetTemplateUrl('product')).toBe('/api/v1/products/import/template')
    expect(targetTemplateUrl('entity')).toBe('/api/v1/targets/import/template')
    expect(kKinds.place.importSubject.title).toBe('导入场地场所（附录 B.2）')
    expect(kKinds.product.importSubject.title).toBe('导入产品（附录 B.3）')
    expect(kKinds.entity.importSubject.title).toBe('导入行政相对人（附录 B.1）')
    expect(kKinds.product.importSubject.key).toBe('生产许可证编号')
  })

  it('post a file of a place to /places/import', () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    void importTargetsOf('place')(new Blob(['x']), '场所.csv', { skipInvalid: false, updateExisting: true }).catch(() => undefined)
    expect(FakeXhr.last.url).toBe('/api/v1/places/import?skip_invalid=false&update_existing=true&file_name=%E5%9C%BA%E6%89%80.csv')
    void importTargetsOf('product')(new Blob(['x']), 'p.csv', { skipInvalid: false, updateExisting: false }).catch(() => undefined)
    expect(FakeXhr.last.url).toMatch(/^\/api\/v1\/products\/import\?/)
    vi.unstubAllGlobals()
  })

  it('export as targets, places and products', () => {
    expect(kTargetKinds.map((k) => kKinds[k].exportKind)).toEqual(['targets', 'places', 'products'])
  })

  it('name the form and the 性质 after the kind', () => {
    expect(kTargetKinds.map((k) => kKinds[k].addTitle)).toEqual(['新增行政相对人', '新增场地场所', '新增产品'])
    expect(kKinds.place.editTitle).toBe('修改场地场所')
    expect(kTargetKinds.map(natureLabel)).toEqual(['性质', '责任单位性质', '企业性质'])
    expect(kPersonIdTypes).toEqual(['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '其他'])
  })

  it('tell a licence that ran out before today', () => {
    expect(isExpired('2026-03-14', '2026-11-22')).toBe(true)
    expect(isExpired('2026-11-22', '2026-11-22')).toBe(false)
    expect(isExpired('2029-05-09', '2026-11-22')).toBe(false)
    expect(isExpired('', '2026-11-22')).toBe(false)
    expect(extraOf(product, 'valid_until')).toBe('2026-03-14')
    expect(extraOf(product, 'nothing')).toBe('')
    expect(extraOf(null, 'uscc')).toBe('')
  })
})

describe('the body of the form', () => {
  it('holds the kind and exactly its fields, trimmed', () => {
    for (const kind of kTargetKinds) {
      const body = targetBody(kind, { ...blankTargetForm(3), name: ' 名称 ' })
      expect(Object.keys(body)).toEqual(['kind', ...kServerFields[kind].split(', ')])
      expect(body.kind).toBe(kind)
      expect(body.name).toBe('名称')
      expect(body.department).toBe(3)
      expect(body.tags).toEqual([])
      expect(body.district).toBe('')
    }
  })

  it('sends a place’s own fields by name, and no code of its own', () => {
    const form = targetForm(place)
    expect(form.unit).toBe('重庆长寿化工有限责任公司')
    expect(form.in_use_since).toBe('2015-06-01')
    // The derived code is not something to edit.
    expect(form.code).toBe('')
    const body = targetBody('place', { ...form, place_code: ' cg-001 ' })
    expect(body).toMatchObject({
      kind: 'place',
      name: '长寿化工园区储罐区',
      unit_code: '91500103MA60K3T26Y',
      person_id_type: '居民身份证',
      person_id: '500115198503120016',
      in_use_since: '2015-06-01',
      place_code: 'cg-001',
      tags: ['投诉举报多'],
      department: 4,
      division_code: '500115',
    })
    expect(body).not.toHaveProperty('code')
    expect(body).not.toHaveProperty('uscc')
  })

  it('sends a product’s licence, enterprise and dates', () => {
    const body = targetBody('product', targetForm(product))
    expect(body).toMatchObject({
      kind: 'product',
      code: 'XK16-204-01234',
      name: '重庆渝中精密机械有限公司',
      uscc: '91500103MA60K3T26Y',
      issued_on: '2021-03-15',
      valid_until: '2026-03-14',
      product: '电线电缆',
    })
    expect(body).not.toHaveProperty('unit')
    // A cleared date picker gives null: sent as empty.
    expect(targetBody('product', { ...targetForm(product), issued_on: null as unknown as string }).issued_on).toBe('')
  })

  it('leaves the department out when none is chosen (the server takes the user’s)', () => {
    expect(JSON.stringify(targetBody('entity', blankTargetForm()))).not.toContain('department')
  })
})

describe('the client rules', () => {
  const run = (rule: unknown, value: string) =>
    new Promise<string>((resolve) => {
      const r = rule as { validator: (rule: unknown, value: string, cb: (e?: Error) => void) => void }
      r.validator({}, value, (e) => resolve(e?.message ?? ''))
    })

  it('ask a place without 场所编码 for its unit’s USCC', async () => {
    const form = { place_code: '' }
    const rules = placeRules(form)
    expect(await run(rules.unit_code[0], '')).toBe('未填写场所编码时，请填写责任单位统一社会信用代码')
    expect(await run(rules.unit_code[0], '91500103MA60K3T26Y')).toBe('')
    form.place_code = 'CG-001'
    expect(await run(rules.unit_code[0], '')).toBe('')
    expect(rules.name[0]).toMatchObject({ required: true, message: '请输入场地场所名称' })
    expect(rules.nature[0]).toMatchObject({ message: '请选择责任单位性质' })
  })

  it('refuse a licence that runs out before it was issued', async () => {
    const form = { issued_on: '2024-05-10' }
    const rules = productRules(form)
    expect(await run(rules.valid_until[0], '2023-01-01')).toBe('有效期至早于发证日期 2024-05-10')
    expect(await run(rules.valid_until[0], '2029-05-09')).toBe('')
    form.issued_on = ''
    expect(await run(rules.valid_until[0], '2023-01-01')).toBe('')
    expect(rules.code[0]).toMatchObject({ required: true, message: '请输入生产许可证编号' })
    expect(rules.name[0]).toMatchObject({ required: true, message: '请输入企业名称' })
  })
})

describe('the list of a kind', () => {
  const calls: FetchCall[] = []
  const kEmptyPage = { items: [], total: 0, page: 1, page_size: 20 }
  afterEach(() => {
    vi.unstubAllGlobals()
    calls.length = 0
  })
  const sent = (i = -1) => new URL(calls.at(i)!.url, 'http://x').searchParams

  it('asks for its kind, from the first page, with the same filters', async () => {
    answerFetch(calls, 200, kEmptyPage)
    const page = useTargetPage('place')
    expect(page.config.value.label).toBe('场地场所')
    await page.load()
    expect(new URL(calls[0].url, 'http://x').pathname).toBe('/api/v1/targets')
    expect(sent().get('kind')).toBe('place')
    page.filters.status = '存续'
    page.page.value = 3
    await page.setKind('product')
    expect(sent().get('kind')).toBe('product')
    expect(sent().get('page')).toBe('1')
    expect(sent().get('status')).toBe('存续')
    expect(page.config.value.exportKind).toBe('products')
    // The same kind again asks nothing.
    const asked = calls.length
    await page.setKind('product')
    expect(calls.length).toBe(asked)
    await page.setKind('entity')
    expect(sent().get('kind')).toBe('entity')
  })

  it('exports the filter without the kind (the export’s kind says it)', async () => {
    answerFetch(calls, 200, kEmptyPage)
    const page = useTargetPage('product')
    page.filters.name = ' 渝中 '
    await page.search()
    expect(page.currentFilter()).toEqual({ name: '渝中' })
  })

  it('starts on the 行政相对人 tab', async () => {
    answerFetch(calls, 200, kEmptyPage)
    const page = useTargetPage()
    await page.load()
    expect(page.kind.value).toBe('entity')
    expect(sent().get('kind')).toBe('entity')
  })
})

describe('the history of a place and a product', () => {
  const version = (v: number, t: Target, action: TargetVersion['action']): TargetVersion => ({
    version: v,
    action,
    data: { kind: t.kind, code: t.code, name: t.name, nature: t.nature, status: t.status, extra: { ...t.extra } },
    changed_by: '刘建国',
    changed_at: '2026-11-02T02:00:00Z',
  })

  it('names a place’s own fields, and not its derived code', () => {
    const after = { ...place, code: 'CG-001', extra: { ...place.extra, unit: '重庆长化集团有限公司', place_code: 'CG-001' } }
    const [item] = historyItems([version(2, after, 'update'), version(1, place, 'create')], { kind: 'place' })
    expect(item.changes.map((c) => `${c.label}:${c.before}→${c.after}`)).toEqual([
      '责任单位:重庆长寿化工有限责任公司→重庆长化集团有限公司',
      '场所编码:（空）→CG-001',
    ])
  })

  it('names a product’s licence and dates', () => {
    const before = version(1, product, 'create').data
    const after = version(2, { ...product, code: 'XK16-204-01235', extra: { ...product.extra, valid_until: '2031-03-14' } }, 'update').data
    expect(versionChanges(before, after, { kind: 'product' }).map((c) => `${c.label}:${c.before}→${c.after}`)).toEqual([
      '生产许可证编号:XK16-204-01234→XK16-204-01235',
      '有效期至:2026-03-14→2031-03-14',
    ])
  })
})
