import { expect, SUPERADMIN, test, uiLogin, uiLogout } from './fixtures'

type Captured = { id: string; to: string; subject: string }

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

  let mail: Captured | undefined
  await expect
    .poll(
      async () => {
        const list = await world.admin.get<{ data: Captured[] }>('/mail/captured?per_page=100&order=desc')
        mail = list.data.find((m) => m.to === world.syndic.email)
        return mail?.subject
      },
      { timeout: 15_000 },
    )
    .toMatch(/reset/i)
  const detail = await world.admin.get<{ text: string }>(`/mail/captured/${mail?.id}`)
  const link = /\/reset-password\?token=[0-9a-f]{64}/.exec(detail.text)?.[0]
  expect(link).toBeTruthy()

  const NEW = 'Brand-New-e2e-2026!'
  await page.goto(link ?? '')
  await page.locator('#set-password').fill(NEW)
  await page.locator('#set-confirm').fill(NEW)
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/syndic$/)
  await uiLogout(page)
  await uiLogin(page, { email: world.syndic.email, password: NEW }, '/syndic')
  await uiLogout(page)

  await page.goto(link ?? '')
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
