import { ledgerPostings, type Repositories } from '@koprogo/domain'
import type { Database } from '../client.ts'
import { isBatched } from '../write-batch.ts'
import { arrearsRepository } from './arrears.repository.ts'
import { assemblyRepositories } from './assembly.repository.ts'
import { auditRepository } from './audit.repository.ts'
import { bankRepository } from './bank.repository.ts'
import { budgetRepositories } from './budget.repository.ts'
import { callsRepository } from './calls.repository.ts'
import { closingRepository } from './closing.repository.ts'
import { convocationRepositories } from './convocation.repository.ts'
import { documentRepository } from './documents.repository.ts'
import { eInvoiceImportRepository } from './einvoice-imports.repository.ts'
import { etatDateRepository } from './etat-date.repository.ts'
import { expenseStatsReader } from './expense-stats.repository.ts'
import { expenseRepository, ownerChargesReader } from './finance.repository.ts'
import { meetingRepository } from './governance.repository.ts'
import { jobQueue } from './jobs.repository.ts'
import { ledgerRepository } from './ledger.repository.ts'
import { organizationRepository } from './organization.repository.ts'
import { outboxRepository } from './outbox.repository.ts'
import { ownerAccountReader } from './owner-account.reader.ts'
import { passwordLinkRepository } from './password-link.repository.ts'
import { chargeTotalsReader } from './pcn.repository.ts'
import {
  buildingRepository,
  ownerRepository,
  unitOwnershipRepository,
  unitRepository,
} from './property.repository.ts'
import { quotePartsReader } from './quote-parts.repository.ts'
import { directorySearchReader } from './search.repository.ts'
import { loginAttemptStore, refreshTokenRepository } from './session.repository.ts'
import { statsRepository } from './stats.repository.ts'
import { supplierRepository } from './suppliers.repository.ts'
import { userRepository } from './user.repository.ts'

/**
 * Binds every context's ports bundle to one database handle (the pool, or a transaction). Each
 * bundle is built on first use and kept: a request touches one or two of the thirteen, and
 * building all of them (≈ 40 repositories, hundreds of closures) twice per request — the
 * context's and the transaction's — showed in the API's profile (docs/performance.md, session 7).
 */
export function bindRepositories(db: Database): Repositories {
  let ledgerEntries: ReturnType<typeof ledgerRepository> | undefined
  const entries = () => {
    ledgerEntries ??= ledgerRepository(db)
    return ledgerEntries
  }
  return lazyBundles<Repositories>({
    identity: () => ({
      users: userRepository(db),
      organizations: organizationRepository(db),
      refreshTokens: refreshTokenRepository(db),
      loginAttempts: loginAttemptStore(db),
      passwordLinks: passwordLinkRepository(db),
    }),
    property: () => ({
      buildings: buildingRepository(db),
      units: unitRepository(db),
      owners: ownerRepository(db),
      unitOwnerships: unitOwnershipRepository(db),
      quoteParts: quotePartsReader(db),
    }),
    finance: () => ({
      expenses: expenseRepository(db),
      ownerCharges: ownerChargesReader(db),
      budget: budgetRepositories(db),
      calls: callsRepository(db),
      ownerAccount: ownerAccountReader(db),
      arrears: arrearsRepository(db),
      etatDates: etatDateRepository(db),
      suppliers: supplierRepository(db),
      einvoiceImports: eInvoiceImportRepository(db),
    }),
    ledger: () => ({ entries: entries(), charges: chargeTotalsReader(db) }),
    closing: () => closingRepository(db),
    governance: () => ({
      meetings: meetingRepository(db),
      assembly: assemblyRepositories(db),
      convocation: convocationRepositories(db),
    }),
    documents: () => ({ documents: documentRepository(db) }),
    stats: () => ({
      stats: statsRepository(db),
      expenseTotals: expenseStatsReader(db),
      directory: directorySearchReader(db),
    }),
    audit: () => auditRepository(db),
    outbox: () => outboxRepository(db),
    // Money events post their entries on this same handle: in the use case's transaction. In a
    // batched unit of work the entry goes in the work's one statement, whose trigger refuses a
    // closed year with the same 409 (migration 0029, ADR 0054): no read of the closings first.
    postings: () => ledgerPostings(entries(), isBatched(db) ? undefined : closingRepository(db)),
    platform: () => ({ jobs: jobQueue(db) }),
    bank: () => ({ movements: bankRepository(db) }),
  })
}

/** An object whose properties are built by their factory on first read, then kept (enumerable). */
function lazyBundles<T extends object>(factories: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T
  for (const key of Object.keys(factories) as (keyof T)[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = factories[key]()
        Object.defineProperty(out, key, { value, enumerable: true, writable: false })
        return value
      },
    })
  }
  return out
}
