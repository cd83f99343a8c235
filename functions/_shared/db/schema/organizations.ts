import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns.ts'

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  contactEmail: text('contact_email').notNull(),
  contactPhone: text('contact_phone'),
  subscriptionPlan: text('subscription_plan').notNull().default('Free'),
  maxBuildings: integer('max_buildings').notNull(),
  maxUsers: integer('max_users').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  /** Set only by the seed endpoints, so /seed/clear can never touch a real tenant's data. */
  seedTag: text('seed_tag'),
  version: version(),
  ...timestamps(),
})
