import { sql } from 'drizzle-orm'
import { check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, tstz, version } from './columns.ts'
import { documents } from './documents.ts'
import { organizations } from './organizations.ts'
import { buildings, units } from './property.ts'

/*
 * État daté requests (Civil Code art. 3.94, issue #16 item 7, ADR 0041): one row per request for
 * a lot, with the legal deadline computed at creation (15 days for the §1 information, 30 days
 * for the notary's §2 request) and, once generated, the PDF document and the figures it states.
 */
export const etatDateRequests = pgTable(
  'etat_date_requests',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    basis: text('basis').notNull(),
    requestedBy: text('requested_by').notNull(),
    requesterEmail: text('requester_email'),
    notaryReference: text('notary_reference'),
    requestDate: date('request_date', { mode: 'string' }).notNull(),
    deadlineDate: date('deadline_date', { mode: 'string' }).notNull(),
    deedDate: date('deed_date', { mode: 'string' }),
    language: text('language').notNull(),
    pendingProcedures: text('pending_procedures'),
    decidedWorks: text('decided_works'),
    documentId: uuid('document_id').references(() => documents.id),
    generatedAt: tstz('generated_at'),
    figures: jsonb('figures'),
    createdBy: uuid('created_by').notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('etat_date_requests_org_building_idx').on(t.organizationId, t.buildingId, t.requestDate),
    index('etat_date_requests_org_unit_idx').on(t.organizationId, t.unitId),
    check('etat_date_requests_basis', sql`${t.basis} in ('art_3_94_1', 'art_3_94_2')`),
    check('etat_date_requests_language', sql`${t.language} in ('fr', 'nl', 'de', 'en')`),
    check('etat_date_requests_deadline', sql`${t.deadlineDate} >= ${t.requestDate}`),
  ],
)
