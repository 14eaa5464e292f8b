// Browser journeys for ssj, driven by playwright-core and Debian's Chromium.
// Usage: SSJ_BASE_URL=http://127.0.0.1:18080 node e2e/run.mjs
// Needs a server started on a fresh demo database (scripts/test does that). Journeys run in
// order and share what they create; each prints "ok" or "FAIL"; screenshots go to
// $SSJ_E2E_OUT (default web/e2e/out/). Exits non-zero when any journey fails.
import assert from 'node:assert/strict'
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
