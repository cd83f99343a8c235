import { z } from '@hono/zod-openapi'
import {
  type Cents,
  centsFromEuros,
  centsToEuros,
  EXPENSE_CATEGORIES,
  EXPENSE_LIMITS,
  EXPENSE_SORT_FIELDS,
  EXPENSE_STATUSES,
  type Expense,
  type ExpenseDistribution,
  PAYMENT_STATUSES,
  parseCalendarDate,
  sharePpmToDecimal,
  VAT_RATES,
} from '@koprogo/domain'
import { domainParsed } from '../_shared/domain-query.ts'
import { optionalId, organizationFilter, pageOf, pageQuery } from '../_shared/http.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

export const ExpenseSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    building_id: z.uuid(),
    category: z.enum(EXPENSE_CATEGORIES),
    description: z.string(),
    amount: z.number().openapi({ description: 'Euros (v1); exact cents are in amount_cents' }),
    amount_cents: z.number().int(),
    expense_date: z.string().openapi({ example: '2026-03-31' }),
    payment_status: z.enum(PAYMENT_STATUSES).openapi({
      description: 'v1: whether the association paid its supplier (Paid), not whether the owners paid',
    }),
    supplier: z.string().nullable(),
    invoice_number: z.string().nullable(),
    paid_date: z.string().nullable().openapi({ description: 'When the association paid the supplier' }),
    status: z.enum(EXPENSE_STATUSES).openapi({
      description:
        'Lifecycle: draft (not in the books) → approved (posted) → paid (to the supplier); cancelled',
    }),
    credit_note: z.boolean().openapi({ description: 'A credit note: the amounts are negative' }),
    amount_excl_vat_cents: z.number().int().nullable(),
    vat_rate: z
      .number()
      .int()
      .nullable()
      .openapi({ description: `Belgian VAT rate in %: ${VAT_RATES.join(', ')}` }),
    vat_cents: z.number().int().nullable(),
    supplier_enterprise_number: z.string().nullable().openapi({ example: '0123.456.749' }),
    supplier_iban: z.string().nullable().openapi({ example: 'BE68539007547034' }),
    supplier_id: z
      .uuid()
      .nullable()
      .openapi({ description: 'The supplier record (GET /suppliers/{id}); null: a free-text supplier' }),
    corrects_expense_id: z.uuid().nullable(),
    corrected_by_expense_id: z.uuid().nullable(),
    cancel_reason: z.string().nullable(),
    distribution_key_id: z.uuid().nullable().openapi({ description: 'null: the general key (quote-parts)' }),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Expense')

/** One page schema, shared by /expenses and /buildings/{id}/expenses (one OpenAPI component). */
export const ExpensePageSchema = pageOf(ExpenseSchema, 'ExpensePage')

export function toExpenseDto(e: Expense): z.infer<typeof ExpenseSchema> {
  return {
    id: e.id,
    organization_id: e.organizationId,
    building_id: e.buildingId,
    category: e.category,
    description: e.description,
    amount: centsToEuros(e.amountCents),
    amount_cents: e.amountCents,
    expense_date: e.expenseDate,
    payment_status: e.paymentStatus,
    supplier: e.supplier,
    invoice_number: e.invoiceNumber,
    paid_date: e.paidDate,
    status: e.status,
    credit_note: e.amountCents < 0,
    amount_excl_vat_cents: e.amountExclVatCents,
    vat_rate: e.vatRate,
    vat_cents: e.vatCents,
    supplier_enterprise_number: e.supplierEnterpriseNumber,
    supplier_iban: e.supplierIban,
    supplier_id: e.supplierId,
    corrects_expense_id: e.correctsExpenseId,
    corrected_by_expense_id: e.correctedByExpenseId,
    cancel_reason: e.cancelReason,
    distribution_key_id: e.distributionKeyId,
    version: e.version,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  }
}

/** VAT, supplier identity and credit note: checked by the domain (consistency to the cent, mod 97). */
const ExpenseLedgerFields = {
  credit_note: z.boolean().optional().openapi({ description: 'A credit note: amounts must be negative' }),
  amount_excl_vat_cents: z.number().int().nullish(),
  vat_rate: z
    .number()
    .int()
    .nullish()
    .openapi({ description: `One of ${VAT_RATES.join(', ')} (%)` }),
  vat_cents: z.number().int().nullish().openapi({ description: 'Computed from the rate when absent' }),
  supplier_enterprise_number: z.string().max(EXPENSE_LIMITS.supplier_enterprise_number).nullish(),
  supplier_iban: z.string().max(EXPENSE_LIMITS.supplier_iban).nullish(),
  supplier_id: z.uuid().nullish().openapi({
    description:
      'A supplier of the organization (POST /suppliers); its name, enterprise number and IBAN fill supplier, supplier_enterprise_number and supplier_iban when left blank',
  }),
}

/**
 * `amount` stays loosely typed (number or decimal string) so the domain's exact parser, not
 * JSON's float, decides whether it has at most two decimals.
 */
export const CreateExpenseBody = z
  .object({
    building_id: z.uuid(),
    category: z.enum(EXPENSE_CATEGORIES),
    description: z.string().max(EXPENSE_LIMITS.description),
    amount: z
      .union([z.number(), z.string().max(WIRE_BOUNDS.amount_text)])
      .nullish()
      .openapi({ description: 'Euros, at most 2 decimals (number or "12.34")', example: 1250.5 }),
    amount_cents: z.number().int().nullish().openapi({ example: 125050 }),
    expense_date: z.string().max(WIRE_BOUNDS.date_text).openapi({ example: '2026-03-31' }),
    supplier: z.string().max(EXPENSE_LIMITS.supplier).nullish(),
    invoice_number: z.string().max(EXPENSE_LIMITS.invoice_number).nullish(),
    ...ExpenseLedgerFields,
    draft: z.boolean().optional().openapi({
      description:
        'Keep it out of the books until POST /expenses/{id}/approve; absent (v1): approved and posted at once',
    }),
    distribution_key_id: z
      .uuid()
      .nullish()
      .openapi({ description: 'A distribution key of the building; absent or null: the general key' }),
    organization_id: optionalId().openapi({
      description: 'Sent by v1 clients; ignored: an expense belongs to its building’s organization',
    }),
  })
  .openapi('CreateExpense')

/** What a correction replaces: the expense's own fields (its building stays). */
export const CorrectExpenseBody = z
  .object({
    category: z.enum(EXPENSE_CATEGORIES),
    description: z.string().max(EXPENSE_LIMITS.description),
    amount: z.union([z.number(), z.string().max(WIRE_BOUNDS.amount_text)]).nullish(),
    amount_cents: z.number().int().nullish(),
    expense_date: z.string().max(WIRE_BOUNDS.date_text),
    supplier: z.string().max(EXPENSE_LIMITS.supplier).nullish(),
    invoice_number: z.string().max(EXPENSE_LIMITS.invoice_number).nullish(),
    ...ExpenseLedgerFields,
    reason: z.string().max(EXPENSE_LIMITS.reason).nullish(),
    version: z.number().int().positive().optional(),
  })
  .openapi('CorrectExpense')

export const CancelExpenseBody = z
  .object({
    reason: z.string().max(EXPENSE_LIMITS.reason).nullish(),
    version: z.number().int().positive().optional(),
  })
  .openapi('CancelExpense')

export const ApproveExpenseBody = z
  .object({ version: z.number().int().positive().optional() })
  .openapi('ApproveExpense')

type LedgerFieldsWire = {
  credit_note?: boolean | undefined
  amount_excl_vat_cents?: number | null | undefined
  vat_rate?: number | null | undefined
  vat_cents?: number | null | undefined
  supplier_enterprise_number?: string | null | undefined
  supplier_iban?: string | null | undefined
  supplier_id?: string | null | undefined
}

/** The wire's VAT, supplier and credit-note fields → the domain's. */
export function ledgerFieldsOf(b: LedgerFieldsWire) {
  return {
    creditNote: b.credit_note,
    amountExclVatCents: b.amount_excl_vat_cents,
    vatRate: b.vat_rate,
    vatCents: b.vat_cents,
    supplierEnterpriseNumber: b.supplier_enterprise_number,
    supplierIban: b.supplier_iban,
    supplierId: b.supplier_id,
  }
}

export const MarkPaidBody = z
  .object({
    paid_date: z
      .string()
      .max(WIRE_BOUNDS.date_text)
      .optional()
      .openapi({ description: 'Defaults to today (UTC)' }),
    version: z.number().int().positive().optional(),
  })
  .openapi('MarkExpensePaid')

/** Euros in a query string → cents through the domain's exact parser (never float math). */
export const eurosQuery = (field: string) =>
  domainParsed((v) => centsFromEuros(v, field), 32).openapi({
    type: 'string',
    description: 'Euros, at most 2 decimals',
    example: '100.00',
  })

/** 'YYYY-MM-DD' (or full ISO) in a query string → a calendar day, checked by the domain. */
export const calendarDateQuery = (field: string) =>
  domainParsed((v) => parseCalendarDate(v, field)).openapi({ type: 'string', example: '2026-01-31' })

const expenseFilters = {
  category: z.enum(EXPENSE_CATEGORIES).optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  paid: z.stringbool().optional().openapi({ type: 'boolean' }),
  date_from: calendarDateQuery('date_from').optional(),
  date_to: calendarDateQuery('date_to').optional(),
  min_amount: eurosQuery('min_amount').optional(),
  max_amount: eurosQuery('max_amount').optional(),
}

export const ExpenseListQuery = pageQuery(EXPENSE_SORT_FIELDS, 'created_at').extend({
  ...expenseFilters,
  building_id: z.uuid().optional(),
  organization_id: organizationFilter,
})

export const BuildingExpenseListQuery = pageQuery(EXPENSE_SORT_FIELDS, 'created_at').extend(expenseFilters)

type ExpenseFilterQuery = {
  category?: Expense['category'] | undefined
  status?: Expense['paymentStatus'] | undefined
  paid?: boolean | undefined
  date_from?: string | undefined
  date_to?: string | undefined
  min_amount?: Cents | undefined
  max_amount?: Cents | undefined
}

/** The wire filters → the use case's query (shared by /expenses and /buildings/{id}/expenses). */
export function toExpenseFilter(q: ExpenseFilterQuery) {
  return {
    category: q.category,
    status: q.status,
    paid: q.paid,
    dateFrom: q.date_from,
    dateTo: q.date_to,
    minAmountCents: q.min_amount,
    maxAmountCents: q.max_amount,
  }
}

export const DistributionSchema = z
  .object({
    expense_id: z.uuid(),
    building_id: z.uuid(),
    payment_status: z.enum(PAYMENT_STATUSES),
    amount: z.number(),
    amount_cents: z.number().int(),
    total_tantiemes: z.number().int(),
    unallocated_cents: z.number().int().openapi({ description: 'Tantièmes carried by no registered unit' }),
    as_of: z.string().openapi({ description: 'The expense date: whose shares carry the charge' }),
    units: z.array(
      z.object({
        unit_id: z.uuid(),
        unit_number: z.string(),
        quota: z.number().int(),
        amount: z.number(),
        amount_cents: z.number().int(),
        unassigned_cents: z.number().int(),
        owners: z.array(
          z.object({
            owner_id: z.uuid(),
            ownership_share: z.number(),
            share_ppm: z.number().int(),
            amount: z.number(),
            amount_cents: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('ExpenseDistribution')

export function toDistributionDto(d: ExpenseDistribution): z.infer<typeof DistributionSchema> {
  return {
    expense_id: d.expenseId,
    building_id: d.buildingId,
    payment_status: d.paymentStatus,
    amount: centsToEuros(d.amountCents),
    amount_cents: d.amountCents,
    total_tantiemes: d.totalTantiemes,
    unallocated_cents: d.unallocatedCents,
    as_of: d.expenseDate,
    units: d.units.map((u) => ({
      unit_id: u.unitId,
      unit_number: u.unitNumber,
      quota: u.quota,
      amount: centsToEuros(u.amountCents),
      amount_cents: u.amountCents,
      unassigned_cents: u.unassignedCents,
      owners: u.owners.map((o) => ({
        owner_id: o.ownerId,
        ownership_share: sharePpmToDecimal(o.sharePpm),
        share_ppm: o.sharePpm,
        amount: centsToEuros(o.amountCents),
        amount_cents: o.amountCents,
      })),
    })),
  }
}
