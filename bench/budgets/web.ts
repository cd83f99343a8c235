/**
 * JS and CSS (gzip -9) a browser downloads for the login page and for each dashboard: a fresh
 * `vite build --manifest` into `out`; a page is the entry's static import closure plus its lazy
 * route chunk's closure (the service worker's precache is not counted). The build stays in `out`
 * for the caller (the Lighthouse run serves it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

function gzipSize(file: string): number {
  const r = spawnSync('gzip', ['-9c', file])
  return r.stdout.length
}

export function measureWeb(root: string, out: string) {
  const vite = join(root, 'web', 'node_modules', 'vite', 'bin', 'vite.js')
  if (!existsSync(vite)) return { state: 'pending', note: 'web dependencies not installed' }
  const built = spawnSync(
    process.execPath,
    [vite, 'build', '--manifest', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: join(root, 'web'),
      encoding: 'utf8',
    },
  )
  if (built.status !== 0) return { state: 'failed', note: `vite build: ${built.stderr.slice(0, 300)}` }
  const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<
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
  const entry = closure('index.html', new Set())
  const page = (route?: string) => {
    const files = new Set(entry)
    if (route) closure(route, files)
    const size = (ext: string) =>
      [...files].filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzipSize(join(out, f)), 0)
    return { jsGzip: size('.js'), cssGzip: size('.css') }
  }
  const pages: Record<string, { jsGzip: number; cssGzip: number }> = { login: page() }
  for (const role of ['Syndic', 'Accountant', 'Owner', 'Admin'])
    pages[role.toLowerCase()] = page(`src/routes/${role}Dashboard.tsx`)
  return { state: 'ok', pages }
}
