import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ETAT_DATE_BASES,
  ETAT_DATE_LIMITS,
  ETAT_DATE_STATUSES,
  type EtatDateView,
  generateEtatDate,
  ISSUABLE_CALL_KINDS,
  listEtatDates,
  requestEtatDate,
} from '@koprogo/domain'
import { bearer, errors, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'

/*
 * The état daté of a lot (Civil Code art. 3.94, issue #16 item 7, ADR 0041):
 * POST /units/{id}/etat-date records a request (who asked, when, in which language, on which
 * paragraph: §1 15 days, §2 30 days) and generates the PDF from the lot's owner account;
 * GET /units/{id}/etat-date lists the lot's requests with their deadline status;
 * POST /units/{id}/etat-date/{request_id}/generate generates a pending one. Syndic and
 * accountant; owners 403; another tenant's unit 404. The PDF is a document (download it through
 * /documents/{document_id}/download), addressed to the seller.
 */

const CreateBody = z
  .object({
    requested_by: z
      .string()
      .max(ETAT_DATE_LIMITS.requested_by)
      .openapi({ description: 'The notary (or intermediary, or seller) who asked' }),
    requester_email: z.string().max(ETAT_DATE_LIMITS.requester_email).nullish(),
    notary_reference: z.string().max(ETAT_DATE_LIMITS.notary_reference).nullish(),
    basis: z.enum(ETAT_DATE_BASES).optional().openapi({
      description:
        'art_3_94_1 (information before the agreement, 15 days; default) or art_3_94_2 (the notary’s request before the deed, 30 days)',
    }),
    request_date: z
      .string()
      .optional()
      .openapi({ description: 'When the request was received; default today' }),
    deed_date: z.string().nullish(),
    language: z
      .enum(['fr', 'nl', 'de', 'en'])
      .optional()
      .openapi({ description: 'The language of the request (and of the PDF); default fr' }),
    pending_procedures: z.string().max(ETAT_DATE_LIMITS.pending_procedures).nullish(),
    decided_works: z.string().max(ETAT_DATE_LIMITS.decided_works).nullish(),
    generate: z.boolean().optional().openapi({ description: 'Generate the PDF now (default true)' }),
  })
  .strict()
  .openapi('EtatDateRequestInput')

const Amounts = z.object({ called_cents: z.number().int(), paid_cents: z.number().int() })

const EtatDateSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    unit_id: z.uuid(),
    basis: z.enum(ETAT_DATE_BASES),
    requested_by: z.string(),
    requester_email: z.string().nullable(),
    notary_reference: z.string().nullable(),
    request_date: z.string(),
    deadline_date: z.string(),
    deed_date: z.string().nullable(),
    language: z.string(),
    pending_procedures: z.string().nullable(),
    decided_works: z.string().nullable(),
    status: z.enum(ETAT_DATE_STATUSES),
    days_left: z
      .number()
      .int()
      .openapi({ description: 'Days until the legal deadline (negative once passed)' }),
    document_id: z.uuid().nullable(),
    generated_at: z.string().nullable(),
    figures: z
      .object({
        as_of: z.string(),
        owners: z.array(z.object({ owner_id: z.uuid(), name: z.string() })),
        by_kind: z.object(
          Object.fromEntries(ISSUABLE_CALL_KINDS.map((k) => [k, Amounts])) as Record<
            (typeof ISSUABLE_CALL_KINDS)[number],
            typeof Amounts
          >,
        ),
        called_cents: z.number().int(),
        paid_cents: z.number().int(),
        arrears_cents: z.number().int(),
        not_yet_due_cents: z.number().int(),
      })
      .nullable(),
    created_at: z.string(),
  })
  .openapi('EtatDate')

const RequestParams = IdParam.extend({
  request_id: z.uuid().openapi({ param: { name: 'request_id', in: 'path' } }),
})

function toDto(v: EtatDateView): z.infer<typeof EtatDateSchema> {
  const f = v.figures
  return {
    id: v.id,
    building_id: v.buildingId,
    unit_id: v.unitId,
    basis: v.basis,
    requested_by: v.requestedBy,
    requester_email: v.requesterEmail,
    notary_reference: v.notaryReference,
    request_date: v.requestDate,
    deadline_date: v.deadlineDate,
    deed_date: v.deedDate,
    language: v.language,
    pending_procedures: v.pendingProcedures,
    decided_works: v.decidedWorks,
    status: v.status,
    days_left: v.daysLeft,
    document_id: v.documentId,
    generated_at: v.generatedAt ? new Date(v.generatedAt).toISOString() : null,
    figures: f
      ? {
          as_of: f.asOf,
          owners: f.owners.map((o) => ({ owner_id: o.ownerId, name: o.name })),
          by_kind: {
            provision: {
              called_cents: f.byKind.provision.calledCents,
              paid_cents: f.byKind.provision.paidCents,
            },
            reserve: { called_cents: f.byKind.reserve.calledCents, paid_cents: f.byKind.reserve.paidCents },
            extraordinary: {
              called_cents: f.byKind.extraordinary.calledCents,
              paid_cents: f.byKind.extraordinary.paidCents,
            },
          },
          called_cents: f.calledCents,
          paid_cents: f.paidCents,
          arrears_cents: f.arrearsCents,
          not_yet_due_cents: f.notYetDueCents,
        }
      : null,
    created_at: new Date(v.createdAt).toISOString(),
  }
}

const writeErrors = { 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] }

export function mountEtatDate(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/etat-date',
      tags: ['Units'],
      summary: 'Record an état daté request for the lot (Civil Code art. 3.94) and generate its PDF',
      security: bearer,
      request: { params: IdParam, ...jsonBody(CreateBody) },
      responses: { 201: json(EtatDateSchema, 'Recorded (and generated)'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await requestEtatDate({
        ctx: actorContext(c),
        input: {
          unitId: c.req.valid('param').id,
          requestedBy: b.requested_by,
          requesterEmail: b.requester_email,
          notaryReference: b.notary_reference,
          basis: b.basis,
          requestDate: b.request_date,
          deedDate: b.deed_date,
          language: b.language,
          pendingProcedures: b.pending_procedures,
          decidedWorks: b.decided_works,
          generate: b.generate,
          renderer: pdfLibRenderer,
        },
      })
      return respond(c, result, (v) => c.json(toDto(v), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/etat-date',
      tags: ['Units'],
      summary: 'The lot’s état daté requests, newest first, with their legal deadline status',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(EtatDateSchema) }), 'Requests'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listEtatDates({ ctx: actorContext(c), input: { unitId: c.req.valid('param').id } })
      return respond(c, result, (list) => c.json({ data: list.map(toDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/etat-date/{request_id}/generate',
      tags: ['Units'],
      summary: 'Generate the PDF of a pending état daté request (already generated: returned unchanged)',
      security: bearer,
      request: { params: RequestParams },
      responses: { 200: json(EtatDateSchema, 'Generated'), ...writeErrors },
    }),
    async (c) => {
      const { id, request_id } = c.req.valid('param')
      const result = await generateEtatDate({
        ctx: actorContext(c),
        input: { unitId: id, requestId: request_id, renderer: pdfLibRenderer },
      })
      return respond(c, result, (v) => c.json(toDto(v), 200))
    },
  )
}
