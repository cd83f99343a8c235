import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'
import { type JsonSchema, type Operation, sampleValue } from './sample-request.ts'

/**
 * The original KoproGo v1 web front end, pointed at this API (issue #20, items 8, 10–14). Each
 * test sends the request v1 sends (path, query and body as its components build them) and checks
 * what v1 then reads from the answer. Plus the API's own promise behind item 8: no write route
 * answers 2xx while dropping a field it does not know.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
let admin: Awaited<ReturnType<TestApi['user']>>
let ta: Awaited<ReturnType<TestApi['tenant']>>
let tb: Awaited<ReturnType<TestApi['tenant']>>
/** Rows of tenant A, by entity name (for path parameters and `*_id` body fields). */
const a: Record<string, string> = {}

beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
  admin = await api.user('superadmin', null)
  ta = await api.tenant()
  tb = await api.tenant()
  for (const t of [ta, tb]) {
    const building = await fx.building(t.syndic.token)
    const unit = await fx.unit(t.syndic.token, building.id)
    const owner = await fx.owner(t.syndic.token)
    const expense = await api.request('POST', '/api/v1/expenses', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        category: 'Maintenance',
        description: 'Entretien ascenseur',
        amount: 250,
        expense_date: '2026-02-01',
      },
    })
    expect(expense.status).toBe(201)
    if (t === ta)
      Object.assign(a, {
        organization: t.org.id,
        user: t.accountant.id,
        building: building.id,
        unit: unit.id,
        owner: owner.id,
        expense: expense.body.id,
      })
  }
  const meeting = await api.request('POST', '/api/v1/meetings', {
    token: ta.syndic.token,
    body: {
      building_id: a.building,
      meeting_type: 'Ordinary',
      title: 'AG',
      scheduled_date: '2027-05-01T18:00:00Z',
      location: 'Salle',
    },
  })
  a.meeting = meeting.body.id
  const doc = await upload(ta.syndic.token, {
    building_id: a.building,
    document_type: 'Other',
    title: 'Plan',
  })
  a.document = doc.body.id
  // Path segments that are not ids: a bank account's purpose, a ledger account's code.
  a.purpose = 'reserve'
  a.code = '410'
})
afterAll(() => api.close())

async function upload(token: string, fields: Record<string, string | undefined>) {
  const form = new FormData()
  form.set(
    'file',
    new File([new TextEncoder().encode('%PDF-1.4\n%v1\n')], 'plan.pdf', { type: 'application/pdf' }),
  )
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v)
  const res = await api.app.request('/api/v1/documents', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } }
}

/**
 * Everything a write of these tests could have changed: row counts and version sums of the two
 * tenants' rows in every table, their audit log and sessions, and rows made from the sample
 * values of the generated requests (a new organization or user). Scoped, because the Postgres
 * test database is shared with the other test files running at the same time.
 */
async function everything() {
  const tables = [
    'buildings',
    'units',
    'owners',
    'unit_ownerships',
    'expenses',
    'meetings',
    'documents',
    'users',
  ]
  const orgs = `('${ta.org.id}', '${tb.org.id}')`
  const parts = tables.map(
    (t) =>
      `(select count(*) || ':' || coalesce(sum(version), 0) from ${t} where organization_id in ${orgs}) as ${t}`,
  )
  const r = (await api.inspect.execute(
    sql.raw(`select ${parts.join(', ')},
      (select count(*) || ':' || sum(version) from organizations where id in ${orgs}) as organizations,
      (select count(*) from organizations where name like 'Sample%') as sample_organizations,
      (select count(*) from users where email like 'sample-%') as sample_users,
      (select count(*) from audit_log where organization_id in ${orgs}) as audit,
      (select count(*) from refresh_tokens where user_id in (select id from users where organization_id in ${orgs})) as sessions`),
  )) as { rows: Record<string, unknown>[] }
  return r.rows[0]
}

const unknownField = (res: { status: number; body: { errors?: { path: string; message: string }[] } }) => ({
  status: res.status,
  unknown: res.body?.errors?.filter((e) => e.message === 'Unknown field').map((e) => e.path),
})

describe('item 8: unknown body fields are refused, never silently dropped', () => {
  it('every write route of the OpenAPI document answers 400 naming the unknown field, and writes nothing', async () => {
    const doc = (await api.request('GET', '/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>
      components: { schemas: Record<string, JsonSchema> }
    }
    const idFor = (name: string, path: string) => {
      // A year in the path (fiscal years, legal interest rates) is a number, not an id.
      if (name === 'year') return '2025'
      const entity =
        name === 'id'
          ? (path.split('/')[3] ?? '').replace(/ies$/, 'y').replace(/s$/, '')
          : name.replace(/_id$/, '')
      return a[entity] ?? crypto.randomUUID()
    }
    const before = await everything()
    const tried: string[] = []
    const failures: string[] = []
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method)) continue
        const schema = op.requestBody?.content['application/json']?.schema
        if (!schema) continue
        const valid = sampleValue(doc, 'body', schema, idFor, path) as Record<string, unknown>
        const url = path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => idFor(name, path))
        const platform = /\/(organizations|users|seed)/.test(path)
        const res = await api.request(method.toUpperCase(), url, {
          token: platform ? admin.token : ta.syndic.token,
          body: { ...valid, v1_unknown_field: 'x' },
        })
        tried.push(`${method} ${path}`)
        const got = unknownField(res)
        if (got.status !== 400 || JSON.stringify(got.unknown) !== '["v1_unknown_field"]')
          failures.push(`${method.toUpperCase()} ${path} → ${res.status} ${res.text.slice(0, 200)}`)
        else expect(res.body.error).toContain('v1_unknown_field')
      }
    }
    expect(failures).toEqual([])
    expect(tried.length).toBeGreaterThan(30)
    expect(await everything()).toEqual(before)
  })

  it('the OpenAPI document states additionalProperties: false on every JSON body', async () => {
    const doc = (await api.request('GET', '/api/v1/openapi.json')).body
    for (const name of ['CreateBuilding', 'UpdateBuilding', 'CreateOwner', 'AddUnitOwner', 'NoBody'])
      expect(doc.components.schemas[name].additionalProperties, name).toBe(false)
  })

  it('the fields the issue saw "saved" are now either stored (modelled since) or refused by name', async () => {
    const owner = await fx.owner(ta.syndic.token)
    const before = await everything()
    // Refused by name, nothing written: a field the API does not model, on each of the three routes.
    const unknownRight = await api.request('POST', `/api/v1/units/${a.unit}/owners`, {
      token: ta.syndic.token,
      body: { owner_id: owner.id, ownership_share: 0.5, right_kind: 'usufruct' },
    })
    expect(unknownField(unknownRight)).toEqual({ status: 400, unknown: ['right_kind'] })
    // vat_rate is modelled since issue #15 (ADR 0031): a rate without the amount excluding VAT is
    // refused by name; an unmodelled VAT field still is an unknown field.
    const vat = await api.request('POST', '/api/v1/expenses', {
      token: ta.syndic.token,
      body: {
        building_id: a.building,
        category: 'Works',
        description: 'Toiture',
        amount: 1000,
        vat_rate: 21,
        expense_date: '2026-03-01',
      },
    })
    expect(vat.status).toBe(400)
    expect(vat.body.errors.map((e: { path: string }) => e.path)).toContain('amount_excl_vat_cents')
    const vatNumber = await api.request('POST', '/api/v1/expenses', {
      token: ta.syndic.token,
      body: {
        building_id: a.building,
        category: 'Works',
        description: 'Toiture',
        amount: 1000,
        vat_number: 'BE0123456749',
        expense_date: '2026-03-01',
      },
    })
    expect(unknownField(vatNumber)).toEqual({ status: 400, unknown: ['vat_number'] })
    const unknownSyndic = await api.request('PUT', `/api/v1/buildings/${a.building}`, {
      token: ta.syndic.token,
      body: { syndic_nickname: 'Syndic SPRL', name: 'Renamed' },
    })
    expect(unknownField(unknownSyndic)).toEqual({ status: 400, unknown: ['syndic_nickname'] })
    expect(await everything()).toEqual(before)
    // right_type (usufruct/bare, issue #20 item 4) and syndic_name (item 9) are modelled now: stored.
    const right = await api.request('POST', `/api/v1/units/${a.unit}/owners`, {
      token: ta.syndic.token,
      body: { owner_id: owner.id, ownership_share: 0.5, right_type: 'usufruct' },
    })
    expect(right.status, JSON.stringify(right.body)).toBe(201)
    expect(right.body.right_type).toBe('usufruct')
    const syndic = await api.request('PUT', `/api/v1/buildings/${a.building}`, {
      token: ta.syndic.token,
      body: { syndic_name: 'Syndic SPRL' },
    })
    expect(syndic.status, JSON.stringify(syndic.body)).toBe(200)
    expect(syndic.body.syndic_name).toBe('Syndic SPRL')
  })

  it('multipart uploads refuse an unknown field too, but accept the two v1 sends (uploaded_by, organization_id)', async () => {
    const before = await everything()
    const refused = await upload(ta.syndic.token, {
      building_id: a.building,
      document_type: 'Invoice',
      title: 'Facture',
      right_type: 'x',
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([{ path: 'right_type', message: 'Unknown field' }])
    expect(await everything()).toEqual(before)
    // v1's api.uploadDocument: file, building_id, document_type, title, description, uploaded_by.
    const v1 = await upload(ta.syndic.token, {
      building_id: a.building,
      document_type: 'Invoice',
      title: 'Facture',
      description: 'Ascenseur',
      uploaded_by: ta.syndic.id,
      organization_id: '',
    })
    expect(v1.status).toBe(201)
    expect(v1.body.uploaded_by).toBe(ta.syndic.id)
  })

  it('v1 forms that send fields under v1 names keep working (UnitOwnerAddModal, UnitCreateModal, BuildingForm edit)', async () => {
    const owner = await fx.owner(ta.syndic.token)
    const building = await fx.building(ta.syndic.token)
    // UnitCreateModal posts organization_id with the unit.
    const unit = await api.request('POST', '/api/v1/units', {
      token: ta.syndic.token,
      body: {
        organization_id: ta.org.id,
        building_id: building.id,
        unit_number: 'A1',
        floor: 1,
        surface_area: 72.5,
        quota: 100,
        unit_type: 'Apartment',
      },
    })
    expect(unit.status, unit.text).toBe(201)
    // UnitOwnerAddModal sends the share as ownership_percentage (a decimal, 0.6 for 60 %).
    const link = await api.request('POST', `/api/v1/units/${unit.body.id}/owners`, {
      token: ta.syndic.token,
      body: { owner_id: owner.id, ownership_percentage: 0.6, is_primary_contact: true },
    })
    expect(link.status, link.text).toBe(201)
    expect(link.body.share_ppm).toBe(600_000)
    const neither = await api.request('POST', `/api/v1/units/${unit.body.id}/owners`, {
      token: ta.syndic.token,
      body: { owner_id: owner.id, is_primary_contact: true },
    })
    expect(neither.status).toBe(400)
    expect(neither.body.errors).toEqual([{ path: 'ownership_share', message: 'Required' }])
    // BuildingForm (edit, superadmin) restates the building's organization_id.
    const edit = {
      name: 'Résidence Les Peupliers',
      address: 'Rue de la Paix 123',
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgique',
      total_units: 10,
      total_tantiemes: 1000,
      construction_year: 1990,
    }
    const same = await api.request('PUT', `/api/v1/buildings/${building.id}`, {
      token: admin.token,
      body: { ...edit, organization_id: ta.org.id },
    })
    expect(same.status, same.text).toBe(200)
    const move = await api.request('PUT', `/api/v1/buildings/${building.id}`, {
      token: admin.token,
      body: { ...edit, organization_id: tb.org.id },
    })
    expect(move.status).toBe(400)
    expect(move.body.errors[0].path).toBe('organization_id')
    // A syndic's organization_id is ignored, as API.md says for every body.
    const syndic = await api.request('PUT', `/api/v1/buildings/${building.id}`, {
      token: ta.syndic.token,
      body: { ...edit, organization_id: tb.org.id },
    })
    expect(syndic.status).toBe(200)
    expect(syndic.body.organization_id).toBe(ta.org.id)
  })
})

describe('item 10: per_page above the maximum is clamped, not refused', () => {
  it('v1’s per_page=1000 lists (organizations, users) answer 200 with per_page 100', async () => {
    for (const path of ['/api/v1/organizations?per_page=1000', '/api/v1/users?per_page=1000']) {
      const res = await api.request('GET', path, { token: admin.token })
      expect(res.status, path).toBe(200)
      expect(res.body.pagination.per_page, path).toBe(100)
      expect(res.body.data.length, path).toBe(Math.min(100, res.body.pagination.total_items))
      expect(res.body.pagination.has_next, path).toBe(res.body.pagination.total_items > 100)
    }
  })

  it('every list clamps the same way; per_page=0 or a non-number is still a 400', async () => {
    for (const path of [
      '/buildings',
      '/units',
      '/owners',
      '/expenses',
      '/meetings',
      '/documents',
      '/users',
    ]) {
      const res = await api.request('GET', `/api/v1${path}?page=1&per_page=1000`, { token: ta.syndic.token })
      expect(res.status, path).toBe(200)
      expect(res.body.pagination.per_page, path).toBe(100)
    }
    const nested = await api.request('GET', `/api/v1/buildings/${a.building}/units?per_page=5000`, {
      token: ta.syndic.token,
    })
    expect(nested.body.pagination.per_page).toBe(100)
    for (const bad of ['0', 'abc', '-3'])
      expect(
        (await api.request('GET', `/api/v1/buildings?per_page=${bad}`, { token: ta.syndic.token })).status,
      ).toBe(400)
  })
})

describe('item 11: one list convention — a superadmin without organization_id sees every organization', () => {
  /** Every row a superadmin's list holds (all pages), newest organizations first. */
  async function everyRow(resource: string) {
    const rows: { id: string; organization_id: string }[] = []
    for (let page = 1; page < 200; page++) {
      const res = await api.request('GET', `/api/v1/${resource}?per_page=100&order=desc&page=${page}`, {
        token: admin.token,
      })
      expect(res.status, res.text).toBe(200)
      rows.push(...res.body.data)
      if (!res.body.pagination.has_next) return { rows, total: res.body.pagination.total_items as number }
    }
    throw new Error('too many pages')
  }

  /** Reads `count` before and after `read` until no other test wrote in between (Postgres is shared). */
  async function stable<T>(count: () => Promise<number>, read: () => Promise<T>) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const before = await count()
      const value = await read()
      if ((await count()) === before) return { count: before, value }
    }
    throw new Error('the table kept changing')
  }

  it.each(['buildings', 'owners', 'units', 'expenses'])(
    'GET /%s as superadmin: both organizations without the filter, one with it, exact totals',
    async (resource) => {
      // v1's BuildingList / OwnerList / UnitList / ExpenseList request.
      const first = await api.request('GET', `/api/v1/${resource}?page=1&per_page=20`, { token: admin.token })
      expect(first.status, first.text).toBe(200)
      const countAll = async () =>
        (
          (await api.inspect.execute(sql.raw(`select count(*)::int as n from ${resource}`))) as {
            rows: { n: number }[]
          }
        ).rows[0]?.n ?? -1
      const { count, value: all } = await stable(countAll, () => everyRow(resource))
      // The total is exact across tenants (the sum of every tenant's counter), and so is the page set.
      expect(all.total).toBe(count)
      expect(new Set(all.rows.map((r) => r.id)).size).toBe(count)
      const orgs = new Set(all.rows.map((r) => r.organization_id))
      expect(orgs.has(ta.org.id) && orgs.has(tb.org.id), resource).toBe(true)
      const one = await api.request('GET', `/api/v1/${resource}?organization_id=${tb.org.id}`, {
        token: admin.token,
      })
      expect(one.status).toBe(200)
      expect(one.body.data.length).toBeGreaterThan(0)
      expect(new Set(one.body.data.map((r: { organization_id: string }) => r.organization_id))).toEqual(
        new Set([tb.org.id]),
      )
    },
  )

  it('pages across organizations in index order (organization, then sort field), filters apply', async () => {
    const city = `Ville-${crypto.randomUUID().slice(0, 8)}`
    const made = [
      await fx.building(ta.syndic.token, { city, name: 'Aubépines' }),
      await fx.building(tb.syndic.token, { city, name: 'Bouleaux' }),
      await fx.building(ta.syndic.token, { city, name: 'Chênes' }),
      await fx.building(tb.syndic.token, { city, name: 'Dunes' }),
      await fx.building(tb.syndic.token, { city, name: 'Érables' }),
    ]
    const seen: { id: string; organization_id: string; name: string }[] = []
    for (let page = 1; ; page++) {
      const res = await api.request(
        'GET',
        `/api/v1/buildings?city=${city}&sort_by=name&order=desc&per_page=2&page=${page}`,
        { token: admin.token },
      )
      expect(res.body.pagination.total_items).toBe(5)
      seen.push(...res.body.data)
      if (!res.body.pagination.has_next) break
    }
    expect(new Set(seen.map((b) => b.id))).toEqual(new Set(made.map((b) => b.id)))
    // The newest organization (tb) first, each organization's buildings by name descending.
    expect(seen.map((b) => b.name)).toEqual(['Érables', 'Dunes', 'Bouleaux', 'Chênes', 'Aubépines'])
  })

  it('other roles keep their own organization: an organization_id of another one is ignored', async () => {
    for (const resource of ['buildings', 'owners', 'units', 'expenses']) {
      const res = await api.request('GET', `/api/v1/${resource}?organization_id=${tb.org.id}`, {
        token: ta.syndic.token,
      })
      expect(res.status).toBe(200)
      for (const r of res.body.data) expect(r.organization_id, resource).toBe(ta.org.id)
    }
  })

  it('the OpenAPI document states the convention on the organization_id parameter', async () => {
    const doc = (await api.request('GET', '/api/v1/openapi.json')).body
    for (const path of ['/api/v1/buildings', '/api/v1/owners', '/api/v1/units', '/api/v1/expenses']) {
      const param = doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'organization_id')
      expect(param.description, path).toMatch(/without it: every organization/)
    }
  })
})

describe('item 12: an empty organization_id is an absent one', () => {
  it('POST /buildings and /owners with "organization_id": "" (v1 forms) take the tenant from the token', async () => {
    const building = await api.request('POST', '/api/v1/buildings', {
      token: ta.syndic.token,
      body: {
        name: 'Résidence Les Peupliers',
        address: 'Rue de la Paix 123',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgique',
        total_units: 10,
        total_tantiemes: 1000,
        construction_year: null,
        organization_id: '',
      },
    })
    expect(building.status, building.text).toBe(201)
    expect(building.body.organization_id).toBe(ta.org.id)
    // OwnerCreateModal posts its whole form, organization_id '' and phone '' included.
    const owner = await api.request('POST', '/api/v1/owners', {
      token: ta.syndic.token,
      body: {
        organization_id: '',
        first_name: 'Luc',
        last_name: 'Janssens',
        email: `luc-${crypto.randomUUID().slice(0, 8)}@example.be`,
        phone: '',
        address: 'Rue Haute 1',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgique',
      },
    })
    expect(owner.status, owner.text).toBe(201)
    expect(owner.body.organization_id).toBe(ta.org.id)
    // A superadmin must still name the organization: '' is "not given", not a wildcard.
    const su = await api.request('POST', '/api/v1/buildings', {
      token: admin.token,
      body: {
        name: 'R',
        address: 'A',
        city: 'C',
        postal_code: '1',
        country: 'BE',
        total_units: 1,
        organization_id: '',
      },
    })
    expect(su.status).toBe(400)
    expect(su.body.errors).toEqual([{ path: 'organization_id', message: 'is required for a superadmin' }])
  })
})

describe('item 13: seed answers carry success: true', () => {
  it('POST /seed/demo and /seed/clear as v1 sends them (JSON content type, no body)', async () => {
    for (const path of ['/api/v1/seed/demo', '/api/v1/seed/clear']) {
      const res = await api.app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      })
      const body = (await res.json()) as { success?: boolean; message?: string }
      expect(res.status, path).toBe(200)
      expect(body.success, path).toBe(true)
      expect(typeof body.message).toBe('string')
    }
  })
})

describe('item 14: an owner lists only their own owner records', () => {
  it('GET /owners as an owner answers 200 with exactly the records linked to the caller', async () => {
    const mine = await fx.ownerWithUnit(ta.syndic.token, ta.org.id)
    // Another owner of the same building, and owners of another organization, stay invisible.
    await fx.owner(ta.syndic.token)
    await fx.ownerWithUnit(tb.syndic.token, tb.org.id)
    for (const query of ['', '?page=1&per_page=20', `?organization_id=${tb.org.id}`, '?last_name=Dubois']) {
      const res = await api.request('GET', `/api/v1/owners${query}`, { token: mine.user.token })
      expect(res.status, query).toBe(200)
      expect(
        res.body.data.map((o: { id: string }) => o.id),
        query,
      ).toEqual([mine.owner.id])
      expect(res.body.pagination.total_items).toBe(1)
    }
    const none = await api.user('owner', ta.org.id)
    const empty = await api.request('GET', '/api/v1/owners', { token: none.token })
    expect(empty.status).toBe(200)
    expect(empty.body.data).toEqual([])
  })
})
