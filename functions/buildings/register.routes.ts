import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  DomainErrors,
  err,
  exportRegister,
  importRegister,
  OWNER_LANGUAGES,
  type OwnerLanguage,
  REGISTER_COLUMNS,
  REGISTER_TEMPLATE_EXAMPLE,
  type RegisterImportReport,
  type RegisterRow,
  registerTable,
} from '@koprogo/domain'
import type { Context } from 'hono'
import { bearer, errors, json } from '../_shared/http.ts'
import { localeOf, problemOf, problemResponse } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { readRegisterFile, writeCsv, writeXlsx } from './register-file.ts'
import { XLSX_MIME } from './register-xlsx.ts'
import { BuildingIdParam } from './schema.ts'

const RowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() })
const RegisterImportSchema = z
  .object({
    dry_run: z.boolean(),
    imported: z.boolean(),
    lots: z.number().int(),
    owners_new: z.number().int(),
    owners_matched: z.number().int(),
    links: z.number().int(),
    errors: z.array(RowErrorSchema),
  })
  .openapi('RegisterImport')

const ImportQuery = z.object({
  dry_run: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .openapi({ description: 'true (the default): check and preview only; false: import' }),
})
const FileQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(OWNER_LANGUAGES).default('en').openapi({ description: 'language of the header row' }),
})

const fileResponse = (description: string) => ({
  description,
  content: {
    'text/csv': { schema: z.string() },
    [XLSX_MIME]: { schema: z.string().openapi({ format: 'binary' }) },
  },
})

/** Columns written as numbers in the XLSX (floor, surface, quota, share). */
const NUMERIC_COLUMNS = new Set(
  (['floor', 'surface_m2', 'quota', 'share'] as const).map((c) => REGISTER_COLUMNS.indexOf(c)),
)

async function sendTable(
  c: Context<AppEnv>,
  rows: readonly RegisterRow[],
  format: 'csv' | 'xlsx',
  lang: OwnerLanguage,
  name: string,
): Promise<Response> {
  const table = registerTable(rows, lang)
  if (format === 'csv') {
    return c.body(writeCsv(table) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
    })
  }
  const xlsx = await writeXlsx(table, NUMERIC_COLUMNS)
  if (!xlsx.ok) return problemResponse(c, xlsx.error)
  return c.body(xlsx.value as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX_MIME,
    'content-disposition': `attachment; filename="${name}.xlsx"`,
  })
}

/**
 * GET /buildings/register-template. Mounted before GET /buildings/{id}, which would otherwise
 * answer this path with a 400 (not a UUID).
 */
export function mountRegisterTemplate(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/register-template',
      tags: ['Buildings'],
      summary:
        'The register spreadsheet template (CSV or XLSX, headers in fr/nl/de/en, example rows); see docs/property-register.md',
      security: bearer,
      request: { query: FileQuery },
      responses: { 200: fileResponse('The template'), 400: errors[400], 415: errors[400] },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return sendTable(c, REGISTER_TEMPLATE_EXAMPLE, q.format, q.lang, `register-template-${q.lang}`)
    },
  )
}

/** POST /buildings/{building_id}/register-import and GET /buildings/{building_id}/register-export. */
export function mountRegisterImport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{building_id}/register-import',
      tags: ['Buildings'],
      summary:
        'Import lots, owners and ownership links from a CSV or XLSX file (multipart `file`; format detected from the bytes), checked as a whole: dry_run=true previews, dry_run=false imports all or nothing (400 listing every error by row and column otherwise); syndic or superadmin',
      security: bearer,
      request: {
        params: BuildingIdParam,
        query: ImportQuery,
        body: {
          content: {
            // A plain OpenAPI schema, not zod: zod-openapi would validate the File as a string.
            'multipart/form-data': {
              schema: {
                type: 'object' as const,
                required: ['file'],
                properties: {
                  file: { type: 'string' as const, format: 'binary', description: 'CSV or .xlsx' },
                },
              },
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(RegisterImportSchema, 'Preview (dry run): counts and errors'),
        201: json(RegisterImportSchema, 'Imported'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        413: { description: 'File over the body limit' },
        415: { description: 'Neither CSV text nor an .xlsx workbook (or XLSX on the edge)' },
      },
    }),
    async (c) => {
      const dryRun = c.req.valid('query').dry_run
      const readSheet = async () => {
        const file = await uploadedFile(c.req.raw)
        if (!file) return err(DomainErrors.invalidField('file', 'is required (multipart field "file")'))
        return readRegisterFile(new Uint8Array(await file.arrayBuffer()))
      }
      const result = await importRegister({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').building_id,
          sheet: readSheet,
          options: {
            dryRun,
          },
        },
      })
      if (!result.ok) return problemResponse(c, result.error)
      const report = toReportDto(result.value)
      if (dryRun) return c.json(report, 200)
      if (result.value.imported) return c.json(report, 201)
      // Nothing was written: the same problem body as every 400, with the rows that are wrong.
      const problem = problemOf(
        DomainErrors.validation(
          `The register has ${report.errors.length} error(s); nothing was imported`,
          report.errors.map((e) => ({ path: `row ${e.row}: ${e.column}`, message: e.message })),
        ),
        new URL(c.req.url).pathname,
        String(c.get('requestId') ?? ''),
        localeOf(c),
      )
      return c.body(JSON.stringify({ ...problem, ...report, errors: report.errors }), 400, {
        'content-type': 'application/problem+json',
      })
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/register-export',
      tags: ['Buildings'],
      summary:
        'The building’s register (lots, owners, every dated link) in the import format: importing it into an empty building reproduces it',
      security: bearer,
      request: { params: BuildingIdParam, query: FileQuery },
      responses: { 200: fileResponse('The register'), 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const id = c.req.valid('param').building_id
      const rows = await exportRegister({ ctx: actorContext(c), input: { buildingId: id } })
      if (!rows.ok) return problemResponse(c, rows.error)
      return sendTable(c, rows.value, q.format, q.lang, `register-${id}`)
    },
  )
}

function toReportDto(r: RegisterImportReport) {
  return {
    dry_run: r.dryRun,
    imported: r.imported,
    lots: r.lots,
    owners_new: r.ownersNew,
    owners_matched: r.ownersMatched,
    links: r.links,
    errors: r.errors.map((e) => ({ row: e.row, column: e.column, message: e.message })),
  }
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
