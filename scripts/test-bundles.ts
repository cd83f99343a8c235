/**
 * `make test` step: builds every Worker (gateway + one per resource in functions/resources.ts),
 * prints each bundle's size raw and gzip, and fails a Worker above the Workers free-plan limit
 * (3 MiB gzip, docs/adr/0010-edge-workers-layout.md) or with Node-only code in it.
 * Usage: node scripts/test-bundles.ts [report.json]
 */
import { writeFileSync } from 'node:fs'
import { buildAndMeasure, kib } from './edge/build.ts'
import { edgeDrift } from './edge/generate.ts'
import { BUNDLE_LIMIT_GZIP_BYTES } from './edge/workers.ts'

const report = { name: 'edge bundles', passed: 0, failed: 0, skipped: 0 }
const out = process.argv[2]
const line = (ok: boolean, text: string) => {
  report[ok ? 'passed' : 'failed'] += 1
  process.stdout.write(`${ok ? '✓' : '✗'} ${text}\n`)
}

try {
  const drift = edgeDrift()
  line(
    drift.length === 0,
    `edge config matches functions/resources.ts${drift.length ? ` (stale: ${drift.join(', ')}; run make edge-config)` : ''}`,
  )
  for (const size of await buildAndMeasure({ force: process.env.EDGE_FORCE_BUILD === '1' })) {
    const ok = size.gzip <= BUNDLE_LIMIT_GZIP_BYTES && size.forbidden.length === 0
    const extra = size.forbidden.length ? `, contains ${size.forbidden.join(', ')}` : ''
    line(
      ok,
      `${size.worker.name.padEnd(24)} ${kib(size.raw).padStart(11)} raw ${kib(size.gzip).padStart(10)} gzip (limit ${kib(BUNDLE_LIMIT_GZIP_BYTES)})${extra}`,
    )
  }
} catch (error) {
  line(false, `build: ${error instanceof Error ? error.message : String(error)}`)
}
if (out) writeFileSync(out, JSON.stringify(report))
process.exit(report.failed > 0 ? 1 : 0)
