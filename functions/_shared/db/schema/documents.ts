import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns.ts'
import { expenses } from './finance.ts'
import { meetings } from './governance.ts'
import { organizations } from './organizations.ts'
import { buildings, owners } from './property.ts'

/** Metadata only; the bytes live in the file store under `storage_key` (never a client path). */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    documentType: text('document_type').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    originalFilename: text('original_filename').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by').notNull(),
    relatedMeetingId: uuid('related_meeting_id').references(() => meetings.id),
    relatedExpenseId: uuid('related_expense_id').references(() => expenses.id),
    // A letter to one owner (a call for funds' letter): no other owner may list or read it.
    addresseeOwnerId: uuid('addressee_owner_id').references(() => owners.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('documents_org_created_idx').on(t.organizationId, t.createdAt),
    index('documents_org_building_idx').on(t.organizationId, t.buildingId),
    index('documents_org_meeting_idx').on(t.organizationId, t.relatedMeetingId),
  ],
)
