import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { DomainErrors, err, ok, SNIFF_BYTES, uploadStreamedDocument } from '@koprogo/domain'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { problemResponse, zodIssues } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  DocumentSchema,
  toDocumentDto,
  toUploadInput,
  UploadFields,
  UploadFormOpenApi,
  UploadMetadata,
} from './schema.ts'
import { readUploadForm } from './upload-form.ts'

/**
 * POST /documents (multipart). The stack authenticated the caller and checked the content type
 * and declared length before any byte was read (app.ts); the form is then read as a stream: the
 * use case sniffs the file's first bytes to decide its type and stores the rest of the stream,
 * as it arrives, under a server-generated key. The parts may come in any order (ADR 0014).
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
      const file = form.file
      if (!file) {
        // Without a file part the form cannot be valid: the 400 lists every issue, `file` included.
        const parsed = UploadFields.safeParse(form.fields())
        const issues = parsed.success ? [] : zodIssues(parsed.error)
        return problemResponse(c, DomainErrors.validation('Invalid form', issues))
      }
      // Fields sent before the file and already invalid are refused before a byte is stored.
      const early = UploadMetadata.partial().safeParse(form.fieldsBeforeFile)
      if (!early.success) {
        await file.body.cancel().catch(() => undefined)
        return problemResponse(c, DomainErrors.validation('Invalid form', zodIssues(early.error)))
      }
      const complete = UploadMetadata.safeParse(form.fieldsBeforeFile)
      const result = await uploadStreamedDocument({
        ctx: actorContext(c),
        input: {
          file: {
            filename: file.filename,
            declaredMime: file.contentType,
            size: file.size,
            head: file.head,
            body: file.body,
          },
          // Fields first (the web client): every check runs before the file is stored. File first
          // (KoproGo v1's client): the file is stored, then the fields after it are read and
          // checked, and the use case deletes the stored file if they are refused.
          fieldsBeforeFile: complete.success ? toUploadInput(complete.data) : undefined,
          allFields: () => {
            const parsed = UploadMetadata.safeParse(form.fields())
            return parsed.success
              ? ok(toUploadInput(parsed.data))
              : err(DomainErrors.validation('Invalid form', zodIssues(parsed.error)))
          },
        },
      })
      // Refused before storing (403, 404, 415…): the rest of the upload is not read.
      if (!file.body.locked) await file.body.cancel().catch(() => undefined)
      return respond(c, result, (d) => c.json(toDocumentDto(d), 201))
    },
  )
}
