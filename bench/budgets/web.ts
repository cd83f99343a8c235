/**
 * JS and CSS (gzip -9) a browser downloads for the login page and for each dashboard: a fresh
 * SolidStart build (`vinxi build` + web/scripts/post-build.ts) into `out`; a page is the client
 * entry's static import closure plus its file route's closure, read from the client build's
 * manifest (`_build/.vite/manifest.json`; the service worker's precache is not counted). The
 * build stays in `out` for the caller (the Lighthouse run serves it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

function gzipSize(file: string): number {
  const r = spawnSync('gzip', ['-9c', file])
  return r.stdout.length
}

/** The client entry and the file routes, as SolidStart 1 names them in the client manifest. */
const ENTRY = 'virtual:$vinxi/handler/client'
const route = (file: string) => `src/routes/${file}.tsx?pick=default&pick=$css`

export function measureWeb(root: string, out: string) {
  const web = join(root, 'web')
  const vinxi = join(web, 'node_modules', 'vinxi', 'bin', 'cli.mjs')
  if (!existsSync(vinxi)) return { state: 'pending', note: 'web dependencies not installed' }
  for (const args of [
    [vinxi, 'build'],
    [join('scripts', 'post-build.ts'), out],
  ]) {
    const built = spawnSync(process.execPath, args, { cwd: web, encoding: 'utf8' })
    if (built.status !== 0) return { state: 'failed', note: `web build: ${built.stderr.slice(-300)}` }
  }
  const client = join(out, '_build')
  const manifest = JSON.parse(readFileSync(join(client, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; css?: string[] }
  >
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key]
    if (!chunk || into.has(chunk.file)) return into
    into.add(chunk.file)
    for (const css of chunk.css ?? []) into.add(css)
    for (const i of chunk.imports ?? []) closure(i, into)
    return into
  }
  const entry = closure(ENTRY, new Set())
  const page = (file: string) => {
    const files = closure(route(file), new Set(entry))
    const size = (ext: string) =>
      [...files].filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipSize(join(client, f)), 0)
    return { jsGzip: size('.js'), cssGzip: size('.css') }
  }
  const pages: Record<string, { jsGzip: number; cssGzip: number }> = { login: page('login') }
  for (const role of ['syndic', 'accountant', 'owner', 'admin']) pages[role] = page(role)
  return { state: 'ok', pages }
}
