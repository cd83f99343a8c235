// A navigation shows the new page at once, with its own loading state, however long the new
// page's requests take. Before, the router's transition kept the previous page on screen until
// every request the new page read had answered (they were read under the root <Suspense>): a
// slow or retried request left the Lots page showing under the Owners URL for 30 s.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// The service worker's fetches would bypass page.route; the page's own requests are the point.
test.use({ serviceWorkers: 'block' })

/** Holds every GET of the path (and its sub-paths) for a minute: the server never "answers". */
async function stall(page: Page, path: RegExp) {
  await page.route(
    (url) => path.test(url.pathname),
    async (route) => {
      if (route.request().method() !== 'GET') return route.fallback()
      await new Promise((r) => setTimeout(r, 60_000))
      await route.fallback().catch(() => {}) // the page may be gone by then
    },
  )
}

const nav = (page: Page) => page.getByRole('navigation').first()

test('@phone a navigation shows the new page at once while its requests are still pending', async ({
  page,
  world,
}) => {
  const b = await world.building()
  await world.unit(b.id, 'N1', 100)
  await page.goto('/login')
  await page.locator('#login-email').fill(world.syndic.email)
  await page.locator('#login-password').fill(world.syndic.password)
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/syndic$/)
  await page.goto('/units')
  await expect(page.getByTestId('units').locator('tbody tr', { hasText: 'N1' })).toBeVisible()

  await stall(page, /^\/api\/v1\/owners/)
  const menu = page.getByRole('button', { name: /^(Menu)$/ })
  if (await menu.isVisible()) await menu.click()
  await nav(page).locator('a[href="/owners"]').click()
  await expect(page).toHaveURL(/\/owners$/)
  // The Owners page, its heading and its loading state, within 2 s; the Lots page is gone.
  const owners = page.getByTestId('owners')
  await expect(owners.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 2_000 })
  await expect(owners.locator('[aria-busy="true"]')).toBeVisible({ timeout: 2_000 })
  await expect(page.getByTestId('units')).toHaveCount(0, { timeout: 2_000 })

  // And onwards from a page whose list never came: Buildings, its answer stalled too.
  await stall(page, /^\/api\/v1\/buildings/)
  if (await menu.isVisible()) await menu.click()
  await nav(page).locator('a[href="/buildings"]').click()
  await expect(page.getByTestId('buildings').getByRole('heading', { level: 1 })).toBeVisible({
    timeout: 2_000,
  })
  await expect(page.getByTestId('owners')).toHaveCount(0, { timeout: 2_000 })
})
