import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

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
