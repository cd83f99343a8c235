import type { Repositories } from '@koprogo/domain'
import type { Database } from '../client.ts'
import { auditRepository } from './audit.repository.ts'
import { documentRepository } from './documents.repository.ts'
import { chargeBasisReader, expenseRepository, ownerChargesReader } from './finance.repository.ts'
import { meetingRepository } from './governance.repository.ts'
import { jobQueue } from './jobs.repository.ts'
import { organizationRepository } from './organization.repository.ts'
import { outboxRepository } from './outbox.repository.ts'
import { passwordLinkRepository } from './password-link.repository.ts'
import {
  buildingRepository,
  ownerRepository,
  unitOwnershipRepository,
  unitRepository,
} from './property.repository.ts'
import { loginAttemptStore, refreshTokenRepository } from './session.repository.ts'
import { statsRepository } from './stats.repository.ts'
import { userRepository } from './user.repository.ts'

/** Binds every repository to one database handle (the pool, or a transaction). */
export function bindRepositories(db: Database): Repositories {
  return {
    users: userRepository(db),
    organizations: organizationRepository(db),
    refreshTokens: refreshTokenRepository(db),
    loginAttempts: loginAttemptStore(db),
    audit: auditRepository(db),
    buildings: buildingRepository(db),
    units: unitRepository(db),
    owners: ownerRepository(db),
    unitOwnerships: unitOwnershipRepository(db),
    expenses: expenseRepository(db),
    chargeBasis: chargeBasisReader(db),
    ownerCharges: ownerChargesReader(db),
    meetings: meetingRepository(db),
    documents: documentRepository(db),
    stats: statsRepository(db),
    outbox: outboxRepository(db),
    passwordLinks: passwordLinkRepository(db),
    jobs: jobQueue(db),
  }
}
