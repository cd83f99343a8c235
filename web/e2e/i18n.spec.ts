import { expect, test } from './fixtures'

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
