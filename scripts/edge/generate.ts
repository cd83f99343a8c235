/**
 * `make edge-config`: writes wrangler.toml and every missing or stale functions/<resource>/index.ts
 * from functions/resources.ts. `--check` only reports drift (exit 1), for tests and CI.
 * EDGE_HYPERDRIVE_ID=<id> binds that Hyperdrive config as HYPERDRIVE on every Worker with settings.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ROOT } from './route-table.ts'
import { edgeWorkers, resourceEntrySource } from './workers.ts'
import { renderWranglerToml } from './wrangler-toml.ts'

export function expectedEdgeFiles(): Map<string, string> {
  const workers = edgeWorkers()
  // EDGE_HYPERDRIVE_ID: the deployment's Hyperdrive config (docs/deploy-edge.md); unset, the file
  // has no binding (the committed one, checked by `make test`).
  const toml = renderWranglerToml(workers, { hyperdriveId: process.env.EDGE_HYPERDRIVE_ID || undefined })
  const files = new Map<string, string>([['wrangler.toml', toml]])
  for (const w of workers) if (w.resource) files.set(w.main, resourceEntrySource(w.resource))
  return files
}

export function edgeDrift(): string[] {
  const drift: string[] = []
  for (const [path, content] of expectedEdgeFiles()) {
    const file = join(ROOT, path)
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) drift.push(path)
  }
  return drift
}

if (import.meta.main) {
  const check = process.argv.includes('--check')
  const drift = edgeDrift()
  if (check) {
    if (drift.length > 0) {
      process.stderr.write(`edge config out of date (run make edge-config): ${drift.join(', ')}\n`)
      process.exit(1)
    }
  } else {
    const files = expectedEdgeFiles()
    for (const path of drift) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true })
      writeFileSync(join(ROOT, path), files.get(path) ?? '')
      process.stdout.write(`wrote ${path}\n`)
    }
  }
}
