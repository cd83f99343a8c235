// Every page of the app, read from its file routes (web/src/routes/**, SolidStart FileRoutes), so
// a page added later is found without touching the tests that must visit every page.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppPath } from '../src/lib/roles'

const routesDir = fileURLToPath(new URL('../src/routes/', import.meta.url))

export interface AppRoute {
  /** As the file names it: '/', '/buildings', '/buildings/[id]'. */
  pattern: string
  /** The path its <Guard path="…"> checks (the role's right to open it); none: a public page. */
  guard: AppPath | null
  /** Its first dynamic segment's parent ('/buildings' for '/buildings/[id]'), if it has one. */
  parent: string | null
  file: string
}

/** The routes, in file order; the catch-all (`[...404]`) is not a page. */
export function appRoutes(): AppRoute[] {
  const files = readdirSync(routesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx') && !f.includes('[...'))
    .sort()
  return files.map((file) => {
    const noExt = file.replaceAll('\\', '/').replace(/\.tsx$/, '')
    const pattern = `/${noExt.replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') || '/'
    const source = readFileSync(join(routesDir, file), 'utf8')
    const guard = (/<Guard\s+path="([^"]+)"/.exec(source)?.[1] ?? null) as AppPath | null
    const dynamic = pattern.indexOf('/[')
    return { pattern, guard, parent: dynamic > 0 ? pattern.slice(0, dynamic) : null, file }
  })
}

/** A file-friendly name: 'landing', 'buildings', 'buildings-id'. */
export const routeSlug = (pattern: string): string =>
  pattern === '/'
    ? 'landing'
    : pattern
        .slice(1)
        .replaceAll('/', '-')
        .replace(/\[\.*(\w+)\]/g, '$1')
