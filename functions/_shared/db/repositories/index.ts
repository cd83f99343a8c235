import { ledgerPostings, type Repositories } from '@koprogo/domain'
import type { Database } from '../client.ts'
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

/** Binds every context's ports bundle to one database handle (the pool, or a transaction). */
export function bindRepositories(db: Database): Repositories {
  const ledgerEntries = ledgerRepository(db)
  const closing = closingRepository(db)
  return {
    identity: {
      users: userRepository(db),
      organizations: organizationRepository(db),
      refreshTokens: refreshTokenRepository(db),
      loginAttempts: loginAttemptStore(db),
      passwordLinks: passwordLinkRepository(db),
    },
    property: {
      buildings: buildingRepository(db),
      units: unitRepository(db),
      owners: ownerRepository(db),
      unitOwnerships: unitOwnershipRepository(db),
      quoteParts: quotePartsReader(db),
    },
    finance: {
      expenses: expenseRepository(db),
      ownerCharges: ownerChargesReader(db),
      budget: budgetRepositories(db),
      calls: callsRepository(db),
      ownerAccount: ownerAccountReader(db),
      arrears: arrearsRepository(db),
      etatDates: etatDateRepository(db),
      suppliers: supplierRepository(db),
      einvoiceImports: eInvoiceImportRepository(db),
    },
    ledger: { entries: ledgerEntries, charges: chargeTotalsReader(db) },
    closing,
    governance: {
      meetings: meetingRepository(db),
      assembly: assemblyRepositories(db),
      convocation: convocationRepositories(db),
    },
    documents: { documents: documentRepository(db) },
    stats: {
      stats: statsRepository(db),
      expenseTotals: expenseStatsReader(db),
      directory: directorySearchReader(db),
    },
    audit: auditRepository(db),
    outbox: outboxRepository(db),
    // Money events post their entries on this same handle: in the use case's transaction.
    postings: ledgerPostings(ledgerEntries, closing),
    platform: { jobs: jobQueue(db) },
    bank: { movements: bankRepository(db) },
  }
}
