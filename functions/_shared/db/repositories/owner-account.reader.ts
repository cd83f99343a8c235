import type { AccountEntry, AccountEntryKind, AccountPageRequest, OwnerAccountReader } from '@koprogo/domain'
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { callLines, callsForFunds, ownerPayments } from '../schema/index.ts'
import { linesWithPaid, storedPaid, toLineWithPaid, toPayment } from './calls.repository.ts'

type Rows<T> = { rows: T[] }

/**
 * Read model of the owner account (ADR 0048). Every statement reads index ranges of one owner in
 * one building: the totals are the running totals the database keeps (owner_account_totals) and
 * small aggregates (the call lines' paid part is the stored `call_lines.paid_cents`, so no
 * allocation is summed per line), a page is `limit/offset` over
 * `(organization, owner, building, date, id)` and the running balance is a window sum counted
 * back from the whole balance, so page 1 reads one page of rows per kind, not the history.
 */
export function ownerAccountReader(db: Database): OwnerAccountReader {
  return {
    async buildings(scope, ownerId, buildingId) {
      const org = scope.organizationId
      const only = (column: string) => (buildingId ? sql`and ${sql.raw(column)} = ${buildingId}` : sql``)
      // The two long tables are skipped through by building (a loose index scan: one probe per
      // building, not one row per line); reminders and statements are a few rows per year.
      const result = (await db.execute(sql`with recursive
        cl as (
          (select building_id from call_lines where organization_id = ${org} and owner_id = ${ownerId} ${only('building_id')}
            order by building_id limit 1)
          union all
          select (select c.building_id from call_lines c
                   where c.organization_id = ${org} and c.owner_id = ${ownerId} and c.building_id > cl.building_id
                   order by c.building_id limit 1)
            from cl where cl.building_id is not null ${buildingId ? sql`and false` : sql``}),
        pl as (
          (select building_id from owner_payments where organization_id = ${org} and owner_id = ${ownerId} ${only('building_id')}
            order by building_id limit 1)
          union all
          select (select p.building_id from owner_payments p
                   where p.organization_id = ${org} and p.owner_id = ${ownerId} and p.building_id > pl.building_id
                   order by p.building_id limit 1)
            from pl where pl.building_id is not null ${buildingId ? sql`and false` : sql``})
        select building_id::text as b from cl where building_id is not null
        union select building_id::text from pl where building_id is not null
        union select building_id::text from reminders
          where organization_id = ${org} and owner_id = ${ownerId} ${only('building_id')}
          group by building_id having sum(interest_cents + fee_cents) <> 0
        union select building_id::text from owner_statements
          where organization_id = ${org} and owner_id = ${ownerId} ${only('building_id')}
        order by 1`)) as unknown as Rows<{ b: string }>
      return result.rows.map((r) => r.b)
    },

    async totals(scope, ownerId, buildingId, today) {
      const result = (await db.execute(
        totalsQuery(scope.organizationId, ownerId, buildingId, today),
      )) as unknown as Rows<Record<string, number | string | null>>
      const r = result.rows[0] ?? {}
      const n = (k: string) => Number(r[k] ?? 0)
      return {
        lines: n('lines'),
        linesCents: n('lines_cents'),
        regularisationLines: n('reg_lines'),
        regularisationLinesCents: n('reg_lines_cents'),
        payments: n('payments'),
        paidCents: n('paid_cents'),
        creditCents: n('credit_cents'),
        chargeEntries: n('charge_entries'),
        chargesCents: n('charges_cents'),
        statements: n('statements'),
        openLines: n('open_lines'),
        openDueCents: n('open_due_cents'),
        nextOpenDueDate: (r.next_due as string | null) ?? null,
      }
    },

    async page(scope, ownerId, buildingId, { page, perPage }, balanceCents) {
      const org = scope.organizationId
      const [entries, lines, payments] = await Promise.all([
        db.execute(
          entriesQuery(org, ownerId, buildingId, { page, perPage }, balanceCents),
        ) as unknown as Promise<
          Rows<{
            kind: AccountEntryKind
            id: string
            date: string
            amount: number | string
            label: string | null
            communication: string | null
            fy: number | null
            balance: number | string
          }>
        >,
        linesPageQuery(db, org, ownerId, buildingId, { page, perPage }),
        paymentsPageQuery(db, org, ownerId, buildingId, { page, perPage }),
      ])
      return {
        entries: entries.rows.map(
          (e): AccountEntry => ({
            kind: e.kind,
            id: e.id,
            date: e.date,
            amountCents: Number(e.amount),
            balanceCents: Number(e.balance),
            label: e.label,
            communication: e.communication,
            fiscalYear: e.fy === null ? null : Number(e.fy),
          }),
        ),
        lines: lines.map(toLineWithPaid),
        payments: payments.map(toPayment),
      }
    },

    async openLines(scope, ownerId, buildingId, limit) {
      const rows = await openLinesQuery(db, scope.organizationId, ownerId, buildingId, limit)
      return rows.map(toLineWithPaid)
    },
  }
}

/*
 * The statements, one function each so the load test can EXPLAIN exactly what the app runs
 * (functions/test/load/owner-account.load.test.ts, EXPLAIN=1).
 */

const mine = (alias: string, org: string, ownerId: string, buildingId: string) =>
  sql`${sql.raw(alias)}.organization_id = ${org} and ${sql.raw(alias)}.owner_id = ${ownerId} and ${sql.raw(alias)}.building_id = ${buildingId}`

/**
 * The whole history's sums and counts in one statement: call lines and payments from their running
 * totals, the rest (regularisation due items, reminders, statements: a few per year; the open
 * lines: a partial index) aggregated over index ranges.
 */
export function totalsQuery(org: string, ownerId: string, buildingId: string, today: string) {
  const own = (alias: string) => mine(alias, org, ownerId, buildingId)
  return sql`select
          l.n as lines, l.s as lines_cents, rl.n as reg_lines, rl.s as reg_lines_cents,
          l.pn as payments, l.ps as paid_cents, l.pc as credit_cents,
          r.n as charge_entries, r.s as charges_cents, st.n as statements,
          o.n as open_lines, o.due as open_due_cents, o.next as next_due
        from
          -- The running totals kept by the database (ADR 0048): up to 8 slot rows, not the history.
          (select coalesce(sum(lines), 0)::int as n, coalesce(sum(lines_cents), 0)::float8 as s,
                  coalesce(sum(payments), 0)::int as pn, coalesce(sum(paid_cents), 0)::float8 as ps,
                  coalesce(sum(credit_cents), 0)::float8 as pc
             from owner_account_totals t where ${own('t')}) l,
          (select count(*)::int as n, coalesce(sum(cl.amount_cents), 0)::float8 as s
             from calls_for_funds c
             join call_lines cl on cl.organization_id = c.organization_id and cl.call_id = c.id
            where c.organization_id = ${org} and c.building_id = ${buildingId} and c.kind = 'regularisation'
              and cl.owner_id = ${ownerId}) rl,
          (select (count(*) filter (where interest_cents + fee_cents <> 0))::int as n,
                  coalesce(sum(interest_cents + fee_cents), 0)::float8 as s
             from reminders r where ${own('r')}) r,
          (select count(*)::int as n from owner_statements s
             join fiscal_year_closings f on f.organization_id = s.organization_id and f.id = s.closing_id
            where ${own('s')}) st,
          (select count(*)::int as n,
                  coalesce(sum(amount_cents - paid_cents) filter (where due_date <= ${today}::date), 0)::float8 as due,
                  min(due_date)::text as next
             from call_lines o where ${own('o')} and o.paid_cents < o.amount_cents) o`
}

/**
 * One page of entries, newest first, with the running balance: each kind's newest
 * `offset + perPage` rows (an index range each) hold the page and every entry newer than it,
 * which is all the window needs to count the balance back from the whole balance.
 */
export function entriesQuery(
  org: string,
  ownerId: string,
  buildingId: string,
  { page, perPage }: AccountPageRequest,
  balanceCents: number,
) {
  const offset = (page - 1) * perPage
  const reach = offset + perPage
  const own = (alias: string) => mine(alias, org, ownerId, buildingId)
  return sql`with e as (
            (select 'call'::text as kind, 1 as rank, l.id, l.due_date as d, l.amount_cents::bigint as a,
                    c.label, l.communication, null::int as fy
               from call_lines l
               join calls_for_funds c on c.organization_id = l.organization_id and c.id = l.call_id
              where ${own('l')} and c.kind <> 'regularisation'
              order by l.due_date desc, l.id desc limit ${reach})
            union all
            (select 'payment', 3, p.id, p.payment_date, -p.amount_cents::bigint, null, p.communication, null
               from owner_payments p where ${own('p')}
              order by p.payment_date desc, p.id desc limit ${reach})
            union all
            (select 'charges', 2, r.id, r.reminder_date, (r.interest_cents + r.fee_cents)::bigint, null, null, null
               from reminders r where ${own('r')} and r.interest_cents + r.fee_cents <> 0
              order by r.reminder_date desc, r.id desc limit ${reach})
            union all
            (select 'regularisation', 0, s.id, f.regularisation_date, s.regularisation_cents::bigint, null, null,
                    s.fiscal_year
               from owner_statements s
               join fiscal_year_closings f on f.organization_id = s.organization_id and f.id = s.closing_id
              where ${own('s')}
              order by f.regularisation_date desc, s.id desc limit ${reach}))
          select kind, id::text as id, d::text as date, a::float8 as amount, label, communication, fy,
                 (${balanceCents}::bigint - coalesce(sum(e.a) over (order by e.d desc, e.rank desc, e.id desc
                    rows between unbounded preceding and 1 preceding), 0))::float8 as balance
            from e order by e.d desc, e.rank desc, e.id desc limit ${perPage} offset ${offset}`
}

export const linesPageQuery = (
  db: Database,
  org: string,
  ownerId: string,
  buildingId: string,
  { page, perPage }: AccountPageRequest,
) =>
  linesWithPaid(
    db,
    and(
      eq(callLines.organizationId, org),
      eq(callLines.ownerId, ownerId),
      eq(callLines.buildingId, buildingId),
    ),
    storedPaid,
  )
    .orderBy(desc(callLines.dueDate), desc(callLines.id))
    .limit(perPage)
    .offset((page - 1) * perPage)

export const paymentsPageQuery = (
  db: Database,
  org: string,
  ownerId: string,
  buildingId: string,
  { page, perPage }: AccountPageRequest,
) =>
  db
    .select()
    .from(ownerPayments)
    .where(
      and(
        eq(ownerPayments.organizationId, org),
        eq(ownerPayments.ownerId, ownerId),
        eq(ownerPayments.buildingId, buildingId),
      ),
    )
    .orderBy(desc(ownerPayments.paymentDate), desc(ownerPayments.id))
    .limit(perPage)
    .offset((page - 1) * perPage)

/** The lines still to pay, earliest due first: the partial index call_lines_owner_open_idx. */
export const openLinesQuery = (
  db: Database,
  org: string,
  ownerId: string,
  buildingId: string,
  limit: number,
) =>
  linesWithPaid(
    db,
    and(
      eq(callLines.organizationId, org),
      eq(callLines.ownerId, ownerId),
      eq(callLines.buildingId, buildingId),
      lt(callLines.paidCents, callLines.amountCents),
    ),
    storedPaid,
  )
    .orderBy(asc(callLines.dueDate), asc(callsForFunds.number), asc(callLines.lineNumber))
    .limit(limit)
