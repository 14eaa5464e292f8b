// Browser journeys for ssj, driven by playwright-core and Debian's Chromium.
// Usage: SSJ_BASE_URL=http://127.0.0.1:18080 node e2e/run.mjs
// Needs a server started on a fresh demo database (scripts/test does that). Journeys run in
// order and share what they create; each prints "ok" or "FAIL"; screenshots go to
// $SSJ_E2E_OUT (default web/e2e/out/). Exits non-zero when any journey fails.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const baseUrl = (process.env.SSJ_BASE_URL || 'http://127.0.0.1:18080').replace(/\/$/, '')
const outDir = path.resolve(process.env.SSJ_E2E_OUT || path.join(here, 'out'))
const chromiumPath = process.env.SSJ_CHROMIUM || '/usr/bin/chromium'
const only = process.env.SSJ_E2E_ONLY ? new RegExp(process.env.SSJ_E2E_ONLY) : null

const kDesktop = { width: 1440, height: 900 }
const kPhone = { width: 390, height: 844 }
const kAdmin = { username: 'admin', password: 'Admin@2026' }
// A 业务处室 user of the demo data, holding the directory:target:* permissions.
const kStaff = { username: 'yewu', password: 'Demo@2026', name: '刘建国' }

// Names unique to this run, so a rerun against the same database does not collide.
const suffix = Date.now().toString(36).slice(-5)
const created = {
  deptName: `自动化测试科${suffix}`,
  deptCode: `E2E-${suffix.toUpperCase()}`,
  roleName: `只读用户查看${suffix}`,
  roleCode: `e2e_${suffix}`,
  username: `e2e_${suffix}`,
  userFullName: `测试员${suffix}`,
  password: 'E2e@Pass2026',
}

fs.mkdirSync(outDir, { recursive: true })
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-e2e-'))
for (const dir of ['tmp', 'config', 'cache']) fs.mkdirSync(path.join(tmpRoot, dir))
const browserEnv = {
  ...process.env,
  TMPDIR: path.join(tmpRoot, 'tmp'),
  XDG_CONFIG_HOME: path.join(tmpRoot, 'config'),
  XDG_CACHE_HOME: path.join(tmpRoot, 'cache'),
  HOME: tmpRoot,
}

// ---------------------------------------------------------------------------------------------
// Helpers that act and look as a person would.

async function shot(page, name) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) })
}

/** Waits until `text` is visible somewhere on the page. */
async function seeText(page, text, timeout = 10_000) {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout })
}

async function notSee(locator, what) {
  assert.equal(await locator.count(), 0, `${what} should not be shown`)
}

function formItem(scope, label) {
  return scope.locator('.el-form-item').filter({ has: scope.page().locator(`label:text-is("${label}")`) })
}

async function fillField(scope, label, value) {
  const input = formItem(scope, label).locator('input, textarea').first()
  await input.fill(value)
}

async function openDialog(page, title) {
  const dialog = page.locator('.el-dialog').filter({ hasText: title }).last()
  await dialog.waitFor({ state: 'visible' })
  return dialog
}

async function confirmDialog(dialog) {
  await dialog.getByRole('button', { name: /确\s*定/ }).click()
}

function loginButton(page) {
  return page.locator('.login-page button[type=submit]')
}

async function login(page, username, password) {
  await page.goto(`${baseUrl}/login`)
  await page.getByPlaceholder('用户名').fill(username)
  await page.getByPlaceholder('密码').fill(password)
  await loginButton(page).click()
}

async function loginOk(page, username, password) {
  await login(page, username, password)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 })
  await page.locator('.app-header').waitFor()
}

async function logout(page) {
  await page.locator('.user-trigger').click()
  await page.locator('.el-dropdown-menu__item').filter({ hasText: '退出登录' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/login'))
  await loginButton(page).waitFor()
}

/** Logs out through the user menu when signed in; otherwise just opens the login page. */
async function ensureLoggedOut(page) {
  if (await page.locator('.user-trigger').isVisible().catch(() => false)) await logout(page)
  else await page.goto(`${baseUrl}/login`)
}

function menuItem(page, title) {
  return page.locator('.sidebar-menu .el-menu-item').filter({ hasText: title })
}

async function openMenu(page, title) {
  await menuItem(page, title).first().click()
  await page.locator('.el-breadcrumb, .mobile-title').filter({ hasText: title }).first().waitFor()
}

async function waitTableLoaded(page) {
  await page.locator('.el-table').first().waitFor()
  await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => undefined)
}

/** Picks `label` in the el-tree-select / el-select of a form item (typing to filter first). */
async function chooseTreeOption(page, item, label) {
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').first().fill(label)
  const option = page
    .locator('.el-select-dropdown:visible .el-tree-node__content, .el-select-dropdown:visible .el-select-dropdown__item')
    .filter({ hasText: label })
    .first()
  await option.click()
}

async function chooseOption(page, item, label) {
  await item.locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

// ---------------------------------------------------------------------------------------------
// 检查对象名录库 helpers.

const kTargetName = '重庆渝中精密机械有限公司'
const kTargetWrongCode = '91500103MA60K3T26X'
// Valid USCCs; the journey registers the first one the directory does not hold yet.
const kTargetCodes = ['91500103MA60K3T26Y', '92370303MA3C7Q1N7N', '91110000600037341L', '91310115MA1K3BTP2B']

/** GET on the API with the page's session (the browser context shares its cookies). */
async function apiGet(page, pathAndQuery) {
  const response = await page.request.get(`${baseUrl}/api/v1${pathAndQuery}`)
  assert.ok(response.ok(), `GET ${pathAndQuery}: HTTP ${response.status()}`)
  return response.json()
}

async function targetExists(page, code) {
  const result = await apiGet(page, `/targets?code=${encodeURIComponent(code)}&page_size=1`)
  return result.total > 0
}

/** An 18-digit resident ID number with a valid check character, different on every run. */
function residentId(region = '500103') {
  const day = 1 + Math.floor(Math.random() * 28)
  const month = 1 + Math.floor(Math.random() * 12)
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const first17 = `${region}1985${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0)
  const check = (12 - (sum % 11)) % 11
  return first17 + (check === 10 ? 'X' : String(check))
}

/** POST on the API with the page's session and its CSRF token; returns the response. */
async function apiPost(page, pathAndQuery, data) {
  const me = await apiGet(page, '/auth/me')
  return page.request.post(`${baseUrl}/api/v1${pathAndQuery}`, { headers: { 'X-CSRF-Token': me.csrf_token }, data })
}

/** PUT on the API with the page's session and its CSRF token; returns the response. */
async function apiPut(page, pathAndQuery, data) {
  const me = await apiGet(page, '/auth/me')
  return page.request.put(`${baseUrl}/api/v1${pathAndQuery}`, { headers: { 'X-CSRF-Token': me.csrf_token }, data })
}

/** The files of a zip, by path (Python's zipfile reads it). */
function unzip(bytes) {
  const file = path.join(tmpRoot, `zip-${Date.now()}.zip`)
  fs.writeFileSync(file, bytes)
  const script = 'import base64, json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))'
  const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 << 20 })
  return Object.fromEntries(Object.entries(JSON.parse(out)).map(([k, v]) => [k, Buffer.from(v, 'base64')]))
}

/** Draws a short stroke across a canvas with the mouse (a finger on a phone). */
async function scribble(canvas) {
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  const page = canvas.page()
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)))
  }
  await page.mouse.up()
}

/** Registers a 自然人 through the API; returns its ID number. */
async function createPersonTarget(page, name) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = residentId()
    const response = await apiPost(page, '/targets', { name, code, nature: '自然人', division_code: '500103', status: '存续', tags: [] })
    if (response.status() === 201) return code
    assert.equal(response.status(), 409, `creating a 自然人: HTTP ${response.status()} ${await response.text()}`)
  }
  throw new Error('no free resident ID number after 5 attempts')
}

/** Picks `text` in a DivisionSelect (remote search) of a form item. */
async function chooseDivision(page, item, query, code) {
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').first().fill(query)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: code }).first().click()
}

async function searchTargets(page, name) {
  await page.getByPlaceholder('名称中的字词').fill(name)
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await waitTableLoaded(page)
}

function targetRow(page, text) {
  return page.locator('.el-table__body-wrapper .el-table__row').filter({ hasText: text })
}

/** Waits until the last opened drawer or dialog finished its opening animation. */
async function settle(page) {
  await page.waitForTimeout(400)
}

/**
 * Makes the list at `pathname` answer 500, refreshes the page's list and waits for the shared
 * error state, screenshot `name`; returns what makes the server answer again.
 */
async function seeListError(page, pathname, name) {
  const failing = (url) => url.pathname === pathname
  await page.route(failing, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'internal', message: '服务器内部错误', details: {} }),
    }),
  )
  await page.getByRole('button', { name: '刷新' }).click()
  await seeText(page, '加载失败：服务器内部错误')
  await shot(page, name)
  return () => page.unroute(failing)
}

// ---------------------------------------------------------------------------------------------
// 检查对象导入 helpers.

const kImportHeader = '行政相对人名称,行政相对人编码,检查地址,检查联系电话,所属区县,行政相对人性质,行政区划代码'
const kUsccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const kUsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
let usccSerial = 0

/** A GB 32100 code: `first17` and its check character. */
function withUsccCheck(first17) {
  const sum = [...first17].reduce((acc, ch, i) => acc + kUsccChars.indexOf(ch) * kUsccWeights[i], 0)
  return first17 + kUsccChars[(31 - (sum % 31)) % 31]
}

/** A valid USCC not used before: its 9-character organisation part comes from the clock. */
function freshUscc(prefix = '91500103') {
  let n = Date.now() * 64 + (usccSerial++ % 64)
  let org = ''
  while (n > 0) {
    org = kUsccChars[n % 31] + org
    n = Math.floor(n / 31)
  }
  return withUsccCheck(prefix + org.slice(-9).padStart(9, '0'))
}

/** The same code with a wrong check character. */
function wrongCheck(code) {
  const last = code.at(-1)
  return code.slice(0, -1) + (last === '0' ? '1' : '0')
}

/** CSV text as Excel's "CSV" save writes it on a Chinese system: GBK, CRLF. */
function gbkCsv(rows) {
  const text = [kImportHeader, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n'
  const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: Buffer.from(text, 'utf8') })
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file is GBK, not UTF-8')
  return bytes
}

/**
 * Three targets for one import: the bad file has a wrong check character and the division code
 * 500199 on its second row (line 3); the fixed file has those right.
 */
function importFiles(tag) {
  const t = {
    first: { name: `渝中导入测试机械厂${suffix}${tag}`, code: freshUscc('91500103') },
    second: { name: `导入测试商贸有限公司${suffix}${tag}`, code: freshUscc('91500103') },
    third: { name: `大足导入测试五金店${suffix}${tag}`, code: freshUscc('92500111') },
  }
  const row = (second) => [
    [t.first.name, t.first.code, '"重庆市渝中区民族路88号,3楼"', '023-63891234', '渝中区', '企业', '500103'],
    second,
    [t.third.name, t.third.code, '重庆市大足区龙岗街道五金街6号', '023-43721234', '', '个体工商户', '500111'],
  ]
  const bad = gbkCsv(row([t.second.name, wrongCheck(t.second.code), '重庆市渝中区解放碑', '', '', '企业', '500199']))
  const fixed = gbkCsv(row([t.second.name, t.second.code, '重庆市渝中区解放碑', '', '', '企业', '500103']))
  return { targets: t, bad, fixed, badCode: wrongCheck(t.second.code) }
}

/** Clicks `button` and waits for the download it starts: its suggested name and its bytes. */
async function downloadBy(button) {
  const [download] = await Promise.all([button.page().waitForEvent('download'), button.click()])
  const saved = path.join(tmpRoot, `download-${Date.now()}`)
  await download.saveAs(saved)
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(saved) }
}

async function chooseImportFile(dialog, name, buffer, mimeType = 'text/csv') {
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType, buffer })
}

/** Starts the import (POST `path`, by default that of 行政相对人) and waits for the report of the server. */
async function startImport(page, dialog, path = '/targets/import') {
  const answered = page.waitForResponse((r) => r.url().includes(`/api/v1${path}?`) && r.request().method() === 'POST')
  await dialog.getByRole('button', { name: '开始导入' }).click()
  const response = await answered
  assert.equal(response.status(), 200, `import: HTTP ${response.status()}`)
  assert.equal(response.request().headers()['content-type'], 'text/csv')
  await dialog.locator('.import-result').waitFor()
  return response.json()
}

// ---------------------------------------------------------------------------------------------
// 执法检查人员名录库 helpers.

// The narrowest phone the public page is made for.
const kSmallPhone = { width: 375, height: 812 }
// A mobile number, or an 18-character resident ID number, not part of a longer run of digits.
const kMobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/
const kIdNumberPattern = /(?<!\d)\d{17}[\dXx](?!\d)/

/** Asserts that `text` holds no mobile number and no resident ID number. */
function assertNoPersonalNumbers(text, where) {
  const mobile = text.match(kMobilePattern)
  assert.equal(mobile, null, `${where} shows a phone number: ${mobile?.[0]}`)
  const id = text.match(kIdNumberPattern)
  assert.equal(id, null, `${where} shows an ID number: ${id?.[0]}`)
}

/** Keeps the text of every JSON answer of the API the page receives, until `stop()`. */
function recordApiAnswers(page) {
  const answers = []
  const reading = []
  const onResponse = (response) => {
    if (!response.url().includes('/api/v1/')) return
    if (!(response.headers()['content-type'] ?? '').includes('json')) return
    reading.push(
      response
        .text()
        .then((text) => answers.push({ url: response.url(), text }))
        .catch(() => undefined),
    )
  }
  page.on('response', onResponse)
  return {
    async stop() {
      page.off('response', onResponse)
      await Promise.all(reading)
      return answers
    },
  }
}

async function searchPublic(page, q) {
  await page.getByPlaceholder('输入姓名或执法证号').fill(q)
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/public/inspectors?'))
  await page.getByRole('button', { name: '查询' }).click()
  await answered
  await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => undefined)
}

function tableRows(page) {
  return page.locator('.el-table__body-wrapper .el-table__row')
}

// ---------------------------------------------------------------------------------------------
// 利害关系 and 免检免扰 helpers.

// A 执法检查人员 of the demo data who is not linked to an account, in 节能与综合利用处 (yewu's scope).
const kConflictPerson = { name: '吴勇', certNo: '渝执50001107' }
// The demo inspector who is linked to an account.
const kInspectorLogin = { username: 'jiancha', password: 'Demo@2026' }
// The 统筹部门 user: lists conflicts and exemptions, changes nothing.
const kCoordinator = { username: 'tongchou', password: 'Demo@2026' }

/** Registers an enterprise through the API; returns its code. */
async function createEnterpriseTarget(page, name) {
  const code = freshUscc('91500103')
  const response = await apiPost(page, '/targets', { name, code, nature: '企业', division_code: '500103', status: '存续', tags: [] })
  assert.equal(response.status(), 201, `creating ${name}: HTTP ${response.status()} ${await response.text()}`)
  return code
}

/** Picks a record in a RecordSelect (remote search) of a form item: types `query`, clicks the option showing `text`. */
async function chooseRecord(page, item, query, text) {
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').first().fill(query)
  await page.locator('.record-select-popper:visible .el-select-dropdown__item').filter({ hasText: text }).first().click()
}

/** Types a date into a date picker of a form item (desktop pickers are editable). */
async function typeDate(item, date) {
  const input = item.locator('input').first()
  await input.fill(date)
  await input.press('Enter')
}

async function searchRestrictions(page, q) {
  await page.getByPlaceholder(/名称、编码|依据文件/).fill(q)
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await waitTableLoaded(page)
}

/** The tag in the 状态 column of a row. */
function stateTag(row) {
  return row.locator('.el-tag').filter({ hasText: /^(有效|未生效|已过期|已撤销)$/ })
}

/**
 * Stands in for the export API (POST /exports, GET /exports/{id} and its /file) so the journeys
 * do not depend on the server having it: the export runs for two polls, writing `rows` rows,
 * then serves `body` as `fileName`. `requests` holds the bodies of the POSTs; `stop()` removes
 * the stand-in.
 */
async function standInExports(page, { rows, fileName, body }) {
  const requests = []
  let polls = 0
  const handler = async (route) => {
    const request = route.request()
    const { pathname } = new URL(request.url())
    const json = (status, data) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(data) })
    if (request.method() === 'POST' && pathname === '/api/v1/exports') {
      requests.push({ body: request.postDataJSON(), csrf: request.headers()['x-csrf-token'] })
      polls = 0
      return json(202, { id: 'e2e-1', status: 'running', rows: 0, file_name: fileName })
    }
    if (pathname === '/api/v1/exports/e2e-1') {
      polls++
      const done = polls >= 2
      return json(200, { id: 'e2e-1', status: done ? 'done' : 'running', rows: done ? rows : Math.floor(rows / 2), file_name: fileName })
    }
    if (pathname === '/api/v1/exports/e2e-1/file') {
      return route.fulfill({
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        },
        body,
      })
    }
    return route.fallback()
  }
  const matches = (url) => url.pathname === '/api/v1/exports' || url.pathname.startsWith('/api/v1/exports/')
  await page.route(matches, handler)
  return { requests, stop: () => page.unroute(matches, handler) }
}

// ---------------------------------------------------------------------------------------------
// 场地场所 and 产品 helpers.

/** Clicks the tab of a kind of 检查对象 and waits for its list. */
async function openKindTab(page, label, kind) {
  await page.locator('.kind-tabs .el-tabs__item').filter({ hasText: label }).click()
  await page.waitForURL((url) => (url.searchParams.get('kind') ?? 'entity') === kind)
  await waitTableLoaded(page)
}

/** The header texts of the list's table. */
async function tableHeaders(page) {
  const texts = await page.locator('.el-table__header-wrapper th .cell').allInnerTexts()
  return texts.map((t) => t.trim()).filter(Boolean)
}

/** Two licence numbers (XK00-000-00000) not used before, from the clock. */
function freshLicences() {
  const n = String(Date.now() % 1e8).padStart(8, '0')
  const m = String((Date.now() + 1) % 1e8).padStart(8, '0')
  return [`XK16-${n.slice(0, 3)}-${n.slice(3)}`, `XK13-${m.slice(0, 3)}-${m.slice(3)}`]
}

const kProductHeader = '生产许可证编号,企业名称,统一社会信用代码,发证日期,有效期至,检查地址,检查联系电话,所属区县,行政相对人性质,行政区划代码,产品名称'

/** A UTF-8 CSV of products (B.3), CRLF. */
function productCsv(rows) {
  return Buffer.from([kProductHeader, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n', 'utf8')
}

// ---------------------------------------------------------------------------------------------
// The journeys, in order.

const journeys = [
  {
    name: '1 错误密码提示「用户名或密码错误」',
    async run(page) {
      // admin: the successful login of the next journey resets the failure count.
      await login(page, kAdmin.username, 'Wrong@Pass1')
      await seeText(page, '用户名或密码错误')
      assert.ok(new URL(page.url()).pathname.startsWith('/login'), 'stays on the login page')
      await shot(page, '01-wrong-password')
    },
  },
  {
    name: '2 管理员新建部门、只含 system:user:list 的角色和该部门的用户',
    async run(page) {
      await loginOk(page, kAdmin.username, kAdmin.password)

      // Department under 重庆市经济和信息化委员会.
      await openMenu(page, '部门管理')
      await waitTableLoaded(page)
      const parentRow = page.locator('.el-table__row').filter({ hasText: 'CQJXW' }).filter({ hasText: '重庆市经济和信息化委员会' }).first()
      await parentRow.getByRole('button', { name: '新增下级' }).click()
      let dialog = await openDialog(page, '新增部门')
      assert.match(await formItem(dialog, '上级部门').innerText(), /重庆市经济和信息化委员会/)
      await fillField(dialog, '部门名称', created.deptName)
      await fillField(dialog, '部门编码', created.deptCode)
      await confirmDialog(dialog)
      await seeText(page, '新增成功')
      await page.locator('.el-table__row').filter({ hasText: created.deptName }).first().waitFor()

      // Role with only system:user:list, through the roles page.
      await openMenu(page, '角色管理')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '新增' }).click()
      dialog = await openDialog(page, '新增角色')
      await fillField(dialog, '角色名称', created.roleName)
      await fillField(dialog, '角色编码', created.roleCode)
      await dialog.locator('.el-radio').filter({ hasText: '本部门及以下' }).click()
      const node = dialog.locator('.el-tree-node__content').filter({ hasText: 'system:user:list' })
      await node.locator('.el-checkbox').click()
      await seeText(dialog, '已选 1 项')
      await confirmDialog(dialog)
      await seeText(page, '新增成功')
      const roleRow = page.locator('.el-table__row').filter({ hasText: created.roleName })
      await roleRow.waitFor()
      assert.match(await roleRow.innerText(), /本部门及以下/)

      // User in the new department holding the new role.
      await openMenu(page, '用户管理')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '新增' }).click()
      dialog = await openDialog(page, '新增用户')
      await fillField(dialog, '用户名', created.username)
      await fillField(dialog, '姓名', created.userFullName)
      await fillField(dialog, '手机号', '13800138000')
      await chooseTreeOption(page, formItem(dialog, '所属部门'), created.deptName)
      await chooseOption(page, formItem(dialog, '角色'), created.roleName)
      await dialog.locator('.el-dialog__title').click() // close the role dropdown
      await fillField(dialog, '初始密码', created.password)
      await confirmDialog(dialog)
      await seeText(page, '新增成功')
      // Find the new user through the search form (the list may span several pages).
      await page.getByPlaceholder('用户名或姓名').fill(created.username)
      await page.getByRole('button', { name: '搜索', exact: true }).click()
      const userRow = page.locator('.el-table__row').filter({ hasText: created.username })
      await userRow.waitFor()
      const rowText = await userRow.innerText()
      assert.match(rowText, new RegExp(created.deptName))
      assert.match(rowText, new RegExp(created.roleName))
      await shot(page, '02-user-created')
    },
  },
  {
    name: '3 新用户只看到「用户管理」菜单且没有「新增」按钮',
    async run(page) {
      await logout(page)
      await loginOk(page, created.username, created.password)
      await seeText(page, created.userFullName)
      await menuItem(page, '用户管理').first().waitFor()
      for (const hidden of ['部门管理', '角色管理', '操作日志', '登录日志']) {
        await notSee(menuItem(page, hidden), `menu ${hidden}`)
      }
      await openMenu(page, '用户管理')
      await waitTableLoaded(page)
      await page.locator('.el-table__row').filter({ hasText: created.username }).first().waitFor()
      await notSee(page.getByRole('button', { name: '新增' }), '新增 button')
      await notSee(page.getByRole('button', { name: '重置密码' }), '重置密码 button')
      // A page outside the user's permissions is refused, not shown.
      await page.goto(`${baseUrl}/system/role`)
      await seeText(page, '无权访问')
      await shot(page, '03-limited-user')
    },
  },
  {
    name: '4 管理员在操作日志中看到新建的部门和用户',
    async run(page) {
      await ensureLoggedOut(page)
      await loginOk(page, kAdmin.username, kAdmin.password)
      await openMenu(page, '操作日志')
      await waitTableLoaded(page)
      await seeText(page, '新增部门')
      await seeText(page, '新增用户')
      await seeText(page, created.deptName)
      await seeText(page, created.userFullName)
      // The detail shows the after-image and the hash chain.
      const row = page.locator('.el-table__row').filter({ hasText: created.deptName }).first()
      await row.locator('.el-table__expand-icon').click()
      await seeText(page, '前序哈希')
      await seeText(page, created.deptCode)
      await seeText(page, '新记录')
      await page.waitForTimeout(300)
      await shot(page, '04-audit-log')
    },
  },
  {
    name: '5 手机宽度 390×844 下登录页和用户页可用，菜单按钮能打开菜单',
    async run(page) {
      await ensureLoggedOut(page)
      await page.setViewportSize(kPhone)
      await page.goto(`${baseUrl}/login`)
      await loginButton(page).waitFor()
      await assertNoPageOverflow(page)
      const card = await page.locator('.login-card').boundingBox()
      assert.ok(card && card.x >= 0 && card.x + card.width <= kPhone.width, 'login form fits the screen')
      await shot(page, '05-phone-login')

      await loginOk(page, kAdmin.username, kAdmin.password)
      await page.goto(`${baseUrl}/system/user`)
      await waitTableLoaded(page)
      await page.locator('.el-table__row').filter({ hasText: 'admin' }).first().waitFor()
      await assertNoPageOverflow(page)
      await notSee(page.locator('aside.sidebar'), 'desktop sidebar')
      await shot(page, '05-phone-users')

      await page.getByRole('button', { name: '打开菜单' }).click()
      const drawer = page.locator('.menu-drawer')
      await drawer.waitFor({ state: 'visible' })
      await drawer.locator('.el-menu-item').filter({ hasText: '角色管理' }).waitFor()
      await shot(page, '05-phone-menu')
      await drawer.locator('.el-menu-item').filter({ hasText: '角色管理' }).click()
      await page.locator('.mobile-title').filter({ hasText: '角色管理' }).waitFor()
      await drawer.waitFor({ state: 'hidden' })
      await waitTableLoaded(page)
      await shot(page, '05-phone-roles')

      // A dialog fits the phone screen.
      await page.getByRole('button', { name: '新增' }).click()
      const dialog = await openDialog(page, '新增角色')
      const box = await dialog.boundingBox()
      assert.ok(box && box.width <= kPhone.width, `dialog fits the screen (width ${box?.width})`)
      await page.waitForTimeout(400) // let the opening animation finish
      await shot(page, '05-phone-role-dialog')
      await dialog.getByRole('button', { name: /取\s*消/ }).click()
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '6 会话失效（删除 Cookie）后导航回到登录页并提示「登录已过期」',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kAdmin.username, kAdmin.password)
      await menuItem(page, '用户管理').first().waitFor()
      await page.context().clearCookies()
      // Navigating inside the app.
      await menuItem(page, '用户管理').first().click()
      await page.waitForURL((url) => url.pathname.startsWith('/login'))
      await seeText(page, '登录已过期')
      assert.equal(new URL(page.url()).searchParams.get('redirect'), '/system/user')
      await shot(page, '06-expired')
      // Logging in again returns to where the person was going.
      await page.getByPlaceholder('用户名').fill(kAdmin.username)
      await page.getByPlaceholder('密码').fill(kAdmin.password)
      await loginButton(page).click()
      await page.waitForURL((url) => url.pathname === '/system/user')
      // Opening an address afresh after the session is gone says the same.
      await page.context().clearCookies()
      await page.goto(`${baseUrl}/audit/log`)
      await page.waitForURL((url) => url.pathname.startsWith('/login'))
      await seeText(page, '登录已过期')
    },
  },
  {
    name: '7 服务器校验错误显示在对应字段上（重复的部门编码）',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kAdmin.username, kAdmin.password)
      await openMenu(page, '部门管理')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const dialog = await openDialog(page, '新增部门')
      await fillField(dialog, '部门名称', '编码重复的部门')
      await fillField(dialog, '部门编码', 'CQJXW')
      const division = formItem(dialog, '行政区划')
      await division.locator('.el-select__wrapper').click()
      await division.locator('input').fill('大足')
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: '500111' }).first().click()
      await confirmDialog(dialog)
      const error = formItem(dialog, '部门编码').locator('.el-form-item__error')
      await error.waitFor()
      assert.match(await error.innerText(), /CQJXW/)
      await shot(page, '07-field-error')
      await dialog.getByRole('button', { name: /取\s*消/ }).click()
      await notSee(page.locator('.el-table__row').filter({ hasText: '编码重复的部门' }), 'the refused department')
    },
  },
  {
    name: '8 主要页面截图（桌面 1440×900 与手机 390×844）',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginButton(page).waitFor()
      await shot(page, '08-desktop-login')
      await loginOk(page, kAdmin.username, kAdmin.password)
      const pages = [
        ['home', '/home', '工作台'],
        ['users', '/system/user', '用户管理'],
        ['depts', '/system/dept', '部门管理'],
        ['roles', '/system/role', '角色管理'],
        ['audit', '/audit/log', '操作日志'],
        ['login-log', '/audit/login-log', '登录日志'],
        ['password', '/account/password', '修改密码'],
        ['targets', '/directory/target', '检查对象名录库'],
        ['inspectors', '/directory/inspector', '执法检查人员'],
        ['experts', '/directory/expert', '专家和辅助人员'],
        ['conflicts', '/directory/conflict', '利害关系'],
        ['exemptions', '/directory/exemption', '免检免扰'],
        ['declare', '/my/conflicts', '申报利害关系'],
        ['assignments', '/my/assignments', '我的检查任务'],
        ['task-changes', '/task/changes', '待审批变更'],
        ['items', '/catalog/item', '抽查事项'],
      ]
      for (const viewport of [kDesktop, kPhone]) {
        await page.setViewportSize(viewport)
        const tag = viewport === kDesktop ? 'desktop' : 'phone'
        for (const [name, url, title] of pages) {
          await page.goto(`${baseUrl}${url}`)
          await seeText(page, title)
          await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => undefined)
          await page.waitForTimeout(300)
          await assertNoPageOverflow(page)
          await shot(page, `08-${tag}-${name}`)
        }
      }
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '9 检查对象名录库：业务人员登记对象（错误编码提示在字段上）、按名称查到并看到变更历史，自然人编码脱敏，桌面与手机',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kStaff.username, kStaff.password)
      await page.locator('.sidebar-menu .el-sub-menu__title').filter({ hasText: '一单两库' }).waitFor()
      await openMenu(page, '检查对象名录库')
      await waitTableLoaded(page)
      await shot(page, '09-targets-list')

      // The first code the directory does not hold yet; when all are taken (many reruns on one
      // database) the journey registers the first again and expects the duplicate error.
      let code = null
      for (const candidate of kTargetCodes) {
        if (!(await targetExists(page, candidate))) {
          code = candidate
          break
        }
      }
      const duplicate = code === null
      code ??= kTargetCodes[0]

      await page.getByRole('button', { name: '新增', exact: true }).click()
      const dialog = await openDialog(page, '新增行政相对人')
      await fillField(dialog, '名称', kTargetName)
      await chooseOption(page, formItem(dialog, '性质'), '企业')
      await fillField(dialog, '统一社会信用代码', kTargetWrongCode.toLowerCase())
      // Typed in lower case, shown (and sent) in upper case.
      assert.equal(await formItem(dialog, '统一社会信用代码').locator('input').inputValue(), kTargetWrongCode)
      await chooseDivision(page, formItem(dialog, '行政区划'), '500103', '500103')
      await confirmDialog(dialog)
      const codeError = formItem(dialog, '统一社会信用代码').locator('.el-form-item__error')
      await codeError.waitFor()
      assert.match(await codeError.innerText(), /校验位/)
      await settle(page)
      await shot(page, '09-target-code-error')

      await fillField(dialog, '统一社会信用代码', code)
      await confirmDialog(dialog)
      if (duplicate) {
        await formItem(dialog, '统一社会信用代码').locator('.el-form-item__error').filter({ hasText: '已有编码' }).waitFor()
        await dialog.getByRole('button', { name: /取\s*消/ }).click()
      } else {
        await seeText(page, '新增成功')
        await dialog.waitFor({ state: 'hidden' })
      }

      // Found by a part of its name; the row shows the code whole (an enterprise) and its district.
      await searchTargets(page, '精密')
      const row = targetRow(page, code).first()
      await row.waitFor()
      const rowText = await row.innerText()
      assert.match(rowText, new RegExp(kTargetName))
      assert.match(rowText, /渝中区/)
      await shot(page, '09-target-found')

      // The detail: every field and the history, newest first.
      await row.getByRole('button', { name: '详情' }).click()
      const drawer = page.locator('.el-drawer').filter({ hasText: '行政相对人详情' })
      await drawer.waitFor({ state: 'visible' })
      await drawer.getByText('变更历史').waitFor()
      await drawer.locator('.el-timeline-item').first().waitFor()
      assert.match(await drawer.innerText(), new RegExp(code))
      const oldest = drawer.locator('.el-timeline-item').last()
      assert.match(await oldest.innerText(), /新增/)
      assert.match(await oldest.innerText(), /第 1 版/)

      // An edit from the drawer adds a version naming the changed field.
      const [current] = (await apiGet(page, `/targets?code=${code}&page_size=1`)).items
      const newStatus = current.status === '停业清算' ? '存续' : '停业清算'
      const versionsBefore = await drawer.locator('.el-timeline-item').count()
      await drawer.getByRole('button', { name: '修改' }).click()
      const edit = await openDialog(page, '修改行政相对人')
      await chooseOption(page, formItem(edit, '经营状态'), newStatus)
      await confirmDialog(edit)
      await seeText(page, '修改成功')
      await edit.waitFor({ state: 'hidden' })
      await page.waitForFunction(
        (n) => document.querySelectorAll('.el-drawer .el-timeline-item').length > n,
        versionsBefore,
      )
      const newest = drawer.locator('.el-timeline-item').first()
      const newestText = await newest.innerText()
      assert.match(newestText, /修改/)
      assert.match(newestText, new RegExp(kStaff.name))
      assert.match(newestText, new RegExp(`经营状态[\\s\\S]*${newStatus}`))
      await settle(page)
      await shot(page, '09-target-detail')
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })
      await row.locator('.el-tag').filter({ hasText: newStatus }).waitFor()

      // A 自然人: the list masks the ID number, the detail shows it whole.
      const personName = `测试自然人${suffix}`
      const id = await createPersonTarget(page, personName)
      await searchTargets(page, personName)
      const personRow = targetRow(page, personName).first()
      await personRow.waitFor()
      const masked = `${id.slice(0, 6)}********${id.slice(-4)}`
      const personText = await personRow.innerText()
      assert.ok(personText.includes(masked), `list shows ${masked}: ${personText}`)
      assert.ok(!personText.includes(id), 'list does not show the whole ID number')
      await personRow.getByRole('button', { name: '详情' }).click()
      await drawer.waitFor({ state: 'visible' })
      await drawer.getByText(id).first().waitFor()
      await drawer.getByText('身份证号码').waitFor()
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })

      // Nothing matching: the shared empty state.
      await searchTargets(page, '没有这个名字的对象')
      await seeText(page, '没有符合条件的行政相对人')
      await shot(page, '09-target-empty')

      // The server failing: the error state with 重试.
      const recover = await seeListError(page, '/api/v1/targets', '09-target-error')
      await recover()
      await page.getByRole('button', { name: '重置' }).click()
      await page.locator('.el-table').getByRole('button', { name: '重试' }).waitFor({ state: 'detached' })
      await targetRow(page, code).first().waitFor()

      // Phone: the list, the detail drawer and the dialog fit 390 px.
      await page.setViewportSize(kPhone)
      await page.goto(`${baseUrl}/directory/target`)
      await waitTableLoaded(page)
      await targetRow(page, code).first().waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '09-phone-targets')
      await page.getByRole('button', { name: '显示搜索' }).click()
      await page.getByPlaceholder('名称中的字词').waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '09-phone-targets-search')
      await searchTargets(page, '精密')
      await targetRow(page, code).first().getByRole('button', { name: '详情' }).click()
      await drawer.waitFor({ state: 'visible' })
      await drawer.locator('.el-timeline-item').first().waitFor()
      await settle(page)
      const drawerBox = await drawer.locator('.el-drawer__body').boundingBox()
      assert.ok(drawerBox && drawerBox.x >= 0 && drawerBox.x + drawerBox.width <= kPhone.width + 1, 'drawer fits the screen')
      await shot(page, '09-phone-target-detail')
      await drawer.locator('.el-timeline').scrollIntoViewIfNeeded()
      await shot(page, '09-phone-target-history')
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const phoneDialog = await openDialog(page, '新增行政相对人')
      const box = await phoneDialog.boundingBox()
      assert.ok(box && box.width <= kPhone.width, `dialog fits the screen (width ${box?.width})`)
      await confirmDialog(phoneDialog)
      await formItem(phoneDialog, '名称').locator('.el-form-item__error').waitFor()
      await formItem(phoneDialog, '名称').scrollIntoViewIfNeeded()
      await settle(page)
      await shot(page, '09-phone-target-dialog')
      await phoneDialog.getByRole('button', { name: /取\s*消/ }).click()
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '10 检查对象名录库导入：下载模板，GBK 编码的 CSV 有错误时逐行报告且不写入，修正后导入成功并能查到，桌面与手机',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kStaff.username, kStaff.password)
      await openMenu(page, '检查对象名录库')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '导入', exact: true }).click()
      let dialog = await openDialog(page, '导入行政相对人')
      await settle(page)
      await shot(page, '10-import-empty')

      // The template: an XLSX attachment. The browser hands a download to its download manager
      // without a "response" event, so the answer is checked with the same cookies afterwards.
      const templateLink = dialog.getByRole('link', { name: '下载模板' })
      const [download] = await Promise.all([page.waitForEvent('download'), templateLink.click()])
      const template = await page.request.get(new URL(await templateLink.getAttribute('href'), baseUrl).href)
      assert.equal(template.status(), 200)
      assert.equal(template.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      assert.match(template.headers()['content-disposition'], /^attachment/)
      assert.match(download.suggestedFilename(), /\.xlsx$/)
      const templatePath = path.join(tmpRoot, 'template.xlsx')
      await download.saveAs(templatePath)
      assert.equal(fs.readFileSync(templatePath).subarray(0, 2).toString(), 'PK')

      // An old .xls workbook is refused before anything is sent (.xlsx and .csv are taken).
      assert.equal(await dialog.locator('input[type=file]').getAttribute('accept'), '.csv,.xlsx')
      let posted = 0
      const countPosts = (request) => {
        if (request.method() === 'POST' && request.url().includes('/targets/import')) posted++
      }
      page.on('request', countPosts)
      const oleHeader = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
      await chooseImportFile(dialog, '检查对象名录.xls', oleHeader, 'application/vnd.ms-excel')
      await dialog.getByText('不能直接导入旧版 Excel（.xls）或其他表格格式，请在 Excel 中“另存为” .xlsx 工作簿或 CSV 后再导入').waitFor()
      assert.ok(await dialog.getByRole('button', { name: '开始导入' }).isDisabled(), '开始导入 is disabled')
      page.off('request', countPosts)
      assert.equal(posted, 0, 'the old workbook was not uploaded')

      // A GBK file with one bad row: a per-row report, and nothing written.
      const files = importFiles('甲')
      const { targets } = files
      await chooseImportFile(dialog, '检查对象名录.csv', files.bad)
      await dialog.locator('.chosen-file').filter({ hasText: '检查对象名录.csv' }).waitFor()
      assert.match(await dialog.locator('.chosen-file').innerText(), /\d+(\.\d)? (B|KB)/)
      await dialog.locator('.el-checkbox').filter({ hasText: '更新已有对象' }).click()
      const refused = await startImport(page, dialog)
      assert.equal(refused.committed, false)
      assert.equal(refused.rows, 3)
      assert.equal(refused.invalid_rows, 1)
      await dialog.getByText('共 3 行，有 1 行错误，未导入任何数据').waitFor()
      const problemRows = dialog.locator('.problems-table .el-table__body-wrapper .el-table__row')
      const codeProblem = problemRows.filter({ hasText: '行政相对人编码' })
      const divisionProblem = problemRows.filter({ hasText: '行政区划代码' })
      assert.match(await codeProblem.innerText(), new RegExp(`3[\\s\\S]*${files.badCode}[\\s\\S]*校验位[\\s\\S]*错误`))
      assert.match(await divisionProblem.innerText(), /3[\s\S]*500199[\s\S]*行政区划代码[\s\S]*错误/)
      for (const t of Object.values(targets)) {
        assert.equal(await targetExists(page, t.code), false, `${t.name} was not written`)
      }
      // The problem list as CSV: BOM, the header, the rows.
      const problemsFile = await downloadBy(dialog.getByRole('button', { name: '下载问题清单（CSV）' }))
      assert.equal(problemsFile.name, '检查对象名录-问题清单.csv')
      const problemsText = problemsFile.bytes.toString('utf8')
      assert.ok(problemsText.startsWith('\uFEFF行号,列,值,问题,级别\r\n'), 'BOM and header')
      assert.match(problemsText, new RegExp(`\\r\\n3,行政相对人编码,${files.badCode},`))
      // The same list as an Excel workbook, made by the server from the report (with the CSRF header).
      const workbookAsked = page.waitForRequest((r) => r.url().endsWith('/api/v1/imports/report.xlsx'))
      const workbookFile = await downloadBy(dialog.getByRole('button', { name: '下载问题清单（Excel）' }))
      const workbookRequest = await workbookAsked
      assert.ok(workbookRequest.headers()['x-csrf-token'], 'the workbook request carries the CSRF token')
      assert.equal(JSON.parse(workbookRequest.postData()).file_name, '检查对象名录.csv')
      assert.equal(workbookFile.name, '检查对象名录-问题清单.xlsx')
      assert.equal(workbookFile.bytes.subarray(0, 2).toString(), 'PK')
      await settle(page)
      await shot(page, '10-import-refused')

      // 重新选择文件 keeps the options; the fixed file is imported.
      await dialog.getByRole('button', { name: '重新选择文件' }).click()
      await dialog.locator('.el-upload-dragger').waitFor()
      assert.ok(
        await dialog.locator('.el-checkbox').filter({ hasText: '更新已有对象' }).locator('input').isChecked(),
        'the options are kept',
      )
      await chooseImportFile(dialog, '检查对象名录.csv', files.fixed)
      // The request held back a moment: the dialog shows that it is working.
      let release
      const held = new Promise((resolve) => (release = resolve))
      const importUrl = (url) => url.pathname === '/api/v1/targets/import'
      await page.route(importUrl, async (route) => {
        await held
        await route.continue()
      })
      const answer = startImport(page, dialog)
      await dialog.locator('.import-busy .el-progress').waitFor()
      await shot(page, '10-import-uploading')
      release()
      const done = await answer
      await page.unroute(importUrl)
      assert.equal(done.committed, true)
      assert.equal(done.inserted, 3)
      await dialog.getByText('共 3 行；新增 3 行，更新 0 行').waitFor()
      await settle(page)
      await shot(page, '10-import-done')
      await dialog.getByRole('button', { name: /完\s*成/ }).click()
      await dialog.waitFor({ state: 'hidden' })

      // Found by name, with the history entry of the import.
      await searchTargets(page, targets.third.name)
      const row = targetRow(page, targets.third.code).first()
      await row.waitFor()
      assert.match(await row.innerText(), new RegExp(targets.third.name))
      assert.match(await row.innerText(), /大足区/)
      await row.getByRole('button', { name: '详情' }).click()
      const drawer = page.locator('.el-drawer').filter({ hasText: '行政相对人详情' })
      await drawer.waitFor({ state: 'visible' })
      await drawer.locator('.el-timeline-item').first().waitFor()
      assert.match(await drawer.locator('.el-timeline-item').first().innerText(), /导入/)
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })

      // Phone: the same dialog at 390 px.
      await page.setViewportSize(kPhone)
      await page.goto(`${baseUrl}/directory/target`)
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '导入', exact: true }).click()
      dialog = await openDialog(page, '导入行政相对人')
      await settle(page)
      const box = await dialog.boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= kPhone.width, `dialog fits the screen (width ${box?.width})`)
      await assertNoPageOverflow(page)
      await shot(page, '10-phone-import-empty')
      const phoneFiles = importFiles('乙')
      await chooseImportFile(dialog, '检查对象名录.csv', phoneFiles.bad)
      await startImport(page, dialog)
      await dialog.getByText('共 3 行，有 1 行错误，未导入任何数据').waitFor()
      await assertNoPageOverflow(page)
      await settle(page)
      await shot(page, '10-phone-import-refused')
      await dialog.getByRole('button', { name: '重新选择文件' }).click()
      await chooseImportFile(dialog, '检查对象名录.csv', phoneFiles.fixed)
      await startImport(page, dialog)
      await dialog.getByText('共 3 行；新增 3 行，更新 0 行').waitFor()
      await settle(page)
      await shot(page, '10-phone-import-done')
      await dialog.getByRole('button', { name: /完\s*成/ }).click()
      await dialog.waitFor({ state: 'hidden' })
      await targetRow(page, phoneFiles.targets.first.code).first().waitFor()
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '11 执法检查人员名录：访客在公示页按姓名查到人员，页面和接口中没有手机号和身份证号（桌面与 375 px 手机）；业务人员按“已过期”筛选看到红色“已过期”，登记专家时身份证校验位当场提示，列表脱敏、详情完整',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await page.context().clearCookies()

      // An anonymous visitor: the public page opens without a session and without the staff frame.
      const recorder = recordApiAnswers(page)
      await page.goto(`${baseUrl}/public/inspectors`)
      await page.locator('.public-title').filter({ hasText: '执法检查人员名录公示' }).waitFor()
      await waitTableLoaded(page)
      assert.equal(new URL(page.url()).pathname, '/public/inspectors', 'the visitor is not sent to the login page')
      await notSee(page.locator('.sidebar-menu'), 'the staff menu')
      await tableRows(page).first().waitFor()
      const name = (await tableRows(page).first().locator('td').nth(1).innerText()).trim()
      assert.ok(name.length >= 2, `a demo inspector is listed (${name})`)
      await searchPublic(page, name)
      const found = await tableRows(page).allInnerTexts()
      assert.ok(found.length >= 1, `${name} is found`)
      for (const text of found) assert.ok(text.includes(name), `every row found names ${name}: ${text}`)
      await seeText(page, `共 ${found.length} 人`)
      assertNoPersonalNumbers(await page.locator('body').innerText(), 'the public page')
      await shot(page, '11-public-desktop')

      // 375 px: a card per person, nothing wider than the screen.
      await page.setViewportSize(kSmallPhone)
      const card = page.locator('.public-inspectors .card').first()
      await card.waitFor()
      assert.match(await card.innerText(), new RegExp(name))
      await notSee(page.locator('.public-inspectors .el-table'), 'the table on a phone')
      await assertNoPageOverflow(page)
      assertNoPersonalNumbers(await page.locator('body').innerText(), 'the public page on a phone')
      await shot(page, '11-public-phone')
      await searchPublic(page, '')
      await page.locator('.public-inspectors .card').nth(1).waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '11-public-phone-all')
      await searchPublic(page, '没有这个名字的人')
      await seeText(page, '没有找到符合条件的执法检查人员')
      await shot(page, '11-public-phone-empty')
      const answers = await recorder.stop()
      assert.ok(answers.some((a) => a.url.includes('/api/v1/public/inspectors')), 'the page read the public list')
      for (const a of answers) assertNoPersonalNumbers(a.text, `the answer of ${a.url}`)
      await page.setViewportSize(kDesktop)

      // Staff: 执法证 已过期 finds the expired certificates, each tagged in red and not drawable.
      await loginOk(page, kStaff.username, kStaff.password)
      await openMenu(page, '执法检查人员')
      await waitTableLoaded(page)
      await tableRows(page).first().waitFor()
      await chooseOption(page, formItem(page.locator('.search-form'), '执法证'), '已过期')
      const filteredAnswer = page.waitForResponse(
        (r) => r.url().includes('/api/v1/inspectors?') && r.url().includes('cert=expired'),
      )
      await page.getByRole('button', { name: '搜索', exact: true }).click()
      const expired = await (await filteredAnswer).json()
      assert.ok(expired.total >= 1, 'the demo data has an expired certificate')
      await waitTableLoaded(page)
      const expiredRows = tableRows(page)
      await expiredRows.first().waitFor()
      const count = await expiredRows.count()
      for (let i = 0; i < count; i++) {
        const tag = expiredRows.nth(i).locator('.el-tag--danger').filter({ hasText: '已过期' })
        assert.equal(await tag.count(), 1, `row ${i + 1} is tagged 已过期`)
      }
      const tagColour = await expiredRows.first().locator('.el-tag--danger').first().evaluate((el) => getComputedStyle(el).color)
      assert.equal(tagColour, 'rgb(245, 108, 108)', 'the 已过期 tag is red')
      await expiredRows.first().getByText('不可抽取').waitFor()
      await shot(page, '11-inspectors-expired')

      // Staff see a phone number whole.
      const withPhone = expired.items.find((p) => p.phone)
      if (withPhone) {
        const texts = await tableRows(page).allInnerTexts()
        assert.ok(texts.some((t) => t.includes(withPhone.phone)), `the phone ${withPhone.phone} is shown whole to staff`)
      }
      await page.getByRole('button', { name: '重置' }).click()
      await waitTableLoaded(page)

      // The expert library: a wrong ID check digit is caught before sending; the new expert is
      // listed with the ID number masked and shown whole in the detail.
      await openMenu(page, '专家和辅助人员')
      await waitTableLoaded(page)
      await page.getByRole('columnheader', { name: '工作单位' }).waitFor()
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const dialog = await openDialog(page, '新增专家')
      const expertName = `测试专家${suffix}`
      const id = residentId()
      let posted = 0
      const countPosts = (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/inspectors') posted++
      }
      page.on('request', countPosts)
      await fillField(dialog, '姓名', expertName)
      await fillField(dialog, '身份证号码', id.slice(0, 17) + (id.endsWith('0') ? '1' : '0'))
      await confirmDialog(dialog)
      const idError = formItem(dialog, '身份证号码').locator('.el-form-item__error')
      await idError.filter({ hasText: '校验位' }).waitFor()
      assert.equal(posted, 0, 'nothing was sent with a wrong check digit')
      await settle(page)
      await shot(page, '11-expert-id-error')
      page.off('request', countPosts)
      await fillField(dialog, '身份证号码', id)
      await dialog.locator('.el-dialog__title').click() // leaves the field: 性别 is read from the number
      const gender = Number(id[16]) % 2 === 1 ? '男' : '女'
      await formItem(dialog, '性别').locator('.el-radio.is-checked').filter({ hasText: gender }).waitFor()
      await fillField(dialog, '工作单位', '重庆大学资源与安全学院')
      await fillField(dialog, '职称', '高级工程师')
      await chooseOption(page, formItem(dialog, '业务专长'), '安全生产')
      await dialog.locator('.el-dialog__title').click()
      await confirmDialog(dialog)
      await seeText(page, '新增成功')
      await dialog.waitFor({ state: 'hidden' })
      await page.getByPlaceholder('名称或姓名中的字词').fill(expertName)
      await page.getByRole('button', { name: '搜索', exact: true }).click()
      await waitTableLoaded(page)
      const expertRow = tableRows(page).filter({ hasText: expertName }).first()
      await expertRow.waitFor()
      assert.ok(!(await expertRow.innerText()).includes(id), 'the list does not show the whole ID number')
      // 证件号码 is left out of the list by default: the column chooser brings it, masked.
      await page.getByRole('button', { name: '显示列' }).click()
      await page.locator('.column-chooser .el-checkbox').filter({ hasText: '证件号码' }).click()
      await page.getByRole('columnheader', { name: '证件号码' }).waitFor()
      await page.getByRole('button', { name: '显示列' }).click()
      const expertText = await expertRow.innerText()
      assert.ok(expertText.includes(`${id.slice(0, 6)}********${id.slice(-4)}`), `the list masks the ID number: ${expertText}`)
      assert.ok(!expertText.includes(id), 'the list does not show the whole ID number')
      await expertRow.getByRole('button', { name: '详情' }).click()
      const drawer = page.locator('.el-drawer').filter({ hasText: '专家详情' })
      await drawer.waitFor({ state: 'visible' })
      await drawer.getByText(id).first().waitFor()
      await drawer.locator('.el-timeline-item').first().filter({ hasText: '新增' }).waitFor()
      await settle(page)
      await shot(page, '11-expert-detail')
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })

      // 375 px: the list and the form fit the screen.
      await page.setViewportSize(kSmallPhone)
      await page.goto(`${baseUrl}/directory/inspector`)
      await waitTableLoaded(page)
      await tableRows(page).first().waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '11-phone-inspectors')
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const phoneDialog = await openDialog(page, '新增执法检查人员')
      const box = await phoneDialog.boundingBox()
      assert.ok(box && box.width <= kSmallPhone.width, `dialog fits the screen (width ${box?.width})`)
      await confirmDialog(phoneDialog)
      await formItem(phoneDialog, '执法证号').locator('.el-form-item__error').filter({ hasText: '请输入执法证号' }).waitFor()
      await settle(page)
      await shot(page, '11-phone-inspector-form')
      await phoneDialog.getByRole('button', { name: /取\s*消/ }).click()
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '12 利害关系与免检免扰：业务人员登记人员与检查对象的利害关系并看到“有效”，填写原因撤销，“仅显示当前有效”后不再列出；登记免检对象，按当前条件导出 CSV（导出接口以替身应答：显示进度后下载），上传 XLSX 模板；统筹部门只能查看；执法检查人员在 375 px 手机上自行申报，未关联名录的账号看到说明',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kStaff.username, kStaff.password)
      const targetName = `利害关系测试企业${suffix}`
      const targetCode = await createEnterpriseTarget(page, targetName)

      // 登记 with nothing chosen: each required item says so, nothing is sent.
      await openMenu(page, '利害关系')
      await waitTableLoaded(page)
      await shot(page, '12-conflicts-list')
      await page.getByRole('button', { name: '登记', exact: true }).click()
      let dialog = await openDialog(page, '登记利害关系')
      await confirmDialog(dialog)
      await formItem(dialog, '人员').locator('.el-form-item__error').filter({ hasText: '请选择人员' }).waitFor()
      await formItem(dialog, '检查对象').locator('.el-form-item__error').filter({ hasText: '请选择检查对象' }).waitFor()
      await formItem(dialog, '利害关系说明').locator('.el-form-item__error').filter({ hasText: '请填写利害关系说明' }).waitFor()
      await settle(page)
      await shot(page, '12-conflict-form-errors')

      // The person found by name (the option shows the 执法证号), the target by name; sent by id.
      const personItem = formItem(dialog, '人员')
      await personItem.locator('.el-select__wrapper').click()
      const searched = page.waitForResponse((r) => r.url().includes('/api/v1/inspectors?') && r.url().includes('name='))
      await personItem.locator('input').first().fill(kConflictPerson.name)
      await searched
      await settle(page)
      const personOption = page.locator('.record-select-popper:visible .el-select-dropdown__item').filter({ hasText: kConflictPerson.certNo })
      await personOption.first().waitFor()
      assert.match(await personOption.first().innerText(), /节能与综合利用处/)
      await shot(page, '12-conflict-person-search')
      await personOption.first().click()
      await chooseRecord(page, formItem(dialog, '检查对象'), targetName, targetCode)
      await fillField(dialog, '利害关系说明', '本人配偶在该企业担任财务负责人')
      const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/conflicts')
      await confirmDialog(dialog)
      const body = JSON.parse((await posted).postData())
      assert.equal(typeof body.inspector, 'number', 'the person is sent by id')
      assert.equal(typeof body.target, 'number', 'the target is sent by id')
      await seeText(page, '登记成功')
      await dialog.waitFor({ state: 'hidden' })

      // Listed as 有效, then revoked with a reason (an empty one is refused in the box).
      await searchRestrictions(page, targetName)
      const row = tableRows(page).filter({ hasText: targetName }).first()
      await row.waitFor()
      assert.match(await row.innerText(), new RegExp(`${kConflictPerson.name}[\\s\\S]*${kConflictPerson.certNo}`))
      assert.equal((await stateTag(row).innerText()).trim(), '有效')
      assert.match(await row.innerText(), /工作人员登记/)
      await shot(page, '12-conflict-listed')
      await row.getByRole('button', { name: '撤销' }).click()
      const box = page.locator('.el-message-box').filter({ hasText: '撤销利害关系' })
      await box.waitFor({ state: 'visible' })
      await box.getByRole('button', { name: '撤销' }).click()
      await box.locator('.el-message-box__errormsg').filter({ hasText: '请填写撤销原因' }).waitFor()
      await settle(page)
      await shot(page, '12-revoke-reason-required')
      await box.locator('textarea').fill('配偶已于本月从该企业离职')
      const revoked = page.waitForResponse((r) => r.url().includes('/revoke') && r.request().method() === 'POST')
      await box.getByRole('button', { name: '撤销' }).click()
      assert.equal((await revoked).status(), 200)
      await seeText(page, '已撤销')
      await stateTag(row).filter({ hasText: '已撤销' }).waitFor()
      await notSee(row.getByRole('button', { name: '撤销' }), 'the 撤销 button of a revoked record')
      await shot(page, '12-conflict-revoked')

      // 仅显示当前有效: the revoked record is gone, and the empty state says nothing matched.
      const currentOnly = page.waitForResponse((r) => r.url().includes('/api/v1/conflicts?') && r.url().includes('current=true'))
      await page.locator('.search-form .el-checkbox').filter({ hasText: '仅显示当前有效' }).click()
      await currentOnly
      await waitTableLoaded(page)
      await seeText(page, '没有符合条件的利害关系')
      await notSee(tableRows(page).filter({ hasText: targetName }), 'the revoked record')
      await shot(page, '12-conflicts-current-empty')

      // 免检免扰: registered for the same target with its document; 免检范围 defaults to 全部事项.
      await openMenu(page, '免检免扰')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '登记', exact: true }).click()
      dialog = await openDialog(page, '登记免检免扰')
      assert.equal(await formItem(dialog, '免检范围').locator('input').inputValue(), '全部事项')
      const documentNo = `渝经信发〔2026〕${suffix}号`
      await chooseRecord(page, formItem(dialog, '检查对象'), targetName, targetCode)
      await typeDate(formItem(dialog, '有效期至'), '2020-01-01')
      await fillField(dialog, '依据文件', documentNo)
      await confirmDialog(dialog)
      await formItem(dialog, '有效期至').locator('.el-form-item__error').filter({ hasText: '不能早于' }).waitFor()
      await settle(page)
      await shot(page, '12-exemption-form-error')
      await typeDate(formItem(dialog, '有效期至'), '2027-12-31')
      await confirmDialog(dialog)
      await seeText(page, '登记成功')
      await dialog.waitFor({ state: 'hidden' })
      await searchRestrictions(page, documentNo)
      const exemptionRow = tableRows(page).filter({ hasText: documentNo }).first()
      await exemptionRow.waitFor()
      assert.equal((await stateTag(exemptionRow).innerText()).trim(), '有效')
      assert.match(await exemptionRow.innerText(), /全部事项/)
      await shot(page, '12-exemption-listed')

      // 导出 CSV (the export API stood in for): the list's filter is sent, the rows written are
      // shown while it runs, then the file is downloaded and 导出完成 is said.
      const exports = await standInExports(page, { rows: 1, fileName: '免检免扰名单.csv', body: `\uFEFF行政相对人编码,依据文件\r\n${targetCode},${documentNo}\r\n` })
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: '导出', exact: true }).click()
      await page.locator('.el-dropdown-menu:visible .el-dropdown-menu__item').filter({ hasText: '导出 CSV' }).click()
      await page.locator('.export-notification').filter({ hasText: '正在导出，已写入' }).waitFor()
      await settle(page)
      await shot(page, '12-export-progress')
      const download = await downloading
      assert.equal(download.suggestedFilename(), '免检免扰名单.csv')
      await seeText(page, '导出完成')
      assert.deepEqual(exports.requests.map((r) => r.body), [{ kind: 'exemptions', format: 'csv', filter: { q: documentNo } }])
      assert.ok(exports.requests[0].csrf, 'the export is asked for with the CSRF token')
      await page.waitForTimeout(800)
      await shot(page, '12-export-done')
      await exports.stop()

      // An XLSX upload: the server's own template (a header and no rows) is read as a workbook.
      await page.getByRole('button', { name: '导入', exact: true }).click()
      dialog = await openDialog(page, '导入免检免扰名单')
      await settle(page)
      await shot(page, '12-import-dialog')
      const templateUrl = new URL(await dialog.getByRole('link', { name: '下载模板' }).getAttribute('href'), baseUrl).href
      const template = await page.request.get(templateUrl)
      assert.equal(template.status(), 200)
      const workbook = await template.body()
      assert.equal(workbook.subarray(0, 2).toString(), 'PK')
      await chooseImportFile(dialog, '免检免扰名单.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      await dialog.locator('.chosen-file').filter({ hasText: '免检免扰名单.xlsx' }).waitFor()
      const imported = page.waitForResponse((r) => r.url().includes('/api/v1/exemptions/import?') && r.request().method() === 'POST')
      await dialog.getByRole('button', { name: '开始导入' }).click()
      const importResponse = await imported
      assert.equal(importResponse.status(), 200, `xlsx import: HTTP ${importResponse.status()}`)
      assert.match(importResponse.url(), /file_name=%E5%85%8D/)
      assert.equal(
        importResponse.request().headers()['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      assert.equal((await importResponse.json()).rows, 0)
      await dialog.getByText('文件中没有数据行，未导入任何数据').waitFor()
      await settle(page)
      await shot(page, '12-import-xlsx-template')
      await dialog.getByRole('button', { name: /完\s*成/ }).click()
      await dialog.waitFor({ state: 'hidden' })

      // The list failing: the shared error state with 重试.
      const recover = await seeListError(page, '/api/v1/exemptions', '12-exemptions-error')
      await recover()

      // An account without an inspector record is told kindly why it cannot declare.
      await page.goto(`${baseUrl}/my/conflicts`)
      await fillField(page.locator('.declare-page'), '检查对象', targetCode)
      await fillField(page.locator('.declare-page'), '利害关系说明', '测试')
      await page.getByRole('button', { name: '提交申报' }).click()
      await seeText(page, '暂不能在线申报')
      await seeText(page, '没有关联执法检查人员名录')
      await shot(page, '12-declare-not-an-inspector')

      // 统筹部门: lists both kinds, changes nothing.
      await ensureLoggedOut(page)
      await loginOk(page, kCoordinator.username, kCoordinator.password)
      for (const [title, text] of [
        ['利害关系', targetName],
        ['免检免扰', documentNo],
      ]) {
        await openMenu(page, title)
        await waitTableLoaded(page)
        await searchRestrictions(page, text)
        await tableRows(page).filter({ hasText: text }).first().waitFor()
        for (const button of ['登记', '导入', '导出', '撤销']) {
          await notSee(page.getByRole('button', { name: button, exact: true }), `${button} for 统筹部门`)
        }
      }
      await shot(page, '12-coordinator-exemptions')

      // 375 px: the inspector declares a conflict about themself from the phone menu.
      await ensureLoggedOut(page)
      await page.setViewportSize(kSmallPhone)
      await loginOk(page, kInspectorLogin.username, kInspectorLogin.password)
      await page.getByRole('button', { name: '打开菜单' }).click()
      const drawer = page.locator('.menu-drawer')
      await drawer.locator('.el-menu-item').filter({ hasText: '申报利害关系' }).click()
      await page.locator('.mobile-title').filter({ hasText: '申报利害关系' }).waitFor()
      await assertNoPageOverflow(page)
      await page.getByRole('button', { name: '提交申报' }).click()
      await formItem(page.locator('.declare-page'), '检查对象').locator('.el-form-item__error').waitFor()
      await shot(page, '12-phone-declare-errors')
      await fillField(page.locator('.declare-page'), '检查对象', targetCode.toLowerCase())
      assert.equal(await formItem(page.locator('.declare-page'), '检查对象').locator('input').inputValue(), targetCode)
      await fillField(page.locator('.declare-page'), '利害关系说明', '本人近亲属持有该企业股份')
      await page.getByRole('button', { name: '提交申报' }).click()
      await seeText(page, '申报成功')
      await seeText(page, targetName)
      await assertNoPageOverflow(page)
      await shot(page, '12-phone-declared')
      // A second declaration about the same target is refused on the field.
      await page.getByRole('button', { name: '继续申报' }).click()
      await fillField(page.locator('.declare-page'), '检查对象', targetCode)
      await fillField(page.locator('.declare-page'), '利害关系说明', '重复申报')
      await page.getByRole('button', { name: '提交申报' }).click()
      await formItem(page.locator('.declare-page'), '检查对象').locator('.el-form-item__error').filter({ hasText: '已登记' }).waitFor()
      await shot(page, '12-phone-declare-duplicate')

      // 375 px lists, dialogs and the revoke box of the staff.
      await ensureLoggedOut(page)
      await loginOk(page, kStaff.username, kStaff.password)
      for (const [name, url, title] of [
        ['conflicts', '/directory/conflict', '登记利害关系'],
        ['exemptions', '/directory/exemption', '登记免检免扰'],
      ]) {
        await page.goto(`${baseUrl}${url}`)
        await waitTableLoaded(page)
        await tableRows(page).first().waitFor()
        await assertNoPageOverflow(page)
        await shot(page, `12-phone-${name}`)
        await page.getByRole('button', { name: '登记', exact: true }).click()
        const phoneDialog = await openDialog(page, title)
        const dialogBox = await phoneDialog.boundingBox()
        assert.ok(dialogBox && dialogBox.width <= kSmallPhone.width, `dialog fits the screen (width ${dialogBox?.width})`)
        await settle(page)
        await shot(page, `12-phone-${name}-dialog`)
        await phoneDialog.getByRole('button', { name: /取\s*消/ }).click()
        await phoneDialog.waitFor({ state: 'hidden' })
      }
      // Phones keep 导入, 导出 Excel and 导出 CSV under 更多; the document shows under the target.
      await page.getByRole('button', { name: '更多' }).click()
      await page.locator('.el-dropdown-menu:visible .el-dropdown-menu__item').filter({ hasText: '导出 Excel' }).waitFor()
      await page.locator('.el-dropdown-menu:visible .el-dropdown-menu__item').filter({ hasText: '导出 CSV' }).waitFor()
      await shot(page, '12-phone-more-menu')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: '显示搜索' }).click()
      await searchRestrictions(page, documentNo)
      const phoneRow = tableRows(page).filter({ hasText: targetName }).first()
      assert.match(await phoneRow.innerText(), new RegExp(documentNo))
      await assertNoPageOverflow(page)
      await phoneRow.getByRole('button', { name: '撤销' }).click()
      const phoneBox = page.locator('.el-message-box').filter({ hasText: '撤销免检记录' })
      await phoneBox.waitFor({ state: 'visible' })
      await settle(page)
      await shot(page, '12-phone-revoke-box')
      await phoneBox.getByRole('button', { name: '取消' }).click()
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '13 抽查事项清单：管理员新增一般检查事项（未填抽查比例上限、安全生产事项选“适用”免检免扰时当场提示在字段上，已被使用的事项编码由服务器提示在编码上），发布后版本记录为“已发布”；访客不登录在 /public/items 查到该事项（桌面与 390 px 手机）',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kAdmin.username, kAdmin.password)
      const takenCode = (await apiGet(page, '/items?page_size=1')).items[0]?.code
      assert.ok(takenCode, 'the demo data has an item')
      await openMenu(page, '抽查事项')
      await waitTableLoaded(page)
      await tableRows(page).first().waitFor()
      await shot(page, '13-items-list')

      const itemName = `测试抽查事项${suffix}`
      let posted = 0
      const countPosts = (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/items') posted++
      }
      page.on('request', countPosts)
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const dialog = await openDialog(page, '新增抽查事项')
      const domainItem = formItem(dialog, '抽查领域')
      await domainItem.locator('.el-select__wrapper').click()
      await domainItem.locator('input').first().fill('节能监察')
      await page.keyboard.press('Enter')
      await fillField(dialog, '抽查事项', itemName)
      await fillField(dialog, '检查对象', '年综合能源消费量 5000 吨标准煤以上的用能单位')

      // 一般 without a ratio cap: said on 抽查比例上限, nothing sent.
      await formItem(dialog, '事项类别').locator('.el-radio').filter({ hasText: '一般检查事项' }).click()
      await confirmDialog(dialog)
      await formItem(dialog, '抽查比例上限').locator('.el-form-item__error').filter({ hasText: '一般检查事项须填写抽查比例上限' }).waitFor()
      // 安全生产 turns 免检免扰 to 不适用; choosing 适用 again is refused on that field.
      await chooseOption(page, formItem(dialog, '事项性质'), '安全生产')
      await formItem(dialog, '免检免扰').locator('.el-radio.is-checked').filter({ hasText: '不适用' }).waitFor()
      await formItem(dialog, '免检免扰').locator('.el-radio').filter({ hasText: /^适用$/ }).click()
      await confirmDialog(dialog)
      await formItem(dialog, '免检免扰').locator('.el-form-item__error').filter({ hasText: '不适用免检免扰' }).waitFor()
      assert.equal(posted, 0, 'nothing was sent while the form had errors')
      await settle(page)
      await shot(page, '13-item-form-errors')
      await formItem(dialog, '免检免扰').locator('.el-radio').filter({ hasText: '不适用' }).click()
      await chooseOption(page, formItem(dialog, '事项性质'), '常规')

      // A code another item holds: the server's 409 is shown on 事项编码.
      await fillField(dialog, '抽查比例上限', '5%')
      await fillField(dialog, '事项编码', takenCode)
      await confirmDialog(dialog)
      await formItem(dialog, '事项编码').locator('.el-form-item__error').filter({ hasText: '已被其他事项使用' }).waitFor()
      assert.equal(posted, 1, 'the form was sent once')
      await settle(page)
      await shot(page, '13-item-form-server-error')
      page.off('request', countPosts)

      // Complete, and save as a draft (the code left to the server).
      await fillField(dialog, '事项编码', '')
      await fillField(dialog, '检查内容', '检查能源利用状况报告、能源管理岗位设置和能源计量器具配备情况。')
      await fillField(dialog, '检查依据', '《中华人民共和国节约能源法》第五十二条、第五十三条')
      await formItem(dialog, '检查方式').locator('.el-checkbox').filter({ hasText: '现场检查' }).click()
      await fillField(dialog, '抽查频次', '每年1次')
      await chooseOption(page, formItem(dialog, '公示方式'), '国家企业信用信息公示系统')
      await dialog.locator('.el-dialog__title').click()
      await confirmDialog(dialog)
      await seeText(page, '新增成功')
      await dialog.waitFor({ state: 'hidden' })

      // Listed as a 草稿; 发布 after the question.
      await page.getByPlaceholder('名称、子项或编码').fill(itemName)
      await page.getByRole('button', { name: '搜索', exact: true }).click()
      await waitTableLoaded(page)
      const row = tableRows(page).filter({ hasText: itemName }).first()
      await row.locator('.el-tag').filter({ hasText: '草稿' }).waitFor()
      await row.getByRole('button', { name: '发布' }).click()
      const box = page.locator('.el-message-box').filter({ hasText: '发布抽查事项' })
      await box.waitFor({ state: 'visible' })
      assert.match(await box.innerText(), /向社会公开/)
      await settle(page)
      await shot(page, '13-item-publish-box')
      const published = page.waitForResponse((r) => r.url().includes('/publish') && r.request().method() === 'POST')
      await box.getByRole('button', { name: '发布' }).click()
      assert.equal((await published).status(), 200)
      await seeText(page, '发布成功')
      await row.locator('.el-tag').filter({ hasText: '已发布' }).waitFor()
      await row.getByRole('button', { name: '停用' }).waitFor()

      // The detail: every field, and version 1 marked 已发布 by the admin.
      await row.getByRole('button', { name: '详情' }).click()
      const drawer = page.locator('.el-drawer').filter({ hasText: '抽查事项详情' })
      await drawer.waitFor({ state: 'visible' })
      const history = drawer.locator('.history')
      await history.getByText('第 1 版').waitFor()
      const historyText = await history.innerText()
      assert.match(historyText, /已发布/)
      assert.match(historyText, /发布于 \d{4}-\d{2}-\d{2}/)
      assert.match(await drawer.innerText(), /不超过 5%|5%/)
      await settle(page)
      await shot(page, '13-item-detail')
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })

      // A visitor, without logging in, finds the published item.
      await ensureLoggedOut(page)
      await page.context().clearCookies()
      await page.goto(`${baseUrl}/public/items`)
      await page.locator('.public-title').filter({ hasText: '抽查事项清单公示' }).waitFor()
      await waitTableLoaded(page)
      assert.equal(new URL(page.url()).pathname, '/public/items', 'the visitor is not sent to the login page')
      await notSee(page.locator('.sidebar-menu'), 'the staff menu')
      await page.getByPlaceholder('输入事项名称或编码').fill(itemName)
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/public/items?'))
      await page.getByRole('button', { name: '查询' }).click()
      const answer = await (await answered).json()
      assert.equal(answer.total, 1, 'the published item is listed once')
      for (const hidden of ['ratio_cap', 'nature', 'exemption', 'specialty', 'id']) {
        assert.ok(!(hidden in answer.items[0]), `the public answer has no ${hidden}`)
      }
      await waitTableLoaded(page)
      const publicRow = tableRows(page).filter({ hasText: itemName }).first()
      const publicText = await publicRow.innerText()
      for (const text of ['节能监察', '一般', '现场检查', '每年1次', '第五十三条']) {
        assert.ok(publicText.includes(text), `the public row shows ${text}: ${publicText}`)
      }
      assert.ok(!publicText.includes('5%'), 'the ratio cap is not public')
      await shot(page, '13-public-items-desktop')
      await publicRow.click()
      await page.locator('.more').filter({ hasText: '年综合能源消费量 5000 吨标准煤以上的用能单位' }).waitFor()
      await shot(page, '13-public-items-expanded')

      // 390 px: a card per item under its 抽查领域, nothing wider than the screen.
      await page.setViewportSize(kPhone)
      const card = page.locator('.public-items .card').filter({ hasText: itemName })
      await card.waitFor()
      await page.locator('.public-items .domain-head').filter({ hasText: '节能监察' }).waitFor()
      await notSee(page.locator('.public-items .el-table'), 'the table on a phone')
      await assertNoPageOverflow(page)
      await shot(page, '13-public-items-phone')
      await page.getByPlaceholder('输入事项名称或编码').fill('没有这个抽查事项')
      await page.getByRole('button', { name: '查询' }).click()
      await seeText(page, '没有找到符合条件的抽查事项')
      await shot(page, '13-public-items-empty')

      // The public pages link to each other.
      await page.locator('.public-nav a').filter({ hasText: '执法检查人员名录' }).click()
      await page.locator('.public-title').filter({ hasText: '执法检查人员名录公示' }).waitFor()
      await page.locator('.public-nav a').filter({ hasText: '抽查事项清单' }).click()
      await page.locator('.public-title').filter({ hasText: '抽查事项清单公示' }).waitFor()
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '14 检查对象超过 1 万条时（服务器只统计到 1 万条，total_capped）分页显示“共 1 万条以上”，满页时仍可翻到下一页',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kStaff.username, kStaff.password)
      // The demo has 5 000 targets: the list is made to hold 10 020 (pages 1–501 full, as the
      // first page) of which the server counts 10 000.
      const capped = (url) => url.pathname === '/api/v1/targets'
      const asked = []
      let firstPage = null
      await page.route(capped, async (route) => {
        const url = new URL(route.request().url())
        const n = Number(url.searchParams.get('page') ?? 1)
        asked.push(n)
        if (!firstPage) {
          url.searchParams.set('page', '1')
          firstPage = await (await route.fetch({ url: url.toString() })).json()
        }
        const items = n <= 501 ? firstPage.items : []
        await route.fulfill({ json: { ...firstPage, items, page: n, total: 10000, total_capped: true } })
      })
      await openMenu(page, '检查对象名录库')
      await waitTableLoaded(page)
      await tableRows(page).first().waitFor()
      const pager = page.locator('.pagination')
      await pager.getByText('共 1 万条以上').waitFor()
      await notSee(pager.getByText('共 10000 条'), 'the capped count as a number')
      // The last counted page is full: 下一页 stays enabled past it.
      await pager.locator('.el-pagination__jump input').fill('500')
      await pager.locator('.el-pagination__jump input').press('Enter')
      await waitTableLoaded(page)
      await page.waitForTimeout(300)
      assert.equal(asked.at(-1), 500, `page 500 was asked for (${asked.join(', ')})`)
      await shot(page, '14-targets-capped')
      const next = pager.locator('.btn-next')
      assert.ok(await next.isEnabled(), '下一页 is enabled on the full page 500')
      await next.click()
      await waitTableLoaded(page)
      await pager.locator('.el-pager .is-active').filter({ hasText: '501' }).waitFor()
      // Page 502 is empty: back on 501, the last page, where 下一页 is disabled.
      await next.click()
      await page.waitForTimeout(500)
      await pager.locator('.el-pager .is-active').filter({ hasText: '501' }).waitFor()
      assert.deepEqual(asked.slice(-3), [501, 502, 501])
      assert.ok(await next.isDisabled(), '下一页 is disabled on the last page')
      await pager.getByText('共 1 万条以上').waitFor()
      await page.unroute(capped)
    },
  },
  {
    name: '15 检查对象三类：管理员切换到“场地场所”登记场所（责任单位信用代码校验位错误提示在字段上），列表不显示责任人证件编码、详情完整显示；切换到“产品”导入 UTF-8 CSV，有效期至早于发证日期逐行报告且不写入，修正后导入成功，看到产品和“已过期”，桌面与手机',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kAdmin.username, kAdmin.password)
      await openMenu(page, '检查对象名录库')
      await waitTableLoaded(page)
      assert.equal(await page.locator('.kind-tabs .el-tabs__item.is-active').innerText(), '行政相对人')

      // 场地场所: the tab in the URL, the columns of a place.
      await openKindTab(page, '场地场所', 'place')
      const placeHeaders = await tableHeaders(page)
      for (const h of ['场地场所', '责任单位', '场所用途', '所属区县', '监管部门', '状态']) {
        assert.ok(placeHeaders.includes(h), `place column ${h} in ${placeHeaders.join(' ')}`)
      }
      assert.ok(!placeHeaders.includes('编码') && !placeHeaders.includes('行业'), 'no entity columns')

      // A place whose unit's USCC has a wrong check character: the server says so on that field.
      const placeName = `渝中测试储罐区${suffix}`
      const personId = residentId()
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const dialog = await openDialog(page, '新增场地场所')
      await settle(page)
      await fillField(dialog, '场地场所', placeName)
      await fillField(dialog, '所在地区', '重庆市渝中区')
      await fillField(dialog, '责任单位', kTargetName)
      await fillField(dialog, '责任单位统一社会信用代码', kTargetWrongCode.toLowerCase())
      assert.equal(await formItem(dialog, '责任单位统一社会信用代码').locator('input').inputValue(), kTargetWrongCode, 'upper case')
      await fillField(dialog, '责任人', '王建华')
      await chooseOption(page, formItem(dialog, '责任人证件类型'), '居民身份证')
      await fillField(dialog, '责任人证件编码', personId)
      await fillField(dialog, '场所用途', '危险化学品储存')
      await typeDate(formItem(dialog, '投入使用开始时间'), '2015-06-01')
      await chooseDivision(page, formItem(dialog, '所属区县'), '渝中', '500103')
      const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/targets') && r.request().method() === 'POST')
      await confirmDialog(dialog)
      assert.equal((await refused).status(), 400)
      const codeError = formItem(dialog, '责任单位统一社会信用代码').locator('.el-form-item__error')
      await codeError.waitFor()
      assert.match(await codeError.innerText(), /校验位/)
      await settle(page)
      await shot(page, '15-place-form-errors')
      // Fixed: saved, and found in the list.
      await fillField(dialog, '责任单位统一社会信用代码', kTargetCodes[0])
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/targets') && r.request().method() === 'POST')
      await confirmDialog(dialog)
      const savedResponse = await saved
      assert.equal(savedResponse.status(), 201, `create: ${await savedResponse.text()}`)
      const savedPlace = await savedResponse.json()
      assert.equal(savedPlace.kind, 'place')
      assert.equal(savedPlace.code, `${kTargetCodes[0]}/${placeName}`)
      assert.equal(savedPlace.extra.in_use_since, '2015-06-01')
      await dialog.waitFor({ state: 'hidden' })
      await searchTargets(page, placeName)
      const row = targetRow(page, placeName).first()
      await row.waitFor()
      assert.match(await row.innerText(), new RegExp(kTargetName))
      assert.match(await row.innerText(), /危险化学品储存/)
      assert.match(await row.innerText(), /渝中区/)
      const listText = await page.locator('.el-table').first().innerText()
      assert.ok(!listText.includes(personId), 'the list does not show the 责任人证件编码')
      assert.ok(!listText.includes('王建华'), 'the list does not show the 责任人')
      await shot(page, '15-places')
      // The detail shows everything, the ID number whole.
      await row.getByRole('button', { name: '详情' }).click()
      const drawer = page.locator('.el-drawer').filter({ hasText: '场地场所详情' })
      await drawer.waitFor({ state: 'visible' })
      await drawer.locator('.el-descriptions').getByText(personId).waitFor()
      assert.match(await drawer.locator('.el-descriptions').innerText(), /责任单位统一社会信用代码[\s\S]*91500103MA60K3T26Y/)
      await drawer.locator('.el-timeline-item').first().waitFor()
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })

      // 产品: the tab, its columns and its import.
      await page.getByRole('button', { name: '重置' }).click()
      await openKindTab(page, '产品', 'product')
      const productHeaders = await tableHeaders(page)
      for (const h of ['生产许可证编号', '企业名称', '产品名称', '有效期至', '所属区县', '状态']) {
        assert.ok(productHeaders.includes(h), `product column ${h} in ${productHeaders.join(' ')}`)
      }
      await page.getByRole('button', { name: '导入', exact: true }).click()
      const importDialog = await openDialog(page, '导入产品（附录 B.3）')
      const templateHref = await importDialog.getByRole('link', { name: '下载模板' }).getAttribute('href')
      assert.equal(templateHref, '/api/v1/products/import/template')
      const template = await page.request.get(new URL(templateHref, baseUrl).href)
      assert.equal(template.status(), 200)
      assert.equal(template.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')

      const [lapsed, current] = freshLicences()
      const firm = `重庆测试线缆有限公司${suffix}`
      const other = `重庆测试涂料有限公司${suffix}`
      const good = [lapsed, firm, kTargetCodes[0], '2020-01-01', '2025-01-01', '重庆市渝中区民族路88号', '', '', '企业', '500103', '电线电缆']
      const bad = productCsv([good, [current, other, '', '2024-05-01', '2023-05-01', '', '', '', '企业', '500103', '建筑防水卷材']])
      const fixed = productCsv([good, [current, other, '', '2024-05-01', '2029-04-30', '', '', '', '企业', '500103', '建筑防水卷材']])
      await chooseImportFile(importDialog, '产品名录.csv', bad)
      const report = await startImport(page, importDialog, '/products/import')
      assert.equal(report.committed, false)
      assert.equal(report.invalid_rows, 1)
      await importDialog.getByText('共 2 行，有 1 行错误，未导入任何数据').waitFor()
      const problemRows = importDialog.locator('.problems-table .el-table__body-wrapper .el-table__row')
      const dateProblem = problemRows.filter({ hasText: '早于发证日期' })
      assert.match(await dateProblem.innerText(), /3[\s\S]*有效期至[\s\S]*2023-05-01[\s\S]*有效期至早于发证日期 2024-05-01/)
      // The licence that ran out is a warning only.
      assert.match(await problemRows.filter({ hasText: '到期' }).innerText(), /2[\s\S]*有效期至[\s\S]*提示/)
      const nothing = await apiGet(page, `/targets?kind=product&code=${encodeURIComponent(lapsed)}&page_size=1`)
      assert.equal(nothing.total, 0, 'nothing was written')
      await settle(page)
      await shot(page, '15-products-import-refused')

      await importDialog.getByRole('button', { name: '重新选择文件' }).click()
      await chooseImportFile(importDialog, '产品名录.csv', fixed)
      const done = await startImport(page, importDialog, '/products/import')
      assert.equal(done.committed, true)
      assert.equal(done.inserted, 2)
      await importDialog.getByText('共 2 行；新增 2 行，更新 0 行').waitFor()
      await importDialog.getByRole('button', { name: /完\s*成/ }).click()
      await importDialog.waitFor({ state: 'hidden' })

      // The products in the list: the lapsed licence tagged 已过期, the current one not.
      await page.getByPlaceholder('企业名称中的字词').fill(suffix)
      await page.getByRole('button', { name: '搜索', exact: true }).click()
      await waitTableLoaded(page)
      const lapsedRow = targetRow(page, lapsed).first()
      await lapsedRow.waitFor()
      assert.match(await lapsedRow.innerText(), new RegExp(`${firm}[\\s\\S]*电线电缆[\\s\\S]*2025-01-01[\\s\\S]*已过期`))
      const currentRow = targetRow(page, current).first()
      assert.match(await currentRow.innerText(), /2029-04-30/)
      await notSee(currentRow.getByText('已过期'), 'a current licence as 已过期')
      await shot(page, '15-products')
      await lapsedRow.getByRole('button', { name: lapsed }).click()
      const productDrawer = page.locator('.el-drawer').filter({ hasText: '产品详情' })
      await productDrawer.waitFor({ state: 'visible' })
      await productDrawer.getByText('许可证已过期').waitFor()
      assert.match(await productDrawer.locator('.el-descriptions').innerText(), /产品名称[\s\S]*电线电缆/)
      await productDrawer.locator('.el-timeline-item').first().waitFor()
      assert.match(await productDrawer.locator('.el-timeline-item').first().innerText(), /导入/)
      await settle(page)
      await shot(page, '15-product-detail')
      await productDrawer.locator('.el-drawer__close-btn').click()
      await productDrawer.waitFor({ state: 'hidden' })

      // Back and forward follow the tab; a link to ?kind=place opens that tab.
      await page.goto(`${baseUrl}/directory/target?kind=place`)
      await waitTableLoaded(page)
      assert.equal(await page.locator('.kind-tabs .el-tabs__item.is-active').innerText(), '场地场所')
      assert.deepEqual((await tableHeaders(page)).slice(0, 2), ['场地场所', '责任单位'])

      // Phone: each tab fits the screen.
      await page.setViewportSize(kPhone)
      for (const [label, kind] of [['行政相对人', 'entity'], ['产品', 'product'], ['场地场所', 'place']]) {
        await openKindTab(page, label, kind)
        await tableRows(page).first().waitFor()
        await assertNoPageOverflow(page)
        await shot(page, `15-phone-${kind}`)
      }
      await page.setViewportSize(kDesktop)
    },
  },
  {
    name: '16 抽查任务全流程：业务处室编制年度计划、统筹部门批准并公开；新建联合抽查任务（按信用分类差异化比例），预览排除后冻结并取得部门密钥，登记两名见证人、录入骰子数字和密钥抽取、上传现场照片、导出名单并确认；业务处室把检查组组长关联到登录账号，组长在手机上的“我的检查任务”中申报回避，负责人批准后以新的骰子数字补抽（未关联名录的账号看到说明）；申请人不能审批本人的替换申请，负责人批准后由备选对象递补；打印抽取记录、检查通知书（每户一页）和备案表；访客在抽取公示看到承诺值和抽取记录，下载后 ssj verify 和 Python 校验程序均校验通过',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      await loginOk(page, kStaff.username, kStaff.password)
      // The server's China date: the window opens today, so the record is public at once.
      const today = (await apiGet(page, '/plans/overdue')).today
      assert.match(today, /^\d{4}-\d{2}-\d{2}$/)
      const year = today.slice(0, 4)
      const planName = `${year}年度重点用能单位节能监察联合抽查计划${suffix}`
      const taskName = `${year}年重点用能单位节能监察联合抽查（全流程）${suffix}`
      // The window closes within the week: the demo's committed task (from today + 7) holds the
      // office's inspectors then, and its confirmed one (from today) leaves each about ten slots.
      const weekEnd = new Date(Date.parse(`${today}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10)
      const taskEnd = weekEnd.slice(0, 4) === year ? weekEnd : `${year}-12-31`

      // 1. 业务处室 drafts the annual plan: CQJXW-JNZY-001 at 3 %, 综合执法处 cooperating.
      await openMenu(page, '年度抽查工作计划')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '新增', exact: true }).click()
      const planDialog = await openDialog(page, '新增年度抽查工作计划')
      await settle(page)
      await formItem(planDialog, '计划年度').locator('input').fill(year)
      await fillField(planDialog, '计划名称', planName)
      const itemField = formItem(planDialog, '抽查事项')
      await itemField.locator('.el-select__wrapper').click()
      await itemField.locator('input').first().fill('CQJXW-JNZY-001')
      await page.locator('.plan-item-popper:visible .el-select-dropdown__item').filter({ hasText: '重点用能单位节能监察' }).first().click()
      await fillField(planDialog, '抽查对象范围', '全市重点用能单位')
      await typeDate(formItem(planDialog, '开始日期'), today)
      await typeDate(formItem(planDialog, '结束日期'), `${year}-12-31`)
      await fillField(planDialog, '抽查比例', '3')
      await formItem(planDialog, '配合部门').getByText('综合执法处').waitFor()
      const planSaved = page.waitForResponse((r) => r.url().endsWith('/api/v1/plans') && r.request().method() === 'POST')
      await confirmDialog(planDialog)
      const planResponse = await planSaved
      assert.equal(planResponse.status(), 201, `plan: ${await planResponse.text()}`)
      const plan = await planResponse.json()
      await planDialog.waitFor({ state: 'hidden' })
      const planRow = tableRows(page).filter({ hasText: planName }).first()
      await planRow.getByRole('button', { name: '提交审批' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
      await planRow.getByText('待审批').waitFor()
      await shot(page, '16-plan-submitted')

      // 统筹部门 approves and publishes it.
      await logout(page)
      await loginOk(page, kCoordinator.username, kCoordinator.password)
      await openMenu(page, '年度抽查工作计划')
      await waitTableLoaded(page)
      const toApprove = tableRows(page).filter({ hasText: planName }).first()
      await toApprove.getByRole('button', { name: '审批' }).click()
      const planDrawer = page.locator('.el-drawer').filter({ hasText: planName })
      await planDrawer.waitFor({ state: 'visible' })
      await planDrawer.getByRole('button', { name: '批准' }).click()
      const approveBox = page.locator('.el-message-box')
      await approveBox.locator('textarea').fill('同意。')
      await approveBox.getByRole('button', { name: '批准' }).click()
      await planDrawer.getByRole('button', { name: '向社会公开' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '公开' }).click()
      await planDrawer.getByText('已发布').first().waitFor()
      await settle(page)
      await shot(page, '16-plan-published')
      assert.equal((await apiGet(page, `/plans/${plan.id}`)).status, 'published')
      await planDrawer.locator('.el-drawer__close-btn').click()

      // 2. 业务处室 creates the joint task under that plan.
      await logout(page)
      await loginOk(page, kStaff.username, kStaff.password)
      await openMenu(page, '任务列表')
      await waitTableLoaded(page)
      await page.getByRole('button', { name: '新建任务' }).click()
      const taskDialog = await openDialog(page, '新建抽查任务')
      await settle(page)
      await fillField(taskDialog, '任务名称', taskName)
      const itemsField = formItem(taskDialog, '抽查事项')
      await itemsField.locator('.el-select__wrapper').click()
      await itemsField.locator('input').first().fill('CQJXW-JNZY-001')
      await page.locator('.task-item-popper:visible .el-select-dropdown__item').filter({ hasText: '重点用能单位节能监察' }).first().click()
      await taskDialog.locator('.group-title').first().click() // closes the dropdown
      await typeDate(formItem(taskDialog, '开始日期'), today)
      await typeDate(formItem(taskDialog, '结束日期'), taskEnd)
      await chooseOption(page, formItem(taskDialog, '年度计划'), planName)
      for (const [id, ratio] of [['A', '0.5'], ['B', '1'], ['C', '2'], ['D', '3'], ['U', '1']]) {
        await taskDialog.getByLabel(`${id === 'U' ? '未分类（U）' : `${id} 类`}抽查比例`).fill(ratio)
      }
      await taskDialog.getByRole('button', { name: '添加配合部门' }).click()
      const participant = taskDialog.getByLabel('第 1 个配合部门', { exact: true })
      await participant.click({ force: true })
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: '综合执法处' }).first().click()
      // The item's required specialty is offered for the leaders, not imposed.
      await formItem(taskDialog, '牵头部门专长').getByRole('button', { name: '节能监察（采用）' }).waitFor()
      await formItem(taskDialog, '区域规则').getByText('不限').click()
      await formItem(taskDialog, '每人承担上限').locator('input').fill('30')
      await shot(page, '16-task-form')
      const taskSaved = page.waitForResponse((r) => r.url().endsWith('/api/v1/tasks') && r.request().method() === 'POST')
      await confirmDialog(taskDialog)
      const taskResponse = await taskSaved
      assert.equal(taskResponse.status(), 201, `task: ${await taskResponse.text()}`)
      const task = await taskResponse.json()
      assert.equal(task.participants.length, 1)
      await page.waitForURL((url) => url.pathname === `/task/list/${task.id}`)

      // 3. The exclusions previewed, then the commit (today): the secret is shown once.
      await page.getByRole('button', { name: '预览抽取范围' }).click()
      await seeText(page, '预计抽中')
      await shot(page, '16-task-preview')
      await typeDate(page.locator('.commit-panel .when'), today)
      const timeInput = page.locator('.commit-panel .when-time input')
      await timeInput.click()
      await timeInput.fill('23:50')
      await timeInput.press('Enter')
      await page.locator('.commit-panel .panel-title').click()
      await page.getByRole('button', { name: '冻结并公布承诺值' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '冻结并公布' }).click()
      const secretDialog = await openDialog(page, '部门密钥（只显示这一次）')
      const secret = (await secretDialog.locator('code.secret').innerText()).replace(/\s/g, '')
      assert.match(secret, /^[0-9a-f]{64}$/)
      await settle(page)
      await shot(page, '16-secret')
      await secretDialog.getByText('我已抄录并密封保存').click()
      await secretDialog.getByRole('button', { name: '关闭' }).click()
      await seeText(page, '已公布的承诺')
      const committed = await apiGet(page, `/tasks/${task.id}`)
      assert.equal(committed.status, 'committed')
      assert.match(committed.commitment, /^[0-9a-f]{64}$/)
      const xlsx = await downloadBy(page.getByRole('link', { name: '导出排除清单' }))
      assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK', 'the exclusions are an XLSX workbook')

      // 4. Two witnesses, a photo of the ceremony, the dice and the secret: the draw.
      const witnessPanel = page.locator('.witness-panel')
      for (const [name, unit, role] of [['赵敏', '市经济信息委机关纪委', '监督人'], ['孙立新', '重庆渝能机械有限公司', '企业代表']]) {
        await fillField(witnessPanel, '姓名', name)
        await fillField(witnessPanel, '单位', unit)
        await chooseOption(page, formItem(witnessPanel, '身份'), role)
        await witnessPanel.getByRole('button', { name: '登记见证人' }).click()
        await witnessPanel.getByText(unit).waitFor()
      }
      const attachments = page.locator('.attachments-panel')
      const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF ssj e2e ceremony photo'), Buffer.from([0xff, 0xd9])])
      await attachments.locator('input[type=file]').setInputFiles({ name: '抽取现场.jpg', mimeType: 'image/jpeg', buffer: photo })
      await attachments.getByText('抽取现场.jpg').waitFor()
      const photoHash = (await import('node:crypto')).createHash('sha256').update(photo).digest('hex')
      await attachments.getByText(photoHash).waitFor()
      const dice = '3141 5926 5358 9793 2384 6264'
      await page.getByPlaceholder('如 31415 92653 58979 32384（可用空格分组）').fill(dice)
      await page.getByPlaceholder('冻结时生成并密封保存的 64 位密钥').fill(secret)
      await shot(page, '16-ceremony')
      await page.getByRole('button', { name: '执行抽取' }).click()
      const drawn = page.waitForResponse((r) => r.url().endsWith(`/api/v1/tasks/${task.id}/draw`) && r.request().method() === 'POST')
      await page.locator('.el-message-box').getByRole('button', { name: '执行抽取' }).click()
      const drawResponse = await drawn
      assert.equal(drawResponse.status(), 200, `draw: ${await drawResponse.text()}`)
      const drawAnswer = await drawResponse.json()
      assert.ok(drawAnswer.targets.length > 0, 'targets were drawn')
      await seeText(page, `共 ${drawAnswer.targets.length} 户`)
      const listXlsx = await downloadBy(page.getByRole('link', { name: '导出名单及检查组' }))
      assert.equal(listXlsx.bytes.subarray(0, 2).toString(), 'PK', 'the drawn list is an XLSX workbook')
      await shot(page, '16-drawn')

      // 5. The list is confirmed.
      await page.getByRole('button', { name: '确认锁定名单' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '确认锁定' }).click()
      await seeText(page, '确认锁定')
      await page.locator('.result .el-tag').filter({ hasText: '确认锁定' }).waitFor()

      // 6. The leader of the first target (of yewu's own office) declares a conflict from their own
      // account. yewu first links the office's inspector account zhifa to that person on the
      // directory page (moving it from whoever held it), then zhifa declares on the phone.
      const first = drawAnswer.targets[0]
      const leader = first.team.find((m) => m.slot === 0)
      assert.equal(leader.department_name, '节能与综合利用处', 'the leader comes from the initiating office')
      const changes = page.locator('.changes-panel')

      // 我的检查任务: yewu is not linked to an inspector record, and is told so.
      await openMenu(page, '我的检查任务')
      await seeText(page, '没有可查看的检查任务')
      await seeText(page, '当前账号未关联执法检查人员')
      await shot(page, '16-my-assignments-not-inspector')

      await openMenu(page, '执法检查人员')
      await waitTableLoaded(page)
      await fillField(page.locator('.search-form'), '姓名', leader.name)
      await page.getByRole('button', { name: '搜索', exact: true }).click()
      await waitTableLoaded(page)
      await tableRows(page).filter({ hasText: leader.code }).first().locator('.name-link').click()
      const drawer = page.locator('.el-drawer')
      const accountItem = drawer.locator('.account')
      await accountItem.waitFor()
      await accountItem.getByRole('button', { name: /关联账号|更换账号/ }).click()
      const accountDialog = await openDialog(page, '关联登录账号')
      await accountDialog.locator('.el-select__wrapper').click()
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: 'zhifa' }).click()
      await shot(page, '16-link-account')
      const linked = page.waitForResponse((r) => r.url().endsWith(`/api/v1/inspectors/${leader.inspector_id}/account`))
      await accountDialog.getByRole('button', { name: '确 定' }).click()
      // The demo links zhifa to 赵俊杰: unless the leader is he, the move is confirmed first.
      const moveBox = page.locator('.el-message-box').filter({ hasText: '更换关联人员' })
      const done = drawer.locator('.account').getByText('zhifa')
      await moveBox.or(done).first().waitFor()
      if (await moveBox.isVisible()) {
        assert.match(await moveBox.innerText(), /当前关联“赵俊杰”/)
        await moveBox.getByRole('button', { name: '改为关联' }).click()
      }
      assert.equal((await linked).status(), 200)
      await done.waitFor()
      await shot(page, '16-account-linked')
      await page.keyboard.press('Escape')

      await logout(page)
      await loginOk(page, 'zhifa', 'Demo@2026')
      await openMenu(page, '我的检查任务')
      await page.setViewportSize(kPhone)
      const card = page.locator('.assignments-page .task-card').filter({ hasText: taskName })
      await card.waitFor()
      const firstRow = card.locator('.target').filter({ hasText: first.name })
      await firstRow.getByText('组长').waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '16-my-assignments-phone')
      await firstRow.getByRole('button', { name: '申报回避' }).click()
      const declareDialog = await openDialog(page, '申报回避或退出')
      await settle(page)
      assert.match(await formItem(declareDialog, '涉及的检查对象').locator('.el-select__wrapper').innerText(), new RegExp(first.name))
      await fillField(declareDialog, '说明', '本人配偶在该企业担任财务负责人，申请回避')
      await shot(page, '16-my-declare')
      const declared = page.waitForResponse((r) => r.url().endsWith(`/api/v1/my/assignments/${task.id}/declare`))
      await declareDialog.getByRole('button', { name: '提交负责人审批' }).click()
      const declaredResponse = await declared
      assert.equal(declaredResponse.status(), 201, `declare: ${await declaredResponse.text()}`)
      const change = await declaredResponse.json()
      assert.equal(change.inspector_code, leader.code)
      await declareDialog.waitFor({ state: 'hidden' })
      await shot(page, '16-my-declared')
      await page.setViewportSize(kDesktop)

      // 负责人 approves on 待审批变更.
      await logout(page)
      await loginOk(page, 'fuzeren', 'Demo@2026')
      await openMenu(page, '待审批变更')
      const pendingRow = tableRows(page).filter({ hasText: taskName }).first()
      await pendingRow.waitFor()
      assert.match(await pendingRow.innerText(), new RegExp(`检查人员退出[\\s\\S]*${leader.name}[\\s\\S]*回避`))
      await shot(page, '16-approvals')
      await page.setViewportSize(kPhone)
      await page.locator('.changes-page .card').filter({ hasText: taskName }).first().waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '16-approvals-phone')
      await page.setViewportSize(kDesktop)
      await pendingRow.getByRole('button', { name: '批准' }).click()
      const decideBox = page.locator('.el-message-box')
      await decideBox.getByText('重新掷骰子', { exact: false }).or(decideBox.getByText('骰子数字', { exact: false })).first().waitFor()
      await decideBox.locator('textarea').fill('同意回避。')
      await decideBox.getByRole('button', { name: '批准' }).click()
      await seeText(page, '等待业务处室录入新的骰子数字补抽')
      await notSee(tableRows(page).filter({ hasText: taskName }), 'the decided request')

      // 业务处室 enters fresh dice: the engine draws the substitute.
      await logout(page)
      await loginOk(page, kStaff.username, kStaff.password)
      await page.goto(`${baseUrl}/task/list/${task.id}`)
      const applyBox = page.locator('.apply-box')
      await applyBox.waitFor()
      await applyBox.locator('input').fill('2718 2818 2845 9045 2353 6028')
      await applyBox.scrollIntoViewIfNeeded()
      await shot(page, '16-apply-dice')
      await applyBox.getByRole('button', { name: '补抽替代人员' }).click()
      await seeText(page, '已按新的骰子数字补抽')
      await changes.locator('.el-table__row').filter({ hasText: '已执行' }).waitFor()
      const after = await apiGet(page, `/tasks/${task.id}/draw`)
      const refilled = after.targets.find((t) => t.target_id === first.target_id)
      assert.equal(refilled.team.length, first.team.length, 'the team is whole again')
      assert.ok(!refilled.team.some((m) => m.code === leader.code), 'the withdrawn inspector left the team')
      const substitute = refilled.team.find((m) => !first.team.some((f) => f.code === m.code))
      assert.ok(substitute, 'a substitute joined the team')
      await page.locator('.drawn-table').getByText(substitute.name).first().waitFor()
      assert.ok(after.record.request.recusals?.length === 1, 'the record holds the recusal')
      await shot(page, '16-substitute')
      await page.setViewportSize(kPhone)
      await assertNoPageOverflow(page)
      await page.locator('.changes-panel').scrollIntoViewIfNeeded()
      await shot(page, '16-task-changes-phone')
      await page.setViewportSize(kDesktop)

      // The demo's committed task (its ceremony still ahead) is to be voided: yewu asks.
      const pendingTask = (await apiGet(page, '/tasks?status=committed&page_size=50')).items.find((t) => t.name.includes('高耗能落后机电设备'))
      assert.ok(pendingTask, 'the demo has a committed task')
      const voidReason = '抽查事项范围调整，经研究决定作废本次抽取'
      await page.goto(`${baseUrl}/task/list/${pendingTask.id}`)
      await changes.getByRole('button', { name: '申请作废' }).click()
      const voidDialog = await openDialog(page, '申请作废抽取')
      await settle(page)
      await fillField(voidDialog, '作废理由', voidReason)
      await voidDialog.getByRole('button', { name: '提交负责人审批' }).click()
      await changes.locator('.el-table__row').filter({ hasText: '作废' }).filter({ hasText: '待审批' }).waitFor()

      // A target to replace (注销): whoever asked cannot approve it (the admin here), the head
      // can, and the next reserve of its class takes its place.
      const gone = drawAnswer.targets[1]
      await logout(page)
      await loginOk(page, kAdmin.username, kAdmin.password)
      await page.goto(`${baseUrl}/task/list/${task.id}`)
      await changes.getByRole('button', { name: '替换检查对象' }).click()
      const replaceDialog = await openDialog(page, '申请替换检查对象')
      await settle(page)
      await chooseOption(page, formItem(replaceDialog, '检查对象'), gone.name)
      await formItem(replaceDialog, '替换原因').getByText('注销', { exact: true }).click()
      await fillField(replaceDialog, '说明', '该企业已办理注销登记')
      await replaceDialog.getByRole('button', { name: '提交负责人审批' }).click()
      await changes.locator('.el-table__row').filter({ hasText: '替换检查对象' }).filter({ hasText: '待审批' }).waitFor()
      await openMenu(page, '待审批变更')
      const ownRow = tableRows(page).filter({ hasText: gone.name }).first()
      await ownRow.getByText('本人').waitFor()
      await ownRow.getByRole('button', { name: '批准' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '批准' }).click()
      await page.locator('.refusal').getByText('不能审批本人提出的申请').waitFor()
      await ownRow.locator('.row-refusal').waitFor()
      await page.locator('.el-message-box').waitFor({ state: 'hidden' })
      await shot(page, '16-self-approval')
      await logout(page)
      await loginOk(page, 'fuzeren', 'Demo@2026')
      await openMenu(page, '待审批变更')
      await tableRows(page).filter({ hasText: gone.name }).first().getByRole('button', { name: '批准' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '批准' }).click()
      await seeText(page, '已批准并生效')
      const voidRow = tableRows(page).filter({ hasText: pendingTask.name }).first()
      assert.match(await voidRow.innerText(), new RegExp(`作废[\\s\\S]*整个任务[\\s\\S]*${voidReason}`))
      await voidRow.getByRole('button', { name: '批准' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '批准' }).click()
      await voidRow.waitFor({ state: 'detached' })
      await logout(page)
      await loginOk(page, kStaff.username, kStaff.password)
      // The void task shows its reason first.
      await page.goto(`${baseUrl}/task/list/${pendingTask.id}`)
      const voidAlert = page.locator('.head-card .void')
      await voidAlert.getByText('本任务已作废').waitFor()
      await voidAlert.getByText(voidReason).waitFor()
      await notSee(page.locator('.ceremony-panel'), 'the ceremony of a void task')
      await shot(page, '16-void-task')
      const replaced = await apiGet(page, `/tasks/${task.id}/draw`)
      assert.ok(!replaced.targets.some((t) => t.target_id === gone.target_id), 'the replaced target left the list')
      assert.equal(replaced.targets.length, drawAnswer.targets.length, 'a reserve took its place')
      assert.equal(replaced.record.request.replacements?.length, 1, 'the record holds the replacement')

      // Print pages: the signed record, the notices (one per target), the filing summary.
      await page.goto(`${baseUrl}/task/print/${task.id}/record`)
      const recordSheet = page.locator('.record-sheet')
      await recordSheet.waitFor()
      const recordText = await recordSheet.innerText()
      for (const text of [task.code, committed.commitment, committed.pool_digest, '赵敏', '孙立新', substitute.name, '抽取人（签字）', '监督人（签字）', '负责人（签字）']) {
        assert.ok(recordText.includes(text), `the record shows ${text}`)
      }
      assert.ok(recordText.includes(replaced.record.seed), 'the record shows the seed')
      assert.ok(!recordText.includes(gone.name), 'the replaced target is not on the printed list')
      await notSee(page.locator('.sidebar-menu, .app-header'), 'the admin frame')
      await shot(page, '16-print-record')
      await page.emulateMedia({ media: 'print' })
      await notSee(page.locator('.print-toolbar:visible'), 'the toolbar on paper')
      await shot(page, '16-print-record-paper')
      await page.emulateMedia({ media: null })
      await page.goto(`${baseUrl}/task/print/${task.id}/notice`)
      await page.locator('.notice-sheet').first().waitFor()
      assert.equal(await page.locator('.notice-sheet').count(), replaced.targets.length, 'one notice per target')
      const noticeText = await page.locator('.notice-sheet').first().innerText()
      assert.match(noticeText, new RegExp(`致 ${replaced.targets[0].name}`))
      assert.match(noticeText, /中华人民共和国节约能源法/)
      await page.locator('#notice-materials').fill('1. 营业执照复印件；\n2. 近三年能源利用状况报告。')
      assert.match(await page.locator('.notice-sheet').first().innerText(), /近三年能源利用状况报告/)
      await shot(page, '16-print-notice')
      // Printed, each notice is one A4 page.
      const notices = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1')
      const printedPages = Math.max(...[...notices.matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1])))
      assert.equal(printedPages, replaced.targets.length, 'one printed page per notice')
      await page.goto(`${baseUrl}/task/print/${task.id}/filing`)
      await page.locator('.filing-sheet').getByText(photoHash).waitFor()
      await shot(page, '16-print-filing')

      // 7. A visitor sees the commitment and, the window having opened today, the record.
      await page.goto(`${baseUrl}/home`)
      await page.locator('.app-header').waitFor()
      await logout(page)
      await page.context().clearCookies()
      await page.goto(`${baseUrl}/public/tasks`)
      // Hashes are shown in groups of eight.
      const commitmentShown = committed.commitment.match(/.{8}/g).join(' ')
      const publicCard = page.locator('article.task').filter({ has: page.locator('a.task-name', { hasText: taskName }) })
      await publicCard.getByText(commitmentShown).waitFor()
      await shot(page, '16-public-tasks')
      await publicCard.locator('a.task-name').click()
      await page.waitForURL((url) => url.pathname === `/public/tasks/${task.id}`)
      await page.getByText(commitmentShown).first().waitFor()
      await page.getByText(photoHash).waitFor()
      const recordLink = page.getByRole('link', { name: '下载抽取记录' })
      await recordLink.waitFor()
      await shot(page, '16-public-task')

      // 8. Both files in one folder: ssj verify recomputes the draw and agrees.
      const folder = fs.mkdtempSync(path.join(tmpRoot, 'verify-'))
      const recordFile = await downloadBy(recordLink)
      const record = JSON.parse(recordFile.bytes.toString('utf8'))
      const poolFile = await downloadBy(page.getByRole('link', { name: '下载抽取范围' }))
      const recordPath = path.join(folder, recordFile.name || `${task.code}.json`)
      fs.writeFileSync(recordPath, recordFile.bytes)
      fs.writeFileSync(path.join(folder, record.request.targets_csv || poolFile.name), poolFile.bytes)
      const ssj = process.env.SSJ_BIN || path.resolve(here, '../../build/ssj')
      const verified = execFileSync(ssj, ['verify', path.basename(recordPath)], { cwd: folder, encoding: 'utf8' })
      assert.match(verified, /校验通过/, verified)
      // And so does the independent Python verifier (standard library only).
      const python = execFileSync('python3', [path.resolve(here, '../../docs/verify/ssj_verify.py'), path.basename(recordPath)], {
        cwd: folder,
        encoding: 'utf8',
      })
      assert.match(python, /^校验通过/, python)
    },
  },
  {
    name: '17 检查到公示全流程：组长在 390 px 手机上填写检查记录（拍照取证、企业手写签名），组员与组长签字确认后提交；业务处室退回一次、修改后审核通过并公示；访客按统一社会信用代码查到结果；企业凭通知书上的验证码提出异议，业务处室复查决定更正，负责人批准后公示页显示更正及历史版本；打印抽查情况报告；下载检查档案，清单中的 SHA-256 与文件一致',
    async run(page) {
      await page.setViewportSize(kDesktop)
      await ensureLoggedOut(page)
      // The record: the demo puts zuyuan (消费品工业处) on a team of the inspecting task; its
      // leader gets zhifa's account (journey 16 may have moved it), linked by the office.
      await loginOk(page, 'zuyuan', 'Demo@2026')
      const mine = await apiGet(page, '/my/inspections')
      const chosen = mine.items.find((r) => r.role === '组员' && r.status === 'pending')
      assert.ok(chosen, 'zuyuan is on a team with a record to fill')
      await logout(page)
      await loginOk(page, kStaff.username, kStaff.password)
      const before = await apiGet(page, `/inspections/${chosen.id}`)
      const leader = before.team.find((m) => m.role === '组长')
      const accounts = await apiGet(page, `/inspectors/${leader.inspector_id}/accounts`)
      const zhifaAccount = accounts.items.find((a) => a.username === 'zhifa')
      const linked = await apiPut(page, `/inspectors/${leader.inspector_id}/account`, { user_id: zhifaAccount.user_id })
      assert.equal(linked.status(), 200, await linked.text())
      const verifyCode = before.verify_code
      assert.match(verifyCode, /^[A-Z2-9]{8}$/)
      await logout(page)

      // 1. The leader fills the record on a phone.
      await loginOk(page, 'zhifa', 'Demo@2026')
      await openMenu(page, '我的检查记录')
      await page.setViewportSize(kPhone)
      await page.getByText(chosen.target_name).first().click()
      await page.waitForURL((url) => url.pathname === `/inspection/record/${chosen.id}`)
      const item = page.locator('.item-card').first()
      await item.waitFor()
      await item.getByText('现场检查', { exact: true }).click()
      await fillField(item, '发现的问题', '未按规定公示 2025 年度报告')
      await item.getByRole('button', { name: '选择检查结果' }).click()
      const picker = page.locator('.result-dialog')
      await picker.getByText('未按规定公示应当公示的信息', { exact: true }).click()
      await picker.getByRole('button', { name: /确定/ }).click()
      await fillField(item, '处理情况', '责令限期公示')
      const savedItem = page.waitForResponse((r) => r.url().includes(`/api/v1/inspections/${chosen.id}/items/`) && r.request().method() === 'PUT')
      await item.getByRole('button', { name: '保存本事项' }).click()
      assert.equal((await savedItem).status(), 200)
      // Evidence straight from the camera input.
      const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF ssj e2e evidence photo'), Buffer.from([0xff, 0xd9])])
      const uploaded = page.waitForResponse((r) => r.url().includes(`/api/v1/inspections/${chosen.id}/attachments`) && r.request().method() === 'POST')
      await page.locator('input[aria-label="拍照"]').setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: photo })
      assert.equal((await uploaded).status(), 201)
      const photoHash = crypto.createHash('sha256').update(photo).digest('hex')
      await page.getByText(photoHash.slice(0, 16), { exact: false }).first().waitFor()
      // The firm signs with a finger.
      const firm = page.locator('section').filter({ hasText: '被检查对象签字' }).first()
      await fillField(firm, '签字人姓名', '孙立新')
      await scribble(firm.locator('canvas'))
      const signed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/inspections/${chosen.id}/firm`))
      await firm.getByRole('button', { name: '确认签字' }).click()
      assert.equal((await signed).status(), 200)
      await page.getByRole('button', { name: '我已核对，签字确认' }).click()
      await page.getByText('1/2 人已确认').waitFor()
      await assertNoPageOverflow(page)
      await shot(page, '17-record-phone')
      await page.setViewportSize(kDesktop)
      await logout(page)

      // The member confirms from their own account; the leader submits.
      await loginOk(page, 'zuyuan', 'Demo@2026')
      await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
      await page.getByRole('button', { name: '我已核对，签字确认' }).click()
      await page.getByText('2/2 人已确认').waitFor()
      await logout(page)
      const submitAsLeader = async () => {
        await loginOk(page, 'zhifa', 'Demo@2026')
        await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
        await page.getByRole('button', { name: '提交审核' }).click()
        const submitted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/inspections/${chosen.id}/submit`))
        await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
        assert.equal((await submitted).status(), 200)
        await page.getByText('已提交审核，审核期间不能修改。').waitFor()
        await logout(page)
      }
      await submitAsLeader()

      // 2. The office returns it once with a reason, then approves the corrected record.
      await loginOk(page, kStaff.username, kStaff.password)
      await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
      const review = page.locator('.review-form')
      await review.getByText('退回修改').click()
      await review.locator('textarea').fill('处理情况请写明整改期限')
      await review.getByRole('button', { name: '退回检查组' }).click()
      await page.getByText('处理情况请写明整改期限').first().waitFor()
      await shot(page, '17-returned')
      await logout(page)
      await loginOk(page, 'zhifa', 'Demo@2026')
      await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
      const again = page.locator('.item-card').first()
      await fillField(again, '处理情况', '责令于 15 个工作日内公示年度报告')
      await again.getByRole('button', { name: '保存本事项' }).click()
      await page.getByText('0/2 人已确认').waitFor()
      await page.getByRole('button', { name: '我已核对，签字确认' }).click()
      await page.getByText('1/2 人已确认').waitFor()
      await logout(page)
      await loginOk(page, 'zuyuan', 'Demo@2026')
      await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
      await page.getByRole('button', { name: '我已核对，签字确认' }).click()
      await page.getByText('2/2 人已确认').waitFor()
      await logout(page)
      await submitAsLeader()
      await loginOk(page, kStaff.username, kStaff.password)
      await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
      await page.locator('.review-form').getByText('审核通过').click()
      await page.locator('.review-form').getByRole('button', { name: '提交审核意见' }).click()
      await page.getByText('已审核通过。').waitFor()

      // 3. Published from the task page.
      await page.goto(`${baseUrl}/task/list/${chosen.task_id}`)
      await page.getByRole('button', { name: '公示已审核结果' }).click()
      const published = page.waitForResponse((r) => r.url().endsWith(`/api/v1/tasks/${chosen.task_id}/publish`))
      await page.locator('.el-message-box').getByRole('button', { name: /公示|确定/ }).click()
      assert.equal((await published).status(), 200)
      await shot(page, '17-published')
      await logout(page)

      // 4. The public finds it by USCC.
      await page.goto(`${baseUrl}/public/results`)
      await page.getByPlaceholder('如：某某食品有限公司').fill(chosen.target_code.toLowerCase())
      await page.keyboard.press('Enter')
      await page.getByText(chosen.target_name).first().waitFor()
      await seeText(page, '未按规定公示应当公示的信息')
      await shot(page, '17-public-search')
      await page.setViewportSize(kPhone)
      await page.locator('.cards .card').filter({ hasText: chosen.target_name }).waitFor()  // the phone's cards
      await assertNoPageOverflow(page)
      await shot(page, '17-public-search-phone')
      await page.setViewportSize(kDesktop)

      // 5. The firm objects with its notice's code.
      await page.goto(`${baseUrl}/public/objection`)
      const form = page.locator('form').first()
      await fillField(form, '统一社会信用代码', chosen.target_code)
      await fillField(form, '异议验证码', 'AAAA2222')
      await fillField(form, '联系人', '孙立新')
      await fillField(form, '联系电话', '13983005555')
      await fillField(form, '异议内容', '我公司已于 2026 年 6 月 20 日公示年度报告，附公示截图')
      await page.getByRole('button', { name: /提交/ }).click()
      await formItem(form, '异议验证码').locator('.el-form-item__error').waitFor()
      await fillField(form, '异议验证码', verifyCode)
      const filed = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/objections'))
      await page.getByRole('button', { name: /提交/ }).click()
      assert.equal((await filed).status(), 201)
      await seeText(page, '受理编号')
      await shot(page, '17-objection-filed')

      // The office decides to correct; the head approves; the portal shows both versions.
      await loginOk(page, kStaff.username, kStaff.password)
      await openMenu(page, '异议处理')
      const objection = page.locator('article, .el-table__row').filter({ hasText: chosen.target_name }).first()
      await objection.getByRole('button', { name: '更正结果' }).click()
      const dialog = page.locator('.correction-dialog')
      await dialog.waitFor()
      await dialog.locator('textarea').first().fill('企业提供的公示截图显示其已按期公示，原检查结果认定有误')
      // The task has one item: the dialog opens it for correction at once.
      await dialog.getByRole('button', { name: /修改|选择检查结果/ }).first().click()
      const picker2 = page.locator('.result-dialog').last()
      await picker2.getByText('未按规定公示应当公示的信息', { exact: true }).click()
      await picker2.getByText('未发现问题', { exact: true }).click()
      await picker2.getByRole('button', { name: /确定/ }).click()
      await fillField(dialog, '发现的问题', '')
      await fillField(dialog, '处理情况', '')
      const requested = page.waitForResponse((r) => r.url().includes('/api/v1/objections/') && r.url().endsWith('/decide'))
      await dialog.getByRole('button', { name: '提交更正申请' }).click()
      assert.equal((await requested).status(), 200, 'the correction is requested')
      await logout(page)
      await loginOk(page, 'fuzeren', 'Demo@2026')
      await openMenu(page, '结果更正审批')
      const pendingCorrection = page.locator('article, .el-table__row').filter({ hasText: chosen.target_name }).first()
      await pendingCorrection.getByRole('button', { name: '批准' }).click()
      const approvedCorrection = page.waitForResponse((r) => r.url().endsWith('/approve'))
      await page.locator('.el-message-box').getByRole('button', { name: /批准|确定/ }).click()
      assert.equal((await approvedCorrection).status(), 200)
      await logout(page)
      const results = await (await page.request.get(`${baseUrl}/api/v1/public/results?q=${chosen.target_code}`)).json()
      await page.goto(`${baseUrl}/public/results/${results.items[0].id}`)
      await seeText(page, '更正')
      await seeText(page, '企业提供的公示截图显示其已按期公示')
      await seeText(page, '未按规定公示应当公示的信息')
      await shot(page, '17-public-corrected')

      // 6. The report prints; 7. the archive's manifest matches its files.
      await loginOk(page, kStaff.username, kStaff.password)
      await page.goto(`${baseUrl}/task/print/${chosen.task_id}/report`)
      await seeText(page, '抽查情况报告')
      await seeText(page, '基本情况')
      await shot(page, '17-report-print')
      await page.goto(`${baseUrl}/inspection/record/${chosen.id}`)
      const archive = await downloadBy(page.getByRole('link', { name: '下载档案' }).or(page.getByRole('button', { name: '下载档案' })).first())
      const files = unzip(archive.bytes)
      const manifest = JSON.parse(files['manifest.json'].toString('utf8'))
      assert.ok(manifest.files.length >= 5, 'the archive holds the sheet, the notice, the evidence, the signature and the draw record')
      for (const f of manifest.files) {
        assert.ok(files[f.path], `${f.path} is in the zip`)
        assert.equal(crypto.createHash('sha256').update(files[f.path]).digest('hex'), f.sha256, f.path)
      }
      assert.ok(manifest.files.some((f) => f.sha256 === photoHash), 'the photo is archived unchanged')
    },
  },
]

/** The page itself must not scroll sideways (tables may scroll inside their own box). */
async function assertNoPageOverflow(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  assert.ok(scrollWidth <= innerWidth + 1, `page is ${scrollWidth}px wide in a ${innerWidth}px window`)
}

// ---------------------------------------------------------------------------------------------

async function main() {
  console.log(`ssj e2e against ${baseUrl} (screenshots in ${outDir})`)
  const context = await chromium.launchPersistentContext(path.join(tmpRoot, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    env: browserEnv,
    viewport: kDesktop,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(15_000)
  const consoleErrors = []
  page.on('pageerror', (error) => consoleErrors.push(String(error)))

  let passed = 0
  let failed = 0
  for (const journey of journeys) {
    if (only && !only.test(journey.name)) continue
    const started = Date.now()
    try {
      await journey.run(page)
      assert.deepEqual(consoleErrors, [], 'no uncaught errors in the page')
      passed++
      console.log(`ok   ${journey.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    } catch (error) {
      failed++
      console.log(`FAIL ${journey.name}`)
      console.log(`     ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n     ')}`)
      const name = `FAIL-${journey.name.split(' ')[0]}`
      await shot(page, name).catch(() => undefined)
    }
    consoleErrors.length = 0
  }
  await context.close()
  fs.rmSync(tmpRoot, { recursive: true, force: true })
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}

main().catch((error) => {
  console.error(error)
  fs.rmSync(tmpRoot, { recursive: true, force: true })
  process.exit(2)
})
