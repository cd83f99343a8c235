/**
 * `make test`: every check and suite in one run, ending with one line `N passed, M failed`.
 * Checks (typecheck, lint) count one each; test suites count their test cases (vitest and
 * Playwright JSON reports). A step that cannot run at all counts as one failure, never as zero.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

type Outcome = {
  name: string
  passed: number
  failed: number
  skipped: number
  note?: string
  failures?: string[]
  /** Tests that failed once and passed on their retry: named so their cause gets fixed. */
  flaky?: string[]
  /** Wall time of the step: the summary shows where the run's minutes go (docs/testing.md). */
  seconds?: number
}
const outcomes: Outcome[] = []
const results = join(process.cwd(), '.test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })
const node = process.execPath
const only = new Set((process.env.TEST_STEPS ?? '').split(',').filter(Boolean))
const wanted = (step: string) => only.size === 0 || only.has(step)

/** The wall time of the last `run`, in seconds. */
let lastSeconds = 0
const secondsSince = (start: number) => Math.round((performance.now() - start) / 100) / 10
const runStart = performance.now()

function run(cmd: string, args: string[], env: Record<string, string> = {}, cwd?: string): number {
  process.stdout.write(`\n▶ ${cwd ? `(cd ${cwd}) ` : ''}${[cmd, ...args].join(' ')}\n`)
  const start = performance.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd })
  lastSeconds = secondsSince(start)
  return r.status ?? 1
}

function check(name: string, cmd: string, args: string[], cwd?: string) {
  const code = run(cmd, args, {}, cwd)
  outcomes.push({
    name,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    skipped: 0,
    seconds: lastSeconds,
  })
}

type VitestReport = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults?: {
    name: string
    assertionResults?: { status: string; fullName?: string; title: string; failureMessages?: string[] }[]
  }[]
}

/** CI keeps only the end of the output: the names of the failed tests go into the summary. */
function failedVitestTests(r: VitestReport): string[] {
  const names: string[] = []
  for (const file of r.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status !== 'failed') continue
      const why = (a.failureMessages?.[0] ?? '').split('\n')[0]?.slice(0, 200) ?? ''
      names.push(
        `${file.name.replace(`${process.cwd()}/`, '')} › ${a.fullName ?? a.title}${why ? ` — ${why}` : ''}`,
      )
    }
  }
  return names
}

/**
 * Independent checks, two at a time on two cores (each is one single-threaded process): a check's
 * output is printed whole when it ends, and the outcomes keep the listed order.
 */
async function checksInParallel(checks: { name: string; args: string[] }[]): Promise<void> {
  const slots = Math.max(2, availableParallelism() - 1)
  const codes: number[] = []
  const seconds: number[] = []
  let next = 0
  const worker = async () => {
    while (next < checks.length) {
      const i = next++
      const c = checks[i] as { name: string; args: string[] }
      const chunks: Buffer[] = []
      const start = performance.now()
      codes[i] = await new Promise<number>((done) => {
        const child = spawn(node, c.args, { stdio: ['ignore', 'pipe', 'pipe'] })
        child.stdout.on('data', (b: Buffer) => chunks.push(b))
        child.stderr.on('data', (b: Buffer) => chunks.push(b))
        child.on('error', () => done(1))
        child.on('close', (code) => done(code ?? 1))
      })
      seconds[i] = secondsSince(start)
      process.stdout.write(`\n▶ ${[node, ...c.args].join(' ')}\n${Buffer.concat(chunks).toString()}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(slots, checks.length) }, worker))
  checks.forEach((c, i) => {
    const ok = codes[i] === 0
    outcomes.push({ name: c.name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: seconds[i] })
  })
}

if (wanted('typecheck')) {
  const tsc = (project: string) => ['node_modules/typescript/bin/tsc', '-p', project]
  await checksInParallel([
    { name: 'typecheck domain', args: tsc('domain') },
    { name: 'typecheck domain tests', args: tsc('domain/tsconfig.test.json') },
    { name: 'typecheck functions', args: tsc('functions') },
    ...(existsSync('scripts/tsconfig.json') ? [{ name: 'typecheck scripts', args: tsc('scripts') }] : []),
    { name: 'typecheck bench', args: tsc('bench') },
    ...(existsSync('web/tsconfig.json') ? [{ name: 'typecheck web', args: tsc('web') }] : []),
    // The web's types are generated from the API: a route changed without `make api-types` fails.
    { name: 'web API types up to date', args: ['scripts/api-types.ts', '--check'] },
  ])
}
if (wanted('lint')) {
  check('lint (biome)', node, ['node_modules/@biomejs/biome/bin/biome', 'ci', '.'])
  // Context boundaries, a pure domain, no import cycles (domain/.dependency-cruiser.mjs, ADR 0021).
  check(
    'dependency rules (dependency-cruiser)',
    node,
    [
      '../node_modules/dependency-cruiser/bin/dependency-cruiser.mjs',
      '--config',
      '.dependency-cruiser.mjs',
      'src',
    ],
    'domain',
  )
}

if (wanted('unit')) {
  const report = join(results, 'vitest.json')
  const code = run(node, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ])
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as VitestReport
    outcomes.push({
      name:
        'vitest (domain, routes on PGlite' +
        (process.env.TEST_DATABASE_URL ? ' and Postgres' : '') +
        ', web units)',
      passed: r.numPassedTests,
      failed: r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0),
      skipped: r.numPendingTests + r.numTodoTests,
      failures: failedVitestTests(r),
      seconds: lastSeconds,
    })
  } else
    outcomes.push({
      name: 'vitest',
      passed: 0,
      failed: 1,
      skipped: 0,
      note: 'no report',
      seconds: lastSeconds,
    })
}

// Report-writing steps: scripts/test-<step>.ts <report.json> ({name, passed, failed, skipped}).
for (const step of ['bundles', 'smoke', 'e2e']) {
  const extra = `scripts/test-${step}.ts`
  if (!wanted(step) || !existsSync(extra)) continue
  const report = join(results, `${step}.json`)
  const code = run(node, [extra, report])
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as Outcome
    outcomes.push({ ...r, failed: r.failed + (code !== 0 && r.failed === 0 ? 1 : 0), seconds: lastSeconds })
  } else
    outcomes.push({
      name: step,
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `exit ${code}, no report`,
      seconds: lastSeconds,
    })
}

process.stdout.write('\n── Summary ─────────────────────────────────────────\n')
for (const o of outcomes) {
  const mark = o.failed > 0 ? '✗' : '✓'
  process.stdout.write(
    `${mark} ${o.name}: ${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ''}${o.note ? ` (${o.note})` : ''}${o.seconds === undefined ? '' : ` [${o.seconds} s]`}\n`,
  )
  for (const f of (o.failures ?? []).slice(0, 20)) process.stdout.write(`    ✗ ${f}\n`)
  for (const f of (o.flaky ?? []).slice(0, 20)) process.stdout.write(`    ~ flaky: ${f}\n`)
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0)
const failed = outcomes.reduce((n, o) => n + o.failed, 0)
// Steps in parallel (the typechecks) overlap: the whole run's wall time is said once, here.
process.stdout.write(`whole run: ${Math.round(secondsSince(runStart))} s\n`)
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exit(failed > 0 || outcomes.length === 0 ? 1 : 0)
