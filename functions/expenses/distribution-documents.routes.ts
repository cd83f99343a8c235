import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { LOCALES, negotiateLocale, requestDistributionDocuments } from '@koprogo/domain'
import { bearer, errors, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'

const LanguageSchema = z.enum(LOCALES)

const RequestBody = z
  .object({
    language: LanguageSchema.optional().openapi({
      description: 'Language of the documents; the first fr/nl/de/en tag of Accept-Language, else fr',
    }),
  })
  .strict()
  .openapi('DistributionDocumentsRequest')

const GeneratedDocument = z.object({
  id: z.uuid(),
  format: z.enum(['pdf', 'csv']),
  /** 404 until the job has stored it, then the document's metadata. */
  url: z.string(),
  download_url: z.string(),
})

const Accepted = z
  .object({
    job_id: z.uuid(),
    status: z.literal('pending'),
    language: LanguageSchema,
    documents: z.array(GeneratedDocument),
  })
  .openapi('DistributionDocumentsAccepted')

/**
 * POST /expenses/{id}/distribution-documents: 202 with the ids of the PDF and CSV the job will
 * store; the client polls GET /documents/{id} (404 until stored) and then downloads them.
 */
export function mountDistributionDocuments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/distribution-documents',
      tags: ['Expenses'],
      summary: 'Generate the distribution as PDF and CSV documents of the building (asynchronous)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(RequestBody) },
      responses: {
        202: json(Accepted, 'Queued: the documents appear under these ids once the job has run'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const language = c.req.valid('json').language ?? negotiateLocale(c.req.header('accept-language'), 'fr')
      const result = await requestDistributionDocuments({
        ctx: actorContext(c),
        input: { expenseId: c.req.valid('param').id, language },
      })
      return respond(c, result, (r) => {
        const doc = (id: string, format: 'pdf' | 'csv') => ({
          id,
          format,
          url: `/api/v1/documents/${id}`,
          download_url: `/api/v1/documents/${id}/download`,
        })
        return c.json(
          {
            job_id: r.jobId,
            status: 'pending' as const,
            language,
            documents: [doc(r.pdfDocumentId, 'pdf'), doc(r.csvDocumentId, 'csv')],
          },
          202,
        )
      })
    },
  )
}
