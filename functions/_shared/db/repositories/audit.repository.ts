import type { AuditLog } from '@koprogo/domain'
import type { Database } from '../client.ts'
import { auditLog } from '../schema/index.ts'
import { deferInsert } from '../write-batch.ts'

export function auditRepository(db: Database): AuditLog {
  return {
    async record(entry) {
      // Nobody reads the audit row back in its unit of work: it rides with the batch (ADR 0047).
      await deferInsert(db, auditLog, { ...entry, details: entry.details ?? null })
    },
  }
}
