// Issue #19, items 2–6 and 11: data the user must not lose or corrupt, on a bad network too.
// Each test names the defect it guards against; the offline ones use Playwright's offline mode
// and request routing (context.route also sees the service worker's requests).
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test, uiLogin, waitForServiceWorker } from './fixtures'

const NEW = /^(New|Nouveau|Nieuw|Neu)$/
const EDIT = /^(Edit|Modifier|Bewerken|Bearbeiten)$/
const SUBMIT = 'form[novalidate] button[type="submit"]'
const isPath = (pathname: string) => (url: URL) => url.pathname === `/api/v1${pathname}`

async function offlineBuilding(page: Page, name: string) {
  const section = page.getByTestId('buildings')
  await section.getByRole('button', { name: NEW }).click()
  await page.locator('#buildings-name').fill(name)
  await page.locator('#buildings-address').fill('Rue Neuve 5')
  await page.locator('#buildings-city').fill('Namur')
  await page.locator('#buildings-postal_code').fill('5000')
  await page.locator('#buildings-country').fill('Belgium')
  await section.locator(SUBMIT).click()
  await expect(section.locator('tbody tr', { hasText: name })).toBeVisible()
}

async function noPageErrors(page: Page): Promise<string[]> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

async function goOnline(context: BrowserContext) {
  await context.setOffline(false)
}

/** On a phone the header's links and buttons are in a menu: opens it when it is folded. */
async function unfoldMenu(page: Page): Promise<void> {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' })
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click()
}

test('@phone amounts and areas accept the decimal comma; ambiguous numbers are refused next to the field', async ({
  page,
  world,
}) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/expenses')
  const section = page.getByTestId('expenses')
  await section.getByRole('button', { name: NEW }).click()
  await page.locator('#expenses-building_id').selectOption({ label: `${b.name} — Bruxelles` })
  await page.locator('#expenses-category').selectOption('Maintenance')
  await page.locator('#expenses-description').fill('Comma invoice')
  await page.locator('#expenses-expense_date').fill('2026-03-01')

  for (const bad of ['1.234,5', '1 234,57', '12,3,4', '12a']) {
    await page.locator('#expenses-amount').fill(bad)
    await section.locator(SUBMIT).click()
    await expect(page.locator('#expenses-amount-error')).toBeVisible()
  }
  await page.locator('#expenses-amount').fill('1234,57')
  await section.locator(SUBMIT).click()
  await expect(section.locator('tbody tr', { hasText: 'Comma invoice' })).toBeVisible()
  const list = await world.syndicApi.get<{ data: { description: string; amount_cents: number }[] }>(
    `/expenses?building_id=${b.id}`,
  )
  expect(list.data.find((e) => e.description === 'Comma invoice')?.amount_cents).toBe(123457)

  await page.goto('/units')
  const units = page.getByTestId('units')
  await units.getByRole('button', { name: NEW }).click()
  await page.locator('#units-building_id').selectOption({ label: `${b.name} — Bruxelles` })
  await page.locator('#units-unit_number').fill('C1')
  await page.locator('#units-unit_type').selectOption('Apartment')
  await page.locator('#units-surface_area').fill('85,5')
  await page.locator('#units-quota').fill('100')
  await units.locator(SUBMIT).click()
  await expect(units.locator('tbody tr', { hasText: 'C1' })).toBeVisible()
  const lots = await world.syndicApi.get<{ data: { unit_number: string; surface_area: number }[] }>(
    `/buildings/${b.id}/units`,
  )
  expect(lots.data.find((u) => u.unit_number === 'C1')?.surface_area).toBe(85.5)
})

test('@phone keep mine after a 409 applies only my fields; only fields both changed are a conflict', async ({
  page,
  context,
  world,
}) => {
  const a = await world.building()
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  const section = page.getByTestId('buildings')
  await expect(section.locator('tbody tr', { hasText: b.name })).toBeVisible()

  await context.setOffline(true)
  // Building a: I change the city, the other user the name → no conflict, both kept.
  await section.locator('tbody tr', { hasText: a.name }).getByRole('button', { name: EDIT }).click()
  await page.locator('#buildings-city').fill('Mine-ville')
  await section.locator(SUBMIT).click()
  // Building b: both change the city, the other user also the postal code.
  await section.locator('tbody tr', { hasText: b.name }).getByRole('button', { name: EDIT }).click()
  await page.locator('#buildings-city').fill('Mine-ville')
  await section.locator(SUBMIT).click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '2')

  await world.syndicApi.put(`/buildings/${a.id}`, { name: `${a.name} (renamed)` }, a.version)
  await world.syndicApi.put(`/buildings/${b.id}`, { city: 'Their-town', postal_code: '1050' }, b.version)
  await goOnline(context)

  const conflict = page.getByTestId('conflict')
  await expect(conflict).toHaveCount(1)
  // Named by the row, not its URL; one field in conflict (singular), the city.
  await expect(conflict).toContainText(b.name)
  await expect(conflict).not.toContainText('/buildings/')
  await expect(conflict).toContainText(/1 field\b/)
  await expect(conflict.locator('tbody tr')).toHaveCount(1)
  await expect(conflict).toContainText('Their-town')
  await expect(conflict).not.toContainText('1050')

  const serverA = await world.syndicApi.get<{ name: string; city: string }>(`/buildings/${a.id}`)
  expect(serverA).toMatchObject({ name: `${a.name} (renamed)`, city: 'Mine-ville' })

  await conflict.getByRole('button', { name: /^Keep mine$/ }).click()
  await expect(page.getByTestId('conflict')).toHaveCount(0)
  await expect
    .poll(async () => {
      const r = await world.syndicApi.get<{ city: string; postal_code: string }>(`/buildings/${b.id}`)
      return `${r.city}/${r.postal_code}`
    })
    .toBe('Mine-ville/1050')
})

test('@phone signing out with queued writes warns, offers to sync first and never drops them silently', async ({
  page,
  context,
  world,
}) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  await expect(page.getByTestId('buildings')).toBeVisible()
  await context.setOffline(true)
  const name = `Pending ${Date.now()}`
  await offlineBuilding(page, name)
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1')

  const signOut = page.getByRole('banner').getByRole('button', { name: /^Sign out$/ })
  await unfoldMenu(page)
  await signOut.click()
  const dialog = page.getByTestId('signout-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('1 change')
  await expect(dialog).toContainText(name)
  await dialog.getByTestId('signout-stay').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('current-user')).toBeVisible()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1')

  await unfoldMenu(page)
  await signOut.click()
  await context.setOffline(false)
  await dialog.getByTestId('signout-sync').click()
  await expect(page).toHaveURL(/\/login$/)
  const list = await world.syndicApi.get<{ data: { name: string }[] }>('/buildings?per_page=100')
  expect(list.data.filter((b) => b.name === name)).toHaveLength(1)
})

test('@phone offline, delete and mark-paid are queued like edits (no "Failed to fetch", no uncaught error)', async ({
  page,
  context,
  world,
  request,
}) => {
  const errors = await noPageErrors(page)
  const b = await world.building()
  const expense = await world.expense(b.id, 4200)
  const meeting = await world.meeting(b.id)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/meetings')
  await waitForServiceWorker(page)
  await expect(page.getByTestId('meetings').locator('tbody tr', { hasText: meeting.title })).toBeVisible()
  await page.goto('/expenses')
  const expenses = page.getByTestId('expenses')
  const row = expenses.locator('tbody tr', { hasText: expense.description })
  await expect(row).toBeVisible()

  await context.setOffline(true)
  await row.getByRole('button', { name: /^Mark paid$/ }).click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1')
  await expect(row).toContainText('Paid')

  await unfoldMenu(page)
  await page.getByRole('navigation').first().locator('a[href="/meetings"]').click()
  const meetings = page.getByTestId('meetings')
  const mrow = meetings.locator('tbody tr', { hasText: meeting.title })
  await mrow.getByRole('button', { name: /^Delete$/ }).click()
  await mrow.getByRole('button', { name: /^Confirm$/ }).click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '2')
  await expect(mrow).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)

  await goOnline(context)
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 15_000 })
  const paid = await world.syndicApi.get<{ payment_status: string }>(`/expenses/${expense.id}`)
  expect(paid.payment_status).toBe('Paid')
  const gone = await request.get(`/api/v1/meetings/${meeting.id}`, {
    headers: { Authorization: `Bearer ${world.syndic.token}` },
  })
  expect(gone.status()).toBe(404)
  expect(errors).toEqual([])
})

test('@phone a dropped reply: the outbox resumes by itself, once, without "Sync now"', async ({
  page,
  context,
  world,
}) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  await expect(page.getByTestId('buildings')).toBeVisible()
  let dropped = 0
  await context.route(isPath('/buildings'), async (route) => {
    if (route.request().method() === 'POST' && dropped === 0) {
      dropped++
      await route.fetch() // the server does the work…
      await route.abort('connectionreset') // …and the answer is lost on the way back
      return
    }
    await route.fallback()
  })
  const name = `Dropped ${Date.now()}`
  await offlineBuilding(page, name)
  // No click on "Sync now": connectivity is detected from real requests and retried with backoff.
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 12_000 })
  await expect(page.getByTestId('sync-online')).not.toHaveClass(/off/)
  expect(dropped).toBe(1)
  const list = await world.syndicApi.get<{ data: { name: string }[] }>('/buildings?per_page=100')
  expect(list.data.filter((b) => b.name === name)).toHaveLength(1)
})

test('@phone a slow network shows the cached copy at once, then the fresh one', async ({
  page,
  context,
  world,
}) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  const section = page.getByTestId('buildings')
  await expect(section.locator('tbody tr', { hasText: b.name })).toBeVisible()

  await world.syndicApi.put(`/buildings/${b.id}`, { city: 'Slowtown' }, b.version)
  await context.route(isPath('/buildings'), async (route) => {
    if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 5000))
    await route.fallback()
  })
  await page.reload()
  // The cached list at once, not "Loading…" for the 5 s the network takes.
  await expect(section.locator('tbody tr', { hasText: b.name })).toBeVisible({ timeout: 2500 })
  // Then refreshed behind it.
  await expect(section.locator('tbody tr', { hasText: b.name })).toContainText('Slowtown', {
    timeout: 10_000,
  })
})

test.describe('in French', () => {
  test.use({ locale: 'fr-BE' })

  test('@phone a server validation error is shown next to its field, in the user’s language', async ({
    page,
    world,
  }) => {
    const b = await world.building()
    await uiLogin(page, world.syndic, '/syndic')
    await page.goto('/buildings')
    const section = page.getByTestId('buildings')
    await section.locator('tbody tr', { hasText: b.name }).getByRole('button', { name: EDIT }).click()
    await page.locator('#buildings-construction_year').fill('2999')
    await section.locator(SUBMIT).click()
    const err = page.locator('#buildings-construction_year-error')
    await expect(err).toBeVisible()
    await expect(err).not.toContainText('must be')
    // No raw banner repeating the server's text: the banner only points at the fields.
    await expect(page.getByTestId('buildings').locator('.notice-error')).toHaveText(
      'Veuillez corriger les champs indiqués ci-dessous.',
    )
  })

  test('@phone documents: the accepted file types are said before an upload is refused', async ({
    page,
    world,
  }) => {
    const b = await world.building()
    let posted = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/documents')) posted++
    })
    await uiLogin(page, world.syndic, '/syndic')
    await page.goto('/documents')
    const form = page.getByTestId('documents').locator('form')
    await expect(form.locator('#doc-file-hint')).toContainText('PDF')
    await page.locator('#doc-building_id').selectOption({ label: `${b.name} — Bruxelles` })
    await page.locator('#doc-document_type').selectOption('Other')
    await page.locator('#doc-title').fill('Programme')
    await page
      .locator('#doc-file')
      .setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') })
    await form.locator('button[type="submit"]').click()
    await expect(page.locator('#doc-file-error')).toContainText('PDF')
    expect(posted).toBe(0)
  })
})
