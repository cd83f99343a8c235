import { booksReadScope, scopeForRow } from '../../access/index.ts'
import type { ActorContext, UseCaseCall } from '../../context.ts'
import { insertRegularisationCall, type RegularisationCallRepos } from '../../finance/index.ts'
import { can } from '../../identity/index.ts'
import {
  DEFAULT_OWNER_LANGUAGE,
  mayReceiveDocumentsByEmail,
  type Owner,
  ownerDisplayName,
  type PropertyQueries,
  type TenantScope,
  todayOf,
} from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { SharedPorts } from '../../shared/shared-ports.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { fiscalYearBounds } from '../fiscal-year.ts'
import type { LedgerPorts } from '../ledger.ports.ts'
import { type AnnualAccounts, annualAccounts } from './annual-accounts.ts'
import type {
  ClosingRepository,
  FiscalYearClosing,
  OwnerStatement,
  OwnerStatementView,
} from './closing.ports.ts'
import { reversalOf, type YearExpense, type YearStatements, yearStatements } from './year-statement.ts'

/*
 * The year-end close of a building (ADR 0040; Civil Code art. 3.89 §5, 17° and 18°: the syndic
 * keeps the accounts and submits them to the assembly). Closing a fiscal year, in one transaction:
 * computes each owner's statement (their ordinary charges by key from the frozen distributions,
 * minus the working-capital provisions called = the regularisation), stores the closing and the
 * statements, and records `FiscalYearClosed`, whose posting rule books every regularisation on
 * the owner's 410 sub-account on the first day of the next fiscal year (against 140). From then on
 * the year is frozen: the ledger refuses any posting dated in it (and a database trigger backs
 * it); corrections go to the next year. A closed year is never reopened.
 */

export const RENDER_STATEMENTS = 'closing.render-statements'
/** The outbox kind of the job that files the annual accounts PDF of a closed year (ADR 0042). */
export const FILE_ANNUAL_ACCOUNTS = 'closing.file-annual-accounts'

export type ClosingRepos = SharedPorts & {
  readonly ledger: LedgerPorts
  readonly closing: ClosingRepository
  readonly property: PropertyQueries
  /** The close makes the regularisations to pay due items (a call of kind regularisation). */
  readonly finance: RegularisationCallRepos['finance']
}
export type ClosingContext = ActorContext<ClosingRepos>

function checkYear(fiscalYear: number): Result<number> {
  return Number.isSafeInteger(fiscalYear) && fiscalYear >= 1000 && fiscalYear <= 9999
    ? ok(fiscalYear)
    : err(DomainErrors.invalidField('fiscal_year', 'must be a year between 1000 and 9999'))
}

/**
 * Who reads a building's closing, statements and accounts: the roles that read the books (syndic,
 * accountant, superadmin). Another tenant's or an unknown building is a 404.
 */
export function closingReadScope(ctx: ClosingContext, buildingId: string): Promise<Result<TenantScope>> {
  return booksReadScope(ctx, buildingId)
}

async function buildingScope(ctx: ClosingContext, buildingId: string): Promise<Result<TenantScope>> {
  const scoped = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(buildingId),
  )
  if (!scoped.ok) return scoped
  return (await ctx.repos.property.buildings.findById(scoped.value, buildingId))
    ? scoped
    : err(DomainErrors.notFound('Building'))
}

type YearBounds = {
  readonly year: number
  readonly from: string
  readonly to: string
  readonly startMonth: number
}

async function yearBounds(
  repos: ClosingRepos,
  scope: TenantScope,
  buildingId: string,
  year: number,
): Promise<YearBounds> {
  const startMonth = await repos.ledger.entries.fiscalYearStartMonth(scope, buildingId)
  return { year, startMonth, ...fiscalYearBounds(year, startMonth) }
}

/**
 * The year's charges, as the books date them (ADR 0042): the expenses dated in the year that are
 * still charged at its end, plus — negated, by their frozen split — the expenses of an earlier
 * year whose cancellation or correction is dated in this one. A closed year's expense cancelled
 * later therefore comes back to its owners in the next statements, nothing lost nor counted twice.
 */
async function chargesOfYear(
  repos: ClosingRepos,
  scope: TenantScope,
  buildingId: string,
  y: YearBounds,
): Promise<readonly YearExpense[]> {
  const [expenses, reversed] = await Promise.all([
    repos.closing.yearExpenses(scope, buildingId, y.from, y.to),
    repos.closing.reversedInYear(scope, buildingId, y.from, y.to),
  ])
  return reversed.length === 0 ? expenses : [...expenses, ...reversed.map(reversalOf)]
}

async function computeStatements(
  repos: ClosingRepos,
  scope: TenantScope,
  buildingId: string,
  y: YearBounds,
): Promise<YearStatements> {
  const [expenses, provisions] = await Promise.all([
    chargesOfYear(repos, scope, buildingId, y),
    repos.closing.provisionsCalled(scope, buildingId, y.from, y.to),
  ])
  return yearStatements(expenses, provisions)
}

/** A consenting owner with an address gets the statement by e-mail; everyone else by post. */
function deliveryOf(owner: Owner | undefined): 'email' | 'post' {
  return owner && mayReceiveDocumentsByEmail(owner) ? 'email' : 'post'
}

function nameOf(owner: Owner | undefined): string {
  return owner ? ownerDisplayName(owner) : ''
}

export type ClosedYear = {
  readonly closing: FiscalYearClosing
  readonly statements: readonly OwnerStatementView[]
}

/** POST /buildings/{id}/fiscal-years/{year}/close (syndic, superadmin). */
export async function closeFiscalYear({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string; readonly fiscalYear: number }>): Promise<
  Result<ClosedYear>
> {
  if (!can(ctx.actor, 'finance:manage')) return err(DomainErrors.forbidden())
  const year = checkYear(input.fiscalYear)
  if (!year.ok) return year
  const scope = await buildingScope(ctx, input.buildingId)
  if (!scope.ok) return scope
  const y = await yearBounds(ctx.repos, scope.value, input.buildingId, year.value)
  const today = todayOf(ctx.clock)
  if (today <= y.to) {
    return err(
      DomainErrors.conflict(
        'fiscal_year_not_ended',
        `Fiscal year ${y.year} ends on ${y.to}: it cannot be closed before`,
        {
          fiscal_year: y.year,
          period_to: y.to,
        },
      ),
    )
  }
  return ctx.transaction(async (repos) => {
    if (await repos.closing.findClosing(scope.value, input.buildingId, y.year)) {
      return err(
        DomainErrors.conflict('fiscal_year_already_closed', `Fiscal year ${y.year} is already closed`, {
          fiscal_year: y.year,
        }),
      )
    }
    const figures = await computeStatements(repos, scope.value, input.buildingId, y)
    const owners = new Map(
      (
        await repos.closing.ownersByIds(
          scope.value,
          figures.owners.map((o) => o.ownerId),
        )
      ).map((o) => [o.id, o]),
    )
    const accounts = await computeAccounts(repos, scope.value, input.buildingId, y)
    const now = ctx.clock.now()
    const regularisationDate = fiscalYearBounds(y.year + 1, y.startMonth).from
    const closing: FiscalYearClosing = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: input.buildingId,
      fiscalYear: y.year,
      periodFrom: y.from,
      periodTo: y.to,
      regularisationDate,
      ordinaryChargesCents: figures.ordinaryChargesCents,
      extraordinaryChargesCents: figures.extraordinaryChargesCents,
      provisionsCents: figures.provisionsCents,
      undistributedCents: figures.undistributedCents,
      regularisationNetCents: figures.regularisationNetCents,
      accounts,
      closedBy: ctx.actor.userId,
      closedAt: now,
    }
    const statements: OwnerStatement[] = figures.owners.map((f) => ({
      id: ctx.ids.next(),
      organizationId: closing.organizationId,
      closingId: closing.id,
      buildingId: closing.buildingId,
      fiscalYear: closing.fiscalYear,
      ownerId: f.ownerId,
      chargesByKey: f.chargesByKey,
      chargesCents: f.chargesCents,
      provisionsCents: f.provisionsCents,
      regularisationCents: f.regularisationCents,
      extraordinaryCents: f.extraordinaryCents,
      documentId: null,
      delivery: deliveryOf(owners.get(f.ownerId)),
      emailedAt: null,
    }))
    await repos.closing.insertClosing(scope.value, closing, statements)
    // Each regularisation to pay becomes a due item (no posting: the entry below carries the 410).
    const dueItems = await insertRegularisationCall(repos, scope.value, {
      closingId: closing.id,
      buildingId: closing.buildingId,
      fiscalYear: closing.fiscalYear,
      regularisationDate,
      closeDate: today,
      owners: statements.map((s) => ({
        ownerId: s.ownerId,
        amountCents: s.regularisationCents,
        delivery: s.delivery,
      })),
      issuedBy: ctx.actor.userId,
      now,
      nextId: () => ctx.ids.next(),
    })
    await repos.outbox.enqueue({
      kind: RENDER_STATEMENTS,
      organizationId: closing.organizationId,
      payload: { closingId: closing.id, requestedBy: ctx.actor.userId },
    })
    // The assembly's copy of the accounts, filed as a building document (ADR 0042).
    await repos.outbox.enqueue({
      kind: FILE_ANNUAL_ACCOUNTS,
      organizationId: closing.organizationId,
      payload: { closingId: closing.id, requestedBy: ctx.actor.userId },
    })
    await recordEvent(ctx, repos, 'FiscalYearClosed', closing, closing.id, {
      buildingId: closing.buildingId,
      fiscalYear: closing.fiscalYear,
      regularisationDate,
      ordinaryChargesCents: closing.ordinaryChargesCents,
      provisionsCents: closing.provisionsCents,
      regularisationNetCents: closing.regularisationNetCents,
      regularisations: statements.map((s) => ({ ownerId: s.ownerId, amountCents: s.regularisationCents })),
      regularisationCallId: dueItems?.call.id ?? null,
      regularisationDueDate: dueItems?.call.dueDate ?? null,
    })
    return ok({ closing, statements: await repos.closing.listStatements(scope.value, closing.id) })
  })
}

export type YearStatementsView = {
  readonly buildingId: string
  readonly fiscalYear: number
  readonly periodFrom: string
  readonly periodTo: string
  /** The closing, or null: then the statements are a preview computed now (nothing stored). */
  readonly closing: FiscalYearClosing | null
  readonly totals: Omit<YearStatements, 'owners'>
  readonly statements: readonly (Omit<OwnerStatementView, 'id' | 'closingId' | 'documentId' | 'emailedAt'> & {
    readonly id: string | null
    readonly documentId: string | null
    readonly emailedAt: Date | null
  })[]
}

/** GET /buildings/{id}/fiscal-years/{year}/statements: the stored statements, or a preview of an open year. */
export async function getYearStatements({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string; readonly fiscalYear: number }>): Promise<
  Result<YearStatementsView>
> {
  const year = checkYear(input.fiscalYear)
  if (!year.ok) return year
  const scope = await closingReadScope(ctx, input.buildingId)
  if (!scope.ok) return scope
  const repos = ctx.repos
  const y = await yearBounds(repos, scope.value, input.buildingId, year.value)
  const closing = await repos.closing.findClosing(scope.value, input.buildingId, y.year)
  const figures = await computeStatements(repos, scope.value, input.buildingId, y)
  const { owners: _, ...totals } = figures
  const base = {
    buildingId: input.buildingId,
    fiscalYear: y.year,
    periodFrom: y.from,
    periodTo: y.to,
    totals,
  }
  if (closing) {
    const stored = await repos.closing.listStatements(scope.value, closing.id)
    return ok({ ...base, closing, statements: stored })
  }
  const owners = new Map(
    (
      await repos.closing.ownersByIds(
        scope.value,
        figures.owners.map((o) => o.ownerId),
      )
    ).map((o) => [o.id, o]),
  )
  return ok({
    ...base,
    closing: null,
    statements: figures.owners.map((f) => ({
      ...f,
      id: null,
      organizationId: scope.value.organizationId,
      buildingId: input.buildingId,
      fiscalYear: y.year,
      documentId: null,
      delivery: deliveryOf(owners.get(f.ownerId)),
      emailedAt: null,
      ownerName: nameOf(owners.get(f.ownerId)),
      language: owners.get(f.ownerId)?.preferredLanguage ?? DEFAULT_OWNER_LANGUAGE,
    })),
  })
}

export type AnnualAccountsView = AnnualAccounts & {
  readonly buildingId: string
  readonly fiscalYear: number
  readonly periodFrom: string
  readonly periodTo: string
  readonly closed: boolean
  readonly closedAt: Date | null
}

/** GET /buildings/{id}/fiscal-years/{year}/accounts: the annual accounts for the assembly. */
export async function getAnnualAccounts({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string; readonly fiscalYear: number }>): Promise<
  Result<AnnualAccountsView>
> {
  const year = checkYear(input.fiscalYear)
  if (!year.ok) return year
  const scope = await closingReadScope(ctx, input.buildingId)
  if (!scope.ok) return scope
  const y = await yearBounds(ctx.repos, scope.value, input.buildingId, year.value)
  const closing = await ctx.repos.closing.findClosing(scope.value, input.buildingId, y.year)
  const accounts = closing
    ? closing.accounts
    : await computeAccounts(ctx.repos, scope.value, input.buildingId, y)
  return ok({
    buildingId: input.buildingId,
    fiscalYear: y.year,
    periodFrom: y.from,
    periodTo: y.to,
    closed: closing !== null,
    closedAt: closing?.closedAt ?? null,
    ...accounts,
  })
}

/** The annual accounts of a year from the books, the expenses and the approved budget. */
async function computeAccounts(
  repos: ClosingRepos,
  s: TenantScope,
  buildingId: string,
  y: YearBounds,
): Promise<AnnualAccounts> {
  const [yearTotals, cumulativeTotals, expenses, budget] = await Promise.all([
    repos.ledger.entries.accountTotals(s, buildingId, y.year),
    repos.closing.totalsThrough(s, buildingId, y.year),
    chargesOfYear(repos, s, buildingId, y),
    repos.closing.approvedBudgetByCategory(s, buildingId, y.year),
  ])
  const { chargesByKey } = yearStatements(expenses, [])
  return annualAccounts({ yearTotals, cumulativeTotals, expenses, chargesByKey, budget })
}

/** GET /buildings/{id}/fiscal-years: the closed years. */
export async function listClosings({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string }>): Promise<
  Result<readonly FiscalYearClosing[]>
> {
  const scope = await closingReadScope(ctx, input.buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.closing.listClosings(scope.value, input.buildingId))
}
