import { booksReadBuilding } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { type CalendarDate, parseCalendarDate, type TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { accountOf, isAccountCode } from './accounts.ts'
import type { LedgerContext } from './ledger.ports.ts'

/*
 * The PCN report (v1: POST /pcn/report/{building_id} and its PDF / Excel exports): the building's
 * expenses per account of the minimum chart (PCMN / MGR, royal decree of 12 July 2012), read from
 * the LEDGER, not from the expense rows: an approved expense, its reversal, a correction and a
 * credit note all count as the books count them (net debit − credit of each class 6 account), so
 * the report and the trial balance cannot disagree. Drafts are not in the books, so not here.
 */

/** Inclusive calendar days; null: unbounded on that side (v1 sent no period: every posted entry). */
export type ReportPeriod = { readonly from: CalendarDate | null; readonly to: CalendarDate | null }

/** One charge account's movements in a period. */
export type ChargeAccountTotal = {
  readonly account: string
  readonly debitCents: number
  readonly creditCents: number
  /** Distinct entries with a line on the account (a reversal is an entry too). */
  readonly entryCount: number
}

/** The books' class 6 lines summed per account over a period of entry dates (all fiscal years). */
export interface ChargeTotalsReader {
  chargeTotals(
    scope: TenantScope,
    buildingId: string,
    period: ReportPeriod,
  ): Promise<readonly ChargeAccountTotal[]>
}

export type PcnReportLine = {
  readonly account: string
  /** Net charge: debit − credit (a credit note or a reversal lowers it). */
  readonly totalCents: number
  readonly entryCount: number
}

export type PcnReport = {
  readonly buildingId: string
  readonly building: {
    readonly name: string
    readonly address: string
    readonly postalCode: string
    readonly city: string
  }
  readonly period: ReportPeriod
  readonly lines: readonly PcnReportLine[]
  readonly totalCents: number
  readonly totalEntries: number
}

/** Class 6 accounts with at least one entry, by code; the totals are the lines' sums. */
export function pcnLinesOf(totals: readonly ChargeAccountTotal[]): {
  readonly lines: readonly PcnReportLine[]
  readonly totalCents: number
  readonly totalEntries: number
} {
  const lines = totals
    .filter((t) => isAccountCode(t.account) && accountOf(t.account).accountClass === 6 && t.entryCount > 0)
    .map((t) => ({ account: t.account, totalCents: t.debitCents - t.creditCents, entryCount: t.entryCount }))
    .sort((a, b) => a.account.localeCompare(b.account))
  return {
    lines,
    totalCents: lines.reduce((s, l) => s + l.totalCents, 0),
    totalEntries: lines.reduce((s, l) => s + l.entryCount, 0),
  }
}

/**
 * The report of one building for whoever reads its books (`booksReadBuilding`): the syndic, the
 * accountant, and the building's account auditor — it is a summary of the books he verifies
 * (issue #16 item 5). Owners 403; another tenant's building, or for an auditor any building not
 * granted to him, 404. Dates: 'YYYY-MM-DD' or an ISO timestamp (v1 sent `DateTime<Utc>`), the
 * calendar day as written.
 */
export async function getPcnReport({
  ctx,
  input,
}: UseCaseCall<
  LedgerContext,
  { readonly buildingId: string; readonly startDate?: string | null; readonly endDate?: string | null }
>): Promise<Result<PcnReport>> {
  const read = await booksReadBuilding(ctx, input.buildingId)
  if (!read.ok) return read
  const { scope, building } = read.value
  const from = input.startDate ? parseCalendarDate(input.startDate, 'start_date') : ok(null)
  if (!from.ok) return from
  const to = input.endDate ? parseCalendarDate(input.endDate, 'end_date') : ok(null)
  if (!to.ok) return to
  if (from.value && to.value && from.value > to.value)
    return err(DomainErrors.invalidField('end_date', 'must not be before start_date'))
  const period = { from: from.value, to: to.value }
  const totals = await ctx.repos.ledger.charges.chargeTotals(scope, building.id, period)
  const { name, address, postalCode, city } = building
  return ok({
    buildingId: building.id,
    building: { name, address, postalCode, city },
    period,
    ...pcnLinesOf(totals),
  })
}
