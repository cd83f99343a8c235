import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ACCOUNT_CODES,
  ACCOUNT_NATURES,
  type Entry,
  getAccountLedger,
  getTrialBalance,
  JOURNALS,
  LEDGER_LIMITS,
  listLedgerEntries,
} from '@koprogo/domain'
import { bearer, errors, json, paginated, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { BuildingIdParam } from './schema.ts'

/*
 * The association's books (ADR 0031), read by the syndic and the accountant (and a superadmin):
 * GET /buildings/{id}/ledger/trial-balance, /ledger/accounts/{code}, /ledger/entries. Owners get
 * 403; another tenant's building is a 404. Amounts are integer cents.
 */

const FiscalYearQuery = z.object({
  fiscal_year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(LEDGER_LIMITS.fiscal_year)
    .optional()
    .openapi({ description: 'The year the fiscal year starts in; default: the current one' }),
})

const FiscalYearSchema = z.object({ year: z.number().int(), from: z.string(), to: z.string() })

const TrialBalanceSchema = z
  .object({
    building_id: z.uuid(),
    fiscal_year: FiscalYearSchema,
    rows: z.array(
      z.object({
        account: z.string(),
        name: z.string(),
        account_class: z.number().int(),
        nature: z.enum(ACCOUNT_NATURES),
        debit_cents: z.number().int(),
        credit_cents: z.number().int(),
        balance_cents: z.number().int().openapi({ description: 'debit − credit' }),
      }),
    ),
    total_debit_cents: z.number().int(),
    total_credit_cents: z.number().int(),
    balance_cents: z.number().int().openapi({ description: 'Always 0: the books balance' }),
  })
  .openapi('TrialBalance')

const LineSchema = z.object({
  account: z.string(),
  debit_cents: z.number().int(),
  credit_cents: z.number().int(),
  owner_id: z.uuid().nullable(),
  unit_id: z.uuid().nullable(),
  supplier_id: z.uuid().nullable(),
})

const AccountLedgerSchema = z
  .object({
    building_id: z.uuid(),
    fiscal_year: FiscalYearSchema,
    account: z.string(),
    name: z.string(),
    lines: z.array(
      LineSchema.extend({
        entry_id: z.uuid(),
        date: z.string(),
        journal: z.enum(JOURNALS),
        label: z.string(),
        reverses_entry_id: z.uuid().nullable(),
        running_balance_cents: z.number().int(),
      }),
    ),
    debit_cents: z.number().int(),
    credit_cents: z.number().int(),
    balance_cents: z.number().int(),
  })
  .openapi('AccountLedger')

const EntrySchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    fiscal_year: z.number().int(),
    journal: z.enum(JOURNALS),
    date: z.string(),
    label: z.string(),
    source: z.object({ kind: z.string(), id: z.string() }),
    reverses_entry_id: z.uuid().nullable(),
    total_cents: z.number().int(),
    created_at: z.string(),
    lines: z.array(LineSchema),
  })
  .openapi('LedgerEntry')

const EntriesQuery = FiscalYearQuery.extend({
  journal: z.enum(JOURNALS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
})

const EntryPageSchema = z
  .object({
    data: z.array(EntrySchema),
    pagination: z.object({
      current_page: z.number().int(),
      per_page: z.number().int(),
      total_items: z.number().int(),
      total_pages: z.number().int(),
      has_next: z.boolean(),
      has_previous: z.boolean(),
    }),
    fiscal_year: FiscalYearSchema,
  })
  .openapi('LedgerEntryPage')

const lineDto = (l: Entry['lines'][number]) => ({
  account: l.account,
  debit_cents: l.debitCents,
  credit_cents: l.creditCents,
  owner_id: l.ownerId ?? null,
  unit_id: l.unitId ?? null,
  supplier_id: l.supplierId ?? null,
})

const entryDto = (e: Entry): z.infer<typeof EntrySchema> => ({
  id: e.id,
  building_id: e.buildingId,
  fiscal_year: e.fiscalYear,
  journal: e.journal,
  date: e.date,
  label: e.label,
  source: e.source,
  reverses_entry_id: e.reversesEntryId,
  total_cents: e.totalCents,
  created_at: e.createdAt.toISOString(),
  lines: e.lines.map(lineDto),
})

const readErrors = { 400: errors[400], 403: errors[403], 404: errors[404] }

export function mountBuildingLedger(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/ledger/trial-balance',
      tags: ['Ledger'],
      summary: 'Trial balance of a fiscal year: per account debits, credits and balance (syndic, accountant)',
      security: bearer,
      request: { params: BuildingIdParam, query: FiscalYearQuery },
      responses: { 200: json(TrialBalanceSchema, 'The trial balance'), ...readErrors },
    }),
    async (c) => {
      const result = await getTrialBalance({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id, fiscalYear: c.req.valid('query').fiscal_year },
      })
      return respond(c, result, (t) =>
        c.json(
          {
            building_id: t.buildingId,
            fiscal_year: t.fiscalYear,
            rows: t.rows.map((r) => ({
              account: r.account,
              name: r.name,
              account_class: r.accountClass,
              nature: r.nature,
              debit_cents: r.debitCents,
              credit_cents: r.creditCents,
              balance_cents: r.balanceCents,
            })),
            total_debit_cents: t.totalDebitCents,
            total_credit_cents: t.totalCreditCents,
            balance_cents: t.balanceCents,
          },
          200,
        ),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/ledger/accounts/{code}',
      tags: ['Ledger'],
      summary: "An account's ledger for a fiscal year, with the running balance (syndic, accountant)",
      security: bearer,
      request: {
        params: BuildingIdParam.extend({
          code: z
            .string()
            .max(10)
            .openapi({ param: { name: 'code', in: 'path' }, example: ACCOUNT_CODES[0] }),
        }),
        query: FiscalYearQuery,
      },
      responses: { 200: json(AccountLedgerSchema, 'The account ledger'), ...readErrors },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await getAccountLedger({
        ctx: actorContext(c),
        input: { buildingId: p.building_id, account: p.code, fiscalYear: c.req.valid('query').fiscal_year },
      })
      return respond(c, result, (a) =>
        c.json(
          {
            building_id: a.buildingId,
            fiscal_year: a.fiscalYear,
            account: a.account,
            name: a.name,
            lines: a.lines.map((l) => ({
              ...lineDto(l),
              entry_id: l.entryId,
              date: l.date,
              journal: l.journal,
              label: l.label,
              reverses_entry_id: l.reversesEntryId,
              running_balance_cents: l.runningBalanceCents,
            })),
            debit_cents: a.debitCents,
            credit_cents: a.creditCents,
            balance_cents: a.balanceCents,
          },
          200,
        ),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/ledger/entries',
      tags: ['Ledger'],
      summary: 'The entries of a fiscal year, newest first, paged (syndic, accountant)',
      security: bearer,
      request: { params: BuildingIdParam, query: EntriesQuery },
      responses: { 200: json(EntryPageSchema, 'A page of entries'), ...readErrors },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = { page: q.page, perPage: q.per_page, sortBy: 'date', order: 'desc' as const }
      const result = await listLedgerEntries({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').building_id,
          fiscalYear: q.fiscal_year,
          journal: q.journal,
          page: q.page,
          perPage: q.per_page,
        },
      })
      return respond(c, result, (p) =>
        c.json({ ...paginated(p, page, entryDto), fiscal_year: p.fiscalYear }, 200),
      )
    },
  )
}
