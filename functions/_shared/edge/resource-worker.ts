import { OpenAPIHono } from '@hono/zod-openapi'
import { applyStack } from '../app.ts'
import type { AppEnv } from '../runtime.ts'
import type { WorkerBindings } from './bindings.ts'
import { openRequestDatabase, requestDatabases, workerRuntime } from './worker-runtime.ts'

export const API_PREFIX = '/api/v1'

/**
 * One resource as its own Worker: the same middleware stack as the Node gateway, mounted at the
 * same path, so the edge gateway forwards requests unchanged through a service binding.
 */
export function createResourceWorker(name: string, resource: OpenAPIHono<AppEnv>): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', async (c, next) => {
    // Registered before the stack so it wraps it: the request's statements run on its own
    // connections (openRequestDatabase), released once the response is ready without delaying it.
    const database = await openRequestDatabase((c.env ?? {}) as WorkerBindings)
    requestDatabases.set(c, database)
    try {
      await database.run(next)
    } finally {
      c.executionCtx.waitUntil(database.close().catch(() => undefined))
    }
    c.header('x-koprogo-worker', name)
  })
  applyStack(app, workerRuntime)
  app.route(`${API_PREFIX}/${name}`, resource)
  return app
}
