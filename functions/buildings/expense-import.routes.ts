import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  DomainErrors,
  EINVOICE_KINDS,
  type EInvoiceImport,
  EXPENSE_CATEGORIES,
  err,
  importEInvoice,
  isExpenseCategory,
  ok,
  type Result,
} from '@koprogo/domain'
import { bearer, errors, json } from '../_shared/http.ts'
import { problemResponse } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { parseUblInvoice } from '../expenses/einvoice-ubl.ts'
import { ExpenseSchema, toExpenseDto } from '../expenses/schema.ts'
import { BuildingIdParam } from './schema.ts'

/*
 * POST /buildings/{building_id}/expenses/import (issue #16 item 8, ADR 0041): a UBL 2.1 / Peppol
 * BIS Billing 3.0 Invoice or CreditNote XML (multipart `file`) becomes draft expenses, one per
 * VAT rate, with the embedded PDF as a document linked to the first. Totals are checked with
 * EN 16931's rules; an inconsistent file is a 400 naming the element and nothing is written.
 * Syndic and accountant (finance:write); owners 403; another tenant's building 404. The body
 * limit is the JSON one (1 MiB): a Peppol invoice with its PDF fits.
 */

const ImportSchema = z
  .object({
    kind: z.enum(EINVOICE_KINDS),
    invoice_number: z.string(),
    issue_date: z.string(),
    due_date: z.string().nullable(),
    currency: z.string(),
    supplier: z.object({
      name: z.string(),
      enterprise_number: z.string().nullable(),
      vat_number: z.string().nullable(),
      iban: z.string().nullable(),
    }),
    vat_breakdown: z.array(
      z.object({
        vat_category: z.string(),
        vat_rate: z.number(),
        taxable_cents: z.number().int(),
        tax_cents: z.number().int(),
      }),
    ),
    line_count: z.number().int(),
    total_excl_vat_cents: z.number().int(),
    total_vat_cents: z.number().int(),
    total_incl_vat_cents: z.number().int(),
    payable_cents: z.number().int(),
    expenses: z.array(ExpenseSchema),
    document_id: z.uuid().nullable(),
    supplier_id: z
      .uuid()
      .nullable()
      .openapi({ description: 'The supplier record (found by enterprise / VAT number, or created)' }),
    supplier_created: z.boolean(),
  })
  .openapi('EInvoiceImport')

function toImportDto(r: EInvoiceImport): z.infer<typeof ImportSchema> {
  const i = r.invoice
  return {
    kind: i.kind,
    invoice_number: i.number,
    issue_date: i.issueDate,
    due_date: i.dueDate,
    currency: i.currency,
    supplier: {
      name: i.supplier.name,
      enterprise_number: i.supplier.enterpriseNumber,
      vat_number: i.supplier.vatNumber,
      iban: i.supplier.iban,
    },
    vat_breakdown: i.vatBreakdown.map((v) => ({
      vat_category: v.vatCategory,
      vat_rate: v.vatRate,
      taxable_cents: v.taxableCents,
      tax_cents: v.taxCents,
    })),
    line_count: i.lines.length,
    total_excl_vat_cents: i.totals.taxExclusiveCents,
    total_vat_cents: i.taxTotalCents,
    total_incl_vat_cents: i.totals.taxInclusiveCents,
    payable_cents: i.totals.payableCents,
    expenses: r.expenses.map(toExpenseDto),
    document_id: r.document?.id ?? null,
    supplier_id: r.supplier?.record.id ?? null,
    supplier_created: r.supplier?.created ?? false,
  }
}

/** The multipart form's `file` (bytes) and `category`, or a 400. */
async function readForm(request: Request): Promise<Result<{ xml: string; category: string | null }>> {
  if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? ''))
    return err(DomainErrors.invalidField('file', 'is required (multipart field "file")'))
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return err(DomainErrors.invalidField('file', 'the multipart body cannot be read'))
  }
  const file = form.get('file')
  if (typeof file !== 'object' || file === null)
    return err(DomainErrors.invalidField('file', 'is required (multipart field "file")'))
  const bytes = new Uint8Array(await (file as File).arrayBuffer())
  let xml: string
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return err(DomainErrors.invalidField('file', 'is not UTF-8 text (a UBL invoice is UTF-8 XML)'))
  }
  const category = form.get('category')
  return { ok: true, value: { xml, category: typeof category === 'string' && category ? category : null } }
}

/** SHA-256 of the file (Web Crypto: Node, Workers and browsers alike), hex. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function mountExpenseImport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{building_id}/expenses/import',
      tags: ['Expenses'],
      summary:
        'Import a UBL 2.1 / Peppol BIS Billing 3.0 invoice or credit note (multipart `file`) as draft expenses, one per VAT rate; totals checked (EN 16931 BR-CO-10…17); the embedded PDF stored as a document',
      security: bearer,
      request: {
        params: BuildingIdParam,
        body: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object' as const,
                required: ['file'],
                properties: {
                  file: {
                    type: 'string' as const,
                    format: 'binary',
                    description: 'UBL Invoice or CreditNote XML',
                  },
                  category: {
                    type: 'string' as const,
                    enum: [...EXPENSE_CATEGORIES],
                    description: 'Category of the drafts (default Other; editable before approval)',
                  },
                },
              },
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(ImportSchema, 'Imported as drafts'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        413: { description: 'File over the body limit' },
      },
    }),
    async (c) => {
      const read = async () => {
        const form = await readForm(c.req.raw)
        if (!form.ok) return form
        const { category } = form.value
        if (category !== null && !isExpenseCategory(category))
          return err(DomainErrors.invalidField('category', `must be one of ${EXPENSE_CATEGORIES.join(', ')}`))
        const invoice = parseUblInvoice(form.value.xml)
        if (!invoice.ok) return invoice
        return ok({
          invoice: invoice.value,
          ...(category ? { category } : {}),
          fileHash: await sha256Hex(form.value.xml),
        })
      }
      const result = await importEInvoice({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id, read },
      })
      if (!result.ok) return problemResponse(c, result.error)
      return c.json(toImportDto(result.value), 201)
    },
  )
}
