import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

test('unauthenticated visitors are sent to /login', async ({ page }) => {
  await page.goto('/syndic')
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.locator('h1')).toBeVisible()
})

test('wrong password shows an error and stays on /login', async ({ page }) => {
  await page.goto('/login')
  await page.locator('#login-email').fill(SUPERADMIN.email)
  await page.locator('#login-password').fill('not-the-password')
  await page.locator('form button[type="submit"]').click()
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page).toHaveURL(/\/login$/)
})

test('client-side validation runs before sending', async ({ page }) => {
  await page.goto('/login')
  await page.locator('#login-email').fill('not-an-email')
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('#login-email-error')).toBeVisible()
  await expect(page.locator('#login-email')).toHaveAttribute('aria-invalid', 'true')
})

test('superadmin lands on /admin with platform stats and the seed manager', async ({ page }) => {
  await uiLogin(page, SUPERADMIN, '/admin')
  await expect(page.getByTestId('dashboard-admin')).toBeVisible()
  await expect(page.getByTestId('stats')).toBeVisible()
  await expect(page.getByTestId('seed')).toBeVisible()
  await expect(page.getByTestId('organizations')).toBeVisible()
})

test('syndic lands on /syndic and sees only its navigation', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  const nav = page.getByRole('navigation').first()
  await expect(nav.getByRole('link', { name: /./ })).toHaveCount(8)
  await expect(nav.locator('a[href="/admin"]')).toHaveCount(0)
})

test('accountant lands on /accountant; /admin redirects back there', async ({ page, world }) => {
  const accountant = await world.user('accountant')
  await uiLogin(page, accountant, '/accountant')
  await expect(page.getByTestId('expense-totals')).toBeVisible()
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/accountant$/)
})

test('owner lands on /owner; /buildings redirects back there', async ({ page, world }) => {
  const owner = await world.user('owner')
  await uiLogin(page, owner, '/owner')
  await expect(page.getByTestId('dashboard-owner')).toBeVisible()
  await page.goto('/buildings')
  await expect(page).toHaveURL(/\/owner$/)
  await expect(page.getByRole('navigation').first().locator('a[href="/buildings"]')).toHaveCount(0)
})

test('logout returns to /login and protects pages again', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.locator('header button', { hasText: /./ }).last().click()
  await expect(page).toHaveURL(/\/login$/)
  await page.goto('/buildings')
  await expect(page).toHaveURL(/\/login$/)
})
