import { type BalancedEntry, type DomainEvent, type LedgerRepository, ledgerPostings } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import { seqScanEstimates, seqScannedTables } from '../../../scripts/lib/plan-scans.ts'
import { ledgerRowsOf } from '../../_shared/db/repositories/ledger.repository.ts'
import {
  buildings,
  callLines,
  callsForFunds,
  expenses,
  ledgerEntries,
  ledgerLines,
  organizations,
  ownerPayments,
  owners,
  paymentAllocations,
  unitOwnerships,
  units,
} from '../../_shared/db/schema/index.ts'
import { uuidv7 } from '../../_shared/ids.ts'
import { realisticSeed } from '../../seed/seed-data.ts'
import type { TestApi } from '../harness.ts'

/**
 * Growth check of the heavy operations (issue #17 item 4, docs/performance.md "Growth: the heavy
 * operations at 10× data"). With GROWTH=1 (and LOAD=1) each heavy-operation load test first fills
 * its own tenant with the bench's growth seed — the realistic seed at scale 10 (230 buildings,
 * ≈1,900 lots, their owners), plus a year of expenses (one a month) and four quarterly calls for
 * funds with a line per lot for every building — then, after its measured operation, EXPLAINs
 * every distinct statement the operation ran and fails on a sequential scan of a tenant table.
 *
 * The plans are generic (`EXPLAIN (GENERIC_PLAN)`, the plan a prepared statement gets without its
 * parameters' values), after ANALYZE: a sequential scan there means no index serves the
 * statement's filter, whatever the tenant; it cannot hide behind a lucky parameter.
 */
export const GROWTH = process.env.GROWTH === '1'

type Inspect = TestApi['inspect']

/** Bulk insert in chunks (a statement's parameters are limited to 65,535). */
async function insertAll<T>(db: Inspect, table: Parameters<Inspect['insert']>[0], rows: T[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never)
}

/** Fills `organizationId` with the growth seed; returns what it added. */
export async function growTenant(api: TestApi, organizationId: string) {
  const db = api.inspect
  const { rows } = realisticSeed(42, 10)
  const org = { organizationId }
  // The tenant's plan limits, as a superadmin would raise them for a firm of this size.
  await db
    .update(organizations)
    .set({ maxBuildings: 10_000, maxUsers: 10_000 })
    .where(sql`${organizations.id} = ${organizationId}`)
  await insertAll(
    db,
    buildings,
    rows.buildings.map((b) => ({ ...b, ...org })),
  )
  await insertAll(
    db,
    owners,
    rows.owners.map((o) => ({ ...o, ...org })),
  )
  await insertAll(
    db,
    units,
    rows.units.map((u) => ({ ...u, ...org })),
  )
  await insertAll(
    db,
    unitOwnerships,
    rows.unitOwnerships.map((o) => ({ ...o, ...org, startDate: '2015-01-01' })),
  )
  // A year of expenses: one a month per building, shaped like the seed's.
  const template = rows.expenses[0]
  if (!template) throw new Error('the realistic seed has no expense')
  const yearOfExpenses = rows.buildings.flatMap((b) =>
    Array.from({ length: 12 }, (_, m) => ({
      ...template,
      ...org,
      id: uuidv7(),
      buildingId: b.id,
      amountCents: 10_000 + m * 1_000,
      expenseDate: `2025-${String(m + 1).padStart(2, '0')}-15`,
      invoiceNumber: `G-2025-${m + 1}`,
    })),
  )
  await insertAll(db, expenses, yearOfExpenses)
  // Four quarterly provision calls per building, a line per lot.
  const unitsOf = new Map<string, typeof rows.units>()
  for (const u of rows.units) unitsOf.set(u.buildingId, [...(unitsOf.get(u.buildingId) ?? []), u])
  const calls: (typeof callsForFunds.$inferInsert)[] = []
  const lines: (typeof callLines.$inferInsert)[] = []
  for (const b of rows.buildings) {
    const lots = unitsOf.get(b.id as string) ?? []
    for (let q = 1; q <= 4; q++) {
      const callId = uuidv7()
      const due = `2025-${String(q * 3 - 2).padStart(2, '0')}-15`
      calls.push({
        id: callId,
        ...org,
        buildingId: b.id as string,
        number: q,
        kind: 'provision',
        label: `T${q} 2025`,
        issueDate: due.replace(/15$/, '01'),
        dueDate: due,
        totalCents: lots.length * 25_000,
        account: 'working_capital',
        iban: 'BE68539007547034',
        holderName: 'ACP Growth',
      })
      for (const [i, u] of lots.entries())
        lines.push({
          id: uuidv7(),
          ...org,
          buildingId: b.id as string,
          callId,
          lineNumber: i + 1,
          unitId: u.id as string,
          unitNumber: u.unitNumber,
          ownerId: u.ownerId as string,
          amountCents: 25_000,
          communication: `${String(q).padStart(4, '0')}${String(i + 1).padStart(6, '0')}97`,
          dueDate: due,
          delivery: 'post',
        })
    }
  }
  await insertAll(db, callsForFunds, calls)
  await insertAll(db, callLines, lines)
  // The first three quarters paid, each line in full by one payment a few days before it is due
  // (allocated to it, as the matching would); the fourth still open.
  const paidLines = lines.filter((l) => !String(l.dueDate).startsWith('2025-10'))
  const payments = paidLines.map((l) => ({
    id: uuidv7(),
    ...org,
    buildingId: l.buildingId,
    ownerId: l.ownerId,
    amountCents: l.amountCents,
    paymentDate: String(l.dueDate).replace(/15$/, '10'),
    communication: l.communication,
    account: 'working_capital',
    creditCents: 0,
  }))
  await insertAll(db, ownerPayments, payments)
  await insertAll(
    db,
    paymentAllocations,
    payments.map((p, i) => ({
      id: uuidv7(),
      ...org,
      paymentId: p.id,
      lineId: (paidLines[i] as { id: string }).id,
      amountCents: p.amountCents,
    })),
  )
  // The books of that year: the entries the use cases post for these expenses, calls and
  // payments (their events through the ledger's own posting rules), written in bulk.
  const events: DomainEvent[] = [
    ...yearOfExpenses.map(
      (e): DomainEvent => ({
        type: 'ExpenseApproved',
        organizationId,
        entityId: e.id,
        details: {
          buildingId: e.buildingId,
          date: e.expenseDate,
          category: e.category,
          description: e.description,
          amountCents: e.amountCents,
          supplier: e.supplier,
          supplierId: null,
        },
      }),
    ),
    ...calls.map(
      (c): DomainEvent => ({
        type: 'CallForFundsIssued',
        organizationId,
        entityId: c.id as string,
        details: {
          buildingId: c.buildingId,
          kind: c.kind,
          number: c.number,
          label: c.label,
          issueDate: c.issueDate,
          totalCents: c.totalCents,
          lines: lines
            .filter((l) => l.callId === c.id)
            .map((l) => ({ ownerId: l.ownerId, unitId: l.unitId, amountCents: l.amountCents })),
        },
      }),
    ),
    ...payments.map(
      (p): DomainEvent => ({
        type: 'OwnerPaymentRecorded',
        organizationId,
        entityId: p.id,
        details: {
          buildingId: p.buildingId,
          ownerId: p.ownerId,
          amountCents: p.amountCents,
          paymentDate: p.paymentDate,
          account: p.account,
        },
      }),
    ),
  ]
  const books = await postInBulk(db, organizationId, events)
  return {
    buildings: rows.buildings.length,
    units: rows.units.length,
    owners: rows.owners.length,
    expenses: yearOfExpenses.length,
    calls: calls.length,
    callLines: lines.length,
    payments: payments.length,
    ledgerEntries: books.entries,
    ledgerLines: books.lines,
  }
}

/**
 * Posts the events as the use cases do (the ledger's `ledgerPostings`: posting rule, balanced
 * entry in the fiscal year of its date), collecting the rows its repository would insert one by
 * one, then inserts them in bulk in one transaction (the balance trigger checks each entry at
 * its commit).
 */
async function postInBulk(db: Inspect, organizationId: string, events: DomainEvent[]) {
  const entryRows: (typeof ledgerEntries.$inferInsert)[] = []
  const lineRows: (typeof ledgerLines.$inferInsert)[] = []
  const collect = {
    fiscalYearStartMonth: async () => 1,
    insert: async (_scope: unknown, entry: BalancedEntry) => {
      const rows = ledgerRowsOf(organizationId, entry)
      entryRows.push(rows.entry)
      lineRows.push(...rows.lines)
      return undefined as never
    },
  } as unknown as LedgerRepository
  const postings = ledgerPostings(collect)
  for (const event of events) await postings.post(event)
  await db.transaction(async (tx) => {
    const t = tx as unknown as Inspect
    await insertAll(t, ledgerEntries, entryRows)
    await insertAll(t, ledgerLines, lineRows)
  })
  return { entries: entryRows.length, lines: lineRows.length }
}

/** Fresh statistics (the plans of a steady state), then where the operation's statements start. */
export async function markBeforeOperation(api: TestApi): Promise<number> {
  await api.inspect.execute(sql`ANALYZE`)
  return api.queries.length
}

/**
 * The tables holding tenant rows (an `organization_id` column), with their row estimate after
 * ANALYZE. A sequential scan of a table of a few rows (the tenant's settings, its one budget) is
 * the planner's right choice at any size of the tenant; one of a table the growth seed filled is
 * what the check is for.
 */
async function tenantTables(api: TestApi): Promise<Map<string, number>> {
  const res = await api.inspect.execute(
    sql`select c.table_name, coalesce(p.reltuples, 0)::bigint as rows
        from information_schema.columns c
        join pg_class p on p.relname = c.table_name and p.relkind = 'r'
        where c.table_schema = 'public' and c.column_name = 'organization_id'`,
  )
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as {
    table_name: string
    rows: number | string
  }[]
  return new Map(rows.map((r) => [r.table_name, Number(r.rows)]))
}

/** Tables at least this large count (the growth seed puts 1,780+ rows in each table it fills). */
export const LARGE_TABLE_ROWS = 1_000
/** A scan the planner expects to keep less than this share of the table's rows is selective. */
export const SELECTIVE_SHARE = 0.5

/**
 * The generic plan of a statement as logged (with its `$1`… placeholders). Sent over the simple
 * query protocol — PGlite's exec (inside a transaction: the harness's PGlite handle offers only
 * query and transaction), pg's query without values — as the extended protocol would expect the
 * placeholders' values.
 */
async function genericPlan(api: TestApi, statement: string): Promise<string> {
  type Rows = { rows: Record<string, unknown>[] }
  type Client = {
    query: (text: string) => Promise<Rows>
    transaction?: <T>(run: (tx: { exec: (text: string) => Promise<Rows[]> }) => Promise<T>) => Promise<T>
  }
  const client = (api.inspect as unknown as { $client: Client }).$client
  const text = `EXPLAIN (GENERIC_PLAN) ${statement}`
  const rows = client.transaction
    ? (await client.transaction((tx) => tx.exec(text))).flatMap((r) => r.rows)
    : (await client.query(text)).rows
  return rows.map((r) => String(r['QUERY PLAN'] ?? Object.values(r)[0])).join('\n')
}

/**
 * EXPLAIN (GENERIC_PLAN) of each distinct statement the operation ran (from `mark`): the
 * sequential scans of large tenant tables (with the plan, to say why), and apart those of small
 * ones.
 */
export async function tenantSeqScans(api: TestApi, mark: number) {
  const tables = await tenantTables(api)
  const statements = [...new Set(api.queries.slice(mark))].filter((q) =>
    /^\s*(select|with|update|delete|insert)\b/i.test(q),
  )
  const seqScans: { tables: string[]; rows: number[]; query: string; plan: string }[] = []
  const smallTables = new Set<string>()
  const unexplained: string[] = []
  for (const q of statements) {
    try {
      const plan = await genericPlan(api, q)
      const scanned = seqScannedTables(plan).filter((t) => tables.has(t))
      for (const t of scanned) if ((tables.get(t) ?? 0) < LARGE_TABLE_ROWS) smallTables.add(t)
      // A large table read whole to keep a small share of it: an index was missing or unusable.
      // Read whole to keep (nearly) all of it — the table holds only the operation's own rows —
      // the scan is the right plan at any size, and is not counted.
      const selective = new Set(
        seqScanEstimates(plan)
          .filter((e) => e.rows < SELECTIVE_SHARE * (tables.get(e.table) ?? 0))
          .map((e) => e.table),
      )
      const large = scanned.filter((t) => (tables.get(t) ?? 0) >= LARGE_TABLE_ROWS && selective.has(t))
      if (large.length > 0)
        seqScans.push({ tables: large, rows: large.map((t) => tables.get(t) ?? 0), query: q, plan })
    } catch (error) {
      unexplained.push(`${q.slice(0, 120)}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return {
    // Every statement the operation ran (load-independent: a statement per lot or per movement shows here).
    executed: api.queries.length - mark,
    statements: statements.length,
    explained: statements.length - unexplained.length,
    seqScans,
    smallTableSeqScans: [...smallTables].sort(),
    unexplained,
  }
}

/** The one line the bench reads (bench/budgets/growth.ts). */
export function printGrowth(operation: string, figures: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify({ growth: operation, ...figures })}\n`)
}
