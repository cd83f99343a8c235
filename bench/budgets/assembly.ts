/**
 * Budget: a general assembly in a 300-lot building (issue #14): 200 owners attend, 20 resolutions
 * are voted, and every act is posted on its own (POST /meetings/{id}/acts with one act), as a
 * tablet online in the room would. Each request verifies the chain from the stored last act,
 * replays the whole log under the law and stores the act: recording + tallying per act ≤ 50 ms
 * (P95). The building is made through the API so every rule runs as in production; the acts are
 * built with the domain's appendAct, as the browser builds them.
 */
import {
  type ActKind,
  type ActPayloads,
  appendAct,
  type MeetingAct,
} from '../../domain/src/governance/assembly/index.ts'

export type AssemblyBudget = {
  lots: number
  attendees: number
  resolutions: number
  acts: number
  setupMs: number
  perAct: { p50: number; p95: number; p99: number; max: number; lastHundredMean: number }
  budgetP95Ms: number
  withinBudget: boolean
}

const BUDGET_P95_MS = 50

type Who = { email: string; password: string }

export async function measureAssembly(opts: {
  base: string
  superadmin: Who
  log: (msg: string) => void
  lots?: number
  attendees?: number
  resolutions?: number
}): Promise<AssemblyBudget> {
  const { base, log } = opts
  const lots = opts.lots ?? 300
  const attendees = opts.attendees ?? 200
  const resolutionCount = opts.resolutions ?? 20
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`)
    return JSON.parse(text) as Record<string, unknown> & { id: string; token: string }
  }
  const login = async (who: Who) => (await call('POST', '/auth/login', undefined, who)).token

  const t0 = performance.now()
  const admin = await login(opts.superadmin)
  const org = await call('POST', '/organizations', admin, {
    name: `Bench Assembly ${Date.now()}`,
    contact_email: 'assembly@bench.test',
    subscription_plan: 'Enterprise',
  })
  const syndicWho = { email: `assembly-syndic-${Date.now()}@bench.test`, password: 'Bench-Syndic-2026' }
  await call('POST', '/users', admin, {
    ...syndicWho,
    first_name: 'Bench',
    last_name: 'Syndic',
    role: 'syndic',
    organization_id: org.id,
  })
  const syndic = await login(syndicWho)
  const building = await call('POST', '/buildings', syndic, {
    name: 'Résidence Assemblée',
    address: 'Rue de la Loi 1',
    city: 'Bruxelles',
    postal_code: '1000',
    country: 'Belgium',
    total_units: lots,
    total_tantiemes: lots * 10,
  })
  // 300 lots of 10 tantièmes, one owner each, 8 requests in flight.
  const ownerIds: string[] = new Array(lots)
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < lots; i = next++) {
        const unit = await call('POST', '/units', syndic, {
          building_id: building.id,
          unit_number: `L${String(i + 1).padStart(3, '0')}`,
          unit_type: 'Apartment',
          surface_area: 70,
          quota: 10,
        })
        const owner = await call('POST', '/owners', syndic, {
          first_name: 'Owner',
          last_name: `N${i + 1}`,
          email: `assembly-${i}-${Date.now()}@bench.test`,
          address: 'Avenue Louise 1',
          city: 'Bruxelles',
          postal_code: '1000',
          country: 'Belgium',
        })
        await call('POST', `/units/${unit.id}/owners`, syndic, {
          owner_id: owner.id,
          ownership_share: 1,
          start_date: '2015-01-01',
        })
        ownerIds[i] = owner.id
      }
    }),
  )
  const meeting = await call('POST', '/meetings', syndic, {
    building_id: building.id,
    meeting_type: 'Ordinary',
    title: 'Assemblée générale ordinaire',
    scheduled_date: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    location: 'Salle communale',
  })
  const resolutionIds: string[] = []
  for (let i = 0; i < resolutionCount; i++)
    resolutionIds.push(
      (
        await call('POST', `/meetings/${meeting.id}/resolutions`, syndic, {
          title: `Point ${i + 1}`,
          decision_type: i % 4 === 0 ? 'common_works' : 'ordinary',
        })
      ).id,
    )
  const setupMs = Math.round(performance.now() - t0)
  log(`assembly: ${lots} lots and ${resolutionCount} resolutions made in ${setupMs} ms`)

  const acts: MeetingAct[] = []
  let clock = Date.now()
  const times: number[] = []
  const post = async <K extends ActKind>(kind: K, payload: ActPayloads[K]) => {
    clock += 1000
    const act = appendAct(acts, kind, payload, new Date(clock).toISOString())
    acts.push(act)
    const t = performance.now()
    await call('POST', `/meetings/${meeting.id}/acts`, syndic, { acts: [act] })
    times.push(performance.now() - t)
  }
  const present = ownerIds.slice(0, attendees)
  for (const ownerId of present) await post('checked_in', { ownerId })
  await post('opened', {})
  for (const [r, resolutionId] of resolutionIds.entries()) {
    await post('vote_opened', { resolutionId, excludedOwnerIds: [] })
    for (const [i, ownerId] of present.entries())
      await post('ballot', {
        resolutionId,
        ownerId,
        choice: (i + r) % 5 === 0 ? 'against' : i % 11 === 0 ? 'abstain' : 'for',
      })
    await post('vote_closed', { resolutionId })
    log(`assembly: resolution ${r + 1}/${resolutionCount} voted, ${acts.length} acts`)
  }
  await post('closed', {})
  const verify = await call('GET', `/meetings/${meeting.id}/log/verify`, syndic)
  if (verify.valid !== true || verify.count !== acts.length)
    throw new Error(`log verify: ${JSON.stringify(verify)}`)

  const q = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b)
    return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10
  }
  const last = times.slice(-100)
  const perAct = {
    p50: q(times, 0.5),
    p95: q(times, 0.95),
    p99: q(times, 0.99),
    max: q(times, 1),
    lastHundredMean: Math.round((last.reduce((a, b) => a + b, 0) / Math.max(1, last.length)) * 10) / 10,
  }
  return {
    lots,
    attendees,
    resolutions: resolutionCount,
    acts: acts.length,
    setupMs,
    perAct,
    budgetP95Ms: BUDGET_P95_MS,
    withinBudget: perAct.p95 <= BUDGET_P95_MS,
  }
}

export function assemblyRows(b: AssemblyBudget, on: string): string[] {
  return [
    `| general assembly (${b.lots} lots, ${b.attendees} present, ${b.resolutions} resolutions, ${b.acts} acts posted one by one, ${on}): per act P50 / P95 / P99 / max (budget P95 ≤ ${b.budgetP95Ms} ms) | ${b.perAct.p50} / ${b.perAct.p95} / ${b.perAct.p99} / ${b.perAct.max} ms ${b.withinBudget ? '✓' : '✗ over budget'} |`,
    `| same, mean of the last 100 acts (longest log) | ${b.perAct.lastHundredMean} ms |`,
  ]
}
