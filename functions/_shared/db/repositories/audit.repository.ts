import type { AuditLog } from '@koprogo/domain'
import type { Database } from '../client.ts'
import { auditLog } from '../schema/index.ts'

export function auditRepository(db: Database): AuditLog {
  return {
    async record(entry) {
      await db.insert(auditLog).values({ ...entry, details: entry.details ?? null })
    },
  }
}
