import { expect, SUPERADMIN, test, uiLogin, uiLogout } from './fixtures'

test('the landing page presents the app and leads to the login form', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KoproGo')
  await page.getByRole('link', { name: /sign in|log in/i }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.locator('#login-email')).toBeVisible()
})

test('unauthenticated visitors are sent to /login', async ({ page }) => {
  await page.goto('/syndic')
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.locator('h1')).toBeVisible()
})

test('wrong password shows an error and stays on /login', async ({ page, world }) => {
  await page.goto('/login')
  // A test user's e-mail, not the superadmin's: failures count towards that account's lockout.
  await page.locator('#login-email').fill(world.syndic.email)
  await page.locator('#login-password').fill('not-the-password')
  await page.locator('form button[type="submit"]').click()
  await expect(page.getByRole('alert')).toContainText(/incorrect|invalid|wrong/i)
  await expect(page).toHaveURL(/\/login$/)
  expect(await page.evaluate(() => localStorage.getItem('koprogo.session'))).toBeNull()
})

test('the session survives a reload and a new tab', async ({ page, context, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.reload()
  await expect(page).toHaveURL(/\/syndic$/)
  await expect(page.getByTestId('current-user')).toContainText('E2E syndic')
  const second = await context.newPage()
  await second.goto('/buildings')
  await expect(second).toHaveURL(/\/buildings$/)
  await expect(second.getByTestId('buildings')).toBeVisible()
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
  // Its eight pages, the books and the suppliers (issue #15).
  await expect(nav.getByRole('link', { name: /./ })).toHaveCount(10)
  await expect(nav.locator('a[href="/books"]')).toHaveCount(1)
  await expect(nav.locator('a[href="/suppliers"]')).toHaveCount(1)
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

test('logout returns to /login, forgets the session and the offline data', async ({
  page,
  context,
  world,
}) => {
  await uiLogin(page, world.syndic, '/syndic')
  await expect(page.getByTestId('buildings')).toBeVisible()
  const dbName = `koprogo-${world.syndic.id}`
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
    .toContain(dbName)
  await uiLogout(page)
  expect(await page.evaluate(() => localStorage.getItem('koprogo.session'))).toBeNull()
  // Neither the profile (ADR 0017) nor the refresh cookie survives a sign-out.
  expect(await page.evaluate(() => localStorage.getItem('koprogo.profile'))).toBeNull()
  expect((await context.cookies()).map((c) => c.name)).not.toContain('koprogo_refresh')
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
    .not.toContain(dbName)
  for (const path of ['/buildings', '/syndic', '/profile']) {
    await page.goto(path)
    await expect(page).toHaveURL(/\/login$/)
  }
})
