import { expect, test, uiLogin, waitForServiceWorker } from './fixtures'

test('creates made offline are shown at once, replayed once on reconnect (no duplicates)', async ({
  page,
  context,
  world,
}) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  await expect(page.getByTestId('buildings')).toBeVisible()

  await context.setOffline(true)
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
  // The shell itself reloads offline (precached by the service worker).
  await page.reload()
  await expect(page.getByTestId('buildings')).toBeVisible()

  const name = `Offline ${Date.now()}`
  const section = page.getByTestId('buildings')
  await section.getByRole('button', { name: /^(New|Nouveau|Nieuw|Neu)$/ }).click()
  await page.locator('#buildings-name').fill(name)
  await page.locator('#buildings-address').fill('Rue Neuve 5')
  await page.locator('#buildings-city').fill('Namur')
  await page.locator('#buildings-postal_code').fill('5000')
  await page.locator('#buildings-country').fill('Belgium')
  await page.locator('#buildings-declared_units').fill('4')
  await section.locator('form[novalidate] button[type="submit"]').click()

  await expect(section.locator('tbody tr.pending', { hasText: name })).toBeVisible()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1')

  await context.setOffline(false)
  await page
    .getByRole('button', { name: /^(Sync now|Synchroniser|Nu synchroniseren|Jetzt synchronisieren)$/ })
    .click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0')
  await expect(section.locator('tbody tr', { hasText: name })).not.toHaveClass(/pending/)

  // Exactly one building with that name exists on the server, even after a second sync.
  await page
    .getByRole('button', { name: /^(Sync now|Synchroniser|Nu synchroniseren|Jetzt synchronisieren)$/ })
    .click()
  const list = await world.syndicApi.get<{ data: { name: string }[] }>(`/buildings?per_page=100`)
  expect(list.data.filter((b) => b.name === name)).toHaveLength(1)
})

test('a unit created offline inside an offline-created building gets the real building id', async ({
  page,
  context,
  world,
}) => {
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  await page.goto('/units')
  await expect(page.getByTestId('units')).toBeVisible()
  // A page shows at once now (no root Suspense, ADR 0034): wait until its reads (the list and
  // the buildings of its form) have answered, so they are in the offline cache.
  await expect(page.getByTestId('units').locator('[aria-busy="true"]')).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  await page.goto('/buildings')
  await context.setOffline(true)

  const name = `Parent ${Date.now()}`
  const buildings = page.getByTestId('buildings')
  await buildings.getByRole('button', { name: /^(New|Nouveau|Nieuw|Neu)$/ }).click()
  await page.locator('#buildings-name').fill(name)
  await page.locator('#buildings-address').fill('Rue 1')
  await page.locator('#buildings-city').fill('Gent')
  await page.locator('#buildings-postal_code').fill('9000')
  await page.locator('#buildings-country').fill('Belgium')
  await page.locator('#buildings-declared_units').fill('2')
  await buildings.locator('form[novalidate] button[type="submit"]').click()
  await expect(buildings.locator('tbody tr.pending', { hasText: name })).toBeVisible()

  await page.getByRole('navigation').first().locator('a[href="/units"]').click()
  const units = page.getByTestId('units')
  await units.getByRole('button', { name: /^(New|Nouveau|Nieuw|Neu)$/ }).click()
  await page.locator('#units-building_id').selectOption({ label: `${name} — Gent` })
  await page.locator('#units-unit_number').fill('B2')
  await page.locator('#units-unit_type').selectOption('Apartment')
  await page.locator('#units-surface_area').fill('70')
  await page.locator('#units-quota').fill('400')
  await units.locator('form[novalidate] button[type="submit"]').click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '2')

  await context.setOffline(false)
  await page
    .getByRole('button', { name: /^(Sync now|Synchroniser|Nu synchroniseren|Jetzt synchronisieren)$/ })
    .click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0')

  const all = await world.syndicApi.get<{ data: { id: string; name: string }[] }>('/buildings?per_page=100')
  const parent = all.data.find((b) => b.name === name)
  expect(parent).toBeTruthy()
  const children = await world.syndicApi.get<{ data: { unit_number: string }[] }>(
    `/buildings/${parent?.id}/units`,
  )
  expect(children.data.map((u) => u.unit_number)).toEqual(['B2'])
})
