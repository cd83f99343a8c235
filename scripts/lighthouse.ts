/**
 * `make lighthouse`: Lighthouse (mobile preset: Moto G-class screen, simulated slow 4G and 4× CPU
 * slowdown) on the login page, the syndic dashboard, a building's page and the owner portal,
 * performance and accessibility, against a fresh embedded server with the demo data.
 * Budget: every score ≥ 95 (LIGHTHOUSE_BUDGET). Exit 1 when one is below.
 *
 * Not part of `make test`: performance scores move with the machine's load (docs/performance.md).
 *
 * - Lighthouse itself (npm `lighthouse`, pinned) is installed on first use into .tools/lighthouse
 *   with npm, like bootstrap.sh installs pnpm: the project's lock file stays free of its ~100
 *   packages that nothing else needs.
 * - The browser is the e2e suite's: Debian's Chromium (CHROMIUM_PATH), started by Playwright as a
 *   persistent context with a remote-debugging port. Lighthouse drives the same browser, so
 *   a session signed in through the real login form is there for the next page measured
 *   (`disableStorageReset`).
 * - The JSON of each run goes to test-results/lighthouse/<page>.json.
 * - LIGHTHOUSE_WEB_DIST serves another build of the web app (default web/dist): two builds
 *   measured alternately on a busy machine (docs/performance.md § Lighthouse).
 * - Besides the scores it prints Total Blocking Time, main-thread scripting and Lighthouse's
 *   benchmark index: they say more than the score when the machine is loaded.
 * - LIGHTHOUSE_PAGES=owner-portal,syndic-dashboard measures only those pages (the sign-ins still
 *   happen); LIGHTHOUSE_TRACE=1 also writes the trace Lighthouse recorded
 *   (test-results/lighthouse/<page>.trace.json, for DevTools' Performance panel or
 *   scripts/lighthouse-tasks.ts, which lists the long tasks and what ran in them).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromiumPath, ensureChromium } from './lib/debian-package.ts'
import { freePort, ROOT, startServer } from './lib/server-process.ts'

const LIGHTHOUSE_VERSION = '13.5.0'
const BUDGET = Number(process.env.LIGHTHOUSE_BUDGET ?? 95)
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(',').map((p) => p.trim())
const TRACE = process.env.LIGHTHOUSE_TRACE === '1'
const chromium = chromiumPath()
const say = (line: string) => process.stdout.write(`lighthouse: ${line}\n`)

// ------------------------------------------------------------------ tools
const lhDir = join(ROOT, '.tools', 'lighthouse')
const lhEntry = join(lhDir, 'node_modules', 'lighthouse', 'core', 'index.js')
if (!existsSync(lhEntry)) {
  say(`installing lighthouse@${LIGHTHOUSE_VERSION} into .tools/lighthouse (npm)…`)
  const r = spawnSync(
    'npm',
    ['install', '--silent', '--no-audit', '--no-fund', '--prefix', lhDir, `lighthouse@${LIGHTHOUSE_VERSION}`],
    { stdio: 'inherit', env: { ...process.env, PATH: `${join(ROOT, '.tools/bin')}:${process.env.PATH}` } },
  )
  if (r.status !== 0 || !existsSync(lhEntry)) throw new Error('could not install lighthouse with npm')
}
{
  const missing = ensureChromium(say)
  if (missing) throw new Error(missing)
}
const webDist = resolve(process.env.LIGHTHOUSE_WEB_DIST ?? join(ROOT, 'web/dist'))
if (!existsSync(join(webDist, 'index.html'))) throw new Error(`${webDist} is missing: run make web`)

type Lhr = {
  categories: Record<string, { score: number | null }>
  finalDisplayedUrl: string
  audits: Record<string, { numericValue?: number; details?: { items?: { scripting?: number }[] } }>
  environment: { benchmarkIndex: number }
}
type RunLighthouse = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: Lhr; report: string | string[]; artifacts?: { Trace?: unknown } } | undefined>
const lighthouse = (await import(pathToFileURL(lhEntry).href)).default as RunLighthouse
// Playwright as the e2e suite has it (web's devDependency).
const requireFromWeb = createRequire(join(ROOT, 'web', 'package.json'))
// (scripts/ has no dependency on Playwright's types: the little used here is typed by hand.)
type PwLocator = {
  fill(v: string): Promise<void>
  click(): Promise<void>
  first(): PwLocator
  getAttribute(name: string): Promise<string | null>
}
type PwPage = {
  goto(url: string): Promise<unknown>
  locator(selector: string): PwLocator
  waitForURL(glob: string): Promise<void>
  evaluate(fn: () => void): Promise<void>
}
type PwContext = { pages(): PwPage[]; newPage(): Promise<PwPage>; close(): Promise<void> }
const { chromium: pwChromium } = requireFromWeb('@playwright/test') as {
  chromium: { launchPersistentContext(dir: string, options: Record<string, unknown>): Promise<PwContext> }
}

// ------------------------------------------------------------------ server
const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-lighthouse-'))
const server = await startServer({
  unset: ['DATABASE_URL', 'SUPERADMIN_EMAIL', 'SUPERADMIN_PASSWORD', 'STORAGE_DIR', 'JWT_SECRET'],
  env: {
    APP_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_DRIVER: 'pglite',
    WEB_DIST_DIR: webDist,
    LOG_LEVEL: 'warn',
    SEED_DEMO_ON_START: 'false',
    // Cheap password hashing, as in the e2e run: the demo seed hashes a dozen passwords.
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_ITERATIONS: '1',
  },
  // A first start migrates a new embedded database: slow on a busy machine.
  timeoutMs: 180_000,
})
const base = server.base
const outDir = resolve(ROOT, 'test-results', 'lighthouse')
mkdirSync(outDir, { recursive: true })
const port = await freePort()
const profile = mkdtempSync(join(tmpdir(), 'koprogo-lighthouse-chromium-'))

/** One page's result, as summary.json lists it (read back by bench/budgets/lighthouse-mobile.ts). */
export type Row = {
  page: string
  path: string
  performance: number
  accessibility: number
  tbtMs: number
  scriptingMs: number
  benchmarkIndex: number
}
const rows: Row[] = []

try {
  // The demo data and its logins, as `make seed` loads them.
  const login = async (email: string, password: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`)
    return ((await res.json()) as { token: string }).token
  }
  const admin = await login('admin@koprogo.com', 'admin123')
  const seeded = await fetch(`${base}/api/v1/seed/demo`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'idempotency-key': crypto.randomUUID() },
  })
  if (!seeded.ok) throw new Error(`seed demo: ${seeded.status} ${await seeded.text()}`)
  const { users } = (await seeded.json()) as { users: { email: string; password: string; role: string }[] }
  const demo = (role: string) => {
    const u = users.find((x) => x.role === role)
    if (!u) throw new Error(`the demo seed has no ${role}`)
    return u
  }

  const browser = await pwChromium.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: true,
    args: [`--remote-debugging-port=${port}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  const page = browser.pages()[0] ?? (await browser.newPage())
  const uiLogin = async (who: { email: string; password: string }, dashboard: string) => {
    await page.goto(`${base}/login`)
    await page.locator('#login-email').fill(who.email)
    await page.locator('#login-password').fill(who.password)
    await page.locator('form button[type="submit"]').click()
    await page.waitForURL(`**${dashboard}`)
  }
  const measure = async (name: string, path: string) => {
    if (PAGES && !PAGES.includes(name)) return
    say(`${name} (${path})…`)
    const result = await lighthouse(`${base}${path}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      // Keep the signed-in session (local storage) the page needs.
      disableStorageReset: true,
      // With the trace: V8's sampling profiler too, so the tasks' JavaScript can be named
      // (it costs the page a little CPU: compare scores without it).
      ...(TRACE ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' } : {}),
    })
    if (!result) throw new Error(`lighthouse gave no result for ${path}`)
    writeFileSync(join(outDir, `${name}.json`), String(result.report))
    if (TRACE && result.artifacts?.Trace)
      writeFileSync(join(outDir, `${name}.trace.json`), JSON.stringify(result.artifacts.Trace))
    const score = (c: string) => Math.round((result.lhr.categories[c]?.score ?? 0) * 100)
    const audits = result.lhr.audits
    rows.push({
      page: name,
      path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
      scriptingMs: Math.round(
        (audits['bootup-time']?.details?.items ?? []).reduce((sum, i) => sum + (i.scripting ?? 0), 0),
      ),
      benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
    })
  }

  try {
    await measure('login', '/login')
    await uiLogin(demo('syndic'), '/syndic')
    await measure('syndic-dashboard', '/syndic')
    // The building page of the demo's first building (its link in the buildings list).
    await page.goto(`${base}/buildings`)
    const href = await page.locator('a[href^="/buildings/"]').first().getAttribute('href')
    if (!href) throw new Error('no building link on /buildings: is the demo seeded?')
    await measure('building-page', href)
    await page.evaluate(() => localStorage.clear())
    await uiLogin(demo('owner'), '/owner')
    await measure('owner-portal', '/owner')
  } finally {
    await browser.close()
  }
} finally {
  await server.stop(10_000)
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(profile, { recursive: true, force: true })
}

// The performance score follows the machine's load: say what it was.
process.stdout.write(
  `\nload average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}\n`,
)
process.stdout.write(
  'page               path          performance  accessibility  TBT ms  scripting ms  benchmark\n',
)
for (const r of rows)
  process.stdout.write(
    `${r.page.padEnd(18)} ${r.path.padEnd(13)} ${String(r.performance).padStart(11)}  ${String(r.accessibility).padStart(13)}  ${String(r.tbtMs).padStart(6)}  ${String(r.scriptingMs).padStart(12)}  ${String(r.benchmarkIndex).padStart(9)}\n`,
  )
const below = rows.filter((r) => r.performance < BUDGET || r.accessibility < BUDGET)
writeFileSync(
  join(outDir, 'summary.json'),
  `${JSON.stringify({ budget: BUDGET, loadavg: loadavg(), rows }, null, 2)}\n`,
)
say(
  below.length === 0
    ? `every score ≥ ${BUDGET} (reports in test-results/lighthouse/)`
    : `below the budget of ${BUDGET}: ${below.map((r) => r.page).join(', ')} (reports in test-results/lighthouse/)`,
)
if (below.length > 0) process.exitCode = 1
