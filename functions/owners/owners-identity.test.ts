import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const address = { address: 'Boulevard du Roi 5', city: 'Liège', postal_code: '4000', country: 'Belgium' }
/** "Today" as the server may count it: in UTC, or in the buildings' time zone (Europe/Brussels). */
const todays = () => {
  const now = new Date()
  return [now.toISOString().slice(0, 10), now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' })]
}

async function post(token: string, body: Record<string, unknown>) {
  return api.request('POST', '/api/v1/owners', { token, body })
}

describe('owners as they are (issue #20 items 5 and 6)', () => {
  it('v1: the exact v1 request for a person is answered with the v1 fields unchanged', async () => {
    const { syndic } = await api.tenant()
    // The original front end's body, field for field.
    const v1 = {
      first_name: 'Marie',
      last_name: 'Dubois',
      email: 'Marie.Dubois@Example.be',
      phone: '+32 470 12 34 56',
      address: 'Avenue Louise 10',
      city: 'Ixelles',
      postal_code: '1050',
      country: 'Belgium',
    }
    const res = await post(syndic.token, v1)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ ...v1, email: 'marie.dubois@example.be', user_id: null, version: 1 })
    expect(res.body).toMatchObject({
      owner_type: 'person',
      name: 'Marie Dubois',
      company_name: null,
      enterprise_number: null,
      preferred_language: 'fr',
      email_consent: false,
      email_consent_date: null,
    })
    // A person still needs a first name (v1 behaviour kept).
    const noFirst = await post(syndic.token, { ...v1, email: 'x@example.be', first_name: '' })
    expect(noFirst.status).toBe(400)
    expect(noFirst.body.errors.map((e: { path: string }) => e.path)).toEqual(['first_name'])
  })

  it('a company owner without first name or e-mail, with a checked and normalized enterprise number', async () => {
    const { syndic } = await api.tenant()
    const res = await post(syndic.token, {
      owner_type: 'company',
      company_name: 'Immo Lux SRL',
      enterprise_number: 'BE0123456749',
      legal_representative: 'Jean Peeters',
      ...address,
      preferred_language: 'nl',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      owner_type: 'company',
      name: 'Immo Lux SRL',
      first_name: null,
      last_name: null,
      company_name: 'Immo Lux SRL',
      enterprise_number: '0123.456.749',
      legal_representative: 'Jean Peeters',
      email: null,
      preferred_language: 'nl',
      email_consent: false,
    })
    const got = await api.request('GET', `/api/v1/owners/${res.body.id}`, { token: syndic.token })
    expect(got.body).toEqual(res.body)
    const audit = (await api.inspect.execute(
      sql`select action from audit_log where entity_id = ${res.body.id}`,
    )) as { rows: { action: string }[] }
    expect(audit.rows.map((r) => r.action)).toEqual(['owner.create'])

    const cases: [Record<string, unknown>, string[]][] = [
      [
        { owner_type: 'company', enterprise_number: '0123.456.748', company_name: 'X' },
        ['enterprise_number'],
      ],
      [
        { owner_type: 'company', enterprise_number: '2123.456.749', company_name: 'X' },
        ['enterprise_number'],
      ],
      [{ owner_type: 'company' }, ['company_name']],
      [{ first_name: 'A', last_name: 'B', company_name: 'X SA' }, ['company_name']],
      [{ owner_type: 'association', company_name: 'X' }, ['owner_type']],
    ]
    for (const [over, paths] of cases) {
      const bad = await post(syndic.token, { ...address, ...over })
      expect(bad.status, JSON.stringify(over)).toBe(400)
      expect(
        bad.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(over),
      ).toEqual(paths)
    }
  })

  it('owners without e-mail (paper mail) are accepted, several per organization; e-mails stay unique', async () => {
    const { syndic } = await api.tenant()
    for (const email of [undefined, null, '']) {
      const res = await post(syndic.token, { first_name: 'Paul', last_name: 'Lettre', ...address, email })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.email).toBeNull()
    }
    expect(
      (await post(syndic.token, { first_name: 'A', last_name: 'B', ...address, email: 'same@x.be' })).status,
    ).toBe(201)
    const dup = await post(syndic.token, { first_name: 'C', last_name: 'D', ...address, email: 'SAME@x.be' })
    expect(dup.status).toBe(409)
    expect(dup.body.code).toBe('email_taken')
    const paper = await api.request('GET', '/api/v1/owners?has_email=false', { token: syndic.token })
    expect(paper.body.data.map((o: { email: string | null }) => o.email)).toEqual([null, null, null])
  })

  it('e-mail consent needs an e-mail, is dated, and is withdrawn with its date', async () => {
    const { syndic } = await api.tenant()
    const noMail = await post(syndic.token, {
      first_name: 'A',
      last_name: 'B',
      ...address,
      email_consent: true,
    })
    expect(noMail.status).toBe(400)
    expect(noMail.body.errors.map((e: { path: string }) => e.path)).toEqual(['email_consent'])
    const future = await post(syndic.token, {
      first_name: 'A',
      last_name: 'B',
      ...address,
      email: 'future@x.be',
      email_consent: true,
      email_consent_date: '2999-01-01',
    })
    expect(future.status).toBe(400)
    expect(future.body.errors.map((e: { path: string }) => e.path)).toEqual(['email_consent_date'])

    const o = await post(syndic.token, {
      first_name: 'Eva',
      last_name: 'Mail',
      ...address,
      email: 'eva@x.be',
      email_consent: true,
    })
    expect(o.status, JSON.stringify(o.body)).toBe(201)
    expect(o.body.email_consent).toBe(true)
    expect(todays()).toContain(o.body.email_consent_date)
    const consenting = await api.request('GET', '/api/v1/owners?email_consent=true', { token: syndic.token })
    expect(consenting.body.data.map((r: { id: string }) => r.id)).toEqual([o.body.id])

    // Removing the address while consent stands is refused: documents would have nowhere to go.
    const drop = await api.request('PUT', `/api/v1/owners/${o.body.id}`, {
      token: syndic.token,
      body: { email: null, version: 1 },
    })
    expect(drop.status).toBe(400)
    expect(drop.body.errors.map((e: { path: string }) => e.path)).toEqual(['email_consent'])
    const withdraw = await api.request('PUT', `/api/v1/owners/${o.body.id}`, {
      token: syndic.token,
      body: { email_consent: false, email: null, version: 1 },
    })
    expect(withdraw.status, JSON.stringify(withdraw.body)).toBe(200)
    expect(withdraw.body).toMatchObject({
      email: null,
      email_consent: false,
      email_consent_date: null,
      version: 2,
    })
  })

  it('sorting by last name places a company by its name among the persons', async () => {
    const { syndic } = await api.tenant()
    await post(syndic.token, { first_name: 'Zoé', last_name: 'Zeller', ...address })
    await post(syndic.token, { owner_type: 'company', company_name: 'Maison SA', ...address })
    await post(syndic.token, { first_name: 'Ann', last_name: 'Adams', ...address })
    const asc = await api.request('GET', '/api/v1/owners?sort_by=last_name', { token: syndic.token })
    expect(asc.body.data.map((o: { name: string }) => o.name)).toEqual([
      'Ann Adams',
      'Maison SA',
      'Zoé Zeller',
    ])
    const desc = await api.request('GET', '/api/v1/owners?sort_by=last_name&order=desc&owner_type=company', {
      token: syndic.token,
    })
    expect(desc.body.data.map((o: { name: string }) => o.name)).toEqual(['Maison SA'])
  })

  it('language and owner type are filters; a company becomes a person only with its names', async () => {
    const { syndic } = await api.tenant()
    const c = await post(syndic.token, {
      owner_type: 'company',
      company_name: 'VZW De Linde',
      ...address,
      preferred_language: 'nl',
    })
    expect(c.status).toBe(201)
    await post(syndic.token, {
      first_name: 'Hans',
      last_name: 'Müller',
      ...address,
      preferred_language: 'de',
    })
    const bad = await post(syndic.token, {
      first_name: 'X',
      last_name: 'Y',
      ...address,
      preferred_language: 'es',
    })
    expect(bad.status).toBe(400)
    const nl = await api.request('GET', '/api/v1/owners?preferred_language=nl', { token: syndic.token })
    expect(nl.body.data.map((o: { name: string }) => o.name)).toEqual(['VZW De Linde'])
    const companies = await api.request('GET', '/api/v1/owners?owner_type=company', { token: syndic.token })
    expect(companies.body.data.map((o: { id: string }) => o.id)).toEqual([c.body.id])

    const noNames = await api.request('PUT', `/api/v1/owners/${c.body.id}`, {
      token: syndic.token,
      body: { owner_type: 'person' },
    })
    expect(noNames.status).toBe(400)
    expect(noNames.body.errors.map((e: { path: string }) => e.path)).toEqual(['first_name', 'last_name'])
    const person = await api.request('PUT', `/api/v1/owners/${c.body.id}`, {
      token: syndic.token,
      body: { owner_type: 'person', first_name: 'Lies', last_name: 'Peeters' },
    })
    expect(person.status, JSON.stringify(person.body)).toBe(200)
    expect(person.body).toMatchObject({
      owner_type: 'person',
      name: 'Lies Peeters',
      company_name: null,
      enterprise_number: null,
      legal_representative: null,
    })
  })
})
