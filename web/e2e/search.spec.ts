import { expect, test, uiLogin } from './fixtures'

test('syndic: one search box finds buildings, lots and owners by part of their name, any case', async ({
  page,
  world,
}) => {
  const stamp = Date.now().toString(36)
  const b = await world.building(`Les Glycines ${stamp}`)
  await world.unit(b.id, `GLY-${stamp}`, 100)
  const o = await world.owner(`Glymont${stamp}`)
  await uiLogin(page, world.syndic, '/syndic')
  const box = page.getByRole('searchbox', { name: 'Search buildings, lots and owners' })
  await box.fill('gly')
  const results = page.getByTestId('search-results')
  await expect(results.getByRole('link')).toHaveCount(3)
  await expect(results.getByRole('link', { name: new RegExp(`^Les Glycines ${stamp}`) })).toHaveAttribute(
    'href',
    `/buildings/${b.id}`,
  )
  await expect(results.getByRole('link', { name: new RegExp(`^GLY-${stamp}`) })).toHaveAttribute(
    'href',
    `/buildings/${b.id}`,
  )
  await expect(results.getByRole('link', { name: new RegExp(`Glymont${stamp}`) })).toHaveAttribute(
    'href',
    `/owners/${o.id}`,
  )
  await box.fill('zzqx-nothing')
  await expect(results).toContainText('Nothing found')
  await box.press('Escape')
  await expect(results).toHaveCount(0)
})

test('the list filters match partially and case-insensitively: city "brux" finds Bruxelles', async ({
  page,
  world,
}) => {
  const brussels = await world.building()
  const namur = await world.syndicApi.post<{ name: string }>('/buildings', {
    name: `Namur ${Date.now()}`,
    address: 'Rue de Fer 1',
    city: 'Namur',
    postal_code: '5000',
    country: 'Belgium',
    total_units: 2,
    total_tantiemes: 1000,
  })
  await uiLogin(page, world.syndic, '/syndic')
  const list = page.getByTestId('buildings')
  await list.locator('#buildings-filter-city').fill('brux')
  await list.getByRole('button', { name: 'Filter' }).click()
  await expect(list.locator('tbody tr')).toHaveCount(1)
  await expect(list.locator('tbody tr')).toContainText(brussels.name)
  await expect(list.locator('tbody tr', { hasText: namur.name })).toHaveCount(0)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test('@phone the search box is reachable and its results stay on screen', async ({ page, world }) => {
    const b = await world.building(`Phone Tower ${Date.now()}`)
    await uiLogin(page, world.syndic, '/syndic')
    // On a phone the search box lives in the header's menu (the header stays one line high).
    await page.getByRole('banner').getByRole('button', { name: 'Menu' }).click()
    await page.getByRole('searchbox').fill('phone tow')
    const link = page.getByTestId('search-results').getByRole('link').first()
    await expect(link).toHaveAttribute('href', `/buildings/${b.id}`)
    const box = await page.getByTestId('search-results').boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
  })
})
