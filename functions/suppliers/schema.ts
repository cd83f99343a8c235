import { z } from '@hono/zod-openapi'
import {
  OWNER_LANGUAGES,
  SUPPLIER_LIMITS,
  SUPPLIER_SORT_FIELDS,
  type Supplier,
  type SupplierAccount,
} from '@koprogo/domain'
import { optionalId, organizationFilter, pageOf, pageQuery } from '../_shared/http.ts'

export const SupplierSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    name: z.string(),
    enterprise_number: z.string().nullable().openapi({ example: '0123.456.749' }),
    vat_number: z.string().nullable().openapi({ example: 'BE0123456749' }),
    iban: z.string().nullable().openapi({ example: 'BE68539007547034' }),
    address: z.string().nullable(),
    language: z
      .string()
      .nullable()
      .openapi({ description: `One of ${OWNER_LANGUAGES.join(', ')}` }),
    email: z.string().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Supplier')

export const SupplierPageSchema = pageOf(SupplierSchema, 'SupplierPage')

export function toSupplierDto(s: Supplier): z.infer<typeof SupplierSchema> {
  return {
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    enterprise_number: s.enterpriseNumber,
    vat_number: s.vatNumber,
    iban: s.iban,
    address: s.address,
    language: s.language,
    email: s.email,
    version: s.version,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  }
}

/** Numbers are checked by the domain (enterprise number mod 97, IBAN, VAT prefix). */
export const SupplierBody = z
  .object({
    name: z.string().max(SUPPLIER_LIMITS.name),
    enterprise_number: z.string().max(SUPPLIER_LIMITS.enterprise_number).nullish(),
    vat_number: z.string().max(SUPPLIER_LIMITS.vat_number).nullish(),
    iban: z.string().max(SUPPLIER_LIMITS.iban).nullish(),
    address: z.string().max(SUPPLIER_LIMITS.address).nullish(),
    language: z.enum(OWNER_LANGUAGES).optional().openapi({ description: 'Absent: unknown' }),
    email: z.string().max(SUPPLIER_LIMITS.email).nullish(),
    organization_id: optionalId().openapi({
      description: 'A superadmin names the tenant; ignored for others',
    }),
    version: z.number().int().positive().optional(),
  })
  .openapi('SupplierInput')

export function toSupplierFields(b: z.infer<typeof SupplierBody>) {
  return {
    name: b.name,
    enterpriseNumber: b.enterprise_number,
    vatNumber: b.vat_number,
    iban: b.iban,
    address: b.address,
    language: b.language,
    email: b.email,
  }
}

export const SupplierListQuery = pageQuery(SUPPLIER_SORT_FIELDS, 'name').extend({
  search: z.string().max(SUPPLIER_LIMITS.search).optional(),
  organization_id: organizationFilter,
})

export const SupplierAccountQuery = z.object({ building_id: z.uuid().optional() })

export const SupplierAccountSchema = z
  .object({
    supplier: SupplierSchema,
    debit_cents: z.number().int(),
    credit_cents: z.number().int(),
    balance_cents: z
      .number()
      .int()
      .openapi({ description: 'Credit − debit on 440: what the associations owe the supplier' }),
    lines: z.array(
      z.object({
        entry_id: z.uuid(),
        building_id: z.uuid(),
        date: z.string(),
        journal: z.string(),
        label: z.string(),
        debit_cents: z.number().int(),
        credit_cents: z.number().int(),
        reverses_entry_id: z.uuid().nullable(),
        running_balance_cents: z.number().int(),
      }),
    ),
  })
  .openapi('SupplierAccount')

export function toSupplierAccountDto(a: SupplierAccount): z.infer<typeof SupplierAccountSchema> {
  return {
    supplier: toSupplierDto(a.supplier),
    debit_cents: a.debitCents,
    credit_cents: a.creditCents,
    balance_cents: a.balanceCents,
    lines: a.lines.map((l) => ({
      entry_id: l.entryId,
      building_id: l.buildingId,
      date: l.date,
      journal: l.journal,
      label: l.label,
      debit_cents: l.debitCents,
      credit_cents: l.creditCents,
      reverses_entry_id: l.reversesEntryId,
      running_balance_cents: l.runningBalanceCents,
    })),
  }
}
