import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { capturedLink, expect, SUPERADMIN, test, uiLogin, uiLogout } from './fixtures'

/**
 * Forgot password → e-mail captured by the embedded profile → reset page → sign in with the new
 * password; the link then refuses a second use, and the superadmin sees the mail (ADR 0023).
 */
test('forgot password, captured e-mail, reset, sign in; the link works once', async ({ page, world }) => {
  await page.goto('/login')
  await page.getByRole('link', { name: /forgot your password/i }).click()
  await expect(page).toHaveURL(/\/forgot-password$/)
  await page.locator('#forgot-email').fill(world.syndic.email)
  await page.locator('form button[type="submit"]').click()
  await expect(page.getByRole('status')).toContainText(/reset link is on its way/i)

  const link = await capturedLink(world.admin, world.syndic.email, 'reset-password')

  const NEW = 'Brand-New-e2e-2026!'
  await page.goto(link)
  await page.locator('#set-password').fill(NEW)
  await page.locator('#set-confirm').fill(NEW)
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/syndic$/)
  await uiLogout(page)
  await uiLogin(page, { email: world.syndic.email, password: NEW }, '/syndic')
  await uiLogout(page)

  await page.goto(link)
  await page.locator('#set-password').fill('Another-e2e-2026!')
  await page.locator('#set-confirm').fill('Another-e2e-2026!')
  await page.locator('form button[type="submit"]').click()
  await expect(page.getByRole('alert')).toContainText(/already used/i)
  await expect(page.getByRole('link', { name: /ask for a new link/i })).toBeVisible()

  await uiLogin(page, SUPERADMIN, '/admin')
  await page.goto('/mail')
  const row = page
    .getByTestId('captured-mail')
    .getByRole('row')
    .filter({ hasText: world.syndic.email })
    .first()
  await row.getByRole('button').click()
  await expect(page.getByTestId('captured-mail-body')).toContainText('/reset-password?token=')
})

test('the superadmin invites a user without a password; the invitee chooses one and lands on their dashboard', async ({
  page,
  world,
}) => {
  const email = `invitee-${Date.now()}@e2e.test`
  await uiLogin(page, SUPERADMIN, '/admin')
  const users = page.getByTestId('users')
  await users.getByRole('button', { name: /^(New|Nouveau|Nieuw|Neu)$/ }).click()
  await page.locator('#users-email').fill(email)
  await page.locator('#users-first_name').fill('Anke')
  await page.locator('#users-last_name').fill('Peeters')
  await page.locator('#users-role').selectOption('owner')
  await page.locator('#users-organization_id').selectOption(world.orgId)
  await page.locator('#users-locale').selectOption('nl')
  await users.locator('form[novalidate] button[type="submit"]').click()
  await expect(users.getByRole('alert')).toHaveCount(0)
  await uiLogout(page)

  const link = await capturedLink(world.admin, email, 'set-password')
  await page.goto(link)
  await page.locator('#set-password').fill('Anke-Kiest-2026!')
  await page.locator('#set-confirm').fill('Anke-Kiest-2026!')
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/owner$/)
})

test('a user changes their password from the profile and stays signed in', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/profile')
  const form = page.getByTestId('change-password')
  await form.locator('#change-current').fill(world.syndic.password)
  await form.locator('#change-password').fill('Changed-e2e-2026!')
  await form.locator('#change-confirm').fill('Changed-e2e-2026!')
  await form.locator('button[type="submit"]').click()
  await expect(form.getByRole('status')).toContainText(/password changed/i)
  await page.reload()
  await expect(page).toHaveURL(/\/profile$/)
  await uiLogout(page)
  await uiLogin(page, { email: world.syndic.email, password: 'Changed-e2e-2026!' }, '/syndic')
})

/** WCAG 2.x A/AA, serious or critical findings fail (as a11y.spec.ts). */
async function scan(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('the password pages and the mail page have no serious WCAG A/AA violations', async ({ page }) => {
  await page.goto('/forgot-password')
  await expect(page.locator('#forgot-email')).toBeVisible()
  await expect(page.getByRole('combobox', { name: /language|langue|taal|sprache/i })).toHaveCount(1)
  await scan(page)
  await page.goto(`/reset-password?token=${'0'.repeat(64)}`)
  await page.locator('#set-password').fill('Whatever-2026!')
  await page.locator('#set-confirm').fill('Whatever-2026!')
  await page.locator('form button[type="submit"]').click()
  await expect(page.getByRole('alert')).toContainText(/not valid/i)
  await scan(page)
  await uiLogin(page, SUPERADMIN, '/admin')
  await page.goto('/mail')
  await expect(page.getByTestId('captured-mail')).toBeVisible()
  await scan(page)
})
