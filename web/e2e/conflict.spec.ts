import { expect, test, uiLogin, waitForServiceWorker } from './fixtures'

test('an offline edit of a row changed meanwhile becomes a conflict; keep mine wins', async ({
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

  await context.setOffline(true)
  await section
    .locator('tbody tr', { hasText: b.name })
    .getByRole('button', { name: /^(Edit|Modifier|Bewerken|Bearbeiten)$/ })
    .click()
  await page.locator('#buildings-city').fill('Mine-ville')
  await section.locator('form[novalidate] button[type="submit"]').click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1')

  // Someone else edits the same building while we are offline.
  await world.syndicApi.put(`/buildings/${b.id}`, { city: 'Their-town' }, b.version)

  await context.setOffline(false)
  await page
    .getByRole('button', { name: /^(Sync now|Synchroniser|Nu synchroniseren|Jetzt synchronisieren)$/ })
    .click()
  const conflict = page.getByTestId('conflict')
  await expect(conflict).toBeVisible()
  await expect(conflict).toContainText('Mine-ville')
  await expect(conflict).toContainText('Their-town')

  await conflict
    .getByRole('button', { name: /^(Keep mine|Garder la mienne|Mijn versie houden|Meine behalten)$/ })
    .click()
  await expect(page.getByTestId('conflict')).toHaveCount(0)
  await expect
    .poll(async () => (await world.syndicApi.get<{ city: string }>(`/buildings/${b.id}`)).city)
    .toBe('Mine-ville')
})

test("take the server's: my offline edit is dropped", async ({ page, context, world }) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  const section = page.getByTestId('buildings')
  await expect(section.locator('tbody tr', { hasText: b.name })).toBeVisible()

  await context.setOffline(true)
  await section
    .locator('tbody tr', { hasText: b.name })
    .getByRole('button', { name: /^(Edit|Modifier|Bewerken|Bearbeiten)$/ })
    .click()
  await page.locator('#buildings-city').fill('Mine-ville')
  await section.locator('form[novalidate] button[type="submit"]').click()
  await world.syndicApi.put(`/buildings/${b.id}`, { city: 'Their-town' }, b.version)
  await context.setOffline(false)
  await page
    .getByRole('button', { name: /^(Sync now|Synchroniser|Nu synchroniseren|Jetzt synchronisieren)$/ })
    .click()

  const conflict = page.getByTestId('conflict')
  await conflict
    .getByRole('button', {
      name: /^(Take the server’s|Prendre celle du serveur|Serverversie nemen|Serverversion übernehmen)$/,
    })
    .click()
  await expect(page.getByTestId('conflict')).toHaveCount(0)
  expect((await world.syndicApi.get<{ city: string }>(`/buildings/${b.id}`)).city).toBe('Their-town')
})
