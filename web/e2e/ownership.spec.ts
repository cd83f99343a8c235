// Issue #20 item 15: a syndic manages the owners of a lot from the web app — indivision typed as
// fractions, a sale with a future deed date, usufruct / bare ownership with a designated voter,
// the history per lot and per owner — at desktop size and on a phone.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, test, uiLogin } from './fixtures'

const brusselsToday = () => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date())
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** WCAG 2.x A/AA: no serious or critical finding (same rule as a11y.spec.ts). */
const scan = async (page: Page) => {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

const openOwners = async (page: Page, unitNumber: string): Promise<Locator> => {
  const row = page.getByTestId('units').locator('tbody tr', { hasText: unitNumber })
  await row.getByRole('button', { name: 'Owners' }).click()
  const dialog = page.getByRole('dialog', { name: `Owners of lot ${unitNumber}` })
  await expect(dialog).toBeVisible()
  return dialog
}

const ownerRow = (dialog: Locator, ownerId: string) =>
  dialog.getByTestId('own-on-date').locator(`tr[data-owner-id="${ownerId}"]`)

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(label, () => {
    test.use({ viewport })

    test(`syndic links owners, records a future sale, dismembers a lot and reads the history (${label})`, async ({
      page,
      world,
    }) => {
      const building = await world.building()
      await world.unit(building.id, 'A1', 100)
      await world.unit(building.id, 'A2', 80)
      const anne = await world.owner('Alpha')
      const bruno = await world.owner('Bravo')
      const chloe = await world.owner('Charlie')
      const diane = await world.owner('Delta')
      const eric = await world.owner('Echo')
      const today = brusselsToday()
      const deed = `${Number(today.slice(0, 4)) + 1}-06-30`

      await uiLogin(page, world.syndic, '/syndic')
      await page.goto('/units')
      let dialog = await openOwners(page, 'A1')
      await expect(dialog).toContainText('No owner on this date')

      // Indivision typed as fractions: 1/3 + 2/3 is exactly one lot.
      await dialog.getByRole('button', { name: 'Add an owner' }).click()
      await expect(page.locator('#own-add-owner')).toBeFocused()
      await page.locator('#own-add-owner').selectOption(anne.id)
      await page.locator('#own-add-share').fill('1/3')
      await expect(dialog.getByTestId('share-sent')).toContainText('0.333333')
      await expect(dialog.getByTestId('share-sent')).toContainText('rounded')
      await page.locator('#own-add-start').fill('2020-01-01')
      await dialog.getByTestId('own-add-form').getByRole('button', { name: 'Save' }).click()
      await expect(ownerRow(dialog, anne.id)).toContainText('0.333333')

      await dialog.getByRole('button', { name: 'Add an owner' }).click()
      await page.locator('#own-add-owner').selectOption(bruno.id)
      await page.locator('#own-add-share').fill('2/3')
      await page.locator('#own-add-start').fill('2020-01-01')
      await dialog.getByTestId('own-add-form').getByRole('button', { name: 'Save' }).click()
      await expect(ownerRow(dialog, bruno.id)).toContainText('0.666667')

      // A third owner would exceed the lot: the API's 409, in the user's language, at the share.
      await dialog.getByRole('button', { name: 'Add an owner' }).click()
      await page.locator('#own-add-owner').selectOption(chloe.id)
      await page.locator('#own-add-share').fill('1,5')
      await expect(page.locator('#own-add-share-error')).toContainText('at most 1')
      await page.locator('#own-add-share').fill('0,5')
      await page.locator('#own-add-start').fill('2020-01-01')
      await dialog.getByTestId('own-add-form').getByRole('button', { name: 'Save' }).click()
      await expect(page.locator('#own-add-share-error')).toContainText('would exceed the whole lot from')
      await expect(page.locator('#own-add-share')).toHaveAttribute('aria-invalid', 'true')
      await scan(page)
      // Esc closes the form, not the dialog.
      await page.keyboard.press('Escape')
      await expect(dialog.getByTestId('own-add-form')).toHaveCount(0)
      await expect(dialog).toBeVisible()

      // A sale with a future deed date: the sellers (both, by default) own the lot until then.
      await dialog.getByRole('button', { name: 'Record a sale' }).click()
      await expect(page.locator('#own-transfer-deed')).toBeFocused()
      await page.locator('#own-transfer-deed').fill(deed)
      await expect(page.locator(`#own-seller-${anne.id}`)).toBeChecked()
      await expect(page.locator(`#own-seller-${bruno.id}`)).toBeChecked()
      await page.locator('#own-buyer-0-owner').selectOption(chloe.id)
      await page.locator('#own-buyer-0-share').fill('1')
      await dialog.getByTestId('own-transfer-form').getByRole('button', { name: 'Record a sale' }).click()
      await expect(dialog.getByTestId('own-transfer-form')).toHaveCount(0)
      await expect(ownerRow(dialog, anne.id)).toBeVisible()
      await expect(ownerRow(dialog, bruno.id)).toBeVisible()
      await expect(ownerRow(dialog, chloe.id)).toHaveCount(0)
      // Today the seller is still the lot's owner; on the deed date it is the buyer.
      await page.locator('#own-view-date').fill(deed)
      await expect(ownerRow(dialog, chloe.id)).toContainText('1 (100')
      await expect(ownerRow(dialog, anne.id)).toHaveCount(0)
      await page.locator('#own-view-date').fill(today)
      await expect(ownerRow(dialog, anne.id)).toBeVisible()

      // History of the lot: every link with its dates.
      await dialog.getByRole('button', { name: 'History' }).click()
      const history = dialog.getByTestId('own-history')
      await expect(history.locator('tbody tr')).toHaveCount(3)
      await expect(history.locator('tbody tr', { hasText: 'Alpha' })).not.toContainText('open')
      await expect(history.locator('tbody tr', { hasText: 'Charlie' })).toContainText('open')
      await dialog.getByRole('button', { name: 'Close' }).click()
      await expect(dialog).toHaveCount(0)
      await expect(page.getByTestId('units').locator('tbody tr', { hasText: 'A1' })).toContainText('Alpha')

      // Usufruct + bare ownership, then the bare owner designated to vote.
      dialog = await openOwners(page, 'A2')
      for (const [owner, right] of [
        [diane, 'usufruct'],
        [eric, 'bare'],
      ] as const) {
        await dialog.getByRole('button', { name: 'Add an owner' }).click()
        await page.locator('#own-add-owner').selectOption(owner.id)
        await page.locator('#own-add-share').fill('100 %')
        await page.locator('#own-add-right').selectOption(right)
        await page.locator('#own-add-start').fill('2021-01-01')
        await dialog.getByTestId('own-add-form').getByRole('button', { name: 'Save' }).click()
        await expect(ownerRow(dialog, owner.id)).toBeVisible()
      }
      await expect(ownerRow(dialog, diane.id)).toContainText('Usufruct')
      await expect(ownerRow(dialog, eric.id)).toContainText('Bare ownership')
      // Default: the usufructuary votes.
      await expect(ownerRow(dialog, diane.id).locator('td').nth(4)).toHaveText('Yes')
      await expect(ownerRow(dialog, eric.id).locator('td').nth(4)).toHaveText('No')
      await dialog.getByRole('button', { name: 'Representatives' }).click()
      await expect(page.locator('#own-rep-start')).toBeFocused()
      await page.locator('#own-rep-voter').selectOption(eric.id)
      await dialog.getByTestId('own-rep-form').getByRole('button', { name: 'Save' }).click()
      await expect(dialog.getByTestId('own-rep-form')).toHaveCount(0)
      await expect(ownerRow(dialog, eric.id).locator('td').nth(4)).toHaveText('Yes')
      await expect(ownerRow(dialog, diane.id).locator('td').nth(4)).toHaveText('No')
      // The calls for funds still go to the usufructuary.
      await expect(ownerRow(dialog, diane.id).locator('td').nth(5)).toHaveText('Yes')
      await scan(page)
      await page.keyboard.press('Escape')
      await expect(dialog).toHaveCount(0)

      // An owner's lots over time.
      await page.goto('/owners')
      await page
        .getByTestId('owners')
        .locator('tbody tr', { hasText: 'Alpha' })
        .getByRole('button', { name: 'Lots' })
        .click()
      const lots = page.getByRole('dialog', { name: /Lots of Alpha/ })
      await expect(lots.locator('tbody tr')).toHaveCount(1)
      await expect(lots.locator('tbody tr')).toContainText('A1')
      await expect(lots.locator('tbody tr')).toContainText('0.333333')
      await expect(lots.locator('tbody tr')).not.toContainText('open')
      await scan(page)
    })
  })
}

test('offline, the owners of a lot stay readable and the changes are disabled with the reason', async ({
  page,
  context,
  world,
}) => {
  const building = await world.building()
  const unit = await world.unit(building.id, 'B1', 100)
  const owner = await world.owner('Foxtrot')
  await world.ownership(unit.id, owner.id, 1)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/units')
  let dialog = await openOwners(page, 'B1')
  await expect(ownerRow(dialog, owner.id)).toContainText('1 (100')
  await expect(dialog.getByRole('button', { name: 'Add an owner' })).toBeEnabled()
  await dialog.getByRole('button', { name: 'Close' }).click()

  await context.setOffline(true)
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
  dialog = await openOwners(page, 'B1')
  await expect(ownerRow(dialog, owner.id)).toContainText('1 (100')
  await expect(dialog.getByRole('status').or(dialog.locator('.notice-info'))).toContainText(
    'Changing owners needs a connection',
  )
  for (const name of ['Add an owner', 'Record a sale', 'Representatives', `End the link of Foxtrot Anne`]) {
    await expect(dialog.getByRole('button', { name })).toBeDisabled()
  }
  await context.setOffline(false)
  await expect(dialog.getByRole('button', { name: 'Add an owner' })).toBeEnabled()
})
