import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../harness.ts'
import { propertyFixtures } from '../property-fixtures.ts'
import { GROWTH, growTenant, markBeforeOperation, printGrowth, tenantSeqScans } from './growth.ts'

/**
 * Budget (issue #16, ADR 0040): the year-end close of a 500-lot building under 5 s — POST
 * /buildings/{id}/fiscal-years/{year}/close reads the year's expenses with their frozen
 * distributions (24 invoices × 500 lots) and the provision lines (4 calls × 500), computes 500
 * statements and the annual accounts, stores them and posts the regularisations (one entry of
 * 500 owner lines). The statement PDFs (a job after the commit) are measured apart. Behind
 * LOAD=1; in-process on PGlite (the embedded profile). The year is made through the API first.
 */
const ENABLED = process.env.LOAD === '1'
const LOTS = 500
const INVOICES = 24
const BUDGET_MS = 5_000

let api: TestApi
beforeAll(async () => {
  if (ENABLED) api = await createTestApi()
})
afterAll(() => api?.close())

describe.skipIf(!ENABLED)('year-end close, 500 lots', () => {
  it(`closes the year within ${BUDGET_MS} ms`, { timeout: 900_000 }, async () => {
    const fx = propertyFixtures(api)
    const t = await api.tenant()
    const token = t.syndic.token
    const grown = GROWTH ? await growTenant(api, t.org.id) : null
    const b = await fx.building(token, { total_units: LOTS, total_tantiemes: 100_000 })
    for (let i = 0; i < LOTS; i++) {
      const unit = await fx.unit(token, b.id, {
        unit_number: `L${String(i + 1).padStart(3, '0')}`,
        quota: 150 + (i % 100),
      })
      const owner = await fx.owner(
        token,
        i % 2 === 0 ? { email_consent: true, email_consent_date: '2024-01-01' } : {},
      )
      // Held since 2020, so the 2025 calls and invoices find an owner on every lot.
      const res = await api.request('POST', `/api/v1/units/${unit.id}/owners`, {
        token,
        body: { owner_id: owner.id, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
      })
      expect(res.status).toBeLessThan(300)
    }
    await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/working_capital`, {
      token,
      body: { iban: 'BE68 5390 0754 7034', holder_name: 'ACP Bench' },
    })
    const draft = await api.request('POST', `/api/v1/buildings/${b.id}/budgets`, {
      token,
      body: {
        fiscal_year: 2025,
        provision_periodicity: 'quarterly',
        lines: [{ category: 'Insurance', label: 'Bench', amount_cents: 4 * 12_345_678 }],
        reserve_contribution_cents: 0,
      },
    })
    const approve = await api.request(
      'POST',
      `/api/v1/buildings/${b.id}/budgets/${(draft.body as { id: string }).id}/approve`,
      { token, body: { resolution_reference: 'AG bench', approved_on: '2024-11-20' } },
    )
    expect(approve.status, approve.text).toBe(200)
    for (let q = 1; q <= 4; q++) {
      const month = String(q * 3 - 2).padStart(2, '0')
      const res = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
        token,
        body: {
          kind: 'provision',
          label: `T${q}`,
          issue_date: `2025-${month}-01`,
          due_date: `2025-${month}-15`,
          period: q,
          fiscal_year: 2025,
        },
      })
      expect(res.status, res.text).toBe(201)
    }
    for (let i = 0; i < INVOICES; i++) {
      const res = await api.request('POST', '/api/v1/expenses', {
        token,
        body: {
          building_id: b.id,
          category: i % 3 === 0 ? 'Maintenance' : 'Insurance',
          description: `Invoice ${i + 1}`,
          amount_cents: 1_234_567 + i,
          expense_date: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
        },
      })
      expect(res.status, res.text).toBe(201)
    }
    // Not measured: the letters of the calls.
    while ((await runDueJobs(api.runtime)) > 0) {}
    const mark = GROWTH ? await markBeforeOperation(api) : 0
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const res = await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/2025/close`, { token })
    expect(res.status, res.text).toBe(201)
    const closeMs = performance.now() - t0
    const closeCpu = process.cpuUsage(cpu0)
    // The close's own statements (the PDF job after it is not part of the operation's plans).
    const plans = grown ? await tenantSeqScans(api, mark) : null
    const t1 = performance.now()
    while ((await runDueJobs(api.runtime)) > 0) {}
    const pdfMs = performance.now() - t1
    const statements = (res.body as { data: unknown[] }).data.length
    console.info(
      JSON.stringify({
        closeLots: LOTS,
        statements,
        invoices: INVOICES,
        closeMs: Math.round(closeMs),
        closeCpuMs: Math.round((closeCpu.user + closeCpu.system) / 1000),
        pdfMs: Math.round(pdfMs),
      }),
    )
    expect(statements).toBe(LOTS)
    if (grown && plans) {
      printGrowth('year-end-close', { tenant: grown, closeMs: Math.round(closeMs), ...plans })
      expect(plans.seqScans).toEqual([])
    }
    expect(closeMs).toBeLessThan(BUDGET_MS)
  })
})
