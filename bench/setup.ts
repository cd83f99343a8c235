/**
 * The bench's setup over HTTP (not timed): the realistic seed, the syndic's plan limits raised,
 * 10 target buildings with room for the run's unit quotas; and the login cost.
 */
import { cfg, log, SUPERADMIN, SYNDIC } from './config.ts'

export async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {}
  return {
    status: res.status,
    json: json as Record<string, unknown> & { data?: Record<string, unknown>[] },
    text,
  }
}

export async function login(base: string, who: { email: string; password: string }): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', undefined, who)
  if (res.status !== 200) throw new Error(`login ${who.email}: ${res.status} ${res.text}`)
  return String(res.json.token)
}

export type Setup = {
  token: string
  buildingIds: string[]
  expenses: boolean
  seedMs: number
  seedMessage: string
}

export async function setup(base: string): Promise<Setup> {
  const admin = await login(base, SUPERADMIN)
  const t0 = performance.now()
  const seeded = await call(base, 'POST', `/api/v1/seed/realistic?scale=${cfg.scale}`, admin)
  if (seeded.status !== 200) throw new Error(`seed: ${seeded.status} ${seeded.text}`)
  const seedMs = Math.round(performance.now() - t0)
  const token = await login(base, SYNDIC)
  // The mix creates thousands of buildings in the small firm: raise its plan limits first, as a
  // superadmin would (plan limits are enforced on every create, docs/security.md).
  const me = await call(base, 'GET', '/api/v1/auth/me', token)
  const raised = await call(base, 'PUT', `/api/v1/organizations/${String(me.json.organization_id)}`, admin, {
    max_buildings: 100_000_000,
    max_users: 100_000_000,
  })
  if (raised.status !== 200) throw new Error(`PUT /organizations: ${raised.status} ${raised.text}`)
  const listed = await call(base, 'GET', '/api/v1/buildings', token)
  if (listed.status !== 200) throw new Error(`GET /buildings: ${listed.status}`)
  // The Rust bench keeps up to 10 listed ids; ours creates 10 targets with room for the run's
  // unit quotas (the quota rule refuses units beyond total_tantiemes, 1000 in the seed).
  const buildingIds: string[] = []
  for (let i = 0; i < 10; i++) {
    const created = await call(base, 'POST', '/api/v1/buildings', token, {
      name: `Résidence Bench ${i + 1}`,
      address: `Rue de la Loi ${i + 1}`,
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
      total_units: 50,
      total_tantiemes: 100_000_000,
      construction_year: 2000,
    })
    if (created.status !== 201) throw new Error(`POST /buildings: ${created.status} ${created.text}`)
    buildingIds.push(String(created.json.id))
  }
  const expenses = (await call(base, 'GET', '/api/v1/expenses', token)).status === 200
  if (!expenses) log('GET /api/v1/expenses is not served yet: its 20 % of reads and writes go to the others')
  return { token, buildingIds, expenses, seedMs, seedMessage: String(seeded.json.message) }
}

/** Server time of a login (argon2id verify) and logins per second with 4 in flight. */
export async function measureLogins(base: string, who = SYNDIC) {
  const times: number[] = []
  for (let i = 0; i < 8; i++) {
    const t = performance.now()
    await login(base, who)
    times.push(performance.now() - t)
  }
  let done = 0
  const until = performance.now() + 5000
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < until) {
        await login(base, who)
        done++
      }
    }),
  )
  times.sort((a, b) => a - b)
  return { medianMs: Math.round(times[times.length >> 1] ?? 0), perSecond: Math.round((done / 5) * 10) / 10 }
}
