import type { Repositories } from '@koprogo/domain'
import type { Database } from '../client.ts'
import { auditRepository } from './audit.repository.ts'
import { organizationRepository } from './organization.repository.ts'
import { loginAttemptStore, refreshTokenRepository } from './session.repository.ts'
import { userRepository } from './user.repository.ts'

/** Binds every repository to one database handle (the pool, or a transaction). */
export function bindRepositories(db: Database): Repositories {
  return {
    users: userRepository(db),
    organizations: organizationRepository(db),
    refreshTokens: refreshTokenRepository(db),
    loginAttempts: loginAttemptStore(db),
    audit: auditRepository(db),
  }
}
