import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { keyOfBuilding } from './budget/building-access.ts'
import {
  type Expense,
  type ExpenseFields,
  issuesOf,
  NEW_EXPENSE_LIFECYCLE,
  type ValidExpenseFields,
  validateExpense,
} from './expense.entity.ts'
import { type ExpenseAmountInput, resolveExpenseAmount } from './expense-amount.value-object.ts'
import { distributionToFreeze, recordApproval } from './expense-approval.ts'
import { isVatRate, vatOf } from './expense-vat.ts'
import type { FinanceContext, FinanceRepos } from './finance.ports.ts'

/** The wire's amount comes as `amount` (euros) and/or `amount_cents`; see resolveExpenseAmount. */
export type CreateExpenseInput = Omit<ExpenseFields, 'amountCents'> &
  ExpenseAmountInput & {
    readonly buildingId: string
    /** Keep it out of the books until approved (POST /expenses/{id}/approve). v1: absent = approved at once. */
    readonly draft?: boolean | undefined
    /** A key of the building (finance/budget); absent or null: the general key. */
    readonly distributionKeyId?: string | null | undefined
    /** A supplier record of the organization; its name, number and IBAN fill the v1 fields left blank. */
    readonly supplierId?: string | null | undefined
  }

/**
 * Validates the typed fields of a new expense (or of a correction). Without an amount, the amount
 * excluding VAT and the rate give it (excl + VAT).
 */
export function validateNewExpense(
  input: Omit<CreateExpenseInput, 'buildingId'>,
): Result<ValidExpenseFields> {
  const derivable =
    input.amount == null &&
    input.amountCents == null &&
    typeof input.amountExclVatCents === 'number' &&
    isVatRate(input.vatRate)
  const amount = derivable
    ? ok(
        ((input.amountExclVatCents as number) +
          (input.vatCents ?? vatOf(input.amountExclVatCents as number, input.vatRate as 0))) as Cents,
      )
    : resolveExpenseAmount(input)
  // A placeholder amount lets every other field be checked too, so the client sees all issues.
  const placeholder = input.creditNote === true ? -1 : 1
  const fields = validateExpense({ ...input, amountCents: amount.ok ? amount.value : placeholder })
  if (!amount.ok || !fields.ok)
    return err(DomainErrors.validation('Invalid expense', [...issuesOf(amount), ...issuesOf(fields)]))
  return fields
}

/**
 * Records an expense of a building of the actor's organization (a superadmin: of the building's
 * organization). v1 clients have no draft: their expense is approved at once, its distribution
 * frozen and its entry posted (ADR 0031); `draft: true` keeps it out of the books until approved.
 * The v1 payment status is Pending until paid to the supplier.
 */
export async function createExpense({
  ctx,
  input,
}: UseCaseCall<FinanceContext, CreateExpenseInput>): Promise<Result<Expense>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const fields = validateNewExpense(input)
  if (!fields.ok) return fields
  return ctx.transaction(async (repos) => {
    const scoped = await scopeForRow(ctx.actor, 'Building', () =>
      repos.property.buildings.organizationOf(input.buildingId),
    )
    if (!scoped.ok) return scoped
    const building = await repos.property.buildings.findById(scoped.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const key = await keyOfBuilding(
      repos,
      scoped.value,
      building.id,
      input.distributionKeyId ?? null,
      'distribution_key_id',
    )
    if (!key.ok) return key
    const supplied = await withSupplier(repos, scoped.value, fields.value, input.supplierId ?? null)
    if (!supplied.ok) return supplied
    return ok(
      await insertExpense(ctx, repos, building, supplied.value.fields, {
        draft: input.draft === true,
        distributionKeyId: key.value?.id ?? null,
        supplierId: supplied.value.supplierId,
      }),
    )
  })
}

/** Inserts a new expense (approved and posted unless a draft) and records its events. */
export async function insertExpense(
  ctx: FinanceContext,
  repos: FinanceRepos,
  building: { readonly id: string; readonly organizationId: string },
  valid: ValidExpenseFields,
  options: {
    readonly draft: boolean
    readonly correctsExpenseId?: string
    /** The expense's key; null or absent: the general key. */
    readonly distributionKeyId?: string | null
    readonly supplierId?: string | null
  },
): Promise<Expense> {
  const scope = { organizationId: building.organizationId }
  const now = ctx.clock.now()
  const draft: Expense = {
    id: ctx.ids.next(),
    organizationId: building.organizationId,
    buildingId: building.id,
    ...NEW_EXPENSE_LIFECYCLE,
    ...valid,
    correctsExpenseId: options.correctsExpenseId ?? null,
    distributionKeyId: options.distributionKeyId ?? null,
    supplierId: options.supplierId ?? null,
    paymentStatus: 'Pending',
    paidDate: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  const expense: Expense = options.draft
    ? draft
    : {
        ...draft,
        status: 'approved',
        postedAt: now,
        distribution: await distributionToFreeze(repos, scope, draft),
      }
  await repos.finance.expenses.insert(scope, expense)
  await recordEvent(ctx, repos, 'ExpenseRecorded', expense, expense.id, {
    buildingId: expense.buildingId,
    amountCents: expense.amountCents,
    category: expense.category,
    status: expense.status,
  })
  if (!options.draft) await recordApproval(ctx, repos, expense)
  return expense
}

/**
 * The supplier record named by `supplierId` (of the expense's organization, else a field issue:
 * another tenant's supplier is "unknown") and the fields with its name, enterprise number and IBAN
 * where the caller left them blank: v1 readers keep reading the free-text fields.
 */
export async function withSupplier(
  repos: FinanceRepos,
  scope: TenantScope,
  fields: ValidExpenseFields,
  supplierId: string | null,
): Promise<Result<{ fields: ValidExpenseFields; supplierId: string | null }>> {
  if (supplierId === null) return ok({ fields, supplierId: null })
  const supplier = await repos.finance.suppliers.findById(scope, supplierId)
  if (!supplier)
    return err(DomainErrors.invalidField('supplier_id', 'is not a supplier of this organization'))
  return ok({
    supplierId: supplier.id,
    fields: {
      ...fields,
      supplier: fields.supplier ?? supplier.name,
      supplierEnterpriseNumber: fields.supplierEnterpriseNumber ?? supplier.enterpriseNumber,
      supplierIban: fields.supplierIban ?? supplier.iban,
    },
  })
}
