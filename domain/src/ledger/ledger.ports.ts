import type { ActorContext } from '../context.ts'
import type { PropertyQueries, TenantScope } from '../property/index.ts'
import type { Page } from '../shared/ports.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { AccountCode } from './accounts.ts'
import type { BalancedEntry, Entry, EntryLine, EntrySource } from './entry.ts'
import type { Journal } from './journals.ts'
import type { ChargeTotalsReader } from './pcn-report.ts'
import type { AccountTotals } from './trial-balance.ts'

/** One line of an account's ledger (grand livre / grootboek), with its entry's header. */
export type AccountLedgerLine = EntryLine & {
  readonly entryId: string
  readonly date: string
  readonly journal: Journal
  readonly label: string
  readonly reversesEntryId: string | null
}

export type EntryFilter = {
  readonly fiscalYear?: number | undefined
  readonly journal?: Journal | undefined
}

/**
 * The books of every association of a tenant. Append-only: there is no update or delete (the
 * tables refuse them too); a correction is a new, reversing entry.
 */
export interface LedgerRepository {
  /** Stores a balanced entry and its lines; returns it with its id. */
  insert(scope: TenantScope, entry: BalancedEntry): Promise<Entry>
  /** Every entry of a source document (its postings and their reversals), oldest first. */
  findBySource(scope: TenantScope, buildingId: string, source: EntrySource): Promise<readonly Entry[]>
  /** The month the building's fiscal year starts (1 = calendar year, the default). */
  fiscalYearStartMonth(scope: TenantScope, buildingId: string): Promise<number>
  /** Writes the building's start month (inserts its settings row when it has none). */
  setFiscalYearStartMonth(scope: TenantScope, buildingId: string, month: number): Promise<void>
  /** How many posted entries would fall in another fiscal year if the year started in `month`. */
  entriesMovedBy(scope: TenantScope, buildingId: string, month: number): Promise<number>
  /** Debit and credit totals per account of one building's fiscal year. */
  accountTotals(scope: TenantScope, buildingId: string, fiscalYear: number): Promise<readonly AccountTotals[]>
  /** One account's lines in a fiscal year, by date then entry. */
  accountLines(
    scope: TenantScope,
    buildingId: string,
    fiscalYear: number,
    account: AccountCode,
  ): Promise<readonly AccountLedgerLine[]>
  /** A page of entries, newest first (date, then id). */
  listEntries(
    scope: TenantScope,
    buildingId: string,
    filter: EntryFilter,
    page: { readonly page: number; readonly perPage: number },
  ): Promise<Page<Entry>>
  /**
   * An owner's balance on 410 in a building, all years (debit − credit: what they owe, negative
   * when in credit). The owner account of calls-for-funds reads it, so the books and the owner's
   * account cannot disagree.
   */
  ownerBalance(scope: TenantScope, buildingId: string, ownerId: string): Promise<number>
}

/** The ledger context's own ports (its bundle). */
export type LedgerPorts = {
  readonly entries: LedgerRepository
  readonly charges: ChargeTotalsReader
}

/** What other contexts may read of the books, through ledger/index.ts. */
export type LedgerQueries = {
  readonly entries: Pick<LedgerRepository, 'ownerBalance' | 'findBySource' | 'fiscalYearStartMonth'>
}

export type LedgerRepos = SharedPorts & {
  readonly ledger: LedgerPorts
  readonly property: PropertyQueries
}
export type LedgerContext = ActorContext<LedgerRepos>
