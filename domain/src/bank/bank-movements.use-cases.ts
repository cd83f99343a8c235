import { auditedBuildingsOf, auditsBuilding, booksReadScope, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import type { CallLineWithPaid, Expense } from '../finance/index.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type {
  BankContext,
  BankMovement,
  BankMovementMatch,
  BankRepos,
  BankStatement,
  MovementStatus,
} from './bank.ports.ts'
import { expenseFor, matchAsExpense, matchAsPayment, outstanding, undoMatch } from './match-movement.ts'

/*
 * The reconciliation's reads and a person's decisions (ADR 0038): statements and their movements,
 * suggestions for an unmatched movement (candidate owners and lines with the reason), a manual
 * match and an unmatch (the payment reversed). Staff with finance rights only (owners: 403); the
 * reads also for the account auditor of the building (booksReadScope), who matches nothing.
 */

function buildingScope(ctx: BankContext, buildingId: string): Promise<Result<TenantScope>> {
  return booksReadScope(ctx, buildingId)
}

/** Reads of one statement or movement: staff with finance rights, or an auditor (checked on the row). */
function mayReadBank(ctx: BankContext): boolean {
  return can(ctx.actor, 'finance:write') || auditedBuildingsOf(ctx.actor) !== null
}

export async function listBankStatements({
  ctx,
  input,
}: UseCaseCall<BankContext, { readonly buildingId: string }>): Promise<Result<readonly BankStatement[]>> {
  const scope = await buildingScope(ctx, input.buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.bank.movements.listStatements(scope.value, input.buildingId))
}

export async function getBankStatement({
  ctx,
  input,
}: UseCaseCall<BankContext, { readonly id: string }>): Promise<
  Result<{ readonly statement: BankStatement; readonly movements: readonly BankMovement[] }>
> {
  if (!mayReadBank(ctx)) return err(DomainErrors.forbidden())
  const scope = await scopeForRow(ctx.actor, 'BankStatement', () =>
    ctx.repos.bank.movements.organizationOfStatement(input.id),
  )
  if (!scope.ok) return scope
  const statement = await ctx.repos.bank.movements.findStatement(scope.value, input.id)
  if (!statement || !readsBuildingOf(ctx, statement.buildingId))
    return err(DomainErrors.notFound('BankStatement'))
  const movements = await ctx.repos.bank.movements.listMovements(scope.value, { statementId: statement.id })
  return ok({ statement, movements })
}

export async function listBankMovements({
  ctx,
  input,
}: UseCaseCall<
  BankContext,
  { readonly buildingId: string; readonly status?: MovementStatus | undefined }
>): Promise<Result<readonly BankMovement[]>> {
  const scope = await buildingScope(ctx, input.buildingId)
  if (!scope.ok) return scope
  return ok(
    await ctx.repos.bank.movements.listMovements(scope.value, {
      buildingId: input.buildingId,
      status: input.status,
    }),
  )
}

export const SUGGESTION_REASONS = [
  'communication',
  'known_payer_iban',
  'amount',
  'supplier_iban',
  'invoice_number',
] as const
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number]

export type MatchSuggestion = {
  readonly reason: SuggestionReason
  readonly ownerId: string | null
  readonly ownerName: string | null
  readonly lineIds: readonly string[]
  readonly expenseId: string | null
  readonly amountCents: number
  readonly label: string
}

const MAX_SUGGESTIONS = 8

/** An auditor reads only rows of the buildings granted to them; staff any row of their scope. */
function readsBuildingOf(ctx: BankContext, buildingId: string): boolean {
  return auditedBuildingsOf(ctx.actor) === null || auditsBuilding(ctx.actor, buildingId)
}

async function movementScope(ctx: BankContext, id: string, right: 'finance:write' | 'read') {
  if (right === 'read' ? !mayReadBank(ctx) : !can(ctx.actor, right)) return err(DomainErrors.forbidden())
  return scopeForRow(ctx.actor, 'BankMovement', () => ctx.repos.bank.movements.organizationOfMovement(id))
}

/** The movement with what it could be: candidate owners and lines (or expenses), each with its reason. */
export async function getBankMovement({
  ctx,
  input,
}: UseCaseCall<BankContext, { readonly id: string }>): Promise<
  Result<{ readonly movement: BankMovement; readonly suggestions: readonly MatchSuggestion[] }>
> {
  const scope = await movementScope(ctx, input.id, 'read')
  if (!scope.ok) return scope
  const movement = await ctx.repos.bank.movements.findMovement(scope.value, input.id)
  if (!movement || !readsBuildingOf(ctx, movement.buildingId))
    return err(DomainErrors.notFound('BankMovement'))
  if (movement.status !== 'unmatched') return ok({ movement, suggestions: [] })
  return ok({ movement, suggestions: await suggest(ctx.repos, scope.value, movement) })
}

async function suggest(
  repos: BankRepos,
  scope: TenantScope,
  movement: BankMovement,
): Promise<MatchSuggestion[]> {
  if (movement.amountCents < 0) {
    const expenses = (await repos.finance.expenses.listChargeable(scope, [movement.buildingId], {})).filter(
      (e) => e.status === 'approved' && e.paymentStatus !== 'Paid',
    )
    const best = expenseFor(movement, expenses)
    const sameAmount = expenses.filter((e) => e.amountCents === -movement.amountCents && e !== best)
    return [...(best ? [best] : []), ...sameAmount].slice(0, MAX_SUGGESTIONS).map((e: Expense) => ({
      reason:
        best === e
          ? e.supplierIban === movement.counterpartyIban
            ? 'supplier_iban'
            : 'invoice_number'
          : 'amount',
      ownerId: null,
      ownerName: null,
      lineIds: [],
      expenseId: e.id,
      amountCents: e.amountCents,
      label: `${e.supplier ?? ''} ${e.invoiceNumber ?? ''} ${e.description}`.trim(),
    }))
  }
  const found: { reason: SuggestionReason; ownerId: string; lines: CallLineWithPaid[] }[] = []
  if (movement.structuredCommunication) {
    const line = await repos.finance.calls.lineByCommunication(
      scope,
      movement.buildingId,
      movement.structuredCommunication,
    )
    if (line) {
      const lines = await repos.finance.calls.ownerLines(scope, line.ownerId, movement.buildingId)
      found.push({
        reason: 'communication',
        ownerId: line.ownerId,
        lines: lines.filter((l) => l.id === line.id),
      })
    }
  }
  if (movement.counterpartyIban) {
    for (const ownerId of await repos.bank.movements.ownersOfPayer(
      scope,
      movement.buildingId,
      movement.counterpartyIban,
    )) {
      const lines = await repos.finance.calls.ownerLines(scope, ownerId, movement.buildingId)
      found.push({ reason: 'known_payer_iban', ownerId, lines: lines.filter((l) => outstanding(l) > 0) })
    }
  }
  // Open lines owing exactly the amount, whoever owes them.
  for (const call of await repos.finance.calls.listCalls(scope, movement.buildingId)) {
    for (const line of await repos.finance.calls.listLines(scope, call.id)) {
      if (
        outstanding(line) === movement.amountCents &&
        !found.some((f) => f.lines.some((l) => l.id === line.id))
      ) {
        found.push({ reason: 'amount', ownerId: line.ownerId, lines: [line] })
      }
    }
    if (found.length >= MAX_SUGGESTIONS) break
  }
  const kept = found.slice(0, MAX_SUGGESTIONS)
  const owners = await repos.finance.calls.ownersByIds(scope, [...new Set(kept.map((f) => f.ownerId))])
  return kept.map((f) => {
    const owner = owners.find((o) => o.id === f.ownerId)
    return {
      reason: f.reason,
      ownerId: f.ownerId,
      ownerName: owner ? `${owner.firstName} ${owner.lastName}`.trim() : null,
      lineIds: f.lines.map((l) => l.id),
      expenseId: null,
      amountCents: f.lines.reduce((s, l) => s + outstanding(l), 0),
      label: f.lines.map((l) => `${l.label} (${l.unitNumber})`).join(', '),
    }
  })
}

export type ManualMatchInput = {
  readonly id: string
  /** A credit: whose payment, and optionally which lines first (the rest as usual, then a credit). */
  readonly ownerId?: string | undefined
  readonly lineIds?: readonly string[] | undefined
  /** A debit: the approved expense it paid. */
  readonly expenseId?: string | undefined
}

/** POST /bank-movements/{id}/match: a person's match, posted like an automatic one. */
export async function matchBankMovement({
  ctx,
  input,
}: UseCaseCall<BankContext, ManualMatchInput>): Promise<Result<BankMovement>> {
  const scope = await movementScope(ctx, input.id, 'finance:write')
  if (!scope.ok) return scope
  return ctx.transaction(async (tx) => {
    const movement = await tx.bank.movements.findMovement(scope.value, input.id)
    if (!movement) return err(DomainErrors.notFound('BankMovement'))
    if (movement.status !== 'unmatched') {
      return err(
        DomainErrors.conflict('bank_movement_already_matched', 'This bank movement is already matched'),
      )
    }
    let match: Result<BankMovementMatch>
    if (movement.amountCents < 0) {
      if (!input.expenseId)
        return err(DomainErrors.invalidField('expense_id', 'is required for an outgoing movement'))
      const expense = await tx.finance.expenses.findById(scope.value, input.expenseId)
      if (!expense || expense.buildingId !== movement.buildingId) return err(DomainErrors.notFound('Expense'))
      match = await matchAsExpense(ctx, tx, scope.value, movement, expense, 'manual')
    } else {
      if (!input.ownerId)
        return err(DomainErrors.invalidField('owner_id', 'is required for an incoming movement'))
      match = await matchAsPayment(ctx, tx, scope.value, movement, {
        ownerId: input.ownerId,
        lineIds: input.lineIds,
        kind: 'manual',
      })
    }
    if (!match.ok) return match
    await recordEvent(ctx, tx, 'BankMovementMatched', movement, movement.id, {
      buildingId: movement.buildingId,
      amountCents: movement.amountCents,
      kind: match.value.kind,
      ownerId: match.value.ownerId,
      paymentId: match.value.paymentId,
      expenseId: match.value.expenseId,
    })
    const updated = await tx.bank.movements.findMovement(scope.value, movement.id)
    return updated ? ok(updated) : err(DomainErrors.notFound('BankMovement'))
  })
}

/** DELETE /bank-movements/{id}/match: the payment reversed (entry reversed, allocations removed), the movement unmatched again. */
export async function unmatchBankMovement({
  ctx,
  input,
}: UseCaseCall<BankContext, { readonly id: string }>): Promise<Result<BankMovement>> {
  const scope = await movementScope(ctx, input.id, 'finance:write')
  if (!scope.ok) return scope
  return ctx.transaction(async (tx) => {
    const movement = await tx.bank.movements.findMovement(scope.value, input.id)
    if (!movement) return err(DomainErrors.notFound('BankMovement'))
    const undone = await undoMatch(ctx, tx, scope.value, movement)
    if (!undone.ok) return undone
    await recordEvent(ctx, tx, 'BankMovementUnmatched', movement, movement.id, {
      buildingId: movement.buildingId,
      amountCents: movement.amountCents,
      kind: undone.value.kind,
      ownerId: undone.value.ownerId,
      paymentId: undone.value.paymentId,
    })
    const updated = await tx.bank.movements.findMovement(scope.value, movement.id)
    return updated ? ok(updated) : err(DomainErrors.notFound('BankMovement'))
  })
}
