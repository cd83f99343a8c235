import { expect, test, uiLogin, uiLogout } from './fixtures'

test('language choice switches the UI and is remembered', async ({ page }) => {
  await page.goto('/login')
  await page.locator('#login-language').selectOption('nl')
  await expect(page.locator('h1')).toHaveText('Aanmelden')
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await page.reload()
  await expect(page.locator('h1')).toHaveText('Aanmelden')
  for (const [code, title] of [
    ['fr', 'Connexion'],
    ['de', 'Anmelden'],
    ['en', 'Sign in'],
  ] as const) {
    await page.locator('#login-language').selectOption(code)
    await expect(page.locator('h1')).toHaveText(title)
  }
})

test('the default language follows the browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-BE' })
  const page = await context.newPage()
  await page.goto('/login')
  await expect(page.locator('h1')).toHaveText('Anmelden')
  await context.close()
})

test('amounts and dates follow the chosen language (Belgian formats)', async ({ page, world }) => {
  const b = await world.building()
  const e = await world.expense(b.id, 123_456, `Toiture ${Date.now()}`)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/expenses')
  const row = page.getByTestId('expenses').locator('tbody tr', { hasText: e.description })
  const cases = [
    ['nl', /€\s1\.234,56/, '31 mrt 2026', 'Uitgaven'],
    ['de', /1\.234,56\s€/, '31.03.2026', 'Ausgaben'],
    ['fr', /1\s234,56\s€/, '31 mars 2026', 'Dépenses'],
    ['en', /€1,234\.56/, '31 Mar 2026', 'Expenses'],
  ] as const
  for (const [code, amount, day, title] of cases) {
    await page.locator('#lang-header').selectOption(code)
    await expect(page.locator('html')).toHaveAttribute('lang', code)
    await expect(page.getByTestId('expenses').getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(row).toContainText(amount)
    await expect(row).toContainText(day)
  }
})

test('the language chosen on a dashboard is kept after reload and sign-in', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.locator('#lang-header').selectOption('de')
  await expect(page.getByRole('navigation').first().locator('a[href="/units"]')).toHaveText('Lose')
  await page.reload()
  await expect(page.locator('#lang-header')).toHaveValue('de')
  await expect(page.getByRole('navigation').first().locator('a[href="/units"]')).toHaveText('Lose')
  await expect(page.getByTestId('sync-online')).toHaveText('Online')
  await uiLogout(page)
  await expect(page.locator('h1')).toHaveText('Anmelden')
})
