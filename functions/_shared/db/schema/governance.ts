import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, tstz, version } from './columns.ts'
import { organizations } from './organizations.ts'
import { buildings } from './property.ts'

export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    meetingType: text('meeting_type').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    scheduledDate: tstz('scheduled_date').notNull(),
    location: text('location').notNull(),
    status: text('status').notNull().default('Scheduled'),
    agenda: jsonb('agenda').$type<string[]>().notNull().default([]),
    attendeesCount: integer('attendees_count'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('meetings_org_date_idx').on(t.organizationId, t.scheduledDate),
    index('meetings_org_building_date_idx').on(t.organizationId, t.buildingId, t.scheduledDate),
    check('meetings_attendees_non_negative', sql`${t.attendeesCount} is null or ${t.attendeesCount} >= 0`),
  ],
)
