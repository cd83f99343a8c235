import type { ChargeTotalsReader } from '@koprogo/domain'
import { and, asc, eq, gte, like, lte, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { ledgerEntries, ledgerLines } from '../schema/index.ts'

/*
 * The PCN report's read (v1 /pcn/report): the class 6 lines of the books summed per account over a
 * period of entry dates, in one query across fiscal years. Sums as bigint, read back as numbers.
 */
export function chargeTotalsReader(db: Database): ChargeTotalsReader {
  return {
    async chargeTotals(scope, buildingId, period) {
      const rows = await db
        .select({
          account: ledgerLines.account,
          debitCents: sql<string>`sum(${ledgerLines.debitCents})`,
          creditCents: sql<string>`sum(${ledgerLines.creditCents})`,
          entryCount: sql<string>`count(distinct ${ledgerLines.entryId})`,
        })
        .from(ledgerLines)
        .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerLines.entryId))
        .where(
          and(
            eq(ledgerLines.organizationId, scope.organizationId),
            eq(ledgerLines.buildingId, buildingId),
            like(ledgerLines.account, '6%'),
            period.from ? gte(ledgerEntries.entryDate, period.from) : undefined,
            period.to ? lte(ledgerEntries.entryDate, period.to) : undefined,
          ),
        )
        .groupBy(ledgerLines.account)
        .orderBy(asc(ledgerLines.account))
      return rows.map((r) => ({
        account: r.account,
        debitCents: Number(r.debitCents),
        creditCents: Number(r.creditCents),
        entryCount: Number(r.entryCount),
      }))
    },
  }
}
