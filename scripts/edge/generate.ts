/**
 * `make edge-config`: writes wrangler.toml and every missing or stale functions/<resource>/index.ts
 * from functions/resources.ts. `--check` only reports drift (exit 1), for tests and CI.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ROOT } from './route-table.ts'
import { edgeWorkers, resourceEntrySource } from './workers.ts'
import { renderWranglerToml } from './wrangler-toml.ts'

export function expectedEdgeFiles(): Map<string, string> {
  const workers = edgeWorkers()
  const files = new Map<string, string>([['wrangler.toml', renderWranglerToml(workers)]])
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
