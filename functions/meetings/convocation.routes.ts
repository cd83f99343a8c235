import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  conveneSecondAssembly,
  convocationPostalList,
  DEADLINE_STATUSES,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type Delivery,
  generateMinutes,
  getMinutesStatus,
  listDeliveries,
  MEETING_LOCATION_MAX,
  postalConvocationLetters,
  sendConvocation,
} from '@koprogo/domain'
import { papaCsvWriter } from '../_shared/csv-writer.ts'
import { bearer, errors, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { mergePdfs } from '../_shared/pdf/merge-pdfs.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'
import { MeetingSchema, toMeetingDto } from './schema.ts'

/*
 * POST/GET /meetings/{id}/convocation (issue #14 item 1): convene the owners, list who was reached
 * by e-mail and who must get the letter by (registered) post. Another tenant's meeting is a 404.
 */
export const DeliverySchema = z
  .object({
    id: z.uuid(),
    owner_id: z.uuid(),
    channel: z.enum(DELIVERY_CHANNELS),
    status: z.enum(DELIVERY_STATUSES),
    language: z.string(),
    sent_at: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('AssemblyDelivery')

const ConvocationSchema = z
  .object({ created: z.number().int(), data: z.array(DeliverySchema) })
  .openapi('ConvocationDeliveries')

const toDeliveryDto = (d: Delivery): z.infer<typeof DeliverySchema> => ({
  id: d.id,
  owner_id: d.ownerId,
  channel: d.channel,
  status: d.status,
  language: d.language,
  sent_at: d.sentAt?.toISOString() ?? null,
  error: d.error,
})

export function mountMeetingConvocation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/convocation/postal-list',
      tags: ['Assemblies'],
      summary: 'The owners to convene by (registered) post, as CSV: name, address, language',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await convocationPostalList({
        ctx: actorContext(c),
        input: { meetingId: c.req.valid('param').id },
      })
      return respond(c, result, (lines) => {
        const bytes = papaCsvWriter.write(
          {
            headers: ['owner_id', 'name', 'address', 'language'],
            rows: lines.map((l) => [l.ownerId, l.name, l.address, l.language]),
          },
          { separator: ';' },
        )
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="convocation-postal-list.csv"',
        })
      })
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/convocation/postal-letters',
      tags: ['Assemblies'],
      summary:
        'Every printable convocation of the owners reached by post, in their languages, as one PDF to print (staff)',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const ctx = actorContext(c)
      const result = await postalConvocationLetters({ ctx, input: { meetingId: c.req.valid('param').id } })
      if (!result.ok) return respond(c, result, () => c.body(null, 500))
      const files: Uint8Array[] = []
      for (const letter of result.value.letters) {
        const file = await ctx.files.get(letter.storageKey)
        if (!file) throw new Error(`postal convocation file missing: ${letter.storageKey}`)
        files.push(new Uint8Array(await new Response(file.body as ReadableStream<Uint8Array>).arrayBuffer()))
      }
      const pdf = await mergePdfs(files, 'Convocations')
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="convocations-post.pdf"',
        'cache-control': 'no-store',
      })
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/convocation',
      tags: ['Assemblies'],
      summary:
        'Convene the owners: a PDF per owner e-mailed (consent) through the outbox, the others listed for the post; safe to repeat',
      security: bearer,
      request: { params: IdParam },
      responses: {
        202: json(ConvocationSchema, 'Deliveries recorded; e-mails sent by the job runner'),
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) =>
      respond(
        c,
        await sendConvocation({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (s) => c.json({ created: s.created, data: s.deliveries.map(toDeliveryDto) }, 202),
      ),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/convocation',
      tags: ['Assemblies'],
      summary: 'The convocation’s deliveries: e-mailed (sent/failed) and to post',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(ConvocationSchema, 'Deliveries'), 403: errors[403], 404: errors[404] },
    }),
    async (c) =>
      respond(
        c,
        await listDeliveries({
          ctx: actorContext(c),
          input: { meetingId: c.req.valid('param').id, kind: 'convocation' },
        }),
        (rows) => c.json({ created: 0, data: rows.map(toDeliveryDto) }, 200),
      ),
  )
}

const SecondAssemblyBody = z
  .object({
    scheduled_date: z.string().max(WIRE_BOUNDS.date_text),
    location: z.string().max(MEETING_LOCATION_MAX).optional(),
  })
  .openapi('SecondAssembly')

/** POST /meetings/{id}/second-assembly (art. 3.87 §5): after a first assembly without quorum. */
export function mountSecondAssembly(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/second-assembly',
      tags: ['Assemblies'],
      summary: 'Convene the second assembly (≥ 15 days later, same agenda) after a quorum failure',
      security: bearer,
      request: { params: IdParam, ...jsonBody(SecondAssemblyBody) },
      responses: {
        201: json(MeetingSchema, 'The second assembly'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await conveneSecondAssembly({
        ctx: actorContext(c),
        input: { meetingId: c.req.valid('param').id, scheduledDate: b.scheduled_date, location: b.location },
      })
      return respond(c, result, (m) => c.json(toMeetingDto(m), 201))
    },
  )
}

const MinutesSchema = z
  .object({
    meeting_id: z.uuid(),
    document_ids: z.array(z.uuid()),
    root_hash: z.string(),
    generated_at: z.string(),
    deadline: z.string().openapi({ description: 'Send to the owners by then (Civil Code art. 3.87 §12)' }),
    status: z.enum(DEADLINE_STATUSES),
    emailed: z.number().int().openapi({ description: 'Owners the minutes are e-mailed to by this call' }),
  })
  .openapi('MeetingMinutes')

const MinutesStatusSchema = z
  .object({
    deadline: z.string(),
    status: z.enum(DEADLINE_STATUSES),
    root_hash: z.string().nullable(),
    document_ids: z.array(z.uuid()),
  })
  .openapi('MinutesStatus')

/** POST /meetings/{id}/minutes: the PV from the recorded log, stored as the meeting's documents. */
export function mountMinutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/minutes',
      tags: ['Assemblies'],
      summary: 'The minutes’ 30-day sending deadline (art. 3.87 §12) and its status',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(MinutesStatusSchema, 'Status'), 403: errors[403], 404: errors[404] },
    }),
    async (c) =>
      respond(
        c,
        await getMinutesStatus({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (m) =>
          c.json(
            {
              deadline: m.deadline.toISOString(),
              status: m.status,
              root_hash: m.record?.rootHash ?? null,
              document_ids: [...(m.record?.documentIds ?? [])],
            },
            200,
          ),
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/minutes',
      tags: ['Assemblies'],
      summary: 'Generate the minutes (PDF per minutes language) from the recorded log, with its root hash',
      security: bearer,
      request: { params: IdParam },
      responses: {
        201: json(MinutesSchema, 'Generated'),
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) =>
      respond(
        c,
        await generateMinutes({
          ctx: actorContext(c),
          input: { meetingId: c.req.valid('param').id, renderer: pdfLibRenderer },
        }),
        (m) =>
          c.json(
            {
              meeting_id: m.meetingId,
              document_ids: [...m.documentIds],
              root_hash: m.rootHash,
              generated_at: m.generatedAt.toISOString(),
              deadline: m.deadline.toISOString(),
              status: m.status,
              emailed: m.emailed,
            },
            201,
          ),
      ),
  )
}
