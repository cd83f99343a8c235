import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, tstz, version } from './columns.ts'
import { meetings } from './governance.ts'
import { organizations } from './organizations.ts'
import { owners } from './property.ts'

/*
 * The general assembly (issue #14): agenda items with their majority, the meeting's hash-chained
 * log (append-only: a trigger in the migration refuses UPDATE and DELETE, as for audit_log), the
 * attendance register frozen at the log's first act, and proxies given online before the meeting.
 */

/** One agenda item: its decision type and the majority it needs (≥ the law's, art. 3.88). Goes with its meeting. */
export const meetingResolutions = pgTable(
  'meeting_resolutions',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    proposedDecision: text('proposed_decision'),
    decisionType: text('decision_type').notNull(),
    majority: text('majority').notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('meeting_resolutions_org_meeting_idx').on(t.organizationId, t.meetingId, t.position),
    check(
      'meeting_resolutions_majority',
      sql`${t.majority} in ('absolute', 'two_thirds', 'four_fifths', 'unanimity')`,
    ),
  ],
)

/**
 * The meeting's log: one row per act, seq 1, 2, 3… Each row keeps exactly what was hashed (`at` as
 * the client's ISO text, the payload as JSON) so GET …/log/verify recomputes every hash.
 */
export const meetingActs = pgTable(
  'meeting_acts',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    at: text('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'meeting_acts_pk', columns: [t.meetingId, t.seq] }),
    index('meeting_acts_org_meeting_idx').on(t.organizationId, t.meetingId),
    check('meeting_acts_seq_positive', sql`${t.seq} >= 1`),
  ],
)

/** The attendance register as it stood when the log started (who votes, with how many votes). */
export const meetingRegisters = pgTable(
  'meeting_registers',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => meetings.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    register: jsonb('register').notNull(),
    syndicOwnerIds: jsonb('syndic_owner_ids').$type<string[]>().notNull(),
    // The statutes' raised majorities as they stood when the log started (null: frozen before they existed).
    statutoryMajorities: jsonb('statutory_majorities').$type<Record<string, string>>(),
    frozenAt: tstz('frozen_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_registers_org_idx').on(t.organizationId)],
)

/** A proxy an owner gave in the portal before the meeting: to an owner or to a named person. */
export const meetingOnlineProxies = pgTable(
  'meeting_online_proxies',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    grantorOwnerId: uuid('grantor_owner_id')
      .notNull()
      .references(() => owners.id),
    holderOwnerId: uuid('holder_owner_id').references(() => owners.id),
    holderName: text('holder_name'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('meeting_online_proxies_grantor_uq').on(t.meetingId, t.grantorOwnerId),
    index('meeting_online_proxies_org_meeting_idx').on(t.organizationId, t.meetingId),
    check(
      'meeting_online_proxies_holder',
      sql`(${t.holderOwnerId} is not null) <> (${t.holderName} is not null)`,
    ),
  ],
)
