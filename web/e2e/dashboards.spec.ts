import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

const NEW = /^(New|Nouveau|Nieuw|Neu)$/
const navLinks = (page: import('@playwright/test').Page) =>
  page.getByRole('navigation').first().getByRole('link')

test('superadmin: platform figures, organizations and users; the new organization is listed', async ({
  page,
  world,
}) => {
  await uiLogin(page, SUPERADMIN, '/admin')
  await expect(navLinks(page).first()).toHaveAttribute('href', '/admin')
  await expect(page.getByTestId('stats')).toBeVisible()
  await expect(page.getByTestId('users')).toBeVisible()
  const org = await world.admin.get<{ name: string }>(`/organizations/${world.orgId}`)
  await expect(page.getByTestId('organizations')).toBeVisible()
  await expect(page.getByTestId('organizations').locator('tbody')).not.toHaveCount(0)
  expect(org.name).toMatch(/^E2E /)
})

test('syndic: creates a unit in a building and an owner from the UI', async ({ page, world }) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/units')
  const units = page.getByTestId('units')
  await units.getByRole('button', { name: NEW }).click()
  await page.locator('#units-building_id').selectOption(b.id)
  await page.locator('#units-unit_number').fill('3B')
  await page.locator('#units-unit_type').selectOption('Apartment')
  await page.locator('#units-surface_area').fill('92.5')
  await page.locator('#units-quota').fill('120')
  await units.locator('form[novalidate] button[type="submit"]').click()
  await expect(units.locator('tbody tr', { hasText: '3B' })).toBeVisible()
  const list = await world.syndicApi.get<{ data: { unit_number: string; quota: number }[] }>(
    `/buildings/${b.id}/units`,
  )
  expect(list.data).toEqual([expect.objectContaining({ unit_number: '3B', quota: 120 })])

  await page.getByRole('navigation').first().locator('a[href="/owners"]').click()
  const owners = page.getByTestId('owners')
  await owners.getByRole('button', { name: NEW }).click()
  const last = `Peeters${Date.now()}`
  await page.locator('#owners-first_name').fill('Jan')
  await page.locator('#owners-last_name').fill(last)
  await page.locator('#owners-email').fill(`${last.toLowerCase()}@e2e.test`)
  await page.locator('#owners-address').fill('Meir 1')
  await page.locator('#owners-city').fill('Antwerpen')
  await page.locator('#owners-postal_code').fill('2000')
  await page.locator('#owners-country').fill('Belgium')
  await owners.locator('form[novalidate] button[type="submit"]').click()
  await expect(owners.locator('tbody tr', { hasText: last })).toContainText('Antwerpen')
})

test('syndic: the dashboard tabs switch between resources', async ({ page, world }) => {
  const b = await world.building()
  await world.unit(b.id, 'T1', 50)
  await uiLogin(page, world.syndic, '/syndic')
  await expect(page.getByTestId('buildings').locator('tbody tr', { hasText: b.name })).toBeVisible()
  await page.getByRole('tab', { name: 'Lots' }).click()
  await expect(page).toHaveURL(/tab=units/)
  await expect(page.getByRole('tab', { name: 'Lots' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('units').locator('tbody tr', { hasText: 'T1' })).toBeVisible()
  await expect(page.getByTestId('stats')).toBeVisible()
})

test('accountant: sees expenses, marks one paid and reads its distribution; no write on buildings', async ({
  page,
  world,
}) => {
  const b = await world.building()
  const a = await world.unit(b.id, 'A', 600)
  const c = await world.unit(b.id, 'C', 400)
  const o1 = await world.owner('Dubois')
  const o2 = await world.owner('Janssens')
  await world.ownership(a.id, o1.id)
  await world.ownership(c.id, o2.id)
  const expense = await world.expense(b.id, 100_000, `Lift repair ${Date.now()}`)
  const accountant = await world.user('accountant')

  await uiLogin(page, accountant, '/accountant')
  const nav = navLinks(page)
  await expect(nav.first()).toHaveAttribute('href', '/accountant')
  await expect(page.getByRole('navigation').first().locator('a[href="/admin"]')).toHaveCount(0)
  await expect(page.getByTestId('expense-totals')).toBeVisible()

  const row = page.getByTestId('expenses').locator('tbody tr', { hasText: expense.description })
  await expect(row).toContainText('Pending')
  await expect(row).toContainText('€1,000.00')
  await row.getByRole('button', { name: 'Mark paid' }).click()
  await expect(row).toContainText('Paid')
  await expect(row.getByRole('button', { name: 'Mark paid' })).toHaveCount(0)
  await expect
    .poll(
      async () =>
        (await world.syndicApi.get<{ payment_status: string }>(`/expenses/${expense.id}`)).payment_status,
    )
    .toBe('Paid')

  await row.getByRole('button', { name: 'Distribution' }).click()
  const distribution = row.getByTestId('distribution')
  await expect(distribution).toContainText('A')
  await expect(distribution).toContainText('€600.00')
  await expect(distribution).toContainText('€400.00')

  // Read-only on the property register: the list shows, the "New" button does not.
  await page.goto('/buildings')
  await expect(page.getByTestId('buildings').locator('tbody tr', { hasText: b.name })).toBeVisible()
  await expect(page.getByTestId('buildings').getByRole('button', { name: NEW })).toHaveCount(0)
})

test('owner: sees only their own lots, charges, meetings and documents', async ({ page, world }) => {
  const mine = await world.building(`Mine ${Date.now()}`)
  const other = await world.building(`Other ${Date.now()}`)
  const { account, owner } = await world.ownerAccount('Lambert')
  const neighbour = await world.owner('Neighbour')
  const myLot = await world.unit(mine.id, 'M-12', 250)
  const theirLot = await world.unit(mine.id, 'M-99', 750)
  const elsewhere = await world.unit(other.id, 'X-1', 1000)
  await world.ownership(myLot.id, owner.id)
  await world.ownership(theirLot.id, neighbour.id)
  await world.ownership(elsewhere.id, neighbour.id)
  await world.expense(mine.id, 40_000, 'Cleaning March')
  const myMeeting = await world.meeting(mine.id, 'AG Mine 2027')
  const otherMeeting = await world.meeting(other.id, 'AG Other 2027')
  const myDoc = await world.document(mine.id, 'Minutes Mine')
  const otherDoc = await world.document(other.id, 'Minutes Other')

  await uiLogin(page, account, '/owner')
  await expect(navLinks(page)).toHaveText(['My home', 'Meetings', 'Documents', 'Profile'])
  const lots = page.getByTestId('owner-lots')
  await expect(lots).toContainText('M-12')
  await expect(lots).not.toContainText('M-99')
  await expect(lots).not.toContainText('X-1')
  // 25 % of €400.00, unpaid.
  await expect(page.getByTestId('owner-charge-totals')).toContainText('€100.00')
  await expect(page.getByTestId('owner-agenda')).toContainText(myMeeting.title)
  await expect(page.getByTestId('owner-agenda')).not.toContainText(otherMeeting.title)
  await expect(page.getByTestId('documents')).toContainText(myDoc.title)
  await expect(page.getByTestId('documents')).not.toContainText(otherDoc.title)

  for (const path of ['/buildings', '/units', '/owners', '/expenses', '/admin']) {
    await page.goto(path)
    await expect(page).toHaveURL(/\/owner$/)
  }
})
