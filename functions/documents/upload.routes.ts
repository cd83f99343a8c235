import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { DomainErrors, SNIFF_BYTES, uploadDocument } from '@koprogo/domain'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { problemResponse, zodIssues } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { DocumentSchema, toDocumentDto, UploadFields, UploadFormOpenApi } from './schema.ts'
import { readUploadForm } from './upload-form.ts'

/**
 * POST /documents (multipart). The stack authenticated the caller and checked the content type
 * and declared length before any byte was read (app.ts); the form is then read as a stream: the
 * use case sniffs the file's first bytes to decide its type and stores the rest of the stream,
 * as it arrives, under a server-generated key.
 */
export function mountDocumentUpload(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Documents'],
      summary: 'Upload a document (multipart: file + metadata); the type is detected from the bytes',
      security: bearer,
      request: {
        body: { content: { 'multipart/form-data': { schema: UploadFormOpenApi } }, required: true },
      },
      responses: {
        201: json(DocumentSchema, 'Stored'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        413: { description: 'File over the upload limit' },
        415: { description: 'The bytes are not an accepted document type' },
        422: errors[422],
      },
    }),
    async (c) => {
      // The stack admitted only multipart/form-data here (415 otherwise) and bounded its length.
      const form = await readUploadForm(c.req.raw, SNIFF_BYTES)
      const parsed = UploadFields.safeParse({ ...form.fields, file: form.file ?? undefined })
      if (!parsed.success) {
        await form.file?.body.cancel().catch(() => undefined)
        return problemResponse(c, DomainErrors.validation('Invalid form', zodIssues(parsed.error)))
      }
      const f = parsed.data
      const result = await uploadDocument(actorContext(c), {
        buildingId: f.building_id,
        documentType: f.document_type,
        title: f.title,
        description: f.description,
        relatedMeetingId: f.related_meeting_id,
        relatedExpenseId: f.related_expense_id,
        file: {
          filename: f.file.filename,
          declaredMime: f.file.contentType,
          size: f.file.size,
          head: f.file.head,
          body: f.file.body,
        },
      })
      // Refused before storing (403, 404, 415…): the rest of the upload is not read.
      if (!f.file.body.locked) await f.file.body.cancel().catch(() => undefined)
      return respond(c, result, (d) => c.json(toDocumentDto(d), 201))
    },
  )
}
