import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { BankContext, BankMovement, BankRepos, BankStatement, MatchKind } from './bank.ports.ts'
import { type AutoMatchState, autoMatch } from './match-movement.ts'
import { compactAccount, fileRefused, type ParsedMovement, type ParsedStatement } from './statement.ts'

export type ImportStatementsInput = {
  readonly buildingId: string
  /** The file already read and validated (CODA or camt.053, ./coda.ts, ./camt053.ts). */
  readonly statements: readonly ParsedStatement[]
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

/**
 * POST /buildings/{id}/bank-statements: the statements of one file into the building's bank
 * accounts (working capital or reserve, found by IBAN), idempotently: a statement already there
 * and movements already imported (same identity) are not created twice. New movements are
 * matched in the same transaction (match-movement.ts). A statement of an account that is not the
 * building's refuses the whole file.
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
  return ctx.transaction(async (tx) => {
    const building = await tx.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const accounts = await tx.finance.calls.listBankAccounts(scope.value, building.id)
    const issues: FieldIssue[] = []
    const targets = input.statements.map((s) => {
      const account = accounts.find((a) => compactAccount(a.iban) === s.iban)
      if (!account) {
        issues.push({
          path: s.location,
          message: `account ${s.iban} is not a bank account of this building (set it under bank accounts first)`,
        })
      }
      return { parsed: s, account }
    })
    if (issues.length > 0) return fileRefused(issues)
    const imported: ImportedStatement[] = []
    const fresh: BankMovement[] = []
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
        importedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      }
      if (!existing) await tx.bank.movements.insertStatement(scope.value, statement)
      const rows = parsed.movements.map((m) => toMovement(ctx, scope.value, statement, parsed, m))
      const inserted = await tx.bank.movements.insertMovements(scope.value, rows)
      const created = rows.filter((r) => inserted.has(r.id))
      fresh.push(...created)
      imported.push({
        statement,
        created: !existing,
        movementsCreated: created.length,
        movementsAlreadyImported: rows.length - created.length,
      })
      if (!existing || created.length > 0) {
        await recordEvent(ctx, tx, 'BankStatementImported', statement, statement.id, {
          buildingId: building.id,
          account: account.purpose,
          format: parsed.format,
          statementNumber: parsed.statementNumber,
          movementsCreated: created.length,
          movementsAlreadyImported: rows.length - created.length,
        })
      }
    }
    const matched = await matchNew(ctx, tx, scope.value, building.id, fresh)
    if (!matched.ok) return matched
    return ok({ statements: imported, ...matched.value })
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
    bankReference: m.bankReference,
    status: m.batch ? 'batch' : 'unmatched',
    match: null,
    createdAt: ctx.clock.now(),
  }
}

async function matchNew(
  ctx: BankContext,
  tx: BankRepos,
  scope: TenantScope,
  buildingId: string,
  movements: readonly BankMovement[],
): Promise<Result<Omit<ImportResult, 'statements'>>> {
  const matched: Record<MatchKind, number> = { communication: 0, iban: 0, manual: 0, expense: 0 }
  let unmatched = 0
  const candidates = movements.filter((m) => m.status === 'unmatched')
  if (candidates.length === 0) return ok({ matched, unmatched })
  const payers = await tx.bank.movements.payers(scope, buildingId)
  const hasDebits = candidates.some((m) => m.amountCents < 0)
  const expenses = hasDebits
    ? (await tx.finance.expenses.listChargeable(scope, [buildingId], {})).filter(
        (e) => e.status === 'approved' && e.paymentStatus !== 'Paid' && e.amountCents > 0,
      )
    : []
  const state: AutoMatchState = {
    payers: new Map([...payers].map(([iban, owners]) => [iban, [...owners]])),
    expenses,
  }
  for (const movement of candidates) {
    const kind = await autoMatch(ctx, tx, scope, movement, state)
    if (!kind.ok) return kind
    if (kind.value) matched[kind.value]++
    else unmatched++
  }
  return ok({ matched, unmatched })
}
