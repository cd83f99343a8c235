import { writeCoda } from '@koprogo/domain/bank-testing'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturedMail } from '../_shared/db/schema/index.ts'
import { uuidv7 } from '../_shared/ids.ts'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'
import { type JsonSchema, type Operation, resolveRef, sampleValue } from './sample-request.ts'

/**
 * Generated from the OpenAPI document, so every new route is covered without writing a test:
 * for each operation that names a row (a path id or an `*_id` in its body), each role of
 * organization B aims it at organization A's rows and must get 404 (or 403 where the role alone
 * is the reason), never a 2xx; afterwards A's rows are exactly as they were.
 */
let api: TestApi
type Doc = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, JsonSchema> }
}
let doc: Doc
const a: Record<string, string> = {}
let b: Awaited<ReturnType<TestApi['tenant']>> & { ownerUser: { token: string } }

beforeAll(async () => {
  api = await createTestApi()
  const fx = propertyFixtures(api)
  doc = (await api.request('GET', '/api/v1/openapi.json')).body
  const ta = await api.tenant()
  const building = await fx.building(ta.syndic.token)
  const unit = await fx.unit(ta.syndic.token, building.id)
  const owner = await fx.owner(ta.syndic.token)
  await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, { token: ta.syndic.token })
  Object.assign(a, {
    organization: ta.org.id,
    user: ta.accountant.id,
    building: building.id,
    unit: unit.id,
    owner: owner.id,
    // The lot's representatives (who votes, who receives calls for funds) are owners.
    voter_owner: owner.id,
    calls_owner: owner.id,
    // The owners who ask for an assembly (art. 3.87 §2) and a board member (art. 3.90).
    owner_ids: owner.id,
  })
  // Resources added by later work register their fixture here when their route exists.
  const post = async (path: string, body: unknown) => {
    const res = await api.request('POST', path, { token: ta.syndic.token, body })
    if (res.status !== 201) throw new Error(`fixture ${path}: ${res.status} ${res.text}`)
    return res.body.id as string
  }
  if (doc.paths['/api/v1/expenses']) {
    a.expense =
      (await post('/api/v1/expenses', {
        building_id: building.id,
        category: 'Maintenance',
        description: 'Entretien',
        amount: 100,
        expense_date: '2026-02-01',
      })) ?? ''
  }
  if (doc.paths['/api/v1/suppliers']) a.supplier = await post('/api/v1/suppliers', { name: 'Fournisseur A' })
  if (doc.paths['/api/v1/buildings/{building_id}/distribution-keys']) {
    a.key =
      (await post(`/api/v1/buildings/${building.id}/distribution-keys`, {
        name: 'Ascenseur',
        kind: 'subset',
        members: [{ unit_id: unit.id, weight: 2 }],
      })) ?? ''
    a.distribution_key = a.key
    a.budget =
      (await post(`/api/v1/buildings/${building.id}/budgets`, {
        fiscal_year: 2026,
        lines: [{ category: 'Cleaning', amount_cents: 1000 }],
      })) ?? ''
  }
  if (doc.paths['/api/v1/meetings']) {
    a.meeting =
      (await post('/api/v1/meetings', {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: '2027-05-01T18:00:00Z',
        location: 'Salle',
      })) ?? ''
  }
  if (doc.paths['/api/v1/meetings/{id}/resolutions/{resolution_id}'] && a.meeting) {
    a.resolution =
      (await post(`/api/v1/meetings/${a.meeting}/resolutions`, {
        title: 'Comptes',
        decision_type: 'ordinary',
      })) ?? ''
  }
  if (doc.paths['/api/v1/meetings/{id}/proxies/{proxy_id}'] && a.meeting) {
    // A proxy given online by A's owner (linked to A's owner-role user) for A's meeting.
    await api.request('PUT', `/api/v1/owners/${owner.id}/link-user`, {
      token: ta.syndic.token,
      body: { user_id: ta.owner.id },
    })
    const res = await api.request('POST', `/api/v1/meetings/${a.meeting}/proxies`, {
      token: ta.owner.token,
      body: { holder_name: 'Jean Voisin' },
    })
    if (res.status !== 201) throw new Error(`fixture proxy: ${res.status} ${res.text}`)
    a.proxy = res.body.id as string
  }
  if (doc.paths['/api/v1/buildings/{id}/board/mandates']) {
    a.mandate =
      (await post(`/api/v1/buildings/${building.id}/board/mandates`, {
        owner_id: owner.id,
        board_role: 'member',
        start_date: '2026-01-01',
      })) ?? ''
  }
  if (doc.paths['/api/v1/documents']) {
    const form = new FormData()
    form.set('building_id', building.id)
    form.set('document_type', 'MeetingMinutes')
    form.set('title', 'PV')
    // Last, as the web client does (any order is accepted, ADR 0014).
    form.set(
      'file',
      new File([new TextEncoder().encode('%PDF-1.4\n%test\n')], 'pv.pdf', { type: 'application/pdf' }),
    )
    const res = await api.app.request('/api/v1/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${ta.syndic.token}` },
      body: form,
    })
    if (res.status === 201) a.document = ((await res.json()) as { id: string }).id
  }
  if (doc.paths['/api/v1/mail/captured/{id}']) {
    // A mail to A's accountant, as the capture transport keeps it (superadmin-only reading).
    a.mail = uuidv7()
    await api.inspect.insert(capturedMail).values({
      id: a.mail,
      jobId: uuidv7(),
      messageId: '<m@test>',
      fromAddress: 'KoproGo <no-reply@koprogo.invalid>',
      toAddress: ta.accountant.email,
      locale: 'fr',
      subject: 'Invitation',
      textBody: 'token',
      htmlBody: '<p>token</p>',
    })
    a.index = '0' // its first attachment (/mail/captured/{id}/attachments/{index})
  }
  if (doc.paths['/api/v1/admin/jobs/{id}/retry']) {
    // A job of organization A: only the superadmin may see or retry it (403 for everyone else).
    a.admin = await api.repos.outbox.enqueue({ kind: 'test.tenant', organizationId: ta.org.id, payload: {} })
  }
  if (doc.paths['/api/v1/calls/{id}']) {
    // Calls for funds: A's reserve account (the path's purpose) and one call of A.
    a.purpose = 'reserve'
    // The ledger's account path names a chart code (owners' receivables), in A's building.
    a.code = '410'
    // The legal interest table names a year (arrears, ADR 0039).
    a.year = '2026'
    await api.request('PUT', `/api/v1/buildings/${building.id}/bank-accounts/reserve`, {
      token: ta.syndic.token,
      body: { iban: 'BE71 0961 2345 6769', holder_name: 'ACP A' },
    })
    a.call =
      (await post(`/api/v1/buildings/${building.id}/calls`, {
        kind: 'reserve',
        label: 'Fonds de réserve',
        due_date: '2027-01-15',
        amount_cents: 10_000,
      })) ?? ''
  }
  if (doc.paths['/api/v1/bank-movements/{id}']) {
    // Bank statements (ADR 0038): one statement of A's reserve account with one unmatched movement.
    const form = new FormData()
    const coda = writeCoda([
      {
        iban: 'BE71096123456769',
        statementNumber: 1,
        oldBalanceCents: 0,
        newBalanceCents: 4_321,
        oldBalanceDate: '2027-01-01',
        newBalanceDate: '2027-01-02',
        movements: [
          {
            sequence: 1,
            amountCents: 4_321,
            valueDate: '2027-01-02',
            bookingDate: '2027-01-02',
            bankReference: 'TI-1',
          },
        ],
      },
    ])
    form.set('file', new Blob([coda]), 'a.cod')
    const imported = await api.request('POST', `/api/v1/buildings/${building.id}/bank-statements`, {
      token: ta.syndic.token,
      rawBody: form,
    })
    if (imported.status !== 201)
      throw new Error(`fixture bank statement: ${imported.status} ${imported.text}`)
    a['bank-statement'] = (imported.body as { statements: { id: string }[] }).statements[0]?.id ?? ''
    const moves = await api.request('GET', `/api/v1/buildings/${building.id}/bank-movements`, {
      token: ta.syndic.token,
    })
    a['bank-movement'] = (moves.body as { data: { id: string }[] }).data[0]?.id ?? ''
  }
  if (doc.paths['/api/v1/units/{id}/etat-date/{request_id}/generate']) {
    // An état daté request of A's lot, left pending (issue #16 item 7).
    a.request = await post(`/api/v1/units/${unit.id}/etat-date`, {
      requested_by: 'Notaire A',
      generate: false,
    })
  }
  const tb = await api.tenant()
  const mine = await fx.ownerWithUnit(tb.syndic.token, tb.org.id)
  b = { ...tb, ownerUser: mine.user }
})
afterAll(() => api.close())

/** Which of A's ids a parameter or body field means, from its name and the path it is in. */
function idFor(name: string, path: string): string {
  const entity =
    name === 'id'
      ? (path.split('/')[3] ?? '').replace(/ies$/, 'y').replace(/s$/, '')
      : name.replace(/_id$/, '')
  const id = a[entity]
  if (!id)
    throw new Error(
      `No fixture of organization A for "${name}" in ${path}: add one to tenant-isolation.test.ts`,
    )
  return id
}

type Case = { method: string; path: string; url: string; body?: unknown }

function cases(): Case[] {
  const out: Case[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const hasPathId = /\{[a-z_]+\}/.test(path)
      const json = op.requestBody?.content['application/json']?.schema
      const body = json ? sampleValue(doc, 'body', json, idFor, path) : undefined
      // organization_id in a body is ignored for non-superadmins, so it names no row of A.
      const refs = Object.keys(resolveRef(doc, json ?? {}).properties ?? {}).filter(
        (k) => k.endsWith('_id') && k !== 'organization_id',
      )
      const refersToRow = body !== undefined && refs.length > 0
      if (!hasPathId && !(method === 'post' && refersToRow)) continue
      if (path.startsWith('/api/v1/auth') || path.startsWith('/api/v1/seed')) continue
      const url = path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => idFor(name, path))
      out.push({ method: method.toUpperCase(), path, url, ...(body !== undefined ? { body } : {}) })
    }
  }
  return out
}

async function snapshot() {
  const r = (await api.inspect.execute(sql`
    select (select coalesce(sum(version), 0) from buildings where organization_id = ${a.organization})::int as b,
           (select coalesce(sum(version), 0) from units where organization_id = ${a.organization})::int as u,
           (select coalesce(sum(version), 0) from owners where organization_id = ${a.organization})::int as o,
           (select count(*) from unit_ownerships where organization_id = ${a.organization})::int as uo,
           (select coalesce(sum(version), 0) from unit_ownerships where organization_id = ${a.organization})::int as uov,
           (select count(*) from unit_representatives where organization_id = ${a.organization})::int as ur,
           (select coalesce(sum(version), 0) from distribution_keys where organization_id = ${a.organization})::int as dk,
           (select coalesce(sum(version), 0) from budgets where organization_id = ${a.organization})::int as bu,
           (select count(*) from audit_log where organization_id = ${a.organization})::int as audit,
           (select count(*) from calls_for_funds where organization_id = ${a.organization})::int as calls,
           (select count(*) from owner_payments where organization_id = ${a.organization})::int as payments,
           (select count(*) from bank_movements where organization_id = ${a.organization} and status = 'matched')::int as bank_matched,
           (select coalesce(sum(version), 0) from building_bank_accounts where organization_id = ${a.organization})::int as accounts,
           (select count(*) from users where organization_id = ${a.organization})::int as users`)) as {
    rows: Record<string, number>[]
  }
  return r.rows[0]
}

describe('tenant isolation (generated from the OpenAPI document)', () => {
  it('covers every route that names a row', () => {
    const paths = new Set(cases().map((c) => c.path))
    for (const p of [
      '/api/v1/buildings/{id}',
      '/api/v1/units/{id}',
      '/api/v1/units/{id}/transfer',
      '/api/v1/units/{id}/representatives',
      '/api/v1/owners/{id}',
      '/api/v1/users/{id}',
    ]) {
      expect(paths).toContain(p)
    }
    expect(cases().length).toBeGreaterThan(20)
  })

  it.each(['syndic', 'accountant', 'owner'] as const)(
    'a %s of another organization gets 404/403 on every one of A’s rows and changes nothing',
    async (role) => {
      const token = role === 'owner' ? b.ownerUser.token : b[role].token
      const before = await snapshot()
      const leaks: string[] = []
      for (const c of cases()) {
        const res = await api.request(c.method, c.url, {
          token,
          ...(c.body !== undefined ? { body: c.body } : {}),
        })
        const ok = res.status === 404 || res.status === 403
        if (!ok)
          leaks.push(
            `${c.method} ${c.path} ${JSON.stringify(c.body)} → ${res.status} ${res.text.slice(0, 300)}`,
          )
      }
      expect(leaks).toEqual([])
      expect(await snapshot()).toEqual(before)
    },
  )

  it('no list or dashboard ever includes a row of another organization', async () => {
    const aIds = new Set(Object.values(a))
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!methods.get || /\{/.test(path) || path.includes('openapi') || path.includes('/docs')) continue
      for (const token of [b.syndic.token, b.accountant.token, b.ownerUser.token]) {
        const res = await api.request('GET', `${path}?per_page=100`, { token })
        if (res.status !== 200) continue
        const rows: Record<string, unknown>[] = Array.isArray(res.body?.data) ? res.body.data : []
        for (const row of rows) {
          expect(aIds.has(String(row.id)), `${path} leaked ${row.id}`).toBe(false)
          if ('organization_id' in row) expect(row.organization_id, path).not.toBe(a.organization)
        }
      }
    }
  })
})
