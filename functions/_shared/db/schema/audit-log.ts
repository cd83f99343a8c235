import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns.ts'

/**
 * Append-only (a trigger in the migrations refuses UPDATE and DELETE). No foreign keys on
 * purpose: the trail outlives the rows it describes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id'),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    requestId: text('request_id').notNull(),
    details: jsonb('details'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('audit_log_org_time_idx').on(t.organizationId, t.createdAt)],
)
