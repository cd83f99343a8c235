import { expect, test, uiLogin } from './fixtures'

test('syndic creates a building with validation, edits and deletes it', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  const section = page.getByTestId('buildings')
  await section.getByRole('button', { name: /^(New|Nouveau|Nieuw|Neu)$/ }).click()

  // Empty submit: client-side errors next to fields, nothing sent.
  await section.locator('form[novalidate] button[type="submit"]').click()
  await expect(page.locator('#buildings-name-error')).toBeVisible()

  const name = `Tilleuls ${Date.now()}`
  await page.locator('#buildings-name').fill(name)
  await page.locator('#buildings-address').fill('Avenue Louise 1')
  await page.locator('#buildings-city').fill('Bruxelles')
  await page.locator('#buildings-postal_code').fill('1050')
  await page.locator('#buildings-country').fill('Belgium')
  await page.locator('#buildings-declared_units').fill('12')
  await section.locator('form[novalidate] button[type="submit"]').click()
  const row = section.locator('tbody tr', { hasText: name })
  await expect(row).toBeVisible()

  await row.getByRole('button', { name: /^(Edit|Modifier|Bewerken|Bearbeiten)$/ }).click()
  await page.locator('#buildings-city').fill('Ixelles')
  await section.locator('form[novalidate] button[type="submit"]').click()
  await expect(section.locator('tbody tr', { hasText: name })).toContainText('Ixelles')

  // Delete asks for confirmation first.
  await section.locator('tbody tr', { hasText: name }).locator('button.danger').click()
  await section.locator('tbody tr', { hasText: name }).locator('.confirm button.danger').click()
  await expect(section.locator('tbody tr', { hasText: name })).toHaveCount(0)
})

test('server field errors are shown next to the field', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/units')
  const b = await world.building()
  await page.reload()
  const section = page.getByTestId('units')
  await section.getByRole('button', { name: /^(New|Nouveau|Nieuw|Neu)$/ }).click()
  await page.locator('#units-building_id').selectOption(b.id)
  await page.locator('#units-unit_number').fill('A1')
  await page.locator('#units-unit_type').selectOption('Apartment')
  await page.locator('#units-surface_area').fill('80')
  await page.locator('#units-quota').fill('5000') // above the building's 1000 tantièmes
  await section.locator('form[novalidate] button[type="submit"]').click()
  await expect(section.getByRole('alert').first()).toBeVisible()
})
