import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, tstz, version } from './columns.ts'
import { meetings } from './governance.ts'
import { organizations } from './organizations.ts'
import { buildings, owners } from './property.ts'

/*
 * The convocation side of general assemblies (issue #14): statutes settings, owners' requests,
 * board mandates, second assemblies, deliveries of convocations and minutes, minutes records.
 * Every row is tenant-owned (organization_id first in its indexes, ADR 0012).
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/** One row per building whose statutes were recorded; absent = the legal defaults (art. 3.87 §2, §3). */
export const buildingAssemblySettings = pgTable(
  'building_assembly_settings',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'cascade' }),
    noticeDays: integer('notice_days').notNull().default(15),
    ordinaryPeriodStart: text('ordinary_period_start'),
    ordinaryPeriodEnd: text('ordinary_period_end'),
    remoteParticipation: boolean('remote_participation').notNull().default(false),
    minutesLanguages: jsonb('minutes_languages').$type<string[]>().notNull().default(['fr']),
    // Decision type → majority the statutes require above the law's (never below: checked on save).
    statutoryMajorities: jsonb('statutory_majorities').$type<Record<string, string>>().notNull().default({}),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.buildingId] }),
    // Civil Code art. 3.87 §3: never under 15 days, whatever writes the row.
    check('building_assembly_settings_notice_min', sql`${t.noticeDays} >= 15`),
  ],
)

/** Owners' requests to convene an assembly (art. 3.87 §2) and the syndic's deadline. */
export const assemblyRequests = pgTable(
  'assembly_requests',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    ownerIds: jsonb('owner_ids').$type<string[]>().notNull(),
    receivedAt: tstz('received_at').notNull(),
    deadline: tstz('deadline').notNull(),
    sharesHeld: real('shares_held').notNull(),
    sharesTotal: integer('shares_total').notNull(),
    note: text('note'),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('assembly_requests_org_building_idx').on(t.organizationId, t.buildingId, t.receivedAt)],
)

/** Board of co-owners mandates (art. 3.90). */
export const boardMandates = pgTable(
  'board_mandates',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    role: text('role').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** The resolution that elected the member (assembly-core's agenda item), when recorded. */
    resolutionId: uuid('resolution_id'),
    version: version(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('board_mandates_org_building_idx').on(t.organizationId, t.buildingId, t.startDate),
    check('board_mandates_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

/** A meeting convened as the second assembly of a first whose quorum failed (art. 3.87 §5). */
export const secondAssemblies = pgTable(
  'second_assemblies',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    firstMeetingId: uuid('first_meeting_id')
      .notNull()
      .references(() => meetings.id),
  },
  // One second assembly per first: a retried request cannot convene two.
  (t) => [uniqueIndex('second_assemblies_org_first_idx').on(t.organizationId, t.firstMeetingId)],
)

/** Each owner's copy of a convocation or of the minutes: by e-mail (consent) or to post. */
export const assemblyDeliveries = pgTable(
  'assembly_deliveries',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    language: text('language').notNull(),
    documentId: uuid('document_id'),
    sentAt: tstz('sent_at'),
    error: text('error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Re-sending is safe: one delivery per owner per document kind of a meeting.
    uniqueIndex('assembly_deliveries_once_idx').on(t.organizationId, t.meetingId, t.kind, t.ownerId),
    check('assembly_deliveries_channel', sql`${t.channel} in ('email', 'post')`),
  ],
)

/** The minutes generated for a meeting, the log's root hash and the 30-day deadline (art. 3.87 §12). */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentIds: jsonb('document_ids').$type<string[]>().notNull(),
    rootHash: text('root_hash').notNull(),
    generatedAt: tstz('generated_at').notNull(),
    deadline: tstz('deadline').notNull(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('meeting_minutes_org_idx').on(t.organizationId, t.deadline)],
)

/**
 * Attachments of captured mail (capture adapter only): kept so the tests and the superadmin see the
 * PDF a convocation carried. Platform-level like captured_mail, keyed by its job id.
 */
export const capturedMailAttachments = pgTable(
  'captured_mail_attachments',
  {
    id: id(),
    jobId: text('job_id').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('captured_mail_attachments_job_file_idx').on(t.jobId, t.filename)],
)
