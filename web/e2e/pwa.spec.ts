import { expect, test, uiLogin, waitForServiceWorker } from './fixtures'

const SYNC_NOW = /^(Sync now|Synchroniser|Nu synchroniseren|Jetzt synchronisieren)$/

test('the web app manifest is linked, served with its type and installable', async ({ page, request }) => {
  await page.goto('/login')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBeTruthy()
  const res = await request.get(new URL(href ?? '', page.url()).toString())
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('application/manifest+json')
  expect(res.headers()['cache-control']).toBe('no-cache')
  const manifest = (await res.json()) as {
    name: string
    start_url: string
    scope: string
    display: string
    icons: { src: string; sizes: string; purpose?: string }[]
  }
  expect(manifest).toMatchObject({ name: 'KoproGo', start_url: '/', scope: '/', display: 'standalone' })
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
  for (const icon of manifest.icons) {
    const r = await request.get(icon.src)
    expect(r.status(), icon.src).toBe(200)
    expect(r.headers()['content-type']).toBe('image/png')
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#/)
})

test('static files: worker and shell revalidated, hashed assets immutable, SPA fallback, API 404 stays JSON', async ({
  request,
}) => {
  const sw = await request.get('/sw.js')
  expect(sw.status()).toBe(200)
  expect(sw.headers()['cache-control']).toBe('no-cache')
  expect(sw.headers()['content-type']).toContain('javascript')
  const shell = await request.get('/', { headers: { Accept: 'text/html' } })
  expect(shell.headers()['cache-control']).toBe('no-cache')
  // SolidStart writes its hashed client files under /_build/assets/.
  const asset = /\/_build\/assets\/[\w.-]+\.js/.exec(await shell.text())?.[0]
  expect(asset).toBeTruthy()
  const a = await request.get(asset ?? '')
  expect(a.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  const deep = await request.get('/buildings', { headers: { Accept: 'text/html' } })
  expect(deep.status()).toBe(200)
  expect(deep.headers()['content-type']).toContain('text/html')
  expect((await request.get('/_build/assets/missing-file.js')).status()).toBe(404)
  const api = await request.get('/api/v1/no-such-route', { headers: { Accept: 'text/html' } })
  expect(api.status()).toBe(404)
  expect(api.headers()['content-type']).toMatch(/json/)
})

test('the service worker registers, controls the page and precaches the shell', async ({ page }) => {
  await page.goto('/login')
  await waitForServiceWorker(page)
  const sw = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration()
    const cached = await Promise.all(
      (await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)),
    )
    return { scope: reg?.scope, script: reg?.active?.scriptURL, urls: cached.flat() }
  })
  expect(new URL(sw.scope ?? '').pathname).toBe('/')
  expect(new URL(sw.script ?? '').pathname).toBe('/sw.js')
  expect(sw.urls.some((u) => u.includes('/index.html'))).toBe(true)
  expect(sw.urls.some((u) => /\/assets\/.+\.js/.test(u))).toBe(true)
  // API responses are never cached by the worker (offline data lives in IndexedDB per user).
  expect(sw.urls.some((u) => u.includes('/api/'))).toBe(false)
})

test('offline reload: the shell opens any app route and shows the cached rows', async ({
  page,
  context,
  world,
}) => {
  const b = await world.building(`Cached ${Date.now()}`)
  await uiLogin(page, world.syndic, '/syndic')
  await waitForServiceWorker(page)
  await expect(page.getByTestId('buildings').locator('tbody tr', { hasText: b.name })).toBeVisible()
  await page.goto('/buildings')
  await expect(page.getByTestId('buildings').locator('tbody tr', { hasText: b.name })).toBeVisible()

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
  await expect(page.getByTestId('buildings').locator('tbody tr', { hasText: b.name })).toBeVisible()
  await expect(page.getByTestId('buildings')).toContainText(/Offline copy|cached|Copie/i)
  // A route never opened online still gets the shell (navigation fallback), not the browser's error.
  await page.goto('/profile')
  await expect(page.getByTestId('profile')).toBeVisible()
  await context.setOffline(false)
})

test('sync status goes online → offline → pending → synced', async ({ page, context, world }) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/buildings')
  await waitForServiceWorker(page)
  const online = page.getByTestId('sync-online')
  const pending = page.getByTestId('sync-pending')
  await expect(online).toHaveClass(/ok/)
  await expect(online).toHaveText('Online')
  await expect(pending).toHaveAttribute('data-count', '0')

  await context.setOffline(true)
  await expect(online).toHaveText('Offline')
  const section = page.getByTestId('buildings')
  await section
    .locator('tbody tr', { hasText: b.name })
    .getByRole('button', { name: /^Edit$/ })
    .click()
  await page.locator('#buildings-city').fill('Leuven')
  await section.locator('form[novalidate] button[type="submit"]').click()
  await expect(pending).toHaveAttribute('data-count', '1')
  await expect(pending).toHaveText('1 pending')
  await expect(section.locator('tbody tr.pending', { hasText: b.name })).toContainText('Leuven')

  // Coming back online replays by itself (the "online" event); the button is not needed.
  await context.setOffline(false)
  await expect(online).toHaveText('Online')
  await expect(pending).toHaveAttribute('data-count', '0')
  await expect(section.locator('tbody tr', { hasText: b.name })).not.toHaveClass(/pending/)
  await expect(page.getByTestId('sync-status')).toContainText('Last sync')
  await expect(page.getByRole('button', { name: SYNC_NOW })).toBeEnabled()
  expect((await world.syndicApi.get<{ city: string }>(`/buildings/${b.id}`)).city).toBe('Leuven')
})
