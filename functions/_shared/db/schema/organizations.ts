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
  /**
   * The organization's buildings: kept by the buildings triggers (migration 0027), never written by
   * the app; an insert that would take it past max_buildings is refused there (ADR 0047).
   */
  buildingCount: integer('building_count').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
  /** Set only by the seed endpoints, so /seed/clear can never touch a real tenant's data. */
  seedTag: text('seed_tag'),
  version: version(),
  ...timestamps(),
})
