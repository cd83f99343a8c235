// Issue #19 item 7: a building page, an owner page and a meeting page, reached by links from the
// lists, with breadcrumbs; at desktop and phone size.
import type { Page } from '@playwright/test'
import { expectNoHorizontalScroll, expectNoSeriousAxe, PHONE } from './axe-scan'
import { expect, test, uiLogin, type World } from './fixtures'

async function smallBuilding(world: World) {
  const tag = Date.now().toString(36)
  const building = await world.building(`Résidence Parc ${tag}`)
  const owner = await world.owner(`Dubois${tag}`)
  const lot = await world.unit(building.id, 'A-1', 400)
  await world.ownership(lot.id, owner.id)
  const expense = await world.expense(building.id, 123_457, `Lift repair ${tag}`)
  const meeting = await world.meeting(building.id, `AG ${tag}`)
  const document = await world.document(building.id, `Rules ${tag}`)
  return { building, owner, lot, expense, meeting, document }
}

async function walkDetailPages(page: Page, world: World) {
  const d = await smallBuilding(world)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  // The building's name in the list is a link to its page.
  await page.getByTestId('buildings').getByRole('link', { name: d.building.name }).click()
  await expect(page).toHaveURL(new RegExp(`/buildings/${d.building.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.building.name)
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(crumbs.getByRole('link', { name: 'Buildings' })).toHaveAttribute('href', '/buildings')
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(d.building.name)

  const lots = page.getByTestId('building-lots')
  await expect(lots).toContainText('A-1')
  await expect(lots).toContainText('400')
  await expect(lots).toContainText('100%')
  await expect(lots.getByRole('link', { name: new RegExp(d.owner.last_name) })).toBeVisible()
  await expect(page.getByTestId('building-owners')).toContainText(d.owner.last_name)
  await expect(page.getByTestId('building-expenses')).toContainText(d.expense.description)
  await expect(page.getByTestId('building-expenses')).toContainText('€1,234.57')
  await expect(page.getByTestId('building-meetings')).toContainText(d.meeting.title)
  await expect(page.getByTestId('building-documents')).toContainText(d.document.title)
  await expectNoSeriousAxe(page)
  if ((page.viewportSize()?.width ?? 0) < 600) await expectNoHorizontalScroll(page)

  // The owner's name leads to the owner's page: lots with right and share, charges, contact.
  await lots.getByRole('link', { name: new RegExp(d.owner.last_name) }).click()
  await expect(page).toHaveURL(new RegExp(`/owners/${d.owner.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(d.owner.last_name)
  await expect(
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Owners' }),
  ).toBeVisible()
  const ownerLots = page.getByTestId('owner-page-lots')
  await expect(ownerLots).toContainText('A-1')
  await expect(ownerLots).toContainText(d.building.name)
  await expect(ownerLots).toContainText('Full ownership')
  await expect(ownerLots).toContainText('100%')
  // 400/1000 of €1,234.57 = €493.83 (the server's exact share).
  await expect(page.getByTestId('owner-page-charges')).toContainText('€493.83')
  await expect(page.getByTestId('owner-page-contact')).toContainText(
    `${d.owner.last_name.toLowerCase()}@e2e.test`,
  )
  await expect(page.getByTestId('owner-page-documents')).toContainText(d.document.title)
  await expectNoSeriousAxe(page)
  if ((page.viewportSize()?.width ?? 0) < 600) await expectNoHorizontalScroll(page)

  // Back to the building by its link, then to the meeting's own page.
  await ownerLots.getByRole('link', { name: d.building.name }).click()
  await expect(page).toHaveURL(new RegExp(`/buildings/${d.building.id}$`))
  await page.getByTestId('building-meetings').getByRole('link', { name: d.meeting.title }).click()
  await expect(page).toHaveURL(new RegExp(`/meetings/${d.meeting.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.meeting.title)
  const meetingCrumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(meetingCrumbs.getByRole('link', { name: d.building.name })).toBeVisible()
  await expect(page.getByTestId('meeting-agenda')).toContainText('Approval of the accounts')
  await expectNoSeriousAxe(page)
  // The agenda and status actions live on the page, not in a table cell.
  await page.getByLabel('Add agenda item').fill('Roof works')
  await page.getByRole('button', { name: 'Add to the agenda' }).click()
  await expect(page.getByTestId('meeting-agenda')).toContainText('Roof works')
  // A meeting of 2027 cannot be recorded as held today (issue #14): refused with the reason,
  // next to the action, and nothing changes.
  await page.getByLabel('Attendees').fill('1')
  await page.getByRole('button', { name: 'Mark held' }).click()
  await expect(page.getByText(/cannot be recorded as held before its date/)).toBeVisible()
  await expect(page.getByTestId('meeting-status')).toHaveText('Scheduled')
  if ((page.viewportSize()?.width ?? 0) < 600) await expectNoHorizontalScroll(page)
}

test('detail pages: list → building → owner → building → meeting, with breadcrumbs', async ({
  page,
  world,
}) => {
  await walkDetailPages(page, world)
})

test('names are links in every list: buildings, owners, lots and meeting titles', async ({ page, world }) => {
  const d = await smallBuilding(world)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/units')
  const units = page.getByTestId('units')
  await expect(units.getByRole('link', { name: d.building.name })).toHaveAttribute(
    'href',
    `/buildings/${d.building.id}`,
  )
  await expect(units.getByRole('link', { name: 'A-1' })).toHaveAttribute(
    'href',
    `/buildings/${d.building.id}#lot-${d.lot.id}`,
  )
  await expect(units.getByRole('link', { name: new RegExp(d.owner.last_name) })).toHaveAttribute(
    'href',
    `/owners/${d.owner.id}`,
  )
  await page.goto('/owners')
  await expect(
    page.getByTestId('owners').getByRole('link', { name: new RegExp(d.owner.last_name) }),
  ).toHaveAttribute('href', `/owners/${d.owner.id}`)
  await page.goto('/expenses')
  await expect(page.getByTestId('expenses').getByRole('link', { name: d.building.name })).toHaveAttribute(
    'href',
    `/buildings/${d.building.id}`,
  )
  await page.goto('/meetings')
  const meetings = page.getByTestId('meetings')
  await expect(meetings.getByRole('link', { name: d.meeting.title })).toHaveAttribute(
    'href',
    `/meetings/${d.meeting.id}`,
  )
  // The meeting workflow is no longer folded into the table's action cell.
  await expect(meetings.getByLabel('Add agenda item')).toHaveCount(0)
})

test.describe('phone 390 px @phone', () => {
  test.use({ viewport: PHONE })
  test('detail pages at phone size @phone', async ({ page, world }) => {
    await walkDetailPages(page, world)
  })
})

test('an unknown building or meeting says so instead of loading forever', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings/01a00000-0000-7000-8000-000000000000')
  await expect(page.getByRole('alert')).toContainText('does not exist')
  await page.goto('/meetings/01a00000-0000-7000-8000-000000000000')
  await expect(page.getByRole('alert')).toContainText('does not exist')
})
