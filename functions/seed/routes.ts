import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import type { AppEnv } from '../_shared/runtime.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'
import { clearSeeds, loadSeed, type SeedKind } from './seed.service.ts'

/** `success: true` on every seed answer: the v1 SeedManager reads `data.success` (issue #20, item 13). */
const success = z.literal(true).openapi({ description: 'Always true on 200 (what v1 clients check)' })

const SeedResult = z
  .object({
    success,
    message: z.string(),
    users: z.array(z.object({ email: z.string(), password: z.string(), role: z.string() })),
  })
  .openapi('SeedResult')

const ClearResult = z
  .object({ success, message: z.string(), organizations: z.number().int() })
  .openapi('SeedClearResult')

export const seedApp = createResourceApp()
seedApp.use('*', requireAuth)

/** Growth runs of the bench load the realistic dataset several times over (1 = the published seed). */
const ScaleQuery = z.object({
  scale: z.coerce
    .number()
    .int()
    .min(1)
    .max(WIRE_BOUNDS.seed_scale)
    .optional()
    .openapi({ description: 'Multiplies the buildings per organization (bench growth runs)' }),
})

const seedRoute = (kind: SeedKind, summary: string) =>
  createRoute({
    method: 'post',
    path: `/${kind}`,
    tags: ['Seed'],
    summary,
    security: bearer,
    ...(kind === 'realistic' ? { request: { query: ScaleQuery } } : {}),
    responses: {
      200: json(SeedResult, 'Loaded (or already there)'),
      400: errors[400],
      403: errors[403],
      409: errors[409],
    },
  })

const load = (kind: SeedKind) => async (c: Context<AppEnv>) => {
  const runtime = c.get('runtime')
  const result = await loadSeed(
    runtime.database.db,
    runtime.passwords,
    runtime.files,
    c.get('actor'),
    kind,
    c.get('requestId'),
    kind === 'realistic' ? Number(c.req.query('scale') ?? 1) : 1,
  )
  return respond(c, result, (r) =>
    c.json({ success: true as const, message: r.message, users: r.users }, 200),
  )
}

seedApp.openapi(
  seedRoute('demo', 'Load the demo organization (syndic, accountant, two owners) — superadmin'),
  load('demo'),
)
seedApp.openapi(
  seedRoute(
    'realistic',
    'Load 3 organizations / 23 buildings / ≈190 units (admin@small.be …, admin123) — superadmin',
  ),
  load('realistic'),
)
seedApp.openapi(
  createRoute({
    method: 'post',
    path: '/clear',
    tags: ['Seed'],
    summary: 'Remove seeded organizations only (never real tenants) — superadmin',
    security: bearer,
    responses: { 200: json(ClearResult, 'Removed'), 403: errors[403] },
  }),
  async (c) => {
    const actor = c.get('actor')
    if (!actor) throw new Error('requireAuth guarantees an actor')
    const result = await clearSeeds(c.get('runtime').database.db, actor, c.get('requestId'))
    return respond(c, result, (r) => c.json({ success: true as const, ...r }, 200))
  },
)
