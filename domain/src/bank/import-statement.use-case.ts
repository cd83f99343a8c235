import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import {
  CALL_LIMITS,
  type Expense,
  PaymentBook,
  type PlannedPayment,
  recordPaymentsBatch,
} from '../finance/index.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type {
  BankContext,
  BankMovement,
  BankMovementMatch,
  BankRepos,
  BankStatement,
  MatchKind,
} from './bank.ports.ts'
import { expenseFor, linesForAmount, nested, settleExpense } from './match-movement.ts'
import {
  compactAccount,
  fileRefused,
  type ParsedMovement,
  type ParsedStatement,
  statementIssue,
} from './statement.ts'

export type ImportStatementsInput = {
  readonly buildingId: string
  /**
   * Reads and validates the file (CODA or camt.053, ./coda.ts, ./camt053.ts); called only once
   * the caller may import into this building, so another tenant's building is a 404 before the
   * body is read.
   */
  readonly statements: () => Promise<Result<readonly ParsedStatement[]>>
}

export type ImportedStatement = {
  readonly statement: BankStatement
  /** False when the statement was imported before (its new movements, if any, are added to it). */
  readonly created: boolean
  readonly movementsCreated: number
  readonly movementsAlreadyImported: number
}

export type ImportResult = {
  readonly statements: readonly ImportedStatement[]
  readonly matched: Readonly<Record<MatchKind, number>>
  readonly unmatched: number
}

/**
 * The identity of a movement across files (ADR 0038): the bank's reference with the booking date,
 * the amount and the detail number when the bank gives a reference (the same movement in an
 * overlapping statement or in the other format), else the statement number and sequence.
 */
export function movementIdentity(statement: ParsedStatement, m: ParsedMovement): string {
  return m.bankReference
    ? `ref:${m.bankReference}|${m.bookingDate}|${m.amountCents}|${m.detail}`
    : `seq:${statement.newBalanceDate.slice(0, 4)}/${statement.statementNumber}/${m.sequence}/${m.detail}`
}

/** What the automatic pass keeps across the statements of one file. */
type MatchState = {
  readonly book: PaymentBook
  /** Payer IBAN → owners it was seen for (remembered at earlier matches, and in this file). */
  readonly payers: Map<string, string[]>
  /** Approved, unpaid expenses of the building not yet settled in this file. */
  readonly expenses: Expense[]
  readonly newPayers: { ownerId: string; iban: string }[]
  readonly matched: Record<MatchKind, number>
  unmatched: number
}

/**
 * POST /buildings/{id}/bank-statements: the statements of one file into the building's bank
 * accounts (working capital or reserve, found by IBAN), idempotently: a statement already there
 * and movements already imported (same identity) are not created twice. New movements are matched
 * in the same transaction before they are stored (so each row is written once, already matched):
 * credits by structured communication (the exact line), else by the payer's remembered IBAN when
 * it names one owner and the amount fits their open lines — planned on a PaymentBook and recorded
 * at once through finance's recordPaymentsBatch; debits by an approved expense's supplier IBAN
 * (or invoice number) and amount, through markExpensePaid. Anything else waits for a person.
 * A statement of an account that is not the building's refuses the whole file.
 */
export async function importStatements({
  ctx,
  input,
}: UseCaseCall<BankContext, ImportStatementsInput>): Promise<Result<ImportResult>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scope.ok) return scope
  if (!(await ctx.repos.property.buildings.findById(scope.value, input.buildingId))) {
    return err(DomainErrors.notFound('Building'))
  }
  const read = await input.statements()
  if (!read.ok) return read
  const parsedStatements = read.value
  return ctx.transaction(async (tx) => {
    const building = await tx.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const accounts = await tx.finance.calls.listBankAccounts(scope.value, building.id)
    const issues: FieldIssue[] = []
    const targets = parsedStatements.map((s) => {
      const account = accounts.find((a) => compactAccount(a.iban) === s.iban)
      if (!account) {
        issues.push(statementIssue(s.location, 'bankAccountUnknown', { iban: s.iban }))
      }
      return { parsed: s, account }
    })
    if (issues.length > 0) return fileRefused(issues)
    const state = await matchState(tx, scope.value, building.id, parsedStatements)
    const imported: ImportedStatement[] = []
    for (const { parsed, account } of targets) {
      if (!account) continue
      const existing = await tx.bank.movements.findStatementByKey(
        scope.value,
        account.id,
        parsed.statementNumber,
        parsed.newBalanceDate,
      )
      const statement: BankStatement = existing ?? {
        id: ctx.ids.next(),
        organizationId: scope.value.organizationId,
        buildingId: building.id,
        bankAccountId: account.id,
        accountPurpose: account.purpose,
        iban: parsed.iban,
        format: parsed.format,
        statementNumber: parsed.statementNumber,
        oldBalanceDate: parsed.oldBalanceDate,
        newBalanceDate: parsed.newBalanceDate,
        oldBalanceCents: parsed.oldBalanceCents,
        newBalanceCents: parsed.newBalanceCents,
        freeCommunication: parsed.freeCommunication,
        importedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      }
      if (!existing) await tx.bank.movements.insertStatement(scope.value, statement)
      const rows = parsed.movements.map((m) => toMovement(ctx, scope.value, statement, parsed, m))
      const known = await tx.bank.movements.existingIdentities(
        scope.value,
        account.id,
        rows.map((r) => r.identityKey),
      )
      // New identities only, each once (a file may repeat a movement).
      const seen = new Set(known)
      const fresh = rows.filter((r) => !seen.has(r.identityKey) && seen.add(r.identityKey))
      const matched = await matchRows(ctx, tx, scope.value, statement, fresh, state)
      if (!matched.ok) return matched
      const inserted = await tx.bank.movements.insertMovements(scope.value, matched.value)
      if (inserted.size !== fresh.length) {
        // Another import of the same movements committed meanwhile: roll back, retry later.
        return err(
          DomainErrors.conflict(
            'bank_import_concurrent',
            'Another import of these movements is under way: try again in a moment',
          ),
        )
      }
      imported.push({
        statement,
        created: !existing,
        movementsCreated: fresh.length,
        movementsAlreadyImported: rows.length - fresh.length,
      })
      if (!existing || fresh.length > 0) {
        await recordEvent(ctx, tx, 'BankStatementImported', statement, statement.id, {
          buildingId: building.id,
          account: account.purpose,
          format: parsed.format,
          statementNumber: parsed.statementNumber,
          movementsCreated: fresh.length,
          movementsAlreadyImported: rows.length - fresh.length,
        })
      }
    }
    await tx.bank.movements.rememberPayers(scope.value, building.id, state.newPayers)
    return ok({ statements: imported, matched: state.matched, unmatched: state.unmatched })
  })
}

function toMovement(
  ctx: BankContext,
  scope: TenantScope,
  statement: BankStatement,
  parsed: ParsedStatement,
  m: ParsedMovement,
): BankMovement {
  return {
    id: ctx.ids.next(),
    organizationId: scope.organizationId,
    buildingId: statement.buildingId,
    statementId: statement.id,
    bankAccountId: statement.bankAccountId,
    identityKey: movementIdentity(parsed, m),
    sequence: m.sequence,
    detail: m.detail,
    valueDate: m.valueDate,
    bookingDate: m.bookingDate,
    amountCents: m.amountCents,
    counterpartyName: m.counterpartyName,
    counterpartyIban: m.counterpartyIban,
    structuredCommunication: m.structuredCommunication,
    freeText: m.freeText,
    counterpartyAddress: m.counterpartyAddress,
    information: m.information,
    bankReference: m.bankReference,
    status: m.batch ? 'batch' : 'unmatched',
    match: null,
    createdAt: ctx.clock.now(),
  }
}

/** One read each of the building's lines, payer IBANs and (when the file pays out) unpaid expenses. */
async function matchState(
  tx: BankRepos,
  scope: TenantScope,
  buildingId: string,
  statements: readonly ParsedStatement[],
): Promise<MatchState> {
  const movements = statements.flatMap((s) => s.movements)
  const payers = await tx.bank.movements.payers(scope, buildingId)
  return {
    book: new PaymentBook(
      movements.some((m) => m.amountCents > 0) ? await tx.finance.calls.buildingLines(scope, buildingId) : [],
    ),
    payers: new Map([...payers].map(([iban, owners]) => [iban, [...owners]])),
    expenses: movements.some((m) => m.amountCents < 0)
      ? (await tx.finance.expenses.listChargeable(scope, [buildingId], {})).filter(
          (e) => e.status === 'approved' && e.paymentStatus !== 'Paid' && e.amountCents > 0,
        )
      : [],
    newPayers: [],
    matched: { communication: 0, iban: 0, manual: 0, expense: 0 },
    unmatched: 0,
  }
}

/** Whose payment a credit evidently is, and which lines it names; null: a person decides. */
function planCredit(
  state: MatchState,
  movement: BankMovement,
): { kind: MatchKind; ownerId: string; named: string | null; lineIds: readonly string[] } | null {
  const line = movement.structuredCommunication
    ? state.book.lineByCommunication(movement.structuredCommunication)
    : undefined
  if (line) return { kind: 'communication', ownerId: line.ownerId, named: line.communication, lineIds: [] }
  const owners = movement.counterpartyIban ? (state.payers.get(movement.counterpartyIban) ?? []) : []
  const [ownerId] = owners
  if (owners.length !== 1 || !ownerId) return null
  const lineIds = linesForAmount(state.book.ownerLines(ownerId), movement.amountCents)
  return lineIds ? { kind: 'iban', ownerId, named: null, lineIds } : null
}

/** The statement's new movements with their matches (payments recorded, expenses settled). */
async function matchRows(
  ctx: BankContext,
  tx: BankRepos,
  scope: TenantScope,
  statement: BankStatement,
  rows: readonly BankMovement[],
  state: MatchState,
): Promise<Result<BankMovement[]>> {
  const planned: PlannedPayment[] = []
  const kinds = new Map<string, { kind: MatchKind; ownerId: string }>()
  const out = new Map<string, BankMovement>(rows.map((r) => [r.id, r]))
  const at = ctx.clock.now()
  for (const movement of rows) {
    if (movement.status !== 'unmatched') continue
    if (movement.amountCents < 0) {
      const expense = expenseFor(movement, state.expenses)
      if (!expense) {
        state.unmatched++
        continue
      }
      const paid = await settleExpense(ctx, tx, movement, expense)
      if (!paid.ok) return paid
      state.expenses.splice(state.expenses.indexOf(expense), 1)
      state.matched.expense++
      out.set(
        movement.id,
        matchedRow(movement, {
          kind: 'expense',
          ownerId: null,
          paymentId: null,
          expenseId: expense.id,
          matchedBy: ctx.actor.userId,
          matchedAt: at,
        }),
      )
      continue
    }
    const plan = planCredit(state, movement)
    if (!plan) {
      state.unmatched++
      continue
    }
    planned.push({
      key: movement.id,
      ownerId: plan.ownerId,
      amountCents: movement.amountCents,
      paymentDate: movement.bookingDate,
      communication: movement.structuredCommunication,
      payer: movement.counterpartyName?.slice(0, CALL_LIMITS.payer) ?? null,
      allocation: state.book.allocate(plan.ownerId, movement.amountCents, plan.named, plan.lineIds),
    })
    kinds.set(movement.id, { kind: plan.kind, ownerId: plan.ownerId })
    state.matched[plan.kind]++
    if (movement.counterpartyIban) {
      const known = state.payers.get(movement.counterpartyIban) ?? []
      if (!known.includes(plan.ownerId)) {
        state.payers.set(movement.counterpartyIban, [...known, plan.ownerId])
        state.newPayers.push({ ownerId: plan.ownerId, iban: movement.counterpartyIban })
      }
    }
  }
  const recorded = await recordPaymentsBatch({
    ctx: nested(ctx, tx),
    input: {
      scope,
      buildingId: statement.buildingId,
      account: statement.accountPurpose,
      source: { kind: 'bank_statement', id: statement.id },
      payments: planned,
    },
  })
  if (!recorded.ok) return recorded
  for (const [movementId, payment] of recorded.value) {
    const how = kinds.get(movementId)
    const row = out.get(movementId)
    if (!how || !row) continue
    out.set(
      movementId,
      matchedRow(row, {
        kind: how.kind,
        ownerId: how.ownerId,
        paymentId: payment.id,
        expenseId: null,
        matchedBy: ctx.actor.userId,
        matchedAt: at,
      }),
    )
  }
  return ok([...out.values()])
}

function matchedRow(row: BankMovement, match: BankMovementMatch): BankMovement {
  return { ...row, status: 'matched', match }
}
