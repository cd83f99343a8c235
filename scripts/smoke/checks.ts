/**
 * What the smoke test proves through the gateway in workerd. Core checks always run; a resource
 * of functions/resources.ts with no dedicated check below still gets "its Worker answers", so a
 * new resource is never silently outside the smoke test.
 */
import { expectStatus, field, type Reply, type SmokeClient } from './client.ts'
import { RESOURCE_CHECKS } from './resource-checks.ts'

export const SMOKE_ADMIN = { email: 'smoke-admin@koprogo.test', password: 'Smoke-Admin-Passw0rd!' }
const PASSWORD = 'Correct-Horse-Battery-9'

export type Step = (name: string, run: () => Promise<void>) => Promise<boolean>
type Session = { token: string; refresh: string }

const unique = () => crypto.randomUUID().slice(0, 8)

async function login(api: SmokeClient, email: string, password: string): Promise<Session> {
  const r = await api.call('POST', '/api/v1/auth/login', { body: { email, password } })
  expectStatus(r, 200, `login ${email}`)
  return { token: field(r, 'token'), refresh: field(r, 'refresh_token') }
}

async function createTenant(api: SmokeClient, admin: Session) {
  const org = await api.call('POST', '/api/v1/organizations', {
    token: admin.token,
    body: { name: `Smoke ${unique()}`, contact_email: 'smoke@koprogo.test' },
  })
  expectStatus(org, 201, 'create organization')
  const organizationId = field(org, 'id')
  const email = `syndic-${unique()}@koprogo.test`
  const user = await api.call('POST', '/api/v1/users', {
    token: admin.token,
    body: {
      email,
      password: PASSWORD,
      first_name: 'Smoke',
      last_name: 'Syndic',
      role: 'syndic',
      organization_id: organizationId,
    },
  })
  expectStatus(user, 201, 'create syndic')
  return { organizationId, userId: field(user, 'id'), email, session: await login(api, email, PASSWORD) }
}

function isProblem(r: Reply): boolean {
  return (
    (r.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
    typeof r.body.error === 'string' &&
    typeof r.body.request_id === 'string' &&
    r.body.status === r.status
  )
}

export async function runChecks(api: SmokeClient, step: Step, resources: readonly string[]): Promise<void> {
  const covered = new Set(['health', 'auth', 'organizations', 'users', 'seed'])
  await step('health through the gateway (/health and /api/v1/health)', async () => {
    for (const path of ['/health', '/api/v1/health']) {
      const r = await api.call('GET', path)
      expectStatus(r, 200, path)
      if (r.body.database !== 'ok') throw new Error(`${path}: database ${String(r.body.database)}`)
    }
  })
  await step('OpenAPI document served by the gateway', async () => {
    const r = await api.call('GET', '/api/v1/openapi.json')
    expectStatus(r, 200, 'openapi.json')
    const paths = r.body.paths
    if (typeof paths !== 'object' || paths === null || !('/api/v1/auth/login' in paths))
      throw new Error('openapi.json lacks /api/v1/auth/login')
  })
  await step('API reference self-hosted by the gateway, under its strict CSP', async () => {
    const page = await api.call('GET', '/api/v1/docs')
    expectStatus(page, 200, 'docs page')
    if (/https?:\/\//.test(page.text.replace(/xmlns="[^"]*"/g, '')))
      throw new Error('docs page loads something from another origin')
    for (const path of ['/api/v1/docs/swagger-ui-bundle.js', '/api/v1/docs/swagger-ui.css']) {
      const r = await api.call('GET', path)
      expectStatus(r, 200, path)
      if (r.text.length < 100_000) throw new Error(`${path}: ${r.text.length} characters, not Swagger UI`)
    }
    if (!/script-src 'self'(;|$)/.test(page.headers.get('content-security-policy') ?? ''))
      throw new Error(`docs page CSP: ${page.headers.get('content-security-policy')}`)
  })
  await step('problem+json on invalid input, with request id', async () => {
    const r = await api.call('POST', '/api/v1/auth/login', { body: { email: 42 } })
    expectStatus(r, 400, 'invalid login body')
    if (!isProblem(r)) throw new Error(`not a problem+json body: ${JSON.stringify(r.body)}`)
    const unknown = await api.call('GET', '/api/v1/no-such-resource')
    expectStatus(unknown, 404, 'unknown route')
    if (!isProblem(unknown)) throw new Error('gateway 404 is not problem+json')
  })

  let admin: Session | undefined
  await step('superadmin login', async () => {
    admin = await login(api, SMOKE_ADMIN.email, SMOKE_ADMIN.password)
  })
  await step(
    'refresh rotates the pair; a replay within the grace window gets the same successor; logout ends both',
    async () => {
      if (!admin) throw new Error('no superadmin session')
      const refresh = (token: string) =>
        api.call('POST', '/api/v1/auth/refresh', { body: { refresh_token: token } })
      const r = await refresh(admin.refresh)
      expectStatus(r, 200, 'refresh')
      // A second tab presenting the same token at once (ADR 0016): the sealed successor opens.
      const again = await refresh(admin.refresh)
      expectStatus(again, 200, 'concurrent refresh within the grace window')
      if (field(again, 'refresh_token') !== field(r, 'refresh_token'))
        throw new Error('the replay within the grace window got another successor')
      const out = await api.call('POST', '/api/v1/auth/logout', {
        body: { refresh_token: field(r, 'refresh_token') },
      })
      expectStatus(out, 204, 'logout')
      expectStatus(await refresh(field(r, 'refresh_token')), 401, 'refresh after logout')
      expectStatus(await refresh(admin.refresh), 401, 'the spent token after logout')
      admin = await login(api, SMOKE_ADMIN.email, SMOKE_ADMIN.password)
    },
  )

  let tenantA: Awaited<ReturnType<typeof createTenant>> | undefined
  await step('organization + users round trip (create, read back, log in, /auth/me)', async () => {
    if (!admin) throw new Error('no superadmin session')
    tenantA = await createTenant(api, admin)
    const org = await api.call('GET', `/api/v1/organizations/${tenantA.organizationId}`, {
      token: admin.token,
    })
    expectStatus(org, 200, 'read organization')
    const me = await api.call('GET', '/api/v1/auth/me', { token: tenantA.session.token })
    expectStatus(me, 200, '/auth/me')
    if (me.body.email !== tenantA.email || me.body.organization_id !== tenantA.organizationId)
      throw new Error(`/auth/me answered ${JSON.stringify(me.body)}`)
    const list = await api.call('GET', '/api/v1/users', { token: tenantA.session.token })
    expectStatus(list, 200, 'list users')
  })
  let tenantB: Awaited<ReturnType<typeof createTenant>> | undefined
  await step("another tenant's user answers 404", async () => {
    if (!admin || !tenantA) throw new Error('no tenant A')
    tenantB = await createTenant(api, admin)
    const r = await api.call('PUT', `/api/v1/users/${tenantA.userId}/deactivate`, {
      token: tenantB.session.token,
    })
    expectStatus(r, 404, 'cross-tenant deactivate')
    if (!isProblem(r)) throw new Error('cross-tenant 404 is not problem+json')
  })

  await step(
    'an Idempotency-Key POST runs once, in one transaction with its claim, and replays',
    async () => {
      if (!tenantA) throw new Error('no tenant A')
      const token = tenantA.session.token
      const headers = { 'idempotency-key': `smoke-idem-${unique()}` }
      const body = {
        email: `idem-${unique()}@koprogo.test`,
        password: PASSWORD,
        first_name: 'I',
        last_name: 'D',
        role: 'owner',
      }
      const first = await api.call('POST', '/api/v1/users', { token, headers, body })
      expectStatus(first, 201, 'create user with an Idempotency-Key')
      const again = await api.call('POST', '/api/v1/users', { token, headers, body })
      expectStatus(again, 201, 'replay')
      if (again.headers.get('idempotent-replayed') !== 'true' || field(again, 'id') !== field(first, 'id'))
        throw new Error(`the replay was not the stored answer: ${again.text}`)
    },
  )

  if (resources.includes('seed')) {
    await step('seed: demo data loads and clears', async () => {
      if (!admin) throw new Error('no superadmin session')
      const r = await api.call('POST', '/api/v1/seed/demo', { token: admin.token })
      expectStatus(r, 200, 'seed demo')
      const cleared = await api.call('POST', '/api/v1/seed/clear', { token: admin.token })
      expectStatus(cleared, 200, 'seed clear')
    })
  }

  const ids = new Map<string, string>()
  for (const [name, check] of Object.entries(RESOURCE_CHECKS)) {
    if (!resources.includes(name)) continue
    covered.add(name)
    await step(`${name}: round trip, other tenant gets 404`, async () => {
      if (!tenantA || !tenantB) throw new Error('no tenants')
      await check({ api, tokenA: tenantA.session.token, tokenB: tenantB.session.token, ids })
    })
  }

  for (const name of resources.filter((r) => !covered.has(r))) {
    await step(`${name}: its Worker answers through the gateway`, async () => {
      const r = await api.call('GET', `/api/v1/${name}/00000000-0000-4000-8000-000000000000`, {
        token: admin?.token,
      })
      if (r.headers.get('x-koprogo-worker') !== name || r.status >= 500)
        throw new Error(`got ${r.status} from ${r.headers.get('x-koprogo-worker') ?? 'no Worker'}`)
    })
  }
}
