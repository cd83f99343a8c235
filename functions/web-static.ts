import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { webCsp } from './_shared/csp.ts'
import type { AppEnv } from './_shared/runtime.ts'

/** Files the browser must revalidate every time: a stale worker or shell would pin old assets. */
const REVALIDATE = new Set(['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest'])

/**
 * Set on the file's Response itself: serveStatic calls its `onFound` hook after building the
 * Response, so headers set there through the context were lost (the cache headers never reached a
 * browser until this was found by functions/test/browser-exposure.test.ts).
 */
function fileHeaders(path: string, headers: Headers, csp: string): void {
  // Every file gets the app's policy, not the API's: the service worker (sw.js) runs under the
  // policy of its own script's answer, and precaching needs connect-src 'self'.
  headers.set('content-security-policy', csp)
  const p = path.startsWith('/') ? path : `/${path}`
  const name = p.slice(p.lastIndexOf('/'))
  if (p.includes('/assets/')) headers.set('cache-control', 'public, max-age=31536000, immutable')
  else if (REVALIDATE.has(name) || name.endsWith('.html') || /\/workbox-[\w-]+\.js$/.test(p))
    headers.set('cache-control', 'no-cache')
  else headers.set('cache-control', 'public, max-age=3600')
  if (name.endsWith('.webmanifest')) headers.set('content-type', 'application/manifest+json')
}

/** `'sha256-…'` sources for every inline `<script>` (one without `src`) of an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return hashes
}

/**
 * Serves the built PWA from the same origin as the API (embedded and VPS profiles): hashed
 * /assets/* immutable, the shell/worker/manifest revalidated, and unknown non-API paths that ask
 * for HTML fall back to index.html so client-side routes survive a reload. Unknown /api/* stays a
 * JSON 404, and a missing script or image is a 404, never the HTML shell.
 *
 * Every answer carries the web app's Content-Security-Policy (functions/_shared/csp.ts), with the
 * hashes of the shell's inline scripts computed here from index.html (again when it is rebuilt).
 */
export function mountWeb(app: OpenAPIHono<AppEnv>, distDir: string): boolean {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return false
  const root = relative(process.cwd(), distDir) || '.'
  const shellFile = join(distDir, 'index.html')
  // The SolidStart shell's inline script (its route → chunk map, ADR 0028) changes with every build:
  // the policy follows index.html when it is rebuilt under a running server (`make web`), else the
  // new shell's script would be blocked and the app would not start until a restart.
  let shellVersion = ''
  let policy = ''
  const csp = (): string => {
    const st = statSync(shellFile, { throwIfNoEntry: false })
    const version = st ? `${st.mtimeMs}:${st.size}` : ''
    if (version !== shellVersion) {
      shellVersion = version
      policy = webCsp(st ? inlineScriptHashes(readFileSync(shellFile, 'utf8')) : [])
    }
    return policy
  }
  // The build writes .br/.gz copies of text files (web/scripts/post-build.ts): sent as they are
  // to a browser that accepts them (the embedded profile has no compressing proxy in front).
  const file = serveStatic<AppEnv>({ root, precompressed: true })
  const shell = serveStatic<AppEnv>({ root, path: 'index.html', precompressed: true })
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    // Not found, serveStatic returns whatever next() gave (not a Response): the fallback answers.
    const res = await file(c, next)
    if (res instanceof Response) fileHeaders(c.req.path, res.headers, csp())
    return res
  })
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    if (!(c.req.header('accept') ?? '').includes('text/html')) return next()
    const res = await shell(c, next)
    if (res instanceof Response) fileHeaders('/index.html', res.headers, csp())
    return res
  })
  return true
}
