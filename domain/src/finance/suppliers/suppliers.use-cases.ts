import { listScopeFor, requirePermission, scopeFor, scopeForRow } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import type { TenantScope } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import type { Page, PageRequest } from '../../shared/ports.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import type { FinanceContext, FinanceRepos } from '../finance.ports.ts'
import { type Supplier, type SupplierFields, validateSupplier } from './supplier.entity.ts'
import type { SupplierAccountLine, SupplierSortField } from './supplier.ports.ts'

/*
 * Suppliers are the organization's (ADR 0037): staff who keep the books (finance:write — syndic,
 * accountant, superadmin) write them; staff read them (organization:read). An owner is refused
 * (403: the list reveals no row). Another tenant's supplier is a 404, like a missing one.
 */

async function readScope(ctx: FinanceContext, id: string): Promise<Result<TenantScope>> {
  const allowed = requirePermission(ctx.actor, 'organization:read')
  if (!allowed.ok) return allowed
  return scopeForRow(ctx.actor, 'Supplier', () => ctx.repos.finance.suppliers.organizationOf(id))
}

async function writeScope(
  ctx: FinanceContext,
  repos: FinanceRepos,
  id: string,
): Promise<Result<TenantScope>> {
  const allowed = requirePermission(ctx.actor, 'finance:write')
  if (!allowed.ok) return allowed
  return scopeForRow(ctx.actor, 'Supplier', () => repos.finance.suppliers.organizationOf(id))
}

export async function listSuppliers({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  {
    readonly search?: string | undefined
    readonly organizationId?: string | null | undefined
    readonly page: PageRequest<SupplierSortField>
  }
>): Promise<Result<Page<Supplier>>> {
  const allowed = requirePermission(ctx.actor, 'organization:read')
  if (!allowed.ok) return allowed
  const scope = listScopeFor(ctx.actor, input.organizationId)
  if (!scope.ok) return scope
  // Suppliers are a tenant's records: a superadmin names the tenant (no cross-tenant list).
  if (scope.value === null)
    return err(DomainErrors.invalidField('organization_id', 'is required for a superadmin'))
  return ok(await ctx.repos.finance.suppliers.list(scope.value, { search: input.search }, input.page))
}

export async function getSupplier({
  ctx,
  input,
}: UseCaseCall<FinanceContext, { readonly id: string }>): Promise<Result<Supplier>> {
  const scope = await readScope(ctx, input.id)
  if (!scope.ok) return scope
  const supplier = await ctx.repos.finance.suppliers.findById(scope.value, input.id)
  return supplier ? ok(supplier) : err(DomainErrors.notFound('Supplier'))
}

export async function createSupplier({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  SupplierFields & { readonly organizationId?: string | null | undefined }
>): Promise<Result<Supplier>> {
  const allowed = requirePermission(ctx.actor, 'finance:write')
  if (!allowed.ok) return allowed
  const scope = scopeFor(ctx.actor, input.organizationId)
  if (!scope.ok) return scope
  const fields = validateSupplier(input)
  if (!fields.ok) return fields
  return ctx.transaction(async (repos) => {
    const now = ctx.clock.now()
    const supplier: Supplier = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      ...fields.value,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.finance.suppliers.insert(scope.value, supplier)
    await recordEvent(ctx, repos, 'SupplierCreated', supplier, supplier.id, describe(supplier))
    return ok(supplier)
  })
}

export async function updateSupplier({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  SupplierFields & { readonly id: string; readonly expectedVersion?: number | undefined }
>): Promise<Result<Supplier>> {
  const fields = validateSupplier(input)
  return ctx.transaction(async (repos) => {
    const scope = await writeScope(ctx, repos, input.id)
    if (!scope.ok) return scope
    const current = await repos.finance.suppliers.findById(scope.value, input.id)
    if (!current) return err(DomainErrors.notFound('Supplier'))
    if (!fields.ok) return fields
    const fresh = checkVersion('Supplier', current.version, input.expectedVersion)
    if (!fresh.ok) return fresh
    const updated: Supplier = {
      ...current,
      ...fields.value,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await repos.finance.suppliers.update(scope.value, updated)))
      return err(DomainErrors.versionConflict('Supplier', current.version))
    // Expenses keep the name/number/IBAN they were booked with (their v1 fields are a snapshot).
    await recordEvent(ctx, repos, 'SupplierUpdated', updated, updated.id, {
      ...describe(updated),
      previous: describe(current),
    })
    return ok(updated)
  })
}

/** A supplier an expense names stays (409): its account in the books names it. */
export async function deleteSupplier({
  ctx,
  input,
}: UseCaseCall<FinanceContext, { readonly id: string }>): Promise<Result<null>> {
  return ctx.transaction(async (repos) => {
    const scope = await writeScope(ctx, repos, input.id)
    if (!scope.ok) return scope
    const current = await repos.finance.suppliers.findById(scope.value, input.id)
    if (!current) return err(DomainErrors.notFound('Supplier'))
    if (await repos.finance.suppliers.isUsed(scope.value, input.id)) {
      return err(
        DomainErrors.conflict(
          'supplier_in_use',
          `The supplier "${current.name}" is named by an expense and cannot be deleted`,
          { supplier: current.name },
        ),
      )
    }
    await repos.finance.suppliers.delete(scope.value, input.id)
    await recordEvent(ctx, repos, 'SupplierDeleted', current, current.id, describe(current))
    return ok(null)
  })
}

export type SupplierAccount = {
  readonly supplier: Supplier
  /** The 440 lines naming it, with the running balance (credit − debit: what the association owes). */
  readonly lines: readonly (SupplierAccountLine & { readonly runningBalanceCents: number })[]
  readonly debitCents: number
  readonly creditCents: number
  /** Credit − debit: positive, the associations owe the supplier; negative, it owes them (a refund). */
  readonly balanceCents: number
}

/** GET /suppliers/{id}/account: the supplier's account (440) across the tenant's buildings. */
export async function getSupplierAccount({
  ctx,
  input,
}: UseCaseCall<FinanceContext, { readonly id: string; readonly buildingId?: string | undefined }>): Promise<
  Result<SupplierAccount>
> {
  const allowed = requirePermission(ctx.actor, 'finance:write')
  if (!allowed.ok) return allowed
  const supplier = await getSupplier({ ctx, input })
  if (!supplier.ok) return supplier
  const all = await ctx.repos.finance.suppliers.accountLines(
    { organizationId: supplier.value.organizationId },
    input.id,
  )
  const lines = input.buildingId ? all.filter((l) => l.buildingId === input.buildingId) : all
  let running = 0
  let debitCents = 0
  let creditCents = 0
  const withRunning = lines.map((l) => {
    running += l.creditCents - l.debitCents
    debitCents += l.debitCents
    creditCents += l.creditCents
    return { ...l, runningBalanceCents: running }
  })
  return ok({
    supplier: supplier.value,
    lines: withRunning,
    debitCents,
    creditCents,
    balanceCents: creditCents - debitCents,
  })
}

function describe(s: Supplier): Record<string, unknown> {
  return {
    name: s.name,
    enterpriseNumber: s.enterpriseNumber,
    vatNumber: s.vatNumber,
    iban: s.iban,
    address: s.address,
    language: s.language,
    email: s.email,
  }
}
