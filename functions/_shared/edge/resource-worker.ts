import { OpenAPIHono } from '@hono/zod-openapi'
import { applyStack } from '../app.ts'
import type { AppEnv } from '../runtime.ts'
import { workerRuntime } from './worker-runtime.ts'

export const API_PREFIX = '/api/v1'

/**
 * One resource as its own Worker: the same middleware stack as the Node gateway, mounted at the
 * same path, so the edge gateway forwards requests unchanged through a service binding.
 */
export function createResourceWorker(name: string, resource: OpenAPIHono<AppEnv>): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', async (c, next) => {
    await next()
    // Registered before the stack so it runs last: the request's database is released once the
    // response is ready, without delaying it.
    const runtime = c.get('runtime')
    if (runtime) c.executionCtx.waitUntil(runtime.database.close().catch(() => undefined))
    c.header('x-koprogo-worker', name)
  })
  applyStack(app, workerRuntime)
  app.route(`${API_PREFIX}/${name}`, resource)
  return app
}
