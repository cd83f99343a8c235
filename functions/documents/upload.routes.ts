import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { DomainErrors, SNIFF_BYTES, uploadDocument } from '@koprogo/domain'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { problemResponse, zodIssues } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { DocumentSchema, toDocumentDto, UploadFields, UploadFormOpenApi } from './schema.ts'

/**
 * POST /documents (multipart). The global body limit (UPLOAD_LIMIT_BYTES) has already refused an
 * oversized body with 413 before this runs; the use case sniffs the first bytes to decide the
 * type and stores the stream under a server-generated key.
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
      const form = await readForm(c.req.raw)
      const parsed = UploadFields.safeParse(form)
      if (!parsed.success) {
        return problemResponse(c, DomainErrors.validation('Invalid form', zodIssues(parsed.error)))
      }
      const f = parsed.data
      const head = new Uint8Array(await f.file.slice(0, SNIFF_BYTES).arrayBuffer())
      const result = await uploadDocument(actorContext(c), {
        buildingId: f.building_id,
        documentType: f.document_type,
        title: f.title,
        description: f.description,
        relatedMeetingId: f.related_meeting_id,
        relatedExpenseId: f.related_expense_id,
        file: {
          filename: f.file.name,
          declaredMime: f.file.type,
          size: f.file.size,
          head,
          body: f.file.stream(),
        },
      })
      return respond(c, result, (d) => c.json(toDocumentDto(d), 201))
    },
  )
}

/** The form's fields (last value wins), or an empty object when the body is not a form at all. */
async function readForm(request: Request): Promise<Record<string, FormDataEntryValue>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return {}
  try {
    return Object.fromEntries((await request.formData()).entries())
  } catch {
    // A malformed multipart body: reported as missing fields, like any other invalid form.
    return {}
  }
}
