import { z } from '@hono/zod-openapi'
import {
  type ApprovedBudget,
  BUDGET_LIMITS,
  BUDGET_STATUSES,
  type Budget,
  type BuildingFinanceSettings,
  DISTRIBUTION_KEY_KINDS,
  DISTRIBUTION_KEY_LIMITS,
  type DistributionKey,
  EXPENSE_CATEGORIES,
  minimumReserveContribution,
  PROVISION_PERIODICITIES,
  SALE_SPLIT_RULES,
  type SaleSplit,
  workingCapitalCents,
} from '@koprogo/domain'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

/*
 * DTOs of /buildings/{id}/distribution-keys, /budgets, /finance-settings and /sale-split, built from
 * the domain's constants (ADR 0026). Money is integer cents only: these are new endpoints, no v1
 * client sends euros to them.
 */

export const KeyIdParam = z.object({
  building_id: z.uuid().openapi({ param: { name: 'building_id', in: 'path' } }),
  key_id: z.uuid().openapi({ param: { name: 'key_id', in: 'path' } }),
})
export const BudgetIdParam = z.object({
  building_id: z.uuid().openapi({ param: { name: 'building_id', in: 'path' } }),
  budget_id: z.uuid().openapi({ param: { name: 'budget_id', in: 'path' } }),
})

const KeyMemberSchema = z.object({
  unit_id: z.uuid(),
  weight: z
    .number()
    .int()
    .positive()
    .max(DISTRIBUTION_KEY_LIMITS.weight)
    .nullable()
    .openapi({ description: 'null in a subset key: the lot’s quote-part on the charge’s date' }),
})

export const DistributionKeySchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    name: z.string(),
    kind: z.enum(DISTRIBUTION_KEY_KINDS),
    statutory: z.boolean(),
    members: z.array(KeyMemberSchema),
    resolution_id: z.uuid().nullable(),
    resolution_reference: z.string().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('DistributionKey')

export const DistributionKeyBody = z
  .object({
    name: z.string().max(DISTRIBUTION_KEY_LIMITS.name),
    kind: z.enum(DISTRIBUTION_KEY_KINDS),
    members: z.array(KeyMemberSchema).max(DISTRIBUTION_KEY_LIMITS.members).optional(),
    statutory: z.boolean().optional(),
    resolution_id: z
      .uuid()
      .nullish()
      .openapi({ description: 'The assembly resolution that decided the key' }),
    resolution_reference: z.string().max(DISTRIBUTION_KEY_LIMITS.resolution_reference).nullish(),
    version: z.number().int().positive().optional(),
  })
  .openapi('DistributionKeyInput')

export function toKeyDto(k: DistributionKey): z.infer<typeof DistributionKeySchema> {
  return {
    id: k.id,
    building_id: k.buildingId,
    name: k.name,
    kind: k.kind,
    statutory: k.statutory,
    members: k.members.map((m) => ({ unit_id: m.unitId, weight: m.weight })),
    resolution_id: k.resolutionId,
    resolution_reference: k.resolutionReference,
    version: k.version,
    created_at: k.createdAt.toISOString(),
    updated_at: k.updatedAt.toISOString(),
  }
}

export const toKeyFields = (b: z.infer<typeof DistributionKeyBody>) => ({
  name: b.name,
  kind: b.kind,
  members: b.members?.map((m) => ({ unitId: m.unit_id, weight: m.weight })),
  statutory: b.statutory,
  resolutionId: b.resolution_id,
  resolutionReference: b.resolution_reference,
})

const BudgetLineSchema = z.object({
  category: z.enum(EXPENSE_CATEGORIES),
  label: z.string().max(BUDGET_LIMITS.label),
  distribution_key_id: z.uuid().nullable().openapi({ description: 'null: the general key (quote-parts)' }),
  amount_cents: z.number().int(),
})

const DecisionSchema = z.object({
  resolution_id: z.uuid().nullable(),
  resolution_reference: z.string().nullable(),
})

export const BudgetSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    fiscal_year: z.number().int(),
    status: z.enum(BUDGET_STATUSES),
    provision_periodicity: z.enum(PROVISION_PERIODICITIES),
    lines: z.array(BudgetLineSchema),
    working_capital_cents: z.number().int().openapi({ description: 'Σ lines: the year’s provisions' }),
    reserve_contribution_cents: z.number().int(),
    previous_year_ordinary_charges_cents: z.number().int().nullable(),
    reserve_minimum_cents: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '5 % of previous_year_ordinary_charges_cents, rounded up (art. 3.86 §3)' }),
    reserve_waiver: DecisionSchema.extend({ decided_on: z.string() }).nullable(),
    approval: DecisionSchema.extend({ approved_on: z.string() }).nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Budget')

export const BudgetBody = z
  .object({
    fiscal_year: z.number().int().min(BUDGET_LIMITS.min_fiscal_year).max(BUDGET_LIMITS.max_fiscal_year),
    provision_periodicity: z.enum(PROVISION_PERIODICITIES).optional(),
    lines: z
      .array(
        z.object({
          category: z.enum(EXPENSE_CATEGORIES),
          label: z.string().max(BUDGET_LIMITS.label).nullish(),
          distribution_key_id: z.uuid().nullish(),
          amount_cents: z.number().int(),
        }),
      )
      .max(BUDGET_LIMITS.lines),
    reserve_contribution_cents: z.number().int().optional(),
    reserve_waiver: z
      .object({
        resolution_id: z.uuid().nullish(),
        resolution_reference: z.string().max(BUDGET_LIMITS.resolution_reference).nullish(),
        decided_on: z.string().max(WIRE_BOUNDS.date_text),
      })
      .nullish()
      .openapi({ description: 'The assembly’s four-fifths decision not to (fully) fund the reserve' }),
    version: z.number().int().positive().optional(),
  })
  .openapi('BudgetInput')

export const toBudgetFields = (b: z.infer<typeof BudgetBody>) => ({
  fiscalYear: b.fiscal_year,
  provisionPeriodicity: b.provision_periodicity,
  lines: b.lines.map((l) => ({
    category: l.category,
    label: l.label,
    distributionKeyId: l.distribution_key_id,
    amountCents: l.amount_cents,
  })),
  reserveContributionCents: b.reserve_contribution_cents,
  reserveWaiver: b.reserve_waiver
    ? {
        resolutionId: b.reserve_waiver.resolution_id,
        resolutionReference: b.reserve_waiver.resolution_reference,
        decidedOn: b.reserve_waiver.decided_on,
      }
    : null,
})

export const ApproveBudgetBody = z
  .object({
    resolution_id: z.uuid().nullish(),
    resolution_reference: z.string().max(BUDGET_LIMITS.resolution_reference).nullish(),
    approved_on: z.string().max(WIRE_BOUNDS.date_text),
    version: z.number().int().positive().optional(),
  })
  .openapi('ApproveBudget')

const lineDto = (l: Budget['lines'][number]) => ({
  category: l.category,
  label: l.label,
  distribution_key_id: l.distributionKeyId,
  amount_cents: l.amountCents,
})

export function toBudgetDto(b: Budget): z.infer<typeof BudgetSchema> {
  return {
    id: b.id,
    building_id: b.buildingId,
    fiscal_year: b.fiscalYear,
    status: b.status,
    provision_periodicity: b.provisionPeriodicity,
    lines: b.lines.map(lineDto),
    working_capital_cents: workingCapitalCents(b),
    reserve_contribution_cents: b.reserveContributionCents,
    previous_year_ordinary_charges_cents: b.previousYearOrdinaryChargesCents,
    reserve_minimum_cents:
      b.previousYearOrdinaryChargesCents === null
        ? null
        : minimumReserveContribution(b.previousYearOrdinaryChargesCents),
    reserve_waiver: b.reserveWaiver
      ? {
          resolution_id: b.reserveWaiver.resolutionId,
          resolution_reference: b.reserveWaiver.resolutionReference,
          decided_on: b.reserveWaiver.decidedOn,
        }
      : null,
    approval: b.approval
      ? {
          resolution_id: b.approval.resolutionId,
          resolution_reference: b.approval.resolutionReference,
          approved_on: b.approval.approvedOn,
        }
      : null,
    version: b.version,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  }
}

export const ApprovedBudgetQuery = z.object({
  fiscal_year: z.coerce
    .number()
    .int()
    .min(BUDGET_LIMITS.min_fiscal_year)
    .max(BUDGET_LIMITS.max_fiscal_year)
    .optional()
    .openapi({ description: 'Defaults to the current year (Brussels calendar)' }),
})

export const ApprovedBudgetSchema = z
  .object({
    budget_id: z.uuid(),
    building_id: z.uuid(),
    fiscal_year: z.number().int(),
    provision_periodicity: z.enum(PROVISION_PERIODICITIES),
    lines: z.array(BudgetLineSchema.extend({ key: DistributionKeySchema.nullable() })),
    working_capital_cents: z.number().int(),
    reserve_contribution_cents: z.number().int(),
    approval: DecisionSchema.extend({ approved_on: z.string() }),
  })
  .openapi('ApprovedBudget')

export function toApprovedBudgetDto(a: ApprovedBudget): z.infer<typeof ApprovedBudgetSchema> {
  return {
    budget_id: a.budgetId,
    building_id: a.buildingId,
    fiscal_year: a.fiscalYear,
    provision_periodicity: a.provisionPeriodicity,
    lines: a.lines.map((l) => ({ ...lineDto(l), key: l.key ? toKeyDto(l.key) : null })),
    working_capital_cents: a.workingCapitalCents,
    reserve_contribution_cents: a.reserveContributionCents,
    approval: {
      resolution_id: a.approval.resolutionId,
      resolution_reference: a.approval.resolutionReference,
      approved_on: a.approval.approvedOn,
    },
  }
}

export const FinanceSettingsSchema = z
  .object({
    building_id: z.uuid(),
    sale_split_rule: z.enum(SALE_SPLIT_RULES).openapi({
      description:
        'How a sale splits a period’s ordinary charges and provisions: days (pro rata from the deed date), invoice_date or due_date (whoever holds the lot that day)',
    }),
    version: z.number().int().openapi({ description: '0 while the building uses the defaults' }),
  })
  .openapi('FinanceSettings')

export const FinanceSettingsBody = z
  .object({ sale_split_rule: z.enum(SALE_SPLIT_RULES), version: z.number().int().min(0).optional() })
  .openapi('UpdateFinanceSettings')

export const toSettingsDto = (s: BuildingFinanceSettings): z.infer<typeof FinanceSettingsSchema> => ({
  building_id: s.buildingId,
  sale_split_rule: s.saleSplitRule,
  version: s.version,
})

// Required in fact, optional on the wire: the use case checks the building first (a foreign one is
// a 404 whatever the query), then reports each missing value.
export const SaleSplitQuery = z.object({
  amount_cents: z.coerce.number().int().min(0).optional(),
  period_start: z.string().max(WIRE_BOUNDS.date_text).optional(),
  period_end: z.string().max(WIRE_BOUNDS.date_text).optional(),
  deed_date: z.string().max(WIRE_BOUNDS.date_text).optional(),
  invoice_date: z.string().max(WIRE_BOUNDS.date_text).optional(),
  due_date: z.string().max(WIRE_BOUNDS.date_text).optional(),
})

export const SaleSplitSchema = z
  .object({
    rule: z.enum(SALE_SPLIT_RULES),
    seller_cents: z.number().int(),
    buyer_cents: z.number().int(),
    seller_days: z.number().int(),
    buyer_days: z.number().int(),
    total_days: z.number().int(),
    explanation: z.string(),
  })
  .openapi('SaleSplit')

export const toSaleSplitDto = (rule: (typeof SALE_SPLIT_RULES)[number], s: SaleSplit) => ({
  rule,
  seller_cents: s.sellerCents,
  buyer_cents: s.buyerCents,
  seller_days: s.sellerDays,
  buyer_days: s.buyerDays,
  total_days: s.totalDays,
  explanation: s.explanation,
})
