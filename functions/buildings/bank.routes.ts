import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  DomainErrors,
  err,
  importStatements,
  listBankMovements,
  listBankStatements,
  MOVEMENT_STATUSES,
} from '@koprogo/domain'
import { bearer, errors, IdParam, json, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  BankMovementSchema,
  BankStatementSchema,
  ImportResultSchema,
  toImportDto,
  toMovementDto,
  toStatementDto,
} from '../bank/schema.ts'
import { readStatementFile } from '../bank/statement-file.ts'

/**
 * A building's bank statements (ADR 0038): import a CODA or camt.053 file (format detected from
 * the bytes; validated whole, a bad file refused naming the line or element, nothing imported;
 * importing it again creates nothing twice; new movements matched in the same transaction), the
 * statements and the movements by match status. Staff with finance rights; owners 403.
 */
export function mountBuildingBank(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/bank-statements',
      tags: ['Bank'],
      summary:
        'Import a bank statement file (multipart `file`: CODA 2.x or camt.053, detected from the content), idempotent; new movements matched (structured communication, then known payer IBAN + amount; supplier IBAN + amount for expenses)',
      security: bearer,
      request: {
        params: IdParam,
        body: {
          content: {
            // A plain OpenAPI schema, not zod: zod-openapi would validate the File as a string.
            'multipart/form-data': {
              schema: {
                type: 'object' as const,
                required: ['file'],
                properties: {
                  file: { type: 'string' as const, format: 'binary', description: 'CODA or camt.053 XML' },
                },
              },
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(ImportResultSchema, 'Imported (counts of what was new and what was already there)'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        413: { description: 'File over the upload limit' },
        415: { description: 'Neither CODA nor camt.053' },
      },
    }),
    async (c) => {
      const readFile = async () => {
        const file = await uploadedFile(c.req.raw)
        if (!file) return err(DomainErrors.invalidField('file', 'is required (multipart field "file")'))
        return readStatementFile(new Uint8Array(await file.arrayBuffer()))
      }
      const result = await importStatements({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id, statements: readFile },
      })
      return respond(c, result, (r) => c.json(toImportDto(r), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/bank-statements',
      tags: ['Bank'],
      summary: "The building's imported bank statements, by closing date",
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(BankStatementSchema) }), 'Statements'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listBankStatements({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (s) => c.json({ data: s.map(toStatementDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/bank-movements',
      tags: ['Bank'],
      summary: "The building's bank movements, optionally by status (unmatched: the reconciliation's to-do)",
      security: bearer,
      request: {
        params: IdParam,
        query: z.object({ status: z.enum(MOVEMENT_STATUSES).optional() }),
      },
      responses: {
        200: json(z.object({ data: z.array(BankMovementSchema) }), 'Movements'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listBankMovements({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id, status: c.req.valid('query').status },
      })
      return respond(c, result, (m) => c.json({ data: m.map(toMovementDto) }, 200))
    },
  )
}

/** The multipart `file` field, or null when the body is not a form or has no file. */
async function uploadedFile(request: Request): Promise<File | null> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data/i.test(type)) return null
  try {
    const file = (await request.formData()).get('file')
    return typeof file === 'object' && file !== null ? (file as File) : null
  } catch {
    return null
  }
}
