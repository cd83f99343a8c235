import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './_shared/runtime.ts'

/**
 * Serves the built PWA from the same origin as the API (embedded and VPS profiles). Unknown
 * non-API paths fall back to index.html so client-side routes survive a reload.
 */
export function mountWeb(app: OpenAPIHono<AppEnv>, distDir: string): boolean {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return false
  const root = relative(process.cwd(), distDir) || '.'
  app.use('*', async (c, next) => {
    await next()
    const path = c.req.path
    if (path === '/sw.js' || path.endsWith('/sw.js')) {
      c.header('service-worker-allowed', '/')
      c.header('cache-control', 'no-cache')
    }
  })
  app.get('*', serveStatic({ root }))
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    return serveStatic({ root, path: 'index.html' })(c, next)
  })
  return true
}
