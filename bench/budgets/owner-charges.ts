/**
 * Budget: GET /owners/{id}/charges for an owner holding 5,000 expense parts (issue #12 item 5):
 * P95 of one page ≤ 50 ms, requests one after the other on a warm server. The data is made
 * through the API (an Enterprise organization, one building of 20 units, the owner holding two
 * of them — one shared half with a co-owner — and 2,500 expenses on 2,500 distinct days, one in
 * five paid), so every rule runs as in production.
 */
export type OwnerChargesBudget = {
  expenses: number
  lines: number
  setupMs: number
  page: { perPage: number; samples: number; p50: number; p95: number; p99: number; max: number }
  v1: { perPage: number; samples: number; p50: number; p95: number }
  budgetP95Ms: number
  withinBudget: boolean
}

const BUDGET_P95_MS = 50

type Who = { email: string; password: string }

export async function measureOwnerCharges(opts: {
  base: string
  superadmin: Who
  log: (msg: string) => void
  expenses?: number
  samples?: number
}): Promise<OwnerChargesBudget> {
  const { base, log } = opts
  const expenseCount = opts.expenses ?? 2500
  const samples = opts.samples ?? 300
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
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`)
    return JSON.parse(text) as Record<string, unknown> & { id: string; token: string }
  }
  const login = async (who: Who) => (await call('POST', '/auth/login', undefined, who)).token

  const t0 = performance.now()
  const admin = await login(opts.superadmin)
  const org = await call('POST', '/organizations', admin, {
    name: 'Bench Owner Charges',
    contact_email: 'charges@bench.test',
    subscription_plan: 'Enterprise',
  })
  const syndicWho = { email: `syndic-${Date.now()}@bench.test`, password: 'Bench-Syndic-2026' }
  await call('POST', '/users', admin, {
    ...syndicWho,
    first_name: 'Bench',
    last_name: 'Syndic',
    role: 'syndic',
    organization_id: org.id,
  })
  const syndic = await login(syndicWho)
  const building = await call('POST', '/buildings', syndic, {
    name: 'Résidence Charges',
    address: 'Rue de la Loi 1',
    city: 'Bruxelles',
    postal_code: '1000',
    country: 'Belgium',
    total_units: 20,
    total_tantiemes: 1000,
  })
  const units = []
  for (let i = 0; i < 20; i++)
    units.push(
      await call('POST', '/units', syndic, {
        building_id: building.id,
        unit_number: `A${i + 1}`,
        unit_type: 'Apartment',
        surface_area: 70,
        quota: i < 19 ? 49 : 69,
      }),
    )
  const owner = async (last: string) =>
    call('POST', '/owners', syndic, {
      first_name: 'Marie',
      last_name: last,
      email: `${last.toLowerCase()}-${Date.now()}@bench.test`,
      address: 'Avenue Louise 1',
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
    })
  const target = await owner('Target')
  const co = await owner('Coowner')
  const link = (unitId: string, ownerId: string, share: number) =>
    call('POST', `/units/${unitId}/owners`, syndic, {
      owner_id: ownerId,
      ownership_share: share,
      start_date: '2015-01-01',
    })
  await link(String(units[0]?.id), target.id, 0.5)
  await link(String(units[0]?.id), co.id, 0.5)
  await link(String(units[1]?.id), target.id, 1)

  // 2,500 expenses on distinct days (the old code ran one basis query per day), 8 in flight.
  let next = 0
  const start = Date.UTC(2019, 0, 1)
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < expenseCount; i = next++) {
        const e = await call('POST', '/expenses', syndic, {
          building_id: building.id,
          category: 'Maintenance',
          description: `Entretien ${i}`,
          amount: (1_000 + ((i * 7919) % 250_000)) / 100,
          expense_date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
        })
        if (i % 5 === 0) await call('PUT', `/expenses/${e.id}/mark-paid`, syndic)
      }
    }),
  )
  const ownerWho = { email: `owner-${Date.now()}@bench.test`, password: 'Bench-Owner-2026' }
  const user = await call('POST', '/users', syndic, {
    ...ownerWho,
    first_name: 'Marie',
    last_name: 'Target',
    role: 'owner',
  })
  await call('PUT', `/owners/${target.id}/link-user`, syndic, { user_id: user.id })
  const token = await login(ownerWho)
  const setupMs = Math.round(performance.now() - t0)
  log(`owner charges: ${expenseCount} expenses made in ${setupMs} ms`)

  const first = await call('GET', `/owners/${target.id}/charges?page=1&per_page=20`, token)
  const lines = Number((first.pagination as { total_items: number }).total_items)
  const pages = Math.ceil(lines / 20)
  const time = async (path: string) => {
    const t = performance.now()
    await call('GET', path, token)
    return performance.now() - t
  }
  for (let i = 0; i < 30; i++) await time(`/owners/${target.id}/charges?page=${1 + (i % pages)}&per_page=20`)
  const pageTimes: number[] = []
  for (let i = 0; i < samples; i++)
    pageTimes.push(
      await time(`/owners/${target.id}/charges?page=${1 + Math.floor(Math.random() * pages)}&per_page=20`),
    )
  const v1Times: number[] = []
  for (let i = 0; i < 50; i++) v1Times.push(await time(`/owners/${target.id}/charges`))
  const q = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b)
    return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10
  }
  const page = {
    perPage: 20,
    samples,
    p50: q(pageTimes, 0.5),
    p95: q(pageTimes, 0.95),
    p99: q(pageTimes, 0.99),
    max: q(pageTimes, 1),
  }
  return {
    expenses: expenseCount,
    lines,
    setupMs,
    page,
    v1: { perPage: 100, samples: v1Times.length, p50: q(v1Times, 0.5), p95: q(v1Times, 0.95) },
    budgetP95Ms: BUDGET_P95_MS,
    withinBudget: page.p95 <= BUDGET_P95_MS,
  }
}

export function ownerChargesRows(b: OwnerChargesBudget, on: string): string[] {
  return [
    `| owner charges (${b.lines} parts of ${b.expenses} expenses, ${on}): page of ${b.page.perPage}, P50 / P95 / P99 / max, ${b.page.samples} sequential requests (budget P95 ≤ ${b.budgetP95Ms} ms) | ${b.page.p50} / ${b.page.p95} / ${b.page.p99} / ${b.page.max} ms ${b.withinBudget ? '✓' : '✗ over budget'} |`,
    `| same, v1 request without paging (first ${b.v1.perPage} lines), P50 / P95 | ${b.v1.p50} / ${b.v1.p95} ms |`,
  ]
}
