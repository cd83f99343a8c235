import { type ActKind, type ActPayloads, appendAct, type MeetingAct } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * The general assembly's API (issue #14): agenda items with the law's majority, the register read
 * from the property register by the server, the room's log synced exactly once (chain verified,
 * law replayed, tampering detected), online proxies; tenants and roles.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Ids = { a: string; b: string; c: string; d: string }

/** A building of 1000 tantièmes: A 400, B 300, C 200, D 100; D is linked to an owner-role user. */
async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token, { total_tantiemes: 1000 })
  const quotas = { a: 400, b: 300, c: 200, d: 100 }
  const ids = {} as Ids
  for (const [key, quota] of Object.entries(quotas) as [keyof Ids, number][]) {
    const unit = await fx.unit(t.syndic.token, building.id, { quota })
    const owner = await fx.owner(t.syndic.token, { last_name: `Owner-${key.toUpperCase()}` })
    const assigned = await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, {
      token: t.syndic.token,
    })
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)
    ids[key] = owner.id
  }
  const ownerUser = await api.user('owner', t.org.id)
  const link = await api.request('PUT', `/api/v1/owners/${ids.d}/link-user`, {
    token: t.syndic.token,
    body: { user_id: ownerUser.id },
  })
  expect(link.status, JSON.stringify(link.body)).toBe(200)
  const meeting = await api.request('POST', '/api/v1/meetings', {
    token: t.syndic.token,
    body: {
      building_id: building.id,
      meeting_type: 'Ordinary',
      title: 'Assemblée générale ordinaire',
      scheduled_date: '2027-03-15T18:30:00Z',
      location: 'Salle communale',
    },
  })
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201)
  const base = `/api/v1/meetings/${meeting.body.id}`
  const resolution = await api.request('POST', `${base}/resolutions`, {
    token: t.syndic.token,
    body: { title: 'Comptes 2026', decision_type: 'ordinary' },
  })
  expect(resolution.status, JSON.stringify(resolution.body)).toBe(201)
  return {
    ...t,
    building,
    ids,
    ownerUser,
    meetingId: meeting.body.id as string,
    base,
    r1: resolution.body.id as string,
  }
}

/** Builds a valid chain of acts (the browser does the same with the same domain function). */
function chain(start: readonly MeetingAct[] = []) {
  const acts: MeetingAct[] = [...start]
  let t = Date.parse('2027-03-15T18:30:00Z') + acts.length * 1000
  return {
    acts,
    add<K extends ActKind>(kind: K, payload: ActPayloads[K]) {
      t += 1000
      acts.push(appendAct(acts, kind, payload, new Date(t).toISOString()))
      return this
    },
  }
}

async function auditActions(entityId: string): Promise<string[]> {
  const r = (await api.inspect.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as { rows: { action: string }[] }
  return r.rows.map((row) => row.action)
}

describe('resolutions (art. 3.88)', () => {
  it('derives the majority from the decision type and refuses a lower one', async () => {
    const s = await setup()
    const derived = await api.request('POST', `${s.base}/resolutions`, {
      token: s.syndic.token,
      body: { title: 'Modifier les quotes-parts', decision_type: 'quote_parts_change' },
    })
    expect(derived.status).toBe(201)
    expect(derived.body).toMatchObject({
      decision_type: 'quote_parts_change',
      majority: 'unanimity',
      position: 2,
    })
    const lower = await api.request('POST', `${s.base}/resolutions`, {
      token: s.syndic.token,
      body: {
        title: 'Renoncer au fonds de réserve',
        decision_type: 'reserve_fund_waiver',
        majority: 'two_thirds',
      },
    })
    expect(lower.status).toBe(400)
    expect(lower.body.errors).toEqual([
      {
        path: 'majority',
        message: 'is below the four_fifths majority the law requires for this decision type',
      },
    ])
    const stricter = await api.request('PATCH', `${s.base}/resolutions/${s.r1}`, {
      token: s.syndic.token,
      body: { majority: 'two_thirds', version: 1 },
    })
    expect(stricter.status).toBe(200)
    expect(stricter.body).toMatchObject({ majority: 'two_thirds', version: 2 })
    const list = await api.request('GET', `${s.base}/resolutions`, { token: s.ownerUser.token })
    expect(list.status).toBe(200)
    expect(list.body.items.map((r: { title: string }) => r.title)).toEqual([
      'Comptes 2026',
      'Modifier les quotes-parts',
    ])
    const removed = await api.request('DELETE', `${s.base}/resolutions/${derived.body.id}`, {
      token: s.syndic.token,
    })
    expect(removed.status).toBe(204)
    expect(await auditActions(s.meetingId)).toEqual([
      'meeting.create',
      'meeting.resolution_add',
      'meeting.resolution_add',
      'meeting.resolution_update',
      'meeting.resolution_delete',
    ])
  })

  it('lets only the syndic change the agenda; another tenant sees nothing', async () => {
    const s = await setup()
    const body = { title: 'Travaux toiture', decision_type: 'common_works' }
    expect(
      (await api.request('POST', `${s.base}/resolutions`, { token: s.accountant.token, body })).status,
    ).toBe(403)
    expect(
      (await api.request('POST', `${s.base}/resolutions`, { token: s.ownerUser.token, body })).status,
    ).toBe(403)
    const other = await api.tenant()
    for (const path of ['resolutions', 'register', 'session', 'log/verify', 'proxies']) {
      const res = await api.request('GET', `${s.base}/${path}`, { token: other.syndic.token })
      expect(res.status, path).toBe(404)
    }
    expect(
      (await api.request('POST', `${s.base}/resolutions`, { token: other.syndic.token, body })).status,
    ).toBe(404)
    const acts = chain().add('opened', {}).acts
    expect(
      (await api.request('POST', `${s.base}/acts`, { token: other.syndic.token, body: { acts } })).status,
    ).toBe(404)
  })
})

describe('deleting a meeting', () => {
  it('takes its agenda items along, but keeps a meeting whose log started', async () => {
    const s = await setup()
    const removed = await api.request('DELETE', s.base, { token: s.syndic.token })
    expect(removed.status, JSON.stringify(removed.body)).toBe(204)
    const held = await setup()
    const acts = chain().add('checked_in', { ownerId: held.ids.a }).acts
    expect(
      (await api.request('POST', `${held.base}/acts`, { token: held.syndic.token, body: { acts } })).status,
    ).toBe(200)
    const kept = await api.request('DELETE', held.base, { token: held.syndic.token })
    expect(kept.status).toBe(409)
    expect(kept.body.code).toBe('meeting_has_log')
  })
})

describe('register', () => {
  it('is built by the server from the property register: votes are the lots’ quote-parts', async () => {
    const s = await setup()
    const res = await api.request('GET', `${s.base}/register`, { token: s.accountant.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.frozen).toBe(false)
    expect(res.body.register.totalVotes).toBe(1000)
    const votes = Object.fromEntries(
      res.body.register.voters.map((v: { ownerId: string; votes: number }) => [v.ownerId, v.votes]),
    )
    expect(votes).toEqual({ [s.ids.a]: 400, [s.ids.b]: 300, [s.ids.c]: 200, [s.ids.d]: 100 })
  })
})

describe('POST /meetings/{id}/acts', () => {
  it('records the room’s log, tallies on the server and is idempotent', async () => {
    const s = await setup()
    const log = chain()
      .add('checked_in', { ownerId: s.ids.a })
      .add('checked_in', { ownerId: s.ids.b })
      .add('checked_in', { ownerId: s.ids.c })
      .add('opened', {})
      .add('vote_opened', { resolutionId: s.r1, excludedOwnerIds: [] })
      .add('ballot', { resolutionId: s.r1, ownerId: s.ids.a, choice: 'for' })
      .add('ballot', { resolutionId: s.r1, ownerId: s.ids.b, choice: 'against' })
      .add('ballot', { resolutionId: s.r1, ownerId: s.ids.c, choice: 'abstain' })
      .add('vote_closed', { resolutionId: s.r1 })
    const first = await api.request('POST', `${s.base}/acts?include=state`, {
      token: s.syndic.token,
      body: { acts: log.acts.slice(0, 4) },
    })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ recorded: 4, last_seq: 4 })
    expect(first.body.state.quorum).toMatchObject({ reached: true, ownersPresent: 3, votesPresent: 900 })
    // The whole log again: the four stored acts are skipped, the rest recorded once.
    const all = await api.request('POST', `${s.base}/acts?include=state`, {
      token: s.syndic.token,
      body: { acts: log.acts },
    })
    expect(all.status, JSON.stringify(all.body)).toBe(200)
    expect(all.body).toMatchObject({ recorded: 5, last_seq: 9, last_hash: log.acts[8]?.hash })
    expect(all.body.state.resolutions[0]).toMatchObject({
      status: 'adopted',
      for: 400,
      against: 300,
      abstain: 200,
      cast: 700,
    })
    const again = await api.request('POST', `${s.base}/acts`, {
      token: s.syndic.token,
      body: { acts: log.acts },
    })
    expect(again.body.recorded).toBe(0)
    expect(await auditActions(s.meetingId)).toEqual([
      'meeting.create',
      'meeting.resolution_add',
      'meeting.acts_record',
      'meeting.acts_record',
    ])
    // The register is frozen with the first act, and the session replays to the same state.
    const session = await api.request('GET', `${s.base}/session`, { token: s.ownerUser.token })
    expect(session.status).toBe(200)
    expect(session.body.register.frozen).toBe(true)
    expect(session.body.acts).toHaveLength(9)
    expect(session.body.state).toEqual(all.body.state)
    // The agenda is fixed once the log started.
    const late = await api.request('POST', `${s.base}/resolutions`, {
      token: s.syndic.token,
      body: { title: 'Divers', decision_type: 'ordinary' },
    })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('meeting_log_started')
  })

  it('answers 409 for a different act at a stored seq, naming the stored end of the log', async () => {
    const s = await setup()
    const log = chain().add('checked_in', { ownerId: s.ids.a }).add('checked_in', { ownerId: s.ids.b })
    expect(
      (await api.request('POST', `${s.base}/acts`, { token: s.syndic.token, body: { acts: log.acts } }))
        .status,
    ).toBe(200)
    const other = chain(log.acts.slice(0, 1)).add('checked_in', { ownerId: s.ids.c })
    const res = await api.request('POST', `${s.base}/acts`, {
      token: s.syndic.token,
      body: { acts: other.acts },
    })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      code: 'meeting_act_conflict',
      params: { seq: 2, last_seq: 2, last_hash: log.acts[1]?.hash },
    })
  })

  it('answers 422 naming the seq of a tampered act or of an act the law refuses, and stores nothing of the batch', async () => {
    const s = await setup()
    const log = chain()
      .add('checked_in', { ownerId: s.ids.a })
      .add('checked_in', { ownerId: s.ids.b })
      .add('checked_in', { ownerId: s.ids.c })
      .add('opened', {})
    const tampered = log.acts.map((a) =>
      a.seq === 2 ? ({ ...a, payload: { ownerId: s.ids.c } } as MeetingAct) : a,
    )
    const broken = await api.request('POST', `${s.base}/acts`, {
      token: s.syndic.token,
      body: { acts: tampered },
    })
    expect(broken.status).toBe(422)
    expect(broken.body).toMatchObject({ code: 'log_hash_mismatch', params: { seq: 2 } })
    // D (100) is absent: a ballot in D's name is refused (votes only from those present at the vote).
    const voted = chain(log.acts)
      .add('vote_opened', { resolutionId: s.r1, excludedOwnerIds: [] })
      .add('ballot', { resolutionId: s.r1, ownerId: s.ids.d, choice: 'for' })
    const absent = await api.request('POST', `${s.base}/acts`, {
      token: s.syndic.token,
      body: { acts: voted.acts },
      headers: { 'accept-language': 'fr' },
    })
    expect(absent.status).toBe(422)
    expect(absent.body).toMatchObject({ code: 'owner_absent', params: { seq: 6 } })
    expect(absent.body.detail).toContain('Acte 6')
    const session = await api.request('GET', `${s.base}/session`, { token: s.syndic.token })
    expect(session.body.acts).toHaveLength(0)
  })

  it('is the syndic’s: an accountant or an owner may not record acts', async () => {
    const s = await setup()
    const acts = chain().add('opened', {}).acts
    expect(
      (await api.request('POST', `${s.base}/acts`, { token: s.accountant.token, body: { acts } })).status,
    ).toBe(403)
    expect(
      (await api.request('POST', `${s.base}/acts`, { token: s.ownerUser.token, body: { acts } })).status,
    ).toBe(403)
  })
})

describe('GET /meetings/{id}/log/verify', () => {
  it('recomputes the stored chain and reports a row altered in the database', async () => {
    const s = await setup()
    const log = chain()
      .add('checked_in', { ownerId: s.ids.a })
      .add('checked_in', { ownerId: s.ids.b })
      .add('opened', {})
    await api.request('POST', `${s.base}/acts`, { token: s.syndic.token, body: { acts: log.acts } })
    const ok = await api.request('GET', `${s.base}/log/verify`, { token: s.accountant.token })
    expect(ok.body).toEqual({
      valid: true,
      count: 3,
      root_hash: log.acts[2]?.hash,
      first_bad_seq: null,
      reason: null,
    })
    // The table refuses UPDATE (append-only trigger)…
    await expect(
      api.inspect.execute(
        sql`update meeting_acts set payload = ${JSON.stringify({ ownerId: s.ids.c })}::jsonb where meeting_id = ${s.meetingId} and seq = 2`,
      ),
    ).rejects.toSatisfy((e: Error & { cause?: Error }) =>
      /append-only/.test(String(e.cause?.message ?? e.message)),
    )
    // …so a forger must bypass it (as a database owner could); the verification still sees it.
    await api.inspect.execute(sql`alter table meeting_acts disable trigger meeting_acts_append_only`)
    try {
      await api.inspect.execute(
        sql`update meeting_acts set payload = ${JSON.stringify({ ownerId: s.ids.c })}::jsonb where meeting_id = ${s.meetingId} and seq = 2`,
      )
    } finally {
      await api.inspect.execute(sql`alter table meeting_acts enable trigger meeting_acts_append_only`)
    }
    const bad = await api.request('GET', `${s.base}/log/verify`, { token: s.syndic.token })
    expect(bad.body).toMatchObject({ valid: false, count: 3, first_bad_seq: 2 })
    expect(bad.body.reason).toContain('Act 2 was altered')
  })
})

describe('statutes raising a majority (art. 3.88: the law’s majorities are minimums)', () => {
  it('applies the statutory majority to new items and to the tally, frozen with the register at the log’s start', async () => {
    const s = await setup()
    const settingsUrl = `/api/v1/buildings/${s.building.id}/assembly-settings`
    const lower = await api.request('PUT', settingsUrl, {
      token: s.syndic.token,
      body: { statutory_majorities: { reserve_fund_waiver: 'two_thirds' } },
    })
    expect(lower.status).toBe(400)
    expect(lower.body.errors[0].path).toBe('statutory_majorities.reserve_fund_waiver')
    const saved = await api.request('PUT', settingsUrl, {
      token: s.syndic.token,
      body: { statutory_majorities: { ordinary: 'two_thirds', common_works: 'two_thirds' } },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    // common_works at its legal two thirds raises nothing: dropped.
    expect(saved.body.statutory_majorities).toEqual({ ordinary: 'two_thirds' })
    const derived = await api.request('POST', `${s.base}/resolutions`, {
      token: s.syndic.token,
      body: { title: 'Budget 2027', decision_type: 'ordinary' },
    })
    expect(derived.status).toBe(201)
    expect(derived.body.majority).toBe('two_thirds')
    const below = await api.request('POST', `${s.base}/resolutions`, {
      token: s.syndic.token,
      body: { title: 'Budget 2027', decision_type: 'ordinary', majority: 'absolute' },
    })
    expect(below.status).toBe(400)
    expect(below.body.errors[0].message).toBe(
      'is below the two_thirds majority the building’s statutes require for this decision type',
    )
    // r1 was added before the statutes were recorded (absolute): the tally still applies them.
    // A 400 for, B 300 against: 57.14 % — adopted under the law, rejected under the statutes.
    const log = chain()
      .add('checked_in', { ownerId: s.ids.a })
      .add('checked_in', { ownerId: s.ids.b })
      .add('checked_in', { ownerId: s.ids.c })
      .add('opened', {})
      .add('vote_opened', { resolutionId: s.r1, excludedOwnerIds: [] })
      .add('ballot', { resolutionId: s.r1, ownerId: s.ids.a, choice: 'for' })
      .add('ballot', { resolutionId: s.r1, ownerId: s.ids.b, choice: 'against' })
      .add('vote_closed', { resolutionId: s.r1 })
    const res = await api.request('POST', `${s.base}/acts?include=state`, {
      token: s.syndic.token,
      body: { acts: log.acts },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const result = res.body.state.resolutions.find((r: { resolutionId: string }) => r.resolutionId === s.r1)
    expect(result).toMatchObject({ status: 'rejected', majority: 'two_thirds', for: 400, against: 300 })
    // The statutes changed after the log started: the meeting keeps the rules it began with.
    expect(
      (await api.request('PUT', settingsUrl, { token: s.syndic.token, body: { statutory_majorities: {} } }))
        .status,
    ).toBe(200)
    const session = await api.request('GET', `${s.base}/session`, { token: s.syndic.token })
    expect(session.body.register.statutoryMajorities).toEqual({ ordinary: 'two_thirds' })
    const again = session.body.state.resolutions.find(
      (r: { resolutionId: string }) => r.resolutionId === s.r1,
    )
    expect(again).toMatchObject({ status: 'rejected', majority: 'two_thirds' })
  })
})

describe('proxies given online (art. 3.87 §7)', () => {
  it('lets an owner give a proxy before the meeting, applied in the room, and refuses it once the log started', async () => {
    const s = await setup()
    const given = await api.request('POST', `${s.base}/proxies`, {
      token: s.ownerUser.token,
      body: { holder_owner_id: s.ids.a },
    })
    expect(given.status, JSON.stringify(given.body)).toBe(201)
    expect(given.body).toMatchObject({
      grantor_owner_id: s.ids.d,
      holder_owner_id: s.ids.a,
      holder_name: null,
    })
    const again = await api.request('POST', `${s.base}/proxies`, {
      token: s.ownerUser.token,
      body: { holder_name: 'Jean Voisin' },
    })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('proxy_already_given')
    expect(
      (await api.request('POST', `${s.base}/proxies`, { token: s.syndic.token, body: { holder_name: 'X' } }))
        .status,
    ).toBe(403)
    const mine = await api.request('GET', `${s.base}/proxies`, { token: s.ownerUser.token })
    expect(mine.body.items).toHaveLength(1)
    const register = await api.request('GET', `${s.base}/register`, { token: s.syndic.token })
    expect(register.body.register.proxies).toEqual([
      { grantorOwnerId: s.ids.d, holderOwnerId: s.ids.a, holderName: null },
    ])
    // In the room: A present carries D's vote; D is represented.
    const log = chain().add('checked_in', { ownerId: s.ids.a }).add('opened', {})
    const res = await api.request('POST', `${s.base}/acts?include=state`, {
      token: s.syndic.token,
      body: { acts: log.acts },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const d = res.body.state.attendance.find((l: { ownerId: string }) => l.ownerId === s.ids.d)
    expect(d).toMatchObject({ status: 'represented', representedBy: { ownerId: s.ids.a } })
    expect(res.body.state.quorum).toMatchObject({ ownersPresent: 2, votesPresent: 500 })
    const late = await api.request('POST', `${s.base}/proxies`, {
      token: s.ownerUser.token,
      body: { holder_name: 'Y' },
    })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('meeting_log_started')
    expect(await auditActions(s.meetingId)).toContain('meeting.proxy_give')
  })

  it('lets the grantor (or the syndic) revoke an online proxy until the log starts, then refuses with the reason', async () => {
    const s = await setup()
    const other = await api.tenant()
    const give = () =>
      api.request('POST', `${s.base}/proxies`, {
        token: s.ownerUser.token,
        body: { holder_owner_id: s.ids.a },
      })
    const first = await give()
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const url = (id: string) => `${s.base}/proxies/${id}`
    // Another owner of the building, another tenant, an accountant: not theirs to revoke.
    const stranger = await api.user('owner', s.org.id)
    const link = await api.request('PUT', `/api/v1/owners/${s.ids.c}/link-user`, {
      token: s.syndic.token,
      body: { user_id: stranger.id },
    })
    expect(link.status).toBe(200)
    expect((await api.request('DELETE', url(first.body.id), { token: stranger.token })).status).toBe(404)
    expect((await api.request('DELETE', url(first.body.id), { token: other.syndic.token })).status).toBe(404)
    expect((await api.request('DELETE', url(first.body.id), { token: s.accountant.token })).status).toBe(403)
    // The grantor revokes; the register no longer carries it and a new proxy may be given.
    expect((await api.request('DELETE', url(first.body.id), { token: s.ownerUser.token })).status).toBe(204)
    expect((await api.request('DELETE', url(first.body.id), { token: s.ownerUser.token })).status).toBe(404)
    const register = await api.request('GET', `${s.base}/register`, { token: s.syndic.token })
    expect(register.body.register.proxies).toEqual([])
    // The syndic may revoke too (e.g. the owner asked by letter).
    const second = await give()
    expect(second.status).toBe(201)
    expect((await api.request('DELETE', url(second.body.id), { token: s.syndic.token })).status).toBe(204)
    expect((await api.request('GET', `${s.base}/proxies`, { token: s.ownerUser.token })).body.items).toEqual(
      [],
    )
    // Once the log has started, the revocation belongs to the room (a proxy_revoked act).
    const third = await give()
    expect(third.status).toBe(201)
    const log = chain().add('checked_in', { ownerId: s.ids.a })
    expect(
      (await api.request('POST', `${s.base}/acts`, { token: s.syndic.token, body: { acts: log.acts } }))
        .status,
    ).toBe(200)
    const late = await api.request('DELETE', url(third.body.id), { token: s.ownerUser.token })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('proxy_revoke_too_late')
    const fr = await api.request('DELETE', url(third.body.id), {
      token: s.ownerUser.token,
      headers: { 'accept-language': 'fr' },
    })
    expect(JSON.stringify(fr.body)).toContain('se révoque désormais en séance')
    const actions = await auditActions(s.meetingId)
    expect(actions.filter((a) => a === 'meeting.proxy_revoke')).toHaveLength(2)
  })
})
