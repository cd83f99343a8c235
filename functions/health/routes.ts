import { createRoute, z } from '@hono/zod-openapi'
import { createResourceApp } from '../_shared/app.ts'
import { json } from '../_shared/http.ts'

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    service: z.literal('koprogo-api'),
    database: z.enum(['ok', 'unavailable']),
  })
  .openapi('Health')

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Health'],
  summary: 'Liveness and database check',
  responses: { 200: json(HealthSchema, 'Healthy'), 503: json(HealthSchema, 'Database unavailable') },
})

export const healthApp = createResourceApp().openapi(route, async (c) => {
  const up = await c.get('runtime').database.ping()
  return up
    ? c.json({ status: 'ok' as const, service: 'koprogo-api' as const, database: 'ok' as const }, 200)
    : c.json(
        { status: 'degraded' as const, service: 'koprogo-api' as const, database: 'unavailable' as const },
        503,
      )
})
