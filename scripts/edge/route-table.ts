/**
 * Reads functions/resources.ts as text: each row `['name', someApp]` and the module `someApp` is
 * imported from. Text, not an import, because a Worker entry must import only its own routes
 * module (importing the table would bundle every resource into every Worker).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export type ResourceEntry = {
  /** Mount path under /api/v1 and the Worker's suffix. */
  readonly name: string
  /** The exported Hono app, e.g. `authApp`. */
  readonly exportName: string
  /** Its module relative to functions/, e.g. `auth/routes.ts`. */
  readonly module: string
}

export const ROOT = join(import.meta.dirname, '..', '..')

export function readRouteTable(source = readFileSync(join(ROOT, 'functions', 'resources.ts'), 'utf8')) {
  const modules = new Map<string, string>()
  for (const m of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*'\.\/([^']+)'/g)) {
    for (const ident of (m[1] ?? '').split(',')) {
      const name = ident.replace(/^\s*type\s+/, '').trim()
      if (name) modules.set(name, m[2] ?? '')
    }
  }
  const table = source.slice(source.indexOf('RESOURCES'))
  const entries: ResourceEntry[] = []
  for (const m of table.matchAll(/\[\s*'([a-z0-9-]+)'\s*,\s*(\w+)\s*\]/g)) {
    const [, name = '', exportName = ''] = m
    const module = modules.get(exportName)
    if (!module) throw new Error(`functions/resources.ts: no import found for ${exportName}`)
    entries.push({ name, exportName, module })
  }
  if (entries.length === 0) throw new Error('functions/resources.ts: no resources found')
  return entries
}
