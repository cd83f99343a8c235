import { mayReadBuilding, readAccessOf, writeScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { parseCalendarDate, type TenantScope } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { BoardMandate } from '../convocation.ports.ts'
import type { GovernanceContext } from '../governance.ports.ts'
import { BOARD_MANDATORY_FROM_LOTS, BOARD_ROLES, type BoardRole } from './board.rule.ts'

export type BoardView = {
  readonly mandatory: boolean
  readonly countedLots: number
  readonly threshold: number
  readonly mandates: readonly BoardMandate[]
  /** Mandates running today. */
  readonly activeCount: number
  /** A mandatory board with no running mandate: the syndic is warned (art. 3.90 §1). */
  readonly missing: boolean
}

/** GET /buildings/{id}/board: the rule's verdict from the register's lots, and the mandates. */
export async function getBoard({
  ctx,
  input: { buildingId },
}: UseCaseCall<GovernanceContext, { readonly buildingId: string }>): Promise<Result<BoardView>> {
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  return ok(await boardView(ctx, scope.value, buildingId))
}

async function boardView(ctx: GovernanceContext, scope: TenantScope, buildingId: string): Promise<BoardView> {
  const units = ctx.repos.property.units
  const [all, cellars, parkings] = await Promise.all([
    units.count(scope, { buildingId }),
    units.count(scope, { buildingId, unitType: 'Cellar' }),
    units.count(scope, { buildingId, unitType: 'Parking' }),
  ])
  const countedLots = all - cellars - parkings
  const mandates = await ctx.repos.governance.convocation.board.listForBuilding(scope, buildingId)
  const today = ctx.clock.now().toISOString().slice(0, 10)
  const activeCount = mandates.filter(
    (m) => m.startDate <= today && (m.endDate === null || m.endDate >= today),
  ).length
  const mandatory = countedLots >= BOARD_MANDATORY_FROM_LOTS
  return {
    mandatory,
    countedLots,
    threshold: BOARD_MANDATORY_FROM_LOTS,
    mandates,
    activeCount,
    missing: mandatory && activeCount === 0,
  }
}

export type MandateFields = {
  readonly ownerId: string
  readonly role: string
  readonly startDate: string
  readonly endDate?: string | null | undefined
  readonly resolutionId?: string | null | undefined
}

function validateMandate(
  f: MandateFields,
): Result<{ role: BoardRole; startDate: string; endDate: string | null }> {
  if (!(BOARD_ROLES as readonly string[]).includes(f.role))
    return err(DomainErrors.invalidField('role', `must be one of ${BOARD_ROLES.join(', ')}`))
  const start = parseCalendarDate(f.startDate, 'start_date')
  if (!start.ok) return start
  let end: string | null = null
  if (f.endDate) {
    const e = parseCalendarDate(f.endDate, 'end_date')
    if (!e.ok) return e
    end = e.value
    if (end < start.value) return err(DomainErrors.invalidField('end_date', 'must not be before start_date'))
  }
  return ok({ role: f.role as BoardRole, startDate: start.value, endDate: end })
}

/** Records a board member's mandate (elected by the assembly, art. 3.90 §1); the owner must be of the tenant. */
export async function recordBoardMandate({
  ctx,
  input,
}: UseCaseCall<GovernanceContext, MandateFields & { readonly buildingId: string }>): Promise<
  Result<BoardMandate>
> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const valid = validateMandate(input)
  if (!valid.ok) return valid
  const scope = await writeScopeFor(
    ctx,
    'governance:write',
    (id) => ctx.repos.property.buildings.organizationOf(id),
    input.buildingId,
    'Building',
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const owner = await repos.property.owners.findById(scope.value, input.ownerId)
    if (!owner) return err(DomainErrors.notFound('Owner'))
    const mandate: BoardMandate = {
      id: ctx.ids.next(),
      organizationId: building.organizationId,
      buildingId: building.id,
      ownerId: owner.id,
      ...valid.value,
      resolutionId: input.resolutionId ?? null,
      version: 1,
      createdAt: ctx.clock.now(),
    }
    await repos.governance.convocation.board.insert(scope.value, mandate)
    await recordEvent(ctx, repos, 'BoardMandateRecorded', building, building.id, {
      mandate_id: mandate.id,
      owner_id: owner.id,
      role: mandate.role,
    })
    return ok(mandate)
  })
}

/** Ends or corrects a mandate (dates, role). */
export async function updateBoardMandate({
  ctx,
  input: { id, buildingId, changes },
}: UseCaseCall<
  GovernanceContext,
  {
    readonly id: string
    readonly buildingId: string
    readonly changes: Partial<Omit<MandateFields, 'ownerId'>>
  }
>): Promise<Result<BoardMandate>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const org = ctx.actor.organizationId
  if (!org) return err(DomainErrors.notFound('BoardMandate'))
  const scope = { organizationId: org }
  return ctx.transaction(async (repos) => {
    const current = await repos.governance.convocation.board.findById(scope, id)
    if (!current || current.buildingId !== buildingId) return err(DomainErrors.notFound('BoardMandate'))
    const merged = {
      ...current,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    }
    const valid = validateMandate(merged as MandateFields)
    if (!valid.ok) return valid
    const next: BoardMandate = {
      ...current,
      ...valid.value,
      resolutionId: (merged.resolutionId as string | null | undefined) ?? null,
      version: current.version + 1,
    }
    if (!(await repos.governance.convocation.board.update(scope, next)))
      return err(DomainErrors.versionConflict('BoardMandate', current.version + 1))
    await recordEvent(ctx, repos, 'BoardMandateUpdated', current, current.buildingId, { mandate_id: id })
    return ok(next)
  })
}

export async function deleteBoardMandate({
  ctx,
  input: { id, buildingId },
}: UseCaseCall<GovernanceContext, { readonly id: string; readonly buildingId: string }>): Promise<
  Result<null>
> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const org = ctx.actor.organizationId
  if (!org) return err(DomainErrors.notFound('BoardMandate'))
  const scope = { organizationId: org }
  return ctx.transaction(async (repos) => {
    const current = await repos.governance.convocation.board.findById(scope, id)
    if (!current || current.buildingId !== buildingId) return err(DomainErrors.notFound('BoardMandate'))
    await repos.governance.convocation.board.delete(scope, id)
    await recordEvent(ctx, repos, 'BoardMandateDeleted', current, current.buildingId, { mandate_id: id })
    return ok(null)
  })
}
