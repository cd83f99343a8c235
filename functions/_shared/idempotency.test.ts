import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../test/harness.ts'
import { CLAIM_LEASE_MS } from './idempotency.ts'

/**
 * Idempotency-Key beyond the happy path (docs/reliability.md § Idempotency, ADR 0016): answers
 * carrying tokens are never stored, and a claim left by a request that died does not block its
 * key forever. The kill -9 version runs the real server: functions/test/idempotency-crash.test.ts.
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

type Row = { key: string; path: string; status_code: number | null; response_body: unknown }
async function idempotencyRows(userId: string): Promise<Row[]> {
  const res = (await api.inspect.execute(
    sql`select key, path, status_code, response_body from idempotency_keys where user_id = ${userId}`,
  )) as { rows: Row[] }
  return res.rows
}

const building = (name: string) => ({
  name,
  address: 'Rue de la Loi 16',
  city: 'Bruxelles',
  postal_code: '1000',
  country: 'Belgium',
  total_units: 10,
  total_tantiemes: 1000,
})

describe('no secret is ever stored as an idempotent answer', () => {
  it('login, refresh and register with an Idempotency-Key (and a bearer token) leave no token in the table', async () => {
    const t = await api.tenant()
    const headers = (k: string) => ({ 'idempotency-key': `${k}-${crypto.randomUUID()}` })
    const login = await api.request('POST', '/api/v1/auth/login', {
      token: t.syndic.token,
      body: { email: t.syndic.email, password: TEST_PASSWORD },
      headers: headers('login'),
    })
    expect(login.status).toBe(200)
    const refresh = await api.request('POST', '/api/v1/auth/refresh', {
      token: t.syndic.token,
      body: { refresh_token: login.body.refresh_token },
      headers: headers('refresh'),
    })
    expect(refresh.status).toBe(200)
    const register = await api.request('POST', '/api/v1/auth/register', {
      token: t.syndic.token,
      body: {
        email: `idem-reg-${crypto.randomUUID()}@example.test`,
        password: 'Sturdy-Pass-2026',
        first_name: 'R',
        last_name: 'G',
        role: 'owner',
      },
      headers: headers('register'),
    })
    expect(register.status).toBe(201)
    const all = (await api.inspect.execute(sql`select * from idempotency_keys`)) as { rows: unknown[] }
    const dump = JSON.stringify(all.rows)
    for (const secret of [
      login.body.token,
      login.body.refresh_token,
      refresh.body.token,
      refresh.body.refresh_token,
      register.body.token,
      register.body.refresh_token,
    ])
      expect(dump.includes(secret)).toBe(false)
    expect((await idempotencyRows(t.syndic.id)).filter((r) => r.path.startsWith('/api/v1/auth/'))).toEqual([])
    // Other routes still record their answers.
    const created = await api.request('POST', '/api/v1/buildings', {
      token: t.syndic.token,
      body: building(`Idem ${crypto.randomUUID()}`),
      headers: headers('building'),
    })
    expect(created.status).toBe(201)
    expect((await idempotencyRows(t.syndic.id)).map((r) => r.status_code)).toEqual([201])
  })
})

describe('a claim left by a request that died', () => {
  /** What a dead request of the previous version (or a dead upload) leaves: a committed claim without an answer. */
  async function orphanClaim(userId: string, key: string, body: unknown, ageMs: number) {
    const at = new Date(Date.now() - ageMs).toISOString()
    // The hash the dead request had: the same method, path and body as its retry.
    const hash = bytesToHex(
      sha256(new TextEncoder().encode(`POST /api/v1/buildings\n${JSON.stringify(body)}`)),
    )
    await api.inspect.execute(sql`
      insert into idempotency_keys (user_id, key, method, path, request_hash, created_at)
      values (${userId}, ${key}, 'POST', '/api/v1/buildings', ${hash}, ${at}::timestamptz)`)
  }
  const countBuildings = async (orgId: string, name: string) =>
    (
      (await api.inspect.execute(
        sql`select count(*)::int as n from buildings where organization_id = ${orgId} and name = ${name}`,
      )) as { rows: { n: number }[] }
    ).rows[0]?.n

  it('blocks its key only for the lease; then the retry runs once and later retries replay it', async () => {
    const { syndic, org } = await api.tenant()
    const name = `Orphan ${crypto.randomUUID()}`
    const key = `outbox-${crypto.randomUUID()}`
    await orphanClaim(syndic.id, key, building(name), 10_000)
    const post = () =>
      api.request('POST', '/api/v1/buildings', {
        token: syndic.token,
        body: building(name),
        headers: { 'idempotency-key': key },
      })
    const early = await post()
    expect(early.status).toBe(409)
    expect(early.body.error).toContain('still running')
    await api.inspect.execute(
      sql`update idempotency_keys set created_at = ${new Date(Date.now() - CLAIM_LEASE_MS - 1000).toISOString()}::timestamptz where key = ${key}`,
    )
    const retry = await post()
    expect(retry.status).toBe(201)
    const again = await post()
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body.id).toBe(retry.body.id)
    expect(await countBuildings(org.id, name)).toBe(1)
  })
})

describe('concurrent duplicates of one key', () => {
  it('wait for the first transaction and replay its answer: 8 × 201, one id, one row', async () => {
    const { syndic, org } = await api.tenant()
    const name = `Duplicates ${crypto.randomUUID()}`
    const headers = { 'idempotency-key': `dup-${crypto.randomUUID()}` }
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.request('POST', '/api/v1/buildings', { token: syndic.token, body: building(name), headers }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7)
    const rows = (await api.inspect.execute(
      sql`select count(*)::int as n from buildings where organization_id = ${org.id} and name = ${name}`,
    )) as { rows: { n: number }[] }
    expect(rows.rows[0]?.n).toBe(1)
  })
})
