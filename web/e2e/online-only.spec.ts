// Issue #19 item 5, "every write the UI offers is queued offline or clearly disabled with the
// reason": the writes that go straight to the server (ownership changes, register import, upload,
// generating a distribution's documents, changing one's password; for the superadmin seeding and
// activating users) are disabled offline with a visible reason, and enabled again once back online.
// The queued ones (create, edit, delete, mark paid…) are proved in offline-safety.spec.ts.
import type { BrowserContext, Locator, Page } from '@playwright/test'
import { expect, SUPERADMIN, test, uiLogin, waitForServiceWorker } from './fixtures'

const REASON = 'Needs a connection: this goes straight to the server and is not kept for later.'
const IMPORT_REGISTER = /^Import register$/

/** Disabled, and its aria-describedby names a visible reason. */
async function disabledWithReason(page: Page, control: Locator, reason: string | RegExp = REASON) {
  await expect(control).toBeDisabled()
  // The reason is linked when the page has seen it is offline: a button may be disabled a moment
  // earlier for another cause (an empty form), so wait for the link rather than read it at once.
  await expect(control).toHaveAttribute('aria-describedby', /.+/)
  const id = await control.getAttribute('aria-describedby')
  expect(id, 'the disabled control points at its reason').toBeTruthy()
  await expect(page.locator(`[id="${id}"]`)).toBeVisible()
  await expect(page.locator(`[id="${id}"]`)).toHaveText(reason)
}

async function offline(context: BrowserContext, page: Page) {
  await context.setOffline(true)
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
}

async function online(context: BrowserContext, page: Page) {
  await context.setOffline(false)
  await expect(page.getByTestId('sync-online')).not.toHaveClass(/off/, { timeout: 10_000 })
}

test('@phone syndic: online-only writes are disabled offline with the reason, enabled again online', async ({
  page,
  context,
  world,
}) => {
  const b = await world.building(`Offline only ${Date.now()}`)
  const u = await world.unit(b.id, 'OO-1', 100)
  const expense = await world.expense(b.id, 10_000)
  await uiLogin(page, world.syndic, '/syndic')
  // Each page once online: its lists are then in the offline cache.
  for (const path of ['/units', '/expenses', '/documents', '/profile', '/buildings']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  }
  await waitForServiceWorker(page)

  // Buildings: the register import (checking and importing a file go to the server).
  const buildingRow = page.getByTestId('buildings').locator('tbody tr', { hasText: b.name })
  await buildingRow.getByRole('button', { name: IMPORT_REGISTER }).click()
  const check = buildingRow
    .locator('section.register-import')
    .getByRole('button', { name: /^Check the file$/ })
  await offline(context, page)
  await disabledWithReason(page, check)
  await online(context, page)
  await expect(buildingRow.locator('section.register-import').getByTestId('needs-connection')).toHaveCount(0)
  await expect(check).not.toHaveAttribute('aria-describedby', /.+/)

  // Lots: a lot's owners dialog reads offline, its changes are disabled with the reason.
  await offline(context, page)
  await page.goto('/units')
  const unitRow = page.getByTestId('units').locator('tbody tr', { hasText: u.unit_number })
  await unitRow.getByRole('button', { name: 'Owners' }).click()
  const dialog = page.getByTestId('unit-owners')
  await expect(dialog.getByRole('button', { name: 'Add an owner' })).toBeDisabled()
  await expect(dialog.getByText(/Changing owners needs a connection/)).toBeVisible()
  await online(context, page)
  await expect(dialog.getByRole('button', { name: 'Add an owner' })).toBeEnabled()
  await page.keyboard.press('Escape')

  // Expenses: generating a distribution's PDF and CSV is a job on the server.
  await offline(context, page)
  await page.goto('/expenses')
  const expenseRow = page.getByTestId('expenses').locator('tbody tr', { hasText: expense.description })
  const generate = expenseRow.getByRole('button', { name: 'PDF / CSV' })
  await disabledWithReason(page, generate)
  // Mark paid is queued instead: it stays enabled.
  await expect(expenseRow.getByRole('button', { name: /^Mark paid$/ })).toBeEnabled()
  await online(context, page)
  await expect(generate).toBeEnabled()

  // Documents: an upload (files are not kept on the device).
  await offline(context, page)
  await page.goto('/documents')
  await disabledWithReason(
    page,
    page.getByRole('button', { name: /^Upload$/ }),
    'Uploading needs a connection: files are not kept on the device.',
  )
  await online(context, page)
  await expect(page.getByRole('button', { name: /^Upload$/ })).toBeEnabled()

  // Profile: changing the password.
  await offline(context, page)
  await page.goto('/profile')
  const change = page.getByTestId('change-password').locator('button[type="submit"]')
  await disabledWithReason(page, change)
  await online(context, page)
  await expect(change).toBeEnabled()
})

test('superadmin: seeding and activating users are disabled offline with the reason', async ({
  page,
  context,
}) => {
  await uiLogin(page, SUPERADMIN, '/admin')
  await waitForServiceWorker(page)
  const seed = page.getByTestId('seed')
  const demo = seed.getByRole('button', { name: /demo/i }).first()
  await expect(demo).toBeEnabled()
  const users = page.getByTestId('users')
  await expect(users.locator('tbody tr').first()).toBeVisible()
  const activation = users
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^(Deactivate|Activate)$/ })

  await offline(context, page)
  await disabledWithReason(page, demo)
  await disabledWithReason(page, activation)
  await online(context, page)
  await expect(demo).toBeEnabled()
  await expect(activation).toBeEnabled()
})
