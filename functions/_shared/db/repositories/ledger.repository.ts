import type {
  AccountCode,
  AccountLedgerLine,
  BalancedEntry,
  Entry,
  EntryLine,
  Journal,
  LedgerRepository,
  TenantScope,
} from '@koprogo/domain'
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { uuidv7Generator } from '../../ids.ts'
import type { Database } from '../client.ts'
import { ledgerEntries, ledgerLines, ledgerSettings } from '../schema/index.ts'
import { deferInsert } from '../write-batch.ts'
import { countAll } from './paginate.ts'

/*
 * The books in Postgres (ADR 0031). Inserts only: the tables refuse UPDATE and DELETE (trigger)
 * and a deferred constraint trigger refuses, at commit, an entry whose lines do not balance.
 * Sums are computed in SQL as bigint and read back as numbers (cents stay far below 2^53).
 */

type EntryRow = typeof ledgerEntries.$inferSelect
type LineRow = typeof ledgerLines.$inferSelect

const toLine = (l: LineRow): EntryLine => ({
  account: l.account as AccountCode,
  debitCents: l.debitCents,
  creditCents: l.creditCents,
  ownerId: l.ownerId,
  unitId: l.unitId,
  supplierId: l.supplierId,
})

const toEntry = (e: EntryRow, lines: readonly LineRow[]): Entry => ({
  id: e.id,
  organizationId: e.organizationId,
  buildingId: e.buildingId,
  fiscalYear: e.fiscalYear,
  journal: e.journal as Journal,
  date: e.entryDate,
  label: e.label,
  source: { kind: e.sourceKind, id: e.sourceId },
  reversesEntryId: e.reversesEntryId,
  totalCents: e.totalCents,
  createdAt: e.createdAt,
  lines: lines.map(toLine),
})

/**
 * The rows a balanced entry is stored as: the entry and its lines in position order, with fresh
 * ids. Shared with the growth seed, which inserts a year of books in bulk (functions/test/load).
 */
export function ledgerRowsOf(
  organizationId: string,
  entry: BalancedEntry,
): { entry: EntryRow; lines: LineRow[] } {
  const id = uuidv7Generator.next()
  return {
    entry: {
      id,
      organizationId,
      buildingId: entry.buildingId,
      fiscalYear: entry.fiscalYear,
      journal: entry.journal,
      entryDate: entry.date,
      label: entry.label,
      sourceKind: entry.source.kind,
      sourceId: entry.source.id,
      reversesEntryId: entry.reversesEntryId,
      totalCents: entry.totalCents,
      createdAt: new Date(),
    },
    lines: entry.lines.map((l, position) => ({
      id: uuidv7Generator.next(),
      organizationId,
      entryId: id,
      buildingId: entry.buildingId,
      fiscalYear: entry.fiscalYear,
      position,
      account: l.account,
      debitCents: l.debitCents,
      creditCents: l.creditCents,
      ownerId: l.ownerId ?? null,
      unitId: l.unitId ?? null,
      supplierId: l.supplierId ?? null,
    })),
  }
}

export function ledgerRepository(db: Database): LedgerRepository {
  const inBuilding = (scope: TenantScope, buildingId: string) =>
    and(eq(ledgerEntries.organizationId, scope.organizationId), eq(ledgerEntries.buildingId, buildingId))

  /** The entries' lines, one query, grouped in position order. */
  async function withLines(scope: TenantScope, rows: readonly EntryRow[]): Promise<Entry[]> {
    if (rows.length === 0) return []
    const lines = await db
      .select()
      .from(ledgerLines)
      .where(
        and(
          eq(ledgerLines.organizationId, scope.organizationId),
          inArray(
            ledgerLines.entryId,
            rows.map((r) => r.id),
          ),
        ),
      )
      .orderBy(asc(ledgerLines.entryId), asc(ledgerLines.position))
    const byEntry = new Map<string, LineRow[]>()
    for (const l of lines) byEntry.set(l.entryId, [...(byEntry.get(l.entryId) ?? []), l])
    return rows.map((r) => toEntry(r, byEntry.get(r.id) ?? []))
  }

  return {
    async insert(scope, entry: BalancedEntry) {
      // Built here rather than read back (RETURNING), so that inside a batched unit of work the
      // entry and its lines join the batch's one statement (ADR 0047).
      const { entry: row, lines: lineRows } = ledgerRowsOf(scope.organizationId, entry)
      await deferInsert(db, ledgerEntries, row)
      await deferInsert(db, ledgerLines, lineRows)
      return toEntry(row, lineRows)
    },

    async findBySource(scope, buildingId, source) {
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(
          and(
            inBuilding(scope, buildingId),
            eq(ledgerEntries.sourceKind, source.kind),
            eq(ledgerEntries.sourceId, source.id),
          ),
        )
        .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id))
      return withLines(scope, rows)
    },

    async fiscalYearStartMonth(scope, buildingId) {
      const [row] = await db
        .select({ m: ledgerSettings.fiscalYearStartMonth })
        .from(ledgerSettings)
        .where(
          and(
            eq(ledgerSettings.organizationId, scope.organizationId),
            eq(ledgerSettings.buildingId, buildingId),
          ),
        )
        .limit(1)
      return row?.m ?? 1
    },

    async setFiscalYearStartMonth(scope, buildingId, month) {
      await db
        .insert(ledgerSettings)
        .values({ buildingId, organizationId: scope.organizationId, fiscalYearStartMonth: month })
        .onConflictDoUpdate({
          target: ledgerSettings.buildingId,
          set: {
            fiscalYearStartMonth: month,
            version: sql`${ledgerSettings.version} + 1`,
            updatedAt: sql`now()`,
          },
          setWhere: eq(ledgerSettings.organizationId, scope.organizationId),
        })
    },

    async entriesMovedBy(scope, buildingId, month) {
      // The fiscal year an entry's date falls in under `month` (fiscal-year.ts, fiscalYearOf).
      const yearUnder = sql`(extract(year from ${ledgerEntries.entryDate})::int - case when extract(month from ${ledgerEntries.entryDate})::int >= ${month} then 0 else 1 end)`
      const [row] = await db
        .select({ n: countAll })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.organizationId, scope.organizationId),
            eq(ledgerEntries.buildingId, buildingId),
            sql`${ledgerEntries.fiscalYear} <> ${yearUnder}`,
          ),
        )
      return row?.n ?? 0
    },

    async accountTotals(scope, buildingId, fiscalYear) {
      const rows = await db
        .select({
          account: ledgerLines.account,
          debitCents: sql<string>`sum(${ledgerLines.debitCents})`,
          creditCents: sql<string>`sum(${ledgerLines.creditCents})`,
        })
        .from(ledgerLines)
        .where(
          and(
            eq(ledgerLines.organizationId, scope.organizationId),
            eq(ledgerLines.buildingId, buildingId),
            eq(ledgerLines.fiscalYear, fiscalYear),
          ),
        )
        .groupBy(ledgerLines.account)
        .orderBy(asc(ledgerLines.account))
      return rows.map((r) => ({
        account: r.account,
        debitCents: Number(r.debitCents),
        creditCents: Number(r.creditCents),
      }))
    },

    async accountLines(scope, buildingId, fiscalYear, account) {
      const rows = await db
        .select({ line: ledgerLines, entry: ledgerEntries })
        .from(ledgerLines)
        .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerLines.entryId))
        .where(
          and(
            eq(ledgerLines.organizationId, scope.organizationId),
            eq(ledgerLines.buildingId, buildingId),
            eq(ledgerLines.fiscalYear, fiscalYear),
            eq(ledgerLines.account, account),
          ),
        )
        .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id), asc(ledgerLines.position))
      return rows.map(
        ({ line, entry }): AccountLedgerLine => ({
          ...toLine(line),
          entryId: entry.id,
          date: entry.entryDate,
          journal: entry.journal as Journal,
          label: entry.label,
          reversesEntryId: entry.reversesEntryId,
        }),
      )
    },

    async listEntries(scope, buildingId, filter, page) {
      const where: SQL | undefined = and(
        inBuilding(scope, buildingId),
        filter.fiscalYear !== undefined ? eq(ledgerEntries.fiscalYear, filter.fiscalYear) : undefined,
        filter.journal !== undefined ? eq(ledgerEntries.journal, filter.journal) : undefined,
      )
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(ledgerEntries)
          .where(where)
          .orderBy(desc(ledgerEntries.entryDate), desc(ledgerEntries.id))
          .limit(page.perPage)
          .offset((page.page - 1) * page.perPage),
        db.select({ n: countAll }).from(ledgerEntries).where(where),
      ])
      return { items: await withLines(scope, rows), total: total?.n ?? 0 }
    },

    async ownerBalance(scope, buildingId, ownerId) {
      const [row] = await db
        .select({
          balance: sql<string>`coalesce(sum(${ledgerLines.debitCents} - ${ledgerLines.creditCents}), 0)`,
        })
        .from(ledgerLines)
        .where(
          and(
            eq(ledgerLines.organizationId, scope.organizationId),
            eq(ledgerLines.buildingId, buildingId),
            eq(ledgerLines.ownerId, ownerId),
            eq(ledgerLines.account, '410'),
          ),
        )
      return Number(row?.balance ?? 0)
    },
  }
}
