// Issue #19 item 10, "progress shown on long operations": seeding (seconds of password hashing on
// the server) shows an indeterminate progress bar and locks its buttons until the answer; an
// upload shows a bar whose value grows with the bytes sent, then the document is listed.
import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

// page.route must see the page's own requests, not the service worker's.
test.use({ serviceWorkers: 'block' })

test('@phone seeding shows a progress bar and locks its buttons until the server answers', async ({
  page,
}) => {
  await uiLogin(page, SUPERADMIN, '/admin')
  // The server's answer is held (and faked: the shared e2e database keeps no demo data) until
  // the test has seen the bar.
  let release: () => void = () => {}
  const held = new Promise<void>((r) => {
    release = r
  })
  await page.route(
    (url) => url.pathname === '/api/v1/seed/demo',
    async (route) => {
      await held
      await route.fulfill({ json: { message: 'Demo data loaded' } })
    },
  )
  const seed = page.getByTestId('seed')
  await seed.getByRole('button', { name: 'Load demo data' }).click()
  const progress = page.getByTestId('seed-progress')
  await expect(progress).toBeVisible()
  await expect(progress.getByRole('progressbar')).toBeVisible()
  await expect(progress).toHaveAttribute('role', 'status')
  await expect(seed.getByRole('button', { name: 'Load demo data' })).toBeDisabled()
  release()
  await expect(progress).toBeHidden()
  await expect(seed).toContainText('Demo data loaded')
  await expect(seed.getByRole('button', { name: 'Load demo data' })).toBeEnabled()
})

test('@phone an upload shows a progress bar that grows with the bytes sent, then the document', async ({
  page,
  world,
}) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/documents')
  // A slow uplink (≈ 256 KB/s): a 1.5 MB file takes seconds, as on a phone in a cellar.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  })
  await page.locator('#doc-building_id').selectOption(b.id)
  await page.locator('#doc-document_type').selectOption('Other')
  const title = `Plans ${Date.now()}`
  await page.locator('#doc-title').fill(title)
  await page.locator('#doc-file').setInputFiles({
    name: 'plans.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_500_000, 32), Buffer.from('\n%%EOF\n')]),
  })
  await page.getByTestId('documents').locator('form button[type="submit"]').click()
  const bar = page.getByTestId('upload-progress').getByRole('progressbar')
  await expect(bar).toBeVisible()
  // The bar's value, read while the body goes out: it grows, and the text says the same figure.
  const seen: number[] = []
  await expect
    .poll(
      async () => {
        const v = Number((await bar.getAttribute('value').catch(() => null)) ?? Number.NaN)
        if (Number.isFinite(v)) seen.push(v)
        return new Set(seen.filter((x) => x > 0 && x < 100)).size
      },
      { timeout: 20_000, intervals: [200] },
    )
    .toBeGreaterThanOrEqual(2)
  expect([...seen].sort((x, y) => x - y)).toEqual(seen) // never goes back
  await expect(page.getByTestId('upload-progress')).toContainText(/Uploading… \d+ %/)
  await expect(page.getByTestId('upload-progress')).toBeHidden({ timeout: 30_000 })
  await expect(page.getByTestId('documents').locator('tbody tr', { hasText: title })).toBeVisible()
})
