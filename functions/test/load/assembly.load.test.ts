import { type ActKind, type ActPayloads, appendAct, type MeetingAct, replayMeeting } from '@koprogo/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { owners, unitOwnerships, units } from '../../_shared/db/schema/index.ts'
import { uuidv7 } from '../../_shared/ids.ts'
import { createTestApi, type TestApi } from '../harness.ts'
import { propertyFixtures } from '../property-fixtures.ts'
import { GROWTH, growTenant, markBeforeOperation, printGrowth, tenantSeqScans } from './growth.ts'

/**
 * A general assembly at size (issue #14): 300 lots, 200 present, 20 resolutions, every act posted
 * alone through POST /meetings/{id}/acts in-process (PGlite). Reports wall time and CPU time per
 * act (CPU time is what the request costs, whatever else the machine runs) and the cost of a
 * whole replay in the domain. Behind LOAD=1; `make bench` (BENCH_ASSEMBLY) holds the budget over
 * HTTP (bench/budgets/assembly.ts).
 */
const ENABLED = process.env.LOAD === '1'
const LOTS = 300
const PRESENT = 200
const RESOLUTIONS = 20
let api: TestApi
let ctx: { token: string; base: string; ownerIds: string[]; resolutionIds: string[] }
let grown: Awaited<ReturnType<typeof growTenant>> | null = null
beforeAll(async () => {
  if (!ENABLED) return
  api = await createTestApi()
  const fx = propertyFixtures(api)
  const t = await api.tenant()
  const token = t.syndic.token
  if (GROWTH) grown = await growTenant(api, t.org.id)
  const building = await fx.building(token, { total_units: LOTS, total_tantiemes: LOTS * 10 })
  const now = new Date()
  const unitRows = Array.from({ length: LOTS }, (_, i) => ({
    id: uuidv7(),
    organizationId: t.org.id,
    buildingId: building.id,
    unitNumber: `L${String(i + 1).padStart(3, '0')}`,
    unitType: 'Apartment',
    surfaceArea: 70,
    quota: 10,
  }))
  const ownerRows = unitRows.map((_, i) => ({
    id: uuidv7(),
    organizationId: t.org.id,
    firstName: 'Owner',
    lastName: `N${i + 1}`,
    address: 'Avenue Louise 1',
    city: 'Bruxelles',
    postalCode: '1000',
    country: 'Belgium',
  }))
  await api.inspect.insert(units).values(unitRows)
  await api.inspect.insert(owners).values(ownerRows)
  await api.inspect.insert(unitOwnerships).values(
    unitRows.map((u, i) => ({
      id: uuidv7(),
      organizationId: t.org.id,
      unitId: u.id,
      ownerId: ownerRows[i]?.id as string,
      sharePpm: 1_000_000,
      startDate: '2015-01-01',
      createdAt: now,
      updatedAt: now,
    })),
  )
  const meeting = await api.request('POST', '/api/v1/meetings', {
    token,
    body: {
      building_id: building.id,
      meeting_type: 'Ordinary',
      title: 'AG',
      scheduled_date: '2027-03-15T18:30:00Z',
      location: 'Salle',
    },
  })
  const base = `/api/v1/meetings/${meeting.body.id}`
  const resolutionIds: string[] = []
  for (let i = 0; i < RESOLUTIONS; i++) {
    const r = await api.request('POST', `${base}/resolutions`, {
      token,
      body: { title: `Point ${i + 1}`, decision_type: 'ordinary' },
    })
    resolutionIds.push(r.body.id)
  }
  ctx = { token, base, ownerIds: ownerRows.map((o) => o.id), resolutionIds }
}, 600_000)
afterAll(() => api?.close())

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    mean: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 10) / 10,
  }
}

describe.runIf(ENABLED)('a general assembly of 300 lots, acts posted one by one', () => {
  it('reports the cost per act', async () => {
    const acts: MeetingAct[] = []
    const wall: number[] = []
    const cpu: number[] = []
    let clock = Date.parse('2027-03-15T18:30:00Z')
    const post = async <K extends ActKind>(kind: K, payload: ActPayloads[K]) => {
      clock += 1000
      const act = appendAct(acts, kind, payload, new Date(clock).toISOString())
      acts.push(act)
      const c = process.cpuUsage()
      const t = performance.now()
      const res = await api.request('POST', `${ctx.base}/acts`, { token: ctx.token, body: { acts: [act] } })
      wall.push(performance.now() - t)
      const used = process.cpuUsage(c)
      cpu.push((used.user + used.system) / 1000)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    const present = ctx.ownerIds.slice(0, PRESENT)
    const mark = grown ? await markBeforeOperation(api) : 0
    for (const ownerId of present) await post('checked_in', { ownerId })
    await post('opened', {})
    for (const [r, resolutionId] of ctx.resolutionIds.entries()) {
      await post('vote_opened', { resolutionId, excludedOwnerIds: [] })
      for (const [i, ownerId] of present.entries())
        await post('ballot', { resolutionId, ownerId, choice: (i + r) % 5 === 0 ? 'against' : 'for' })
      await post('vote_closed', { resolutionId })
    }
    await post('closed', {})
    if (grown) {
      const plans = await tenantSeqScans(api, mark)
      printGrowth('assembly', { tenant: grown, acts: acts.length, wallPerAct: stats(wall), ...plans })
      expect(plans.seqScans).toEqual([])
    }
    const session = await api.request('GET', `${ctx.base}/session`, { token: ctx.token })
    expect(session.body.state.resolutions.every((x: { status: string }) => x.status === 'adopted')).toBe(true)
    // The whole log replayed in the domain (what a cold server or the browser does once).
    const setup = {
      register: session.body.register.register,
      resolutions: session.body.resolutions.map((r: { id: string; position: number; title: string }) => ({
        id: r.id,
        position: r.position,
        title: r.title,
        decisionType: 'ordinary' as const,
        majority: 'absolute' as const,
      })),
      secondAssembly: false,
      syndicOwnerIds: [],
    }
    const replays: number[] = []
    for (let i = 0; i < 10; i++) {
      const t = performance.now()
      expect(replayMeeting(setup, acts).ok).toBe(true)
      replays.push(performance.now() - t)
    }
    console.info(
      JSON.stringify({
        acts: acts.length,
        wallPerAct: stats(wall),
        cpuPerAct: stats(cpu),
        lastHundredWall: stats(wall.slice(-100)),
        wholeReplayMs: stats(replays),
      }),
    )
  }, 1_800_000)
})
