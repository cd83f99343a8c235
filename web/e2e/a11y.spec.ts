import AxeBuilder from '@axe-core/playwright'
import { translate } from '@koprogo/domain/i18n'
import type { Page } from '@playwright/test'
import { DASHBOARD, NAV_LABEL, navFor } from '../src/lib/roles'
import { type Account, expect, SUPERADMIN, test, uiLogin, type World } from './fixtures'

/** WCAG 2.x A/AA rules; the build fails on serious or critical findings (minor ones are listed). */
const scan = async (page: Page) => {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

const landmarks = async (page: Page) => {
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('navigation').first()).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
}

test('landing and login have no serious WCAG A/AA violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await scan(page)
  await page.goto('/login')
  await expect(page.locator('#login-email')).toBeVisible()
  // One language control only (the header's is not repeated on the login form).
  await expect(page.getByRole('combobox', { name: /language|langue|taal|sprache/i })).toHaveCount(1)
  await scan(page)
  // Error state too: the message is announced and linked to the field.
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('#login-email-error')).toBeVisible()
  await scan(page)
})

test('admin dashboard: landmarks and no serious violations', async ({ page, world }) => {
  expect(world.orgId).toBeTruthy()
  await uiLogin(page, SUPERADMIN, '/admin')
  await expect(page.getByTestId('organizations').locator('tbody tr').first()).toBeVisible()
  await landmarks(page)
  await scan(page)
})

test('syndic dashboard: landmarks and no serious violations', async ({ page, world }) => {
  await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await expect(page.getByTestId('buildings').locator('tbody tr').first()).toBeVisible()
  await landmarks(page)
  await scan(page)
  // The create form, with its client-side errors showing.
  await page.getByTestId('buildings').getByRole('button', { name: /^New$/ }).click()
  await page.getByTestId('buildings').locator('form[novalidate] button[type="submit"]').click()
  await expect(page.locator('#buildings-name-error')).toBeVisible()
  await scan(page)
})

test('accountant dashboard: landmarks and no serious violations', async ({ page, world }) => {
  const b = await world.building()
  await world.expense(b.id, 12_345)
  const accountant = await world.user('accountant')
  await uiLogin(page, accountant, '/accountant')
  await expect(page.getByTestId('expenses').locator('tbody tr').first()).toBeVisible()
  await landmarks(page)
  await scan(page)
})

test('owner dashboard: landmarks and no serious violations', async ({ page, world }) => {
  const b = await world.building()
  const { account, owner } = await world.ownerAccount()
  const u = await world.unit(b.id, 'A1', 100)
  await world.ownership(u.id, owner.id)
  await uiLogin(page, account, '/owner')
  await expect(page.getByTestId('owner-lots')).toContainText('A1')
  await landmarks(page)
  await scan(page)
})

test('the login form is usable with the keyboard alone', async ({ page }) => {
  await page.goto('/login')
  await page.locator('#login-email').focus()
  await page.keyboard.type(SUPERADMIN.email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(SUPERADMIN.password)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/admin$/)
  // Focus follows the navigation to the new content.
  await expect(page.locator('main')).toBeFocused()
  // On a fresh load the skip link is the first stop and moves focus to the main content.
  await page.reload()
  await expect(page.getByTestId('dashboard-admin')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
})

// ─────────────────────────────────────────── every page of every role (issue #19, item 12)
// The routes come from the app's own navigation (lib/roles.ts), so a page added there is
// checked without touching this file. Tagged @phone: the phone project runs them at 390×844.

const en = (key: Parameters<typeof translate>[1]) => translate('en', key)

/** Waits until a page shows its content: one h1, nothing still loading. */
const settled = async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
}

// The user guide's picture of every page at both sizes: page-screenshots.spec.ts (route list).

/** A building with a lot, its owner (who can sign in), an expense, a meeting and a document. */
async function furnish(world: World) {
  const b = await world.building('Résidence Les Tilleuls')
  const unit = await world.unit(b.id, 'A1', 550)
  const { account: owner, owner: ownerRow } = await world.ownerAccount('Lambert')
  await world.ownership(unit.id, ownerRow.id)
  await world.expense(b.id, 84_000, 'Entretien ascenseur')
  await world.meeting(b.id, 'Assemblée générale 2027')
  await world.document(b.id, 'PV AG 2026')
  return { owner, accountant: await world.user('accountant') }
}

async function visitEveryPage(page: Page, account: Account | typeof SUPERADMIN, role: Role) {
  await uiLogin(page, account, DASHBOARD[role])
  for (const path of navFor(role)) {
    await test.step(path, async () => {
      await page.goto(path)
      await settled(page)
      await expect(page).toHaveTitle(`${en(NAV_LABEL[path])} — KoproGo`)
      await scan(page)
    })
  }
}
type Role = keyof typeof DASHBOARD

test('public pages: a title each, no serious violations @phone', async ({ page }) => {
  const pages: [string, string][] = [
    ['/', 'KoproGo'],
    ['/login', `${en('login.title')} — KoproGo`],
    ['/forgot-password', `${en('pw.forgotTitle')} — KoproGo`],
    ['/reset-password', `${en('pw.resetTitle')} — KoproGo`],
    ['/set-password', `${en('pw.setTitle')} — KoproGo`],
  ]
  for (const [path, title] of pages) {
    await page.goto(path)
    await settled(page)
    await expect(page).toHaveTitle(title)
    await scan(page)
  }
})

for (const role of ['syndic', 'accountant', 'owner', 'superadmin'] as const) {
  test(`every ${role} page: its title, no serious violations @phone`, async ({ page, world }) => {
    test.setTimeout(120_000)
    const { owner, accountant } = await furnish(world)
    const account = { syndic: world.syndic, accountant, owner, superadmin: SUPERADMIN }[role]
    await visitEveryPage(page, account, role)
  })
}

test('the title follows the language @phone', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await expect(page).toHaveTitle('Buildings — KoproGo')
  // On a phone the language select is in the header's menu.
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' })
  if (await menu.isVisible()) await menu.click()
  await page.locator('#lang-header').selectOption('fr')
  await expect(page).toHaveTitle('Immeubles — KoproGo')
  await page.locator('#lang-header').selectOption('en')
})

test('a form takes the focus, Esc closes it and the focus goes back @phone', async ({ page, world }) => {
  test.setTimeout(60_000)
  // A full page of rows: the last one's Edit button is far below the form.
  const names: string[] = []
  for (let i = 0; i < 20; i++)
    names.push((await world.building(`Résidence ${String(i).padStart(2, '0')}`)).name)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  const buildings = page.getByTestId('buildings')
  const last = buildings.locator('tbody tr', { hasText: names[19] })
  const edit = last.getByRole('button', { name: 'Edit' })
  const form = buildings.locator('form[novalidate]')

  // Edit: the form comes into view with its first field focused; Esc closes it, focus returns.
  await edit.click()
  await expect(page.locator('#buildings-name')).toBeFocused()
  // The form's top is on screen (not merely a corner of it; a pixel of rounding allowed).
  const top = await form.evaluate((f) => f.getBoundingClientRect().top)
  expect(top).toBeGreaterThanOrEqual(-1)
  expect(top).toBeLessThan((page.viewportSize()?.height ?? 800) / 2)
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)
  await expect(edit).toBeFocused()

  // New: focus in, Cancel, focus back on New.
  const create = buildings.getByRole('button', { name: 'New' })
  await create.click()
  await expect(page.locator('#buildings-name')).toBeFocused()
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(create).toBeFocused()

  // A save re-renders the rows: the focus lands on the same row's Edit button.
  await edit.click()
  await page.locator('#buildings-city').fill('Ixelles')
  await form.locator('button[type="submit"]').click()
  await expect(last).toContainText('Ixelles')
  await expect(last.getByRole('button', { name: 'Edit' })).toBeFocused()
})
