import { createRoute, z } from '@hono/zod-openapi'
import {
  type DocumentLanguage,
  DomainErrors,
  err,
  getPcnReport,
  isDocumentLanguage,
  ok,
  type PcnReport,
  pcnLabel,
  pcnReportDocument,
  type Result,
  todayOf,
} from '@koprogo/domain'
import type { Context } from 'hono'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { localeOf, problemResponse } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { XLSX_MIME } from '../buildings/register-xlsx.ts'
import { writePcnXlsx } from './pcn-xlsx.ts'

/*
 * The v1 PCN report at v1's paths (the Rust KoproGo's pcn_handlers): POST /pcn/report/{building_id}
 * (JSON), GET /pcn/export/pdf/{building_id} and GET /pcn/export/excel/{building_id}, each with an
 * optional `?name=` (v1: the building's display name) — here built from the LEDGER (class 6
 * accounts, net of reversals and credit notes). v1 had no period; `start_date` / `end_date` (body
 * or query, as v1's PcnReportRequest named them) narrow it. Syndic, accountant, and the account
 * auditor of that building (a read: POST only because v1 posted it; nothing is written or
 * audited); owners 403, another tenant's building — or one not granted to the auditor — 404
 * (v1 itself had once served this to anyone, its issue #845).
 */

export const pcnApp = createResourceApp()
pcnApp.use('*', requireAuth)

const BuildingParam = z.object({
  building_id: z.uuid().openapi({ param: { name: 'building_id', in: 'path' } }),
})

const PeriodFields = {
  start_date: z
    .string()
    .max(40)
    .nullish()
    .openapi({ description: 'First day (YYYY-MM-DD or ISO timestamp)' }),
  end_date: z.string().max(40).nullish().openapi({ description: 'Last day, inclusive' }),
}

const ExportQuery = z.object({
  ...PeriodFields,
  name: z.string().optional().openapi({ description: 'v1: a display name; the building’s own name is used' }),
  lang: z.enum(['fr', 'nl', 'de', 'en']).optional().openapi({ description: 'Default: Accept-Language' }),
})

const money = z.string().openapi({ description: 'Euros with two decimals, as v1’s decimal (e.g. "121.00")' })

const PcnLineSchema = z.object({
  account_code: z.string(),
  account_label_nl: z.string(),
  account_label_fr: z.string(),
  account_label_de: z.string(),
  account_label_en: z.string(),
  total_amount: money,
  total_amount_cents: z.number().int(),
  entry_count: z.number().int(),
})

const PcnReportSchema = z
  .object({
    building_id: z.uuid(),
    generated_at: z.string(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    lines: z.array(PcnLineSchema),
    total_amount: money,
    total_amount_cents: z.number().int(),
    total_entries: z.number().int(),
  })
  .openapi('PcnReport')

/** Exact cents → "1234.56" (v1 serialised rust_decimal amounts as strings). */
export function decimalOf(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** v1's period fields are timestamps: a calendar day is sent as its UTC midnight (the end: 23:59:59). */
const periodStamp = (day: string | null, end: boolean) =>
  day ? `${day}T${end ? '23:59:59' : '00:00:00'}Z` : null

function toPcnReportDto(report: PcnReport, now: Date): z.infer<typeof PcnReportSchema> {
  const label = (code: string, lang: DocumentLanguage) => pcnLabel(code, lang)
  return {
    building_id: report.buildingId,
    generated_at: now.toISOString(),
    period_start: periodStamp(report.period.from, false),
    period_end: periodStamp(report.period.to, true),
    lines: report.lines.map((l) => ({
      account_code: l.account,
      account_label_nl: label(l.account, 'nl'),
      account_label_fr: label(l.account, 'fr'),
      account_label_de: label(l.account, 'de'),
      account_label_en: label(l.account, 'en'),
      total_amount: decimalOf(l.totalCents),
      total_amount_cents: l.totalCents,
      entry_count: l.entryCount,
    })),
    total_amount: decimalOf(report.totalCents),
    total_amount_cents: report.totalCents,
    total_entries: report.totalEntries,
  }
}

const languageOf = (c: Context<AppEnv>, lang: string | undefined): DocumentLanguage => {
  if (isDocumentLanguage(lang)) return lang
  const locale = localeOf(c)
  return isDocumentLanguage(locale) ? locale : 'en'
}

const binary = (mime: string, description: string) => ({
  description,
  content: { [mime]: { schema: z.string().openapi({ format: 'binary' }) } },
})

const readErrors = { 400: errors[400], 403: errors[403], 404: errors[404] }

pcnApp.openapi(
  createRoute({
    method: 'post',
    path: '/report/{building_id}',
    tags: ['Ledger'],
    summary: 'PCN report: the building’s expenses per chart account, from the books (v1 path)',
    security: bearer,
    request: {
      params: BuildingParam,
      body: {
        required: false,
        content: { 'application/json': { schema: z.object(PeriodFields).partial() } },
      },
    },
    responses: { 200: json(PcnReportSchema, 'The report'), ...readErrors },
  }),
  async (c) => {
    const period = periodOfBody(await c.req.text())
    const result = period.ok
      ? await getPcnReport({
          ctx: actorContext(c),
          input: { buildingId: c.req.valid('param').building_id, ...period.value },
        })
      : period
    return respond(c, result, (report) => c.json(toPcnReportDto(report, new Date()), 200))
  },
)

/** v1 clients POST with no body at all: an empty or absent body is "no period". */
function periodOfBody(text: string): Result<{ startDate: string | null; endDate: string | null }> {
  if (!text.trim()) return ok({ startDate: null, endDate: null })
  const parsed = z.object(PeriodFields).partial().safeParse(safeJson(text))
  if (!parsed.success) return err(DomainErrors.validation('The body must be {start_date?, end_date?}'))
  return ok({ startDate: parsed.data.start_date ?? null, endDate: parsed.data.end_date ?? null })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return Symbol('invalid')
  }
}

pcnApp.openapi(
  createRoute({
    method: 'get',
    path: '/export/pdf/{building_id}',
    tags: ['Ledger'],
    summary: 'PCN report as a PDF (v1 path)',
    security: bearer,
    request: { params: BuildingParam, query: ExportQuery },
    responses: { 200: binary('application/pdf', 'rapport-pcn.pdf'), ...readErrors },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const ctx = actorContext(c)
    const result = await getPcnReport({
      ctx,
      input: { buildingId: c.req.valid('param').building_id, startDate: q.start_date, endDate: q.end_date },
    })
    if (!result.ok) return problemResponse(c, result.error)
    const language = languageOf(c, q.lang)
    const doc = pcnReportDocument(result.value, language, todayOf(ctx.clock))
    const bytes = await pdfLibRenderer.render(doc.pdf)
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${doc.fileName}"`,
    })
  },
)

pcnApp.openapi(
  createRoute({
    method: 'get',
    path: '/export/excel/{building_id}',
    tags: ['Ledger'],
    summary: 'PCN report as an .xlsx workbook (v1 path; Node server)',
    security: bearer,
    request: { params: BuildingParam, query: ExportQuery },
    responses: {
      200: binary(XLSX_MIME, 'rapport-pcn.xlsx'),
      ...readErrors,
      415: { ...errors[400], description: 'XLSX is written by the Node server only' },
    },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const result = await getPcnReport({
      ctx: actorContext(c),
      input: { buildingId: c.req.valid('param').building_id, startDate: q.start_date, endDate: q.end_date },
    })
    if (!result.ok) return problemResponse(c, result.error)
    const language = languageOf(c, q.lang)
    const xlsx = await writePcnXlsx(result.value, language)
    if (!xlsx.ok) return problemResponse(c, xlsx.error)
    return c.body(xlsx.value as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_MIME,
      'content-disposition': `attachment; filename="rapport-pcn.xlsx"`,
    })
  },
)
