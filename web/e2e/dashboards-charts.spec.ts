import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test, uiLogin, type World } from './fixtures'

/** Two buildings; three expenses in two categories over two months (6 000 € in total). */
async function expenses(world: World) {
  const a = await world.building()
  const b = await world.building()
  const post = (buildingId: string, category: string, amount_cents: number, expense_date: string) =>
    world.syndicApi.post('/expenses', {
      building_id: buildingId,
      category,
      description: `${category} ${expense_date}`,
      amount_cents,
      expense_date,
    })
  await post(a.id, 'Maintenance', 100_000, '2026-02-10')
  await post(a.id, 'Insurance', 300_000, '2026-03-10')
  await post(b.id, 'Insurance', 200_000, '2026-03-20')
  return { a, b }
}

const blocking = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

test('syndic: expenses by category and by month as charts, with a summary and a table; per building', async ({
  page,
  world,
}) => {
  const { a } = await expenses(world)
  const chartRequests: string[] = []
  page.on('request', (r) => r.url().includes('/assets/bar-chart') && chartRequests.push(r.url()))
  await page.goto('/login')
  // The login page does not load the chart library: it is its own chunk, fetched by the dashboard.
  expect(chartRequests).toEqual([])
  await uiLogin(page, world.syndic, '/syndic')
  const byCategory = page.getByTestId('chart-category')
  await expect(byCategory.locator('canvas')).toHaveCount(1)
  expect(chartRequests.length).toBeGreaterThan(0)
  await expect(byCategory).toContainText('3 expenses, €6,000.00 in total; the largest: Insurance (€5,000.00)')
  await byCategory.getByText('Figures of the chart').click()
  await expect(byCategory.locator('tbody tr')).toHaveText([
    /Insurance\s*€5,000\.00\s*2/,
    /Maintenance\s*€1,000\.00\s*1/,
  ])
  const byMonth = page.getByTestId('chart-month')
  await expect(byMonth.locator('canvas')).toHaveCount(1)
  await byMonth.getByText('Figures of the chart').click()
  await expect(byMonth.locator('tbody th')).toHaveText([/Feb 2026/, /Mar 2026/])

  await page.getByTestId('charts-building').selectOption(a.id)
  await expect(byCategory).toContainText('2 expenses, €4,000.00 in total')
  expect(await blocking(page)).toEqual([])
})

test('accountant: the same charts on the accountant dashboard', async ({ page, world }) => {
  await expenses(world)
  const accountant = await world.user('accountant')
  await uiLogin(page, accountant, '/accountant')
  await expect(page.getByTestId('chart-category').locator('canvas')).toHaveCount(1)
  await expect(page.getByTestId('chart-month')).toContainText('3 expenses')
})

test('the counters refresh after an action: a building created from the dashboard counts at once', async ({
  page,
  world,
}) => {
  await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  const card = page.getByTestId('stats').locator('li').first()
  await expect(card).toContainText('1')
  const list = page.getByTestId('buildings')
  await list.getByRole('button', { name: 'New' }).click()
  await page.locator('#buildings-name').fill('Résidence Compteur')
  await page.locator('#buildings-address').fill('Rue Neuve 1')
  await page.locator('#buildings-city').fill('Namur')
  await page.locator('#buildings-postal_code').fill('5000')
  await page.locator('#buildings-country').fill('Belgium')
  await list.locator('form[novalidate] button[type="submit"]').click()
  await expect(list.locator('tbody tr', { hasText: 'Résidence Compteur' })).toBeVisible()
  await expect(card.locator('.stat-value')).toHaveText('2')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test('@phone the charts fit the screen and keep their text alternative', async ({ page, world }) => {
    await expenses(world)
    await uiLogin(page, world.syndic, '/syndic')
    const chart = page.getByTestId('chart-category')
    await expect(chart.locator('canvas')).toHaveCount(1)
    const box = await chart.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    await expect(chart.locator('.chart-summary')).toContainText('3 expenses')
  })
})
