import { booksReadScope } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { type TenantScope, todayOf } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { type AccountCode, accountOf, isAccountCode } from './accounts.ts'
import type { Entry } from './entry.ts'
import { fiscalYearBounds, fiscalYearOf } from './fiscal-year.ts'
import type { Journal } from './journals.ts'
import type { AccountLedgerLine, LedgerContext } from './ledger.ports.ts'
import { type TrialBalance, trialBalanceOf } from './trial-balance.ts'

/*
 * The books are read by the syndic and the accountant (and a superadmin): the trial balance, an
 * account's ledger and the entries. Owners do not read the association's books through these
 * (they read their own account). Another tenant's building is a 404, as a missing one.
 */

export type FiscalYearView = { readonly year: number; readonly from: string; readonly to: string }

async function bookScope(
  ctx: LedgerContext,
  buildingId: string,
  fiscalYear: number | undefined,
): Promise<Result<{ scope: TenantScope; fiscalYear: FiscalYearView }>> {
  // The one rule for reading the books: finance roles, or the building's account auditor.
  const scoped = await booksReadScope(ctx, buildingId)
  if (!scoped.ok) return scoped
  const startMonth = await ctx.repos.ledger.entries.fiscalYearStartMonth(scoped.value, buildingId)
  const year = fiscalYear ?? fiscalYearOf(todayOf(ctx.clock), startMonth)
  return ok({ scope: scoped.value, fiscalYear: { year, ...fiscalYearBounds(year, startMonth) } })
}

export type TrialBalanceView = TrialBalance & {
  readonly buildingId: string
  readonly fiscalYear: FiscalYearView
}

/** GET /buildings/{id}/ledger/trial-balance: per account debits, credits and balance; Σ balance = 0. */
export async function getTrialBalance({
  ctx,
  input,
}: UseCaseCall<
  LedgerContext,
  { readonly buildingId: string; readonly fiscalYear?: number | undefined }
>): Promise<Result<TrialBalanceView>> {
  const found = await bookScope(ctx, input.buildingId, input.fiscalYear)
  if (!found.ok) return found
  const { scope, fiscalYear } = found.value
  const totals = await ctx.repos.ledger.entries.accountTotals(scope, input.buildingId, fiscalYear.year)
  return ok({ buildingId: input.buildingId, fiscalYear, ...trialBalanceOf(totals) })
}

export type AccountLedgerView = {
  readonly buildingId: string
  readonly fiscalYear: FiscalYearView
  readonly account: AccountCode
  readonly name: string
  /** Lines with the running balance (debit − credit) after each. */
  readonly lines: readonly (AccountLedgerLine & { readonly runningBalanceCents: number })[]
  readonly debitCents: number
  readonly creditCents: number
  readonly balanceCents: number
}

/** GET /buildings/{id}/ledger/accounts/{code}: an account's lines in a fiscal year, with the running balance. */
export async function getAccountLedger({
  ctx,
  input,
}: UseCaseCall<
  LedgerContext,
  { readonly buildingId: string; readonly account: string; readonly fiscalYear?: number | undefined }
>): Promise<Result<AccountLedgerView>> {
  const found = await bookScope(ctx, input.buildingId, input.fiscalYear)
  if (!found.ok) return found
  if (!isAccountCode(input.account)) return err(DomainErrors.notFound('Account'))
  const { scope, fiscalYear } = found.value
  const raw = await ctx.repos.ledger.entries.accountLines(
    scope,
    input.buildingId,
    fiscalYear.year,
    input.account,
  )
  let running = 0
  let debit = 0
  let credit = 0
  const lines = raw.map((l) => {
    running += l.debitCents - l.creditCents
    debit += l.debitCents
    credit += l.creditCents
    return { ...l, runningBalanceCents: running }
  })
  return ok({
    buildingId: input.buildingId,
    fiscalYear,
    account: input.account,
    name: accountOf(input.account).name,
    lines,
    debitCents: debit,
    creditCents: credit,
    balanceCents: debit - credit,
  })
}

/** GET /buildings/{id}/ledger/entries: the journal, newest first, paged. */
export async function listLedgerEntries({
  ctx,
  input,
}: UseCaseCall<
  LedgerContext,
  {
    readonly buildingId: string
    readonly fiscalYear?: number | undefined
    readonly journal?: Journal | undefined
    readonly page: number
    readonly perPage: number
  }
>): Promise<Result<Page<Entry> & { readonly fiscalYear: FiscalYearView }>> {
  const found = await bookScope(ctx, input.buildingId, input.fiscalYear)
  if (!found.ok) return found
  const { scope, fiscalYear } = found.value
  const page = await ctx.repos.ledger.entries.listEntries(
    scope,
    input.buildingId,
    { fiscalYear: fiscalYear.year, journal: input.journal },
    { page: input.page, perPage: input.perPage },
  )
  return ok({ ...page, fiscalYear })
}
