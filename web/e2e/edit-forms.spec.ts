// Issue #20, item 8: the API refuses fields it does not store. The app's own edit forms must send
// only what an update takes — a lot's or a meeting's building is fixed, so it is not resent.
import { expect, test, uiLogin } from './fixtures'

test('syndic edits a lot and a meeting; the saves are accepted', async ({ page, world }) => {
  const building = await world.building()
  const unit = await world.unit(building.id, `E${Date.now().toString(36)}`, 100)
  const meeting = await world.meeting(building.id)
  await uiLogin(page, world.syndic, '/syndic')

  await page.goto('/units')
  const units = page.getByTestId('units')
  const unitRow = units.locator('tbody tr', { hasText: unit.unit_number })
  await unitRow.getByRole('button', { name: /^(Edit|Modifier|Bewerken|Bearbeiten)$/ }).click()
  await expect(page.locator('#units-building_id')).toHaveCount(0)
  await page.locator('#units-quota').fill('120')
  await units.locator('form[novalidate] button[type="submit"]').click()
  await expect(units.locator('tbody tr', { hasText: unit.unit_number })).toContainText('120')
  await expect(units.getByRole('alert')).toHaveCount(0)

  await page.goto('/meetings')
  const meetings = page.getByTestId('meetings')
  const title = `${meeting.title} (edited)`
  await meetings
    .locator('tbody tr', { hasText: meeting.title })
    .getByRole('button', { name: /^(Edit|Modifier|Bewerken|Bearbeiten)$/ })
    .click()
  await page.locator('#meetings-title').fill(title)
  await meetings.locator('form[novalidate] button[type="submit"]').click()
  await expect(meetings.locator('tbody tr', { hasText: title })).toBeVisible()
})
