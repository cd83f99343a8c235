import { z } from '@hono/zod-openapi'
import {
  DOCUMENT_DESCRIPTION_MAX,
  DOCUMENT_SORT_FIELDS,
  DOCUMENT_TITLE_MAX,
  DOCUMENT_TYPES,
  type Document,
  fileSizeMb,
  type UploadDocumentFields,
} from '@koprogo/domain'
import { organizationFilter, pageOf, pageQuery } from '../_shared/http.ts'
import type { StreamedFile } from './upload-form.ts'

export const DocumentSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    building_id: z.uuid(),
    document_type: z.enum(DOCUMENT_TYPES),
    title: z.string(),
    description: z.string().nullable(),
    file_size: z.number().int(),
    file_size_mb: z.number(),
    mime_type: z.string().openapi({ description: 'Detected from the bytes, not the client’s claim' }),
    original_filename: z.string(),
    uploaded_by: z.uuid(),
    related_meeting_id: z.uuid().nullable(),
    related_expense_id: z.uuid().nullable(),
    addressee_owner_id: z.uuid().nullable().openapi({
      description: 'The one owner this document is addressed to (e.g. a call letter); null: the building’s',
    }),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Document')

export const DocumentPageSchema = pageOf(DocumentSchema, 'DocumentPage')

export function toDocumentDto(d: Document): z.infer<typeof DocumentSchema> {
  return {
    id: d.id,
    organization_id: d.organizationId,
    building_id: d.buildingId,
    document_type: d.documentType,
    title: d.title,
    description: d.description,
    file_size: d.fileSize,
    file_size_mb: fileSizeMb(d.fileSize),
    mime_type: d.mimeType,
    original_filename: d.originalFilename,
    uploaded_by: d.uploadedBy,
    related_meeting_id: d.relatedMeetingId,
    related_expense_id: d.relatedExpenseId,
    addressee_owner_id: d.addresseeOwnerId,
    version: d.version,
    created_at: d.createdAt.toISOString(),
    updated_at: d.updatedAt.toISOString(),
  }
}

/** HTML forms send an untouched optional field as ''; that means "absent", not "invalid". */
const optionalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

/**
 * The multipart text fields of POST /documents. zod-openapi validates JSON bodies only, so the
 * handler runs this itself and answers the same 400 problem as every other validation. Strict:
 * an unknown field is refused like in a JSON body (issue #20, item 8), except the two v1's
 * upload form sends, accepted and ignored (the uploader is the token's user, the tenant the
 * building's).
 */
export const UploadMetadata = z
  .object({
    building_id: z.uuid(),
    document_type: z.enum(DOCUMENT_TYPES),
    title: z.string().max(DOCUMENT_TITLE_MAX),
    description: optionalField(z.string().max(DOCUMENT_DESCRIPTION_MAX)),
    related_meeting_id: optionalField(z.uuid()),
    related_expense_id: optionalField(z.uuid()),
    uploaded_by: optionalField(z.uuid()),
    organization_id: optionalField(z.uuid()),
  })
  .strict()

/** The whole form, for the 400 of a form without a file part. */
export const UploadFields = UploadMetadata.extend({
  file: z.custom<StreamedFile>((v) => v !== undefined && v !== null, { message: 'a file part is required' }),
})

export function toUploadInput(f: z.infer<typeof UploadMetadata>): UploadDocumentFields {
  return {
    buildingId: f.building_id,
    documentType: f.document_type,
    title: f.title,
    description: f.description,
    relatedMeetingId: f.related_meeting_id,
    relatedExpenseId: f.related_expense_id,
  }
}

const uuidProperty = { type: 'string', format: 'uuid' } as const

/** The OpenAPI description of the same form (a plain schema: a zod one would trigger JSON-style validation). */
export const UploadFormOpenApi = {
  type: 'object' as const,
  required: ['file', 'building_id', 'document_type', 'title'],
  properties: {
    file: { type: 'string' as const, format: 'binary', description: 'PDF, image, office document or text' },
    building_id: uuidProperty,
    document_type: { type: 'string' as const, enum: [...DOCUMENT_TYPES] },
    title: { type: 'string' as const, maxLength: DOCUMENT_TITLE_MAX },
    description: { type: 'string' as const, maxLength: DOCUMENT_DESCRIPTION_MAX },
    related_meeting_id: uuidProperty,
    related_expense_id: uuidProperty,
    organization_id: {
      ...uuidProperty,
      deprecated: true,
      description:
        'Accepted for KoproGo v1 clients and ignored: a document belongs to its building’s organization',
    },
    uploaded_by: {
      ...uuidProperty,
      deprecated: true,
      description:
        'Accepted for KoproGo v1 clients and ignored: the uploader is always the user of the bearer token',
    },
  },
  additionalProperties: false,
}

export const DocumentListQuery = pageQuery(DOCUMENT_SORT_FIELDS, 'created_at').extend({
  building_id: z.uuid().optional(),
  document_type: z.enum(DOCUMENT_TYPES).optional(),
  related_meeting_id: z.uuid().optional(),
  related_expense_id: z.uuid().optional(),
  organization_id: organizationFilter,
})

/** Filters of the nested lists (/buildings/{id}/documents, /meetings/{id}/documents). */
export const NestedDocumentListQuery = pageQuery(DOCUMENT_SORT_FIELDS, 'created_at').extend({
  document_type: z.enum(DOCUMENT_TYPES).optional(),
})

const version = z.number().int().positive().optional()

export const LinkMeetingBody = z
  .object({ meeting_id: z.uuid().nullable().openapi({ description: 'null unlinks' }), version })
  .openapi('LinkDocumentMeeting')

export const LinkExpenseBody = z
  .object({ expense_id: z.uuid().nullable().openapi({ description: 'null unlinks' }), version })
  .openapi('LinkDocumentExpense')

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients and the
 * exact UTF-8 name in `filename*`. The stored name is already sanitized (no quotes, controls or
 * paths); the fallback still replaces anything outside printable ASCII so the header stays valid.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
