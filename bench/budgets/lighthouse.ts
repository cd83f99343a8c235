/**
 * Lighthouse of the login page and of the syndic dashboard, served by a running API with the web
 * build, in the system Chromium; then the installability facts Lighthouse no longer scores.
 *
 * Lighthouse is fetched on demand with `pnpm dlx lighthouse@<pinned>`, not added to a package.json:
 * it is ~110 packages (puppeteer, Sentry...) that `make test`'s install would pull for everyone,
 * and only this bench uses it. pnpm caches the dlx install, so later runs start at once. Our code
 * never imports it (no types to satisfy): we launch Chromium ourselves, put the session in
 * localStorage over the DevTools protocol, and point the CLI at that browser with --port.
 *
 * Each page gets a fresh Chromium profile: a first visit (empty HTTP cache, no service worker). The
 * dashboard run keeps the injected session (--disable-storage-reset); the session is written from
 * /health, a JSON page of the same origin, so no service worker or cached asset exists before
 * Lighthouse's navigation.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { CdpPage, chromiumPath, launchChromium } from './chromium.ts'

export const LIGHTHOUSE_VERSION = '13.5.0'
/** The web app's localStorage key for the session (web/src/lib/api.ts, SESSION_KEY). */
const SESSION_KEY = 'koprogo.session'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

type Credentials = { email: string; password: string }
export type LighthouseOptions = {
  root: string
  /** The API serving the web build, e.g. http://127.0.0.1:18080 */
  base: string
  syndic: Credentials
  /** `desktop` (Lighthouse's desktop preset) or `mobile` (its default: emulated phone, slow 4G). */
  preset: 'desktop' | 'mobile'
  log: (msg: string) => void
}

type PageReport = {
  url: string
  finalUrl: string
  scores: Record<(typeof CATEGORIES)[number], number | null>
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number }
  /** Requests to /api/ during the load, by status: the dashboard's prove the session was used. */
  apiStatuses: Record<string, number>
  warnings: string[]
}

async function syndicSession(base: string, who: Credentials) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  })
  if (res.status !== 200) throw new Error(`login ${who.email}: ${res.status} ${await res.text()}`)
  const t = (await res.json()) as { token: string; refresh_token: string; user: unknown }
  const exp = (
    JSON.parse(Buffer.from(t.token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number }
  ).exp
  // The shape web/src/lib/api.ts stores after a login (sessionFrom).
  return { token: t.token, refreshToken: t.refresh_token, expiresAt: exp * 1000, user: t.user }
}

function pnpm(root: string): string {
  const local = join(root, '.tools', 'bin', 'pnpm')
  return existsSync(local) ? local : 'pnpm'
}

function runLighthouse(o: LighthouseOptions, url: string, port: number, keepStorage: boolean, out: string) {
  const args = [
    'dlx',
    `lighthouse@${LIGHTHOUSE_VERSION}`,
    url,
    `--port=${port}`,
    ...(o.preset === 'desktop' ? ['--preset=desktop'] : []),
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${out}`,
    '--no-enable-error-reporting',
    '--quiet',
    ...(keepStorage ? ['--disable-storage-reset'] : []),
  ]
  return new Promise<void>((resolve, reject) => {
    // Lighthouse runs on the bench's Node (it needs >= 22.19; .tools/bin first in PATH).
    const child = spawn(pnpm(o.root), args, {
      cwd: o.root,
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (b: Buffer) => {
      output += b.toString()
    })
    child.stderr?.on('data', (b: Buffer) => {
      output += b.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000)
    child.once('close', (code) => {
      clearTimeout(timer)
      if (code === 0 && existsSync(out)) resolve()
      else reject(new Error(`lighthouse ${url} exited with ${code}: ${output.slice(-600)}`))
    })
  })
}

type Lhr = {
  lighthouseVersion: string
  finalDisplayedUrl: string
  runWarnings: string[]
  runtimeError?: { message: string }
  environment: { benchmarkIndex: number }
  categories: Record<string, { score: number | null }>
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: { url?: string; statusCode?: number }[] } }
  >
}

async function auditPage(o: LighthouseOptions, path: string, session?: unknown) {
  const chromium = await launchChromium()
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-bench-lh-'))
  try {
    if (session) {
      const page = await CdpPage.open(chromium.port)
      await page.goto(`${o.base}/health`)
      await page.evaluate(
        `localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(JSON.stringify(session))})`,
      )
      page.close()
    }
    const out = join(dir, 'report.json')
    const t = performance.now()
    await runLighthouse(o, `${o.base}${path}`, chromium.port, Boolean(session), out)
    const lhr = JSON.parse(readFileSync(out, 'utf8')) as Lhr
    o.log(`lighthouse ${path}: ${Math.round((performance.now() - t) / 1000)} s`)
    if (lhr.runtimeError) throw new Error(`lighthouse ${path}: ${lhr.runtimeError.message}`)
    const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN)
    const report: PageReport = {
      url: path,
      finalUrl: new URL(lhr.finalDisplayedUrl).pathname,
      scores: Object.fromEntries(
        CATEGORIES.map((c) => {
          const s = lhr.categories[c]?.score
          return [c, typeof s === 'number' ? Math.round(s * 100) : null]
        }),
      ) as PageReport['scores'],
      metrics: {
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN) * 1000) / 1000,
        speedIndexMs: metric('speed-index'),
      },
      apiStatuses: {},
      warnings: lhr.runWarnings,
    }
    for (const r of lhr.audits['network-requests']?.details?.items ?? [])
      if (r.url && new URL(r.url).pathname.startsWith('/api/')) {
        const k = String(r.statusCode ?? '?')
        report.apiStatuses[k] = (report.apiStatuses[k] ?? 0) + 1
      }
    // A dashboard run that ended on /login would score the login page twice.
    if (report.finalUrl !== path) throw new Error(`lighthouse ${path} ended on ${report.finalUrl}`)
    return {
      report,
      browser: chromium.version,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      version: lhr.lighthouseVersion,
    }
  } finally {
    await chromium.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * What Lighthouse ≤ 11's PWA category checked, asked of Chromium directly on /login: the linked
 * manifest and its icons, Chromium's own installability verdict, a service worker controlling the
 * page, and an offline reload served by it. web/e2e/pwa.spec.ts and offline.spec.ts test more.
 */
async function installability(base: string) {
  const chromium = await launchChromium()
  const page = await CdpPage.open(chromium.port)
  try {
    await page.goto(`${base}/login`)
    const manifest = await page.send<{ url: string; errors: { message: string }[]; data?: string }>(
      'Page.getAppManifest',
    )
    const parsed = manifest.data
      ? (JSON.parse(manifest.data) as { display?: string; start_url?: string; icons?: { sizes: string }[] })
      : {}
    const installErrors = await page
      .send<{ installabilityErrors: { errorId: string }[] }>('Page.getInstallabilityErrors')
      .then(
        (r) => r.installabilityErrors.map((e) => e.errorId),
        (e: Error) => [`not asked: ${e.message}`],
      )
    const controlled = async () =>
      page.evaluate<boolean>(`(async () => {
        await navigator.serviceWorker.ready
        for (let i = 0; i < 50 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100))
        return Boolean(navigator.serviceWorker.controller)
      })()`)
    // As web/e2e's waitForServiceWorker: one reload if the new worker has not claimed the page yet.
    let swControls = await controlled()
    if (!swControls) {
      await page.reload()
      swControls = await controlled()
    }
    await page.send('Network.enable')
    await page.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await page.reload()
    const offline = await page.evaluate<{ loginFormShown: boolean; apiReachable: boolean }>(`(async () => {
      for (let i = 0; i < 50 && !document.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 100))
      const apiReachable = await fetch('/api/v1/health', { cache: 'no-store' }).then(() => true, () => false)
      return { loginFormShown: Boolean(document.querySelector('form')), apiReachable }
    })()`)
    return {
      manifestUrl: manifest.url ? new URL(manifest.url).pathname : null,
      manifestErrors: manifest.errors.map((e) => e.message),
      display: parsed.display ?? null,
      iconSizes: (parsed.icons ?? []).map((i) => i.sizes),
      installabilityErrors: installErrors,
      serviceWorkerControls: swControls,
      offlineReload: offline,
    }
  } finally {
    page.close()
    await chromium.close()
  }
}

export async function measureLighthouse(o: LighthouseOptions) {
  const session = await syndicSession(o.base, o.syndic)
  const login = await auditPage(o, '/login')
  const syndic = await auditPage(o, '/syndic', session)
  if (!syndic.report.apiStatuses['200'])
    throw new Error(`the dashboard made no successful API call: ${JSON.stringify(syndic.report.apiStatuses)}`)
  const pwa = await installability(o.base)
  return {
    state: 'ok' as const,
    lighthouse: login.version,
    preset: o.preset,
    browser: `${chromiumPath()} (${login.browser})`,
    /** Lighthouse's CPU benchmark of this machine during the run (higher is faster). */
    benchmarkIndex: login.benchmarkIndex,
    command: `pnpm dlx lighthouse@${LIGHTHOUSE_VERSION} <url> --port=<chromium --headless=new --no-sandbox>${o.preset === 'desktop' ? ' --preset=desktop' : ''} --only-categories=${CATEGORIES.join(',')}`,
    pages: { login: login.report, syndic: syndic.report },
    pwa,
  }
}

export type LighthouseResult = Awaited<ReturnType<typeof measureLighthouse>>

/** The budgets table's rows. */
export function lighthouseRows(r: LighthouseResult): string[] {
  const rows = Object.entries(r.pages).map(([name, p]) => {
    const s = p.scores
    const m = p.metrics
    return `| Lighthouse ${r.lighthouse} ${name === 'login' ? 'login page' : 'syndic dashboard'} (${r.preset}): performance / accessibility / best practices / SEO | ${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo} (FCP ${m.fcpMs} ms, LCP ${m.lcpMs} ms, TBT ${m.tbtMs} ms, CLS ${m.cls}) |`
  })
  const w = r.pwa
  const facts = [
    w.manifestUrl
      ? `manifest ${w.manifestUrl}${w.manifestErrors.length ? ` (errors: ${w.manifestErrors.join('; ')})` : ''}, icons ${w.iconSizes.join(', ')}, display ${w.display}`
      : 'no manifest linked',
    w.installabilityErrors.length
      ? `installability errors: ${w.installabilityErrors.join(', ')}`
      : 'installable (no Chromium installability error)',
    w.serviceWorkerControls ? 'service worker controls the page' : 'no service worker controlling the page',
    w.offlineReload.loginFormShown && !w.offlineReload.apiReachable
      ? 'offline reload shows the login form'
      : `offline reload: form ${w.offlineReload.loginFormShown ? 'shown' : 'missing'}, API ${w.offlineReload.apiReachable ? 'still reachable (offline emulation failed)' : 'unreachable'}`,
  ]
  rows.push(`| PWA (no Lighthouse category since 12): installability facts on /login | ${facts.join('; ')} |`)
  return rows
}
