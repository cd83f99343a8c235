import type { UseCaseCall } from '../../context.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import type { FinanceContext } from '../finance.ports.ts'
import { buildingReadScope, buildingUnitIds, buildingWriteScope } from './building-access.ts'
import {
  type DistributionKey,
  type DistributionKeyFields,
  type ValidDistributionKeyFields,
  validateDistributionKey,
} from './distribution-key.ts'

/** GET /buildings/{id}/distribution-keys. The general key (null) is implicit and not listed. */
export async function listDistributionKeys({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<
  Result<readonly DistributionKey[]>
> {
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.finance.budget.distributionKeys.listForBuilding(scope.value, buildingId))
}

export async function getDistributionKey({
  ctx,
  input: { buildingId, id },
}: UseCaseCall<FinanceContext, { readonly buildingId: string; readonly id: string }>): Promise<
  Result<DistributionKey>
> {
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  const key = await ctx.repos.finance.budget.distributionKeys.findById(scope.value, id)
  return key && key.buildingId === buildingId ? ok(key) : err(DomainErrors.notFound('DistributionKey'))
}

export async function createDistributionKey({
  ctx,
  input,
}: UseCaseCall<FinanceContext, DistributionKeyFields & { readonly buildingId: string }>): Promise<
  Result<DistributionKey>
> {
  const fields = validateDistributionKey(input)
  if (!fields.ok) return fields
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const members = await checkMembers(ctx, repos, scope.value, input.buildingId, fields.value)
    if (!members.ok) return members
    const now = ctx.clock.now()
    const key: DistributionKey = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: input.buildingId,
      ...fields.value,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.finance.budget.distributionKeys.insert(scope.value, key)
    await recordEvent(ctx, repos, 'DistributionKeyCreated', key, key.id, describe(key))
    return ok(key)
  })
}

/**
 * PUT: a key's lots, weights or kind change only with the assembly decision that changed them
 * (four fifths, art. 3.88 §1, 2° Civil Code): a resolution id or reference is required then, and
 * kept on the key (the audit row keeps every previous one). Renaming needs none.
 */
export async function updateDistributionKey({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  DistributionKeyFields & {
    readonly buildingId: string
    readonly id: string
    readonly expectedVersion?: number | undefined
  }
>): Promise<Result<DistributionKey>> {
  const fields = validateDistributionKey(input)
  if (!fields.ok) return fields
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const current = await repos.finance.budget.distributionKeys.findById(scope.value, input.id)
    if (!current || current.buildingId !== input.buildingId)
      return err(DomainErrors.notFound('DistributionKey'))
    const fresh = checkVersion('DistributionKey', current.version, input.expectedVersion)
    if (!fresh.ok) return fresh
    const next = fields.value
    const changesTheSplit =
      current.kind !== next.kind || JSON.stringify(current.members) !== JSON.stringify(next.members)
    const decided = input.resolutionId != null || (input.resolutionReference ?? '').trim().length > 0
    if (changesTheSplit && !decided) {
      return err(
        DomainErrors.invalidField(
          'resolution_reference',
          'is required to change the lots or weights of a key: name the assembly resolution that decided it (resolution_id or resolution_reference)',
        ),
      )
    }
    const members = await checkMembers(ctx, repos, scope.value, input.buildingId, next)
    if (!members.ok) return members
    const updated: DistributionKey = {
      ...current,
      ...next,
      // A rename keeps the decision the lots came from.
      ...(decided
        ? {}
        : { resolutionId: current.resolutionId, resolutionReference: current.resolutionReference }),
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await repos.finance.budget.distributionKeys.update(scope.value, updated))) {
      return err(DomainErrors.versionConflict('DistributionKey', current.version))
    }
    await recordEvent(ctx, repos, 'DistributionKeyUpdated', updated, updated.id, {
      ...describe(updated),
      previous: describe(current),
    })
    return ok(updated)
  })
}

/** A key used by an expense or a budget line stays (409): the past must keep its split. */
export async function deleteDistributionKey({
  ctx,
  input,
}: UseCaseCall<FinanceContext, { readonly buildingId: string; readonly id: string }>): Promise<Result<null>> {
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const keys = repos.finance.budget.distributionKeys
    const current = await keys.findById(scope.value, input.id)
    if (!current || current.buildingId !== input.buildingId)
      return err(DomainErrors.notFound('DistributionKey'))
    if (await keys.isUsed(scope.value, input.id)) {
      return err(
        DomainErrors.conflict(
          'distribution_key_in_use',
          `The distribution key "${current.name}" is used by an expense or a budget line and cannot be deleted`,
          { key: current.name },
        ),
      )
    }
    await keys.delete(scope.value, input.id)
    await recordEvent(ctx, repos, 'DistributionKeyDeleted', current, current.id, describe(current))
    return ok(null)
  })
}

async function checkMembers(
  ctx: FinanceContext,
  repos: Parameters<typeof buildingUnitIds>[1],
  scope: { readonly organizationId: string },
  buildingId: string,
  fields: ValidDistributionKeyFields,
): Promise<Result<null>> {
  if (fields.members.length === 0) return ok(null)
  const unitIds = await buildingUnitIds(ctx, repos, scope, buildingId)
  const issues = fields.members.flatMap((m, i) =>
    unitIds.has(m.unitId)
      ? []
      : [{ path: `members[${i}].unit_id`, message: 'is not a lot of this building' }],
  )
  return issues.length > 0 ? err(DomainErrors.validation('Invalid distribution key', issues)) : ok(null)
}

function describe(key: DistributionKey): Record<string, unknown> {
  return {
    buildingId: key.buildingId,
    name: key.name,
    kind: key.kind,
    members: key.members.map((m) => ({ unitId: m.unitId, weight: m.weight })),
    resolutionId: key.resolutionId,
    resolutionReference: key.resolutionReference,
  }
}
