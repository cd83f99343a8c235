// Issue #19 item 9: the owner portal, phone first: the building of each lot, what I owe, how to
// pay, the agenda of upcoming meetings, my documents.
import type { Page } from '@playwright/test'
import { expectNoHorizontalScroll, expectNoSeriousAxe, expectWithinViewportWidth, PHONE } from './axe-scan'
import { expect, test, uiLogin, type World } from './fixtures'

async function portal(page: Page, world: World) {
  const tag = Date.now().toString(36)
  const building = await world.building(`Les Tilleuls ${tag}`)
  const { account, owner } = await world.ownerAccount(`Martin${tag}`)
  const lot = await world.unit(building.id, '0A', 250)
  await world.ownership(lot.id, owner.id)
  await world.expense(building.id, 40_000, `Cleaning ${tag}`)
  const meeting = await world.meeting(building.id, `AG ${tag}`)
  const document = await world.document(building.id, `Minutes ${tag}`)

  await uiLogin(page, account, '/owner')
  const lots = page.getByTestId('owner-lots')
  // Each lot says which building it is in: name and address, not the lot type twice.
  await expect(lots).toContainText('0A')
  await expect(lots).toContainText(building.name)
  await expect(lots).toContainText('Rue de la Loi 16')
  await expect(lots).toContainText('1000 Bruxelles')
  // My share: 25 % of €400.00. Whether the association paid its supplier is said as such, never
  // as "to pay" / "paid" by the owner (issue #15 item 2, ADR 0031): calls for funds say what is due.
  const owe = page.getByTestId('owner-owe')
  await expect(owe).toContainText('€100.00')
  await expect(owe).toContainText(`Cleaning ${tag}`)
  await expect(owe).toContainText('My share of the charges')
  await expect(owe).toContainText('invoice not yet paid by the association')
  await expect(owe).not.toContainText('To pay')
  // How to pay: the syndic's payment details are not in the API yet — said, not invented.
  await expect(page.getByTestId('owner-how-to-pay')).toContainText('payment details')
  // The agenda of upcoming meetings, with the date and the place.
  const agenda = page.getByTestId('owner-agenda')
  await expect(agenda).toContainText(meeting.title)
  await expect(agenda).toContainText('Salle des fêtes')
  await expect(agenda).toContainText('Approval of the accounts')
  await expect(page.getByTestId('documents')).toContainText(document.title)
  await expectNoSeriousAxe(page)
  return { building }
}

test('owner portal: building of each lot, what I owe, how to pay, agenda, documents', async ({
  page,
  world,
}) => {
  await portal(page, world)
})

test.describe('phone 390 px @phone', () => {
  test.use({ viewport: PHONE })
  test('owner portal on a phone: amounts visible, no sideways scrolling @phone', async ({ page, world }) => {
    await portal(page, world)
    await expectWithinViewportWidth(page, page.getByTestId('owner-owe').getByText('€100.00').first())
    await expectNoHorizontalScroll(page)
    const header = await page.getByRole('banner').boundingBox()
    expect(header?.height ?? 999).toBeLessThanOrEqual(PHONE.height * 0.15)
  })
})
