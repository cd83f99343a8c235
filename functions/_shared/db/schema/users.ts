import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns.ts'
import { organizations } from './organizations.ts'

export const users = pgTable(
  'users',
  {
    id: id(),
    // Stored lower-cased by the domain; unique across the platform because login has no tenant.
    email: text('email').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    role: text('role').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    isActive: boolean('is_active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    // Bumped on password change, role change and (de)activation: access tokens carry the epoch
    // they were issued under and refresh tokens store it, so every older session stops at once.
    sessionEpoch: integer('session_epoch').notNull().default(0),
    version: version(),
    ...timestamps(),
  },
  (t) => [index('users_org_created_idx').on(t.organizationId, t.createdAt)],
)
