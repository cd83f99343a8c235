import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from './_shared/runtime.ts'

/** Files the browser must revalidate every time: a stale worker or shell would pin old assets. */
const REVALIDATE = new Set(['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest'])

function cacheHeaders(path: string, c: Context<AppEnv>): void {
  const p = path.startsWith('/') ? path : `/${path}`
  const name = p.slice(p.lastIndexOf('/'))
  if (p.includes('/assets/')) c.header('cache-control', 'public, max-age=31536000, immutable')
  else if (REVALIDATE.has(name) || name.endsWith('.html') || /\/workbox-[\w-]+\.js$/.test(p))
    c.header('cache-control', 'no-cache')
  else c.header('cache-control', 'public, max-age=3600')
  if (name.endsWith('.webmanifest')) c.header('content-type', 'application/manifest+json')
}

/**
 * Serves the built PWA from the same origin as the API (embedded and VPS profiles): hashed
 * /assets/* immutable, the shell/worker/manifest revalidated, and unknown non-API paths that ask
 * for HTML fall back to index.html so client-side routes survive a reload. Unknown /api/* stays a
 * JSON 404, and a missing script or image is a 404, never the HTML shell.
 */
export function mountWeb(app: OpenAPIHono<AppEnv>, distDir: string): boolean {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return false
  const root = relative(process.cwd(), distDir) || '.'
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    return serveStatic<AppEnv>({ root, onFound: (_path, ctx) => cacheHeaders(c.req.path, ctx) })(c, next)
  })
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    if (!(c.req.header('accept') ?? '').includes('text/html')) return next()
    return serveStatic<AppEnv>({
      root,
      path: 'index.html',
      onFound: (_path, ctx) => ctx.header('cache-control', 'no-cache'),
    })(c, next)
  })
  return true
}
