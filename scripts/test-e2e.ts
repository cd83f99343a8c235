/**
 * `make test-e2e` (and the e2e step of `make test`): Playwright against the real thing.
 *
 * 1. Chromium: /usr/bin/chromium (or CHROMIUM_PATH); installed from Debian when missing and we are
 *    root with apt-get. Without a browser the suite counts as FAILED, not skipped — unless
 *    E2E_SKIP=1 says so explicitly.
 * 2. web/dist is built when missing or older than web/src.
 * 3. The embedded server (functions/node.ts, PGlite) starts on a free port with a fresh temp
 *    DATA_DIR and cheap argon2, and is stopped whatever happens: one server per Playwright worker
 *    (E2E_WORKERS), each worker talking to its own (web/e2e/fixtures.ts, `baseURL`). PGlite serves
 *    one query at a time, and some pages list platform-wide rows (the superadmin's organizations,
 *    the job queue): one database per worker keeps both the queue and those lists to one worker.
 * 4. Playwright runs web/e2e (JSON reporter to a file), projects `desktop` (every test) and
 *    `phone` (390×844, the tests tagged @phone); the counts of both go to argv[2] as
 *    {name, passed, failed, skipped} for scripts/run-tests.ts.
 * 5. Videos: with an ffmpeg (Debian's, installed like Chromium when missing) every failed test
 *    keeps a video under test-results/e2e/<test>/video.webm, listed at the end of the output.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { aptInstall, chromiumPath, ensureChromium } from './lib/debian-package.ts'
import { type ServerProcess, startServer } from './lib/server-process.ts'

const NAME = 'e2e (Playwright, Chromium)'
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const reportPath = resolve(process.argv[2] ?? join(root, '.test-results', 'e2e.json'))
const node = process.execPath
const started = performance.now()

type Outcome = {
  name: string
  passed: number
  failed: number
  skipped: number
  note?: string
  failures?: string[]
  flaky?: string[]
}
type PwSuite = {
  title: string
  file?: string
  specs?: {
    title: string
    file?: string
    tests?: { projectName?: string; status?: string; results?: PwResult[] }[]
  }[]
  suites?: PwSuite[]
}

type PwResult = { error?: { message?: string; location?: { file?: string; line?: number } } }

/** The first line of a failed test's last error and where it was raised (spec file and line). */
function firstError(results: PwResult[] = []): string {
  const error = results.at(-1)?.error
  if (!error) return ''
  const message =
    stripVTControlCharacters(error.message ?? '')
      .split('\n')[0]
      ?.trim() ?? ''
  const where = error.location ? ` (${basename(error.location.file ?? '')}:${error.location.line ?? ''})` : ''
  return message ? ` — ${message.slice(0, 160)}${where}` : ''
}

/**
 * The names of the tests with this outcome ('unexpected': failed; 'flaky': failed, then passed on
 * a retry), with the first error, for the summary of `make test` (CI keeps only the end of the
 * output).
 */
function testsWith(status: 'unexpected' | 'flaky', suites: PwSuite[] = [], trail: string[] = []): string[] {
  const names: string[] = []
  for (const suite of suites) {
    const here = suite.title ? [...trail, suite.title] : trail
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === status) {
          const failedTry = status === 'flaky' ? t.results?.filter((r) => r.error) : t.results
          names.push(`[${t.projectName ?? ''}] ${[...here, spec.title].join(' › ')}${firstError(failedTry)}`)
        }
      }
    }
    names.push(...testsWith(status, suite.suites, here))
  }
  return names
}
const writeOutcome = (o: Omit<Outcome, 'name'>) => {
  writeFileSync(reportPath, `${JSON.stringify({ name: NAME, ...o })}\n`)
}
const say = (line: string) => process.stdout.write(`e2e: ${line}\n`)

function fail(note: string): never {
  say(note)
  writeOutcome({ passed: 0, failed: 1, skipped: 0, note })
  process.exit(1)
}

if (process.env.E2E_SKIP === '1') {
  say('skipped (E2E_SKIP=1)')
  writeOutcome({ passed: 0, failed: 0, skipped: 1, note: 'E2E_SKIP=1' })
  process.exit(0)
}

// ------------------------------------------------------------------ browser
const chromium = chromiumPath()
{
  const missing = ensureChromium(say)
  if (missing) fail(`${missing} E2E_SKIP=1 skips this suite on purpose.`)
}

// Videos of failed tests need an ffmpeg. Playwright looks for its own build under
// PLAYWRIGHT_BROWSERS_PATH/ffmpeg-<rev>/ffmpeg-linux; we never download it (no
// `playwright install` here) but a Debian ffmpeg in that spot does the same job (VP8/WebM).
function ffmpegDir(): string | null {
  if (process.env.E2E_VIDEO === '0') return null
  const hasFfmpeg = () => spawnSync('sh', ['-c', 'command -v ffmpeg'], { stdio: 'ignore' }).status === 0
  if (!hasFfmpeg() && !aptInstall('ffmpeg', { extra: ['--no-install-recommends'], say })) return null
  const which = spawnSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).stdout.trim()
  if (!which) return null
  try {
    // @playwright/test → playwright → playwright-core, wherever pnpm put them.
    const fromTest = createRequire(realpathSync(join(root, 'web/node_modules/@playwright/test/package.json')))
    const fromPlaywright = createRequire(fromTest.resolve('playwright/package.json'))
    const browsersJson = JSON.parse(
      readFileSync(
        join(dirname(fromPlaywright.resolve('playwright-core/package.json')), 'browsers.json'),
        'utf8',
      ),
    ) as { browsers: { name: string; revision: string }[] }
    const rev = browsersJson.browsers.find((b) => b.name === 'ffmpeg')?.revision
    if (!rev) return null
    const dir = join(root, '.tools', 'playwright')
    const target = join(dir, `ffmpeg-${rev}`)
    if (!existsSync(join(target, 'ffmpeg-linux'))) {
      spawnSync('mkdir', ['-p', target])
      spawnSync('ln', ['-sf', which, join(target, 'ffmpeg-linux')])
      // Playwright checks this marker to consider the "download" complete.
      writeFileSync(join(target, 'INSTALLATION_COMPLETE'), '')
      writeFileSync(join(target, 'DEPENDENCIES_VALIDATED'), '')
    }
    return dir
  } catch {
    return null
  }
}
const videoDir = process.platform === 'linux' ? ffmpegDir() : null

/** The .webm files under a folder, relative to the repository root. */
function videosIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      // Playwright's names for a test's own video (not the walk-through films of make screenshots).
      .filter((f) => /(^|\/)video(-\d+)?\.webm$/.test(f))
      .map((f) => join(dir, f).slice(root.length + 1))
      .sort()
  )
}

// ------------------------------------------------------------------ web build
function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}
const dist = join(root, 'web/dist/index.html')
const webInputs = [
  'web/src',
  'web/app.config.ts',
  'web/public',
  'web/scripts/post-build.ts',
  'web/package.json',
].map((p) => join(root, p))
const stale =
  !existsSync(dist) ||
  webInputs.some((p) => existsSync(p) && newestMtime(p) > statSync(dist).mtimeMs) ||
  process.env.E2E_BUILD === '1'
if (stale) {
  say('building web/dist…')
  const pnpm = join(root, '.tools/bin/pnpm')
  // The build's scripts run on `node` from PATH: this Node (24) first, as `make` does.
  const r = spawnSync(existsSync(pnpm) ? pnpm : 'pnpm', ['--filter', '@koprogo/web', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` },
  })
  if (r.status !== 0) fail('web build failed')
}

// ------------------------------------------------------------------ server
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 1) || 1)
const dataDirs: string[] = []
const servers: ServerProcess[] = []

async function stopServers(): Promise<void> {
  const running = servers.splice(0)
  await Promise.all(running.map((s) => s.stop(10_000)))
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopServers().finally(() => process.exit(130))
  })
}

/** The shared "start a server and wait for health" helper (scripts/lib/server-process.ts). */
async function startE2eServer(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-e2e-'))
  dataDirs.push(dataDir)
  const server = await startServer({
    // The dev superadmin (admin@koprogo.com) and the embedded database, whatever the shell says.
    unset: ['DATABASE_URL', 'SUPERADMIN_EMAIL', 'SUPERADMIN_PASSWORD', 'STORAGE_DIR', 'JWT_SECRET'],
    env: {
      APP_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_DRIVER: 'pglite',
      WEB_DIST_DIR: join(root, 'web/dist'),
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_ITERATIONS: '1',
      SEED_DEMO_ON_START: 'false',
      // Every test signs in a few users from one IP: the login throttle must not trip.
      LOGIN_MAX_FAILURES_PER_IP: '10000',
    },
  })
  servers.push(server)
  return server.base
}

// ------------------------------------------------------------------ playwright
interface PwStats {
  expected: number
  unexpected: number
  flaky: number
  skipped: number
}

async function main(): Promise<void> {
  // The servers start side by side (each one's migrations and seed are mostly its own CPU).
  const bases = await Promise.all(Array.from({ length: workers }, () => startE2eServer()))
  const base = bases[0] as string
  say(
    `${workers === 1 ? 'server' : `${workers} servers`} ready on ${bases.join(', ')} (${Math.round(performance.now() - started)} ms)`,
  )
  const jsonReport = join(root, 'test-results', 'e2e-report.json')
  rmSync(jsonReport, { force: true })
  const args = [
    join(root, 'web/node_modules/@playwright/test/cli.js'),
    'test',
    '-c',
    join(root, 'web/e2e/playwright.config.ts'),
    `--workers=${workers}`,
    // Strict on a developer's machine: a test that fails once fails the run. On CI (CI set) one
    // retry: a browser test that fails once and then passes is reported as flaky — named with its
    // first error in the summary, to be fixed at its cause (docs/reliability.md § Flaky tests) —
    // instead of refusing a whole submission for one timing accident on a loaded runner.
    // E2E_RETRIES overrides both.
    `--retries=${process.env.E2E_RETRIES ?? (process.env.CI ? '1' : '0')}`,
    '--reporter=list,json',
    ...process.argv.slice(3),
  ]
  const code = await new Promise<number>((ok) => {
    const child = spawn(node, args, {
      cwd: join(root, 'web'),
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: base,
        E2E_BASE_URLS: bases.join(','),
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: jsonReport,
        ...(videoDir ? { PLAYWRIGHT_BROWSERS_PATH: videoDir, E2E_VIDEO: '1' } : { E2E_VIDEO: '0' }),
      },
    })
    child.on('exit', (c) => ok(c ?? 1))
  })
  const seconds = Math.round((performance.now() - started) / 1000)
  if (!existsSync(jsonReport)) fail(`playwright exited ${code} without a report`)
  const pw = JSON.parse(readFileSync(jsonReport, 'utf8')) as { stats: PwStats; suites?: PwSuite[] }
  const stats = pw.stats
  const failed = stats.unexpected
  const flakyNote = stats.flaky > 0 ? `, ${stats.flaky} flaky (passed on retry, listed above as retries)` : ''
  writeOutcome({
    passed: stats.expected + stats.flaky,
    failed: failed + (code !== 0 && failed === 0 ? 1 : 0),
    skipped: stats.skipped,
    note: `${seconds} s${flakyNote}${videoDir ? '' : ', no ffmpeg: screenshots only'}`,
    failures: testsWith('unexpected', pw.suites),
    flaky: testsWith('flaky', pw.suites),
  })
  say(
    `${stats.expected + stats.flaky} passed, ${failed} failed, ${stats.skipped} skipped in ${seconds} s${flakyNote}`,
  )
  // Each failed test leaves a film of what the browser showed (video: 'retain-on-failure').
  if (failed > 0) {
    const films = videosIn(join(root, 'test-results', 'e2e'))
    if (films.length > 0) say(`videos of the failures (open in a browser):\n  ${films.join('\n  ')}`)
    else if (!videoDir)
      say("no videos: no ffmpeg (install Debian's ffmpeg, or run as root to have it installed)")
  }
  if (code !== 0) process.exitCode = 1
}

try {
  await main()
} catch (error) {
  writeOutcome({
    passed: 0,
    failed: 1,
    skipped: 0,
    note: error instanceof Error ? error.message.split('\n')[0] : String(error),
  })
  say(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
} finally {
  await stopServers()
}
