/**
 * make test-vps (issue #18, docs/deploy-vps.md): the single-VPS profile built and run for real.
 * A Docker engine (started by hand when none runs, stopped at the end), base images (public, or
 * local equivalents when no registry answers), the API image from the real Dockerfile, the real
 * docker-compose.yml with deploy/compose.test.yml on top (host network, loopback, test ports,
 * Caddy's local CA); then the checks through Caddy over HTTPS and the drills.
 * Not part of make test (needs root, Docker and minutes of image builds).
 * VPS_STEPS=checks,drills,load selects; VPS_KEEP=1 leaves the stack up for a look.
 */

import { freePort } from './lib/server-process.ts'
import { runChecks, type Step } from './vps/checks.ts'
import { HttpsClient } from './vps/client.ts'
import { DRILLS, type DrillContext } from './vps/drills.ts'
import { measureLoad } from './vps/load.ts'
import { baseImages, Engine, Stack } from './vps/stack.ts'

const steps = new Set((process.env.VPS_STEPS ?? 'checks,drills,load').split(','))
const report = { passed: 0, failed: 0 }
const started = performance.now()
const print = (line: string) => process.stdout.write(`${line}\n`)

const step: Step = async (name, run) => {
  const t = performance.now()
  try {
    await run()
    report.passed += 1
    print(`✓ ${name} (${((performance.now() - t) / 1000).toFixed(1)} s)`)
    return true
  } catch (error) {
    report.failed += 1
    print(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}

async function ports() {
  return { pg: await freePort(), api: await freePort(), http: await freePort(), https: await freePort() }
}

const engine = new Engine()
let stack: Stack | undefined
let api: HttpsClient | undefined
try {
  let images: Record<string, string> = {}
  await step('Docker engine running, base images present', async () => {
    await engine.start()
    images = baseImages()
  })
  if (report.failed === 0) {
    const s = new Stack({ project: 'koprogo-vpstest', images, ports: await ports() })
    stack = s
    await step('API image built from the Dockerfile; the compose stack comes up healthy', async () => {
      s.build()
      s.up()
      await s.waitHealthy(['postgres', 'api', 'caddy'])
    })
  }
  if (stack && report.failed === 0) {
    const s = stack
    api = new HttpsClient(`https://localhost:${s.settings.ports.https}`, await s.caddyRoot())
    const admin = { email: s.env.SUPERADMIN_EMAIL ?? '', password: s.env.SUPERADMIN_PASSWORD ?? '' }
    if (steps.has('checks')) await runChecks(api, step, admin, s.settings.ports.http)
    const ctx: DrillContext = { stack: s, api, admin, step, images, ports }
    if (steps.has('drills')) for (const drill of DRILLS) await drill(ctx)
    if (steps.has('load')) await measureLoad(ctx)
  }
} catch (error) {
  report.failed += 1
  print(`✗ aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  api?.close()
  if (stack && process.env.VPS_KEEP !== '1') stack.down()
  if (process.env.VPS_KEEP !== '1') await engine.stop()
}
print(
  `test-vps: ${report.passed} passed, ${report.failed} failed in ${((performance.now() - started) / 1000).toFixed(0)} s`,
)
process.exit(report.failed > 0 ? 1 : 0)
