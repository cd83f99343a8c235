import type { ActorContext } from '../context.ts'
import type { FinancePorts, OwnerLedgerBalance } from '../finance/index.ts'
import type { CalendarDate, PropertyQueries, TenantScope } from '../property/index.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { StatementFormat } from './statement.ts'

/** unmatched: waiting; matched: an owner payment or a settled expense; batch: a grouped total (its details are matched). */
export const MOVEMENT_STATUSES = ['unmatched', 'matched', 'batch'] as const
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number]

/** How a match was made: the line's communication, the payer's known IBAN and amount, by hand, or a supplier payment. */
export const MATCH_KINDS = ['communication', 'iban', 'manual', 'expense'] as const
export type MatchKind = (typeof MATCH_KINDS)[number]

export type BankStatement = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly bankAccountId: string
  readonly accountPurpose: 'working_capital' | 'reserve'
  readonly iban: string
  readonly format: StatementFormat
  readonly statementNumber: string
  readonly oldBalanceDate: CalendarDate
  readonly newBalanceDate: CalendarDate
  readonly oldBalanceCents: number
  readonly newBalanceCents: number
  /** CODA record 4: the bank's free communication for the statement. */
  readonly freeCommunication: string | null
  readonly importedBy: string | null
  readonly createdAt: Date
}

export type BankMovementMatch = {
  readonly kind: MatchKind
  readonly ownerId: string | null
  readonly paymentId: string | null
  readonly expenseId: string | null
  readonly matchedBy: string | null
  readonly matchedAt: Date
}

export type BankMovement = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly statementId: string
  readonly bankAccountId: string
  /** What makes the movement the same in two files (ADR 0038): bank reference, date, amount, detail — or statement and sequence. */
  readonly identityKey: string
  readonly sequence: number
  readonly detail: number
  readonly valueDate: CalendarDate
  readonly bookingDate: CalendarDate
  readonly amountCents: number
  readonly counterpartyName: string | null
  readonly counterpartyIban: string | null
  readonly structuredCommunication: string | null
  readonly freeText: string | null
  /** From CODA information records: the counterparty's street and locality, and what else the bank added. */
  readonly counterpartyAddress: string | null
  readonly information: string | null
  readonly bankReference: string | null
  readonly status: MovementStatus
  readonly match: BankMovementMatch | null
  readonly createdAt: Date
}

export type MovementFilter = {
  readonly buildingId?: string | undefined
  readonly statementId?: string | undefined
  readonly status?: MovementStatus | undefined
}

export interface BankRepository {
  /** The statement of this account with this number and closing date, if already imported. */
  findStatementByKey(
    scope: TenantScope,
    bankAccountId: string,
    statementNumber: string,
    newBalanceDate: CalendarDate,
  ): Promise<BankStatement | null>
  insertStatement(scope: TenantScope, statement: BankStatement): Promise<void>
  /** Which of these identity keys the account already has (a file imported again, an overlap). */
  existingIdentities(
    scope: TenantScope,
    bankAccountId: string,
    keys: readonly string[],
  ): Promise<ReadonlySet<string>>
  /** Inserts the movements whose (account, identity key) is new; returns the ids inserted. */
  insertMovements(scope: TenantScope, movements: readonly BankMovement[]): Promise<ReadonlySet<string>>
  listStatements(scope: TenantScope, buildingId: string): Promise<readonly BankStatement[]>
  findStatement(scope: TenantScope, id: string): Promise<BankStatement | null>
  listMovements(scope: TenantScope, filter: MovementFilter): Promise<readonly BankMovement[]>
  findMovement(scope: TenantScope, id: string): Promise<BankMovement | null>
  organizationOfMovement(id: string): Promise<string | null>
  organizationOfStatement(id: string): Promise<string | null>
  /** Sets (or clears, null) the movement's match; false when its status was not the expected one (a race). */
  setMatch(
    scope: TenantScope,
    movementId: string,
    match: BankMovementMatch | null,
    expected: MovementStatus,
  ): Promise<boolean>
  /** Remembers many payer IBANs at once. */
  rememberPayers(
    scope: TenantScope,
    buildingId: string,
    pairs: readonly { readonly ownerId: string; readonly iban: string }[],
  ): Promise<void>
  /** The owners of the building a payer IBAN is known for (remembered at earlier matches). */
  ownersOfPayer(scope: TenantScope, buildingId: string, iban: string): Promise<readonly string[]>
  /** Every remembered payer IBAN of the building (one query for a whole import). */
  payers(scope: TenantScope, buildingId: string): Promise<ReadonlyMap<string, readonly string[]>>
  rememberPayer(scope: TenantScope, buildingId: string, ownerId: string, iban: string): Promise<void>
}

export type BankPorts = { readonly movements: BankRepository }

/** What the bank use cases see in a transaction: their bundle and finance's (they post through its use cases). */
export type BankRepos = SharedPorts & {
  readonly bank: BankPorts
  readonly ledger: { readonly entries: OwnerLedgerBalance }
  readonly finance: FinancePorts
  readonly property: PropertyQueries
}
export type BankContext = ActorContext<BankRepos>
