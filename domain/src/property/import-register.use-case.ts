import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { Building } from './building.entity.ts'
import { todayOf } from './calendar-date.value-object.ts'
import { type Owner, ownerDisplayName } from './owner.entity.ts'
import type { PropertyContext, PropertyRepos, TenantScope } from './property.ports.ts'
import { identityKey, type OwnerDraft, planRegister, type RegisterPlan } from './register-plan.ts'
import type { RegisterRowError, RegisterSheet } from './register-sheet.ts'
import type { Unit } from './unit.entity.ts'
import { ownerIdOn, type UnitOwnership } from './unit-ownership.entity.ts'

/** The preview of an import (and, when it ran, what it wrote): counts, or every error by row and column. */
export type RegisterImportReport = {
  readonly dryRun: boolean
  /** True only when the rows were written (dryRun false and no error). */
  readonly imported: boolean
  readonly lots: number
  readonly ownersNew: number
  readonly ownersMatched: number
  readonly links: number
  readonly errors: readonly RegisterRowError[]
}

/**
 * Onboards a building's register from a spreadsheet (issue #20 item 17), ALL OR NOTHING: the
 * whole file is read and checked — on its own (planRegister) and against the building (lot
 * numbers already used, Σ quotas within total_tantiemes with the lots already registered) and
 * the organization's owners (an e-mail or enterprise number already known is that owner) —
 * and only a file without a single error is written, in one transaction holding the building's
 * lock (the same lock every quota change takes), with one `building.register_import` audit
 * event. A dry run does every check and writes nothing. `sheet` may be a reader, called only
 * once the caller may write to the building (the HTTP adapter parses the upload there). Errors are returned in the report (an
 * Ok), so the caller can show them as a preview; the adapter decides the status.
 */
export async function importRegister({
  ctx,
  input: { buildingId, sheet, options },
}: UseCaseCall<
  PropertyContext,
  {
    readonly buildingId: string
    readonly sheet: RegisterSheet | (() => Promise<Result<RegisterSheet>>)
    readonly options: { readonly dryRun: boolean }
  }
>): Promise<Result<RegisterImportReport>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(buildingId),
  )
  if (!scope.ok) return scope
  // Access first: a file sent for a building the caller cannot see is never read (404, not 400/415).
  if (!(await ctx.repos.property.buildings.findById(scope.value, buildingId)))
    return err(DomainErrors.notFound('Building'))
  const read = typeof sheet === 'function' ? await sheet() : ok(sheet)
  if (!read.ok) return read
  const today = todayOf(ctx.clock)
  const plan = planRegister(read.value, today)
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.lockById(scope.value, buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const errors = [...plan.errors]
    // Run even when the sheet has errors: the preview lists every problem at once.
    const existing = await matchExistingOwners(repos, scope.value, plan, errors)
    await checkAgainstBuilding(repos, scope.value, building, plan, errors)
    errors.sort((a, b) => a.row - b.row)
    const matched = existing.filter((o) => o !== null).length
    const report: RegisterImportReport = {
      dryRun: options.dryRun,
      imported: false,
      lots: plan.lots.length,
      ownersNew: plan.owners.length - matched,
      ownersMatched: matched,
      links: plan.links.length,
      errors,
    }
    if (errors.length > 0 || options.dryRun) return ok(report)
    const written = await write(ctx, repos, scope.value, building, plan, existing)
    await recordEvent(ctx, repos, 'RegisterImported', scope.value, building.id, {
      lots: report.lots,
      owners_new: report.ownersNew,
      owners_matched: report.ownersMatched,
      links: report.links,
      unit_ids: written.unitIds,
      owner_ids: written.ownerIds,
      ownership_ids: written.ownershipIds,
    })
    return ok({ ...report, imported: true })
  })
}

/**
 * An owner of the file whose enterprise number or e-mail the organization already knows IS that
 * owner (both are unique identities): the existing record is linked as it is, not changed. If the
 * names disagree it is more likely a typo in the e-mail than the same person: refused.
 */
async function matchExistingOwners(
  repos: PropertyRepos,
  scope: TenantScope,
  plan: RegisterPlan,
  errors: RegisterRowError[],
): Promise<(Owner | null)[]> {
  const page = { page: 1, perPage: 1, sortBy: 'created_at' as const, order: 'asc' as const }
  const found: (Owner | null)[] = []
  for (const draft of plan.owners) {
    const f = draft.fields
    let owner: Owner | null = null
    let by: 'enterprise_number' | 'email' = 'email'
    if (f.enterpriseNumber) {
      owner =
        (await repos.property.owners.list(scope, { enterpriseNumber: f.enterpriseNumber }, page)).items[0] ??
        null
      by = 'enterprise_number'
    }
    if (!owner && f.email) {
      owner = (await repos.property.owners.list(scope, { email: f.email }, page)).items[0] ?? null
      by = 'email'
    }
    if (owner && !sameName(owner, draft)) {
      errors.push({
        row: draft.row,
        column: plan.columnName(by),
        message: `belongs to "${ownerDisplayName(owner)}", already an owner in your organization: correct the ${by === 'email' ? 'e-mail' : 'number'} or the name`,
      })
    }
    found.push(owner)
  }
  return found
}

function sameName(owner: Owner, draft: OwnerDraft): boolean {
  const f = draft.fields
  return f.ownerType === 'company'
    ? identityKey(owner.companyName) === identityKey(f.companyName)
    : identityKey(owner.lastName) === identityKey(f.lastName) &&
        identityKey(owner.firstName) === identityKey(f.firstName)
}

async function checkAgainstBuilding(
  repos: PropertyRepos,
  scope: TenantScope,
  building: Building,
  plan: RegisterPlan,
  errors: RegisterRowError[],
): Promise<void> {
  for (const lot of plan.lots) {
    if (await repos.property.units.unitNumberTaken(scope, building.id, lot.fields.unitNumber)) {
      errors.push({
        row: lot.row,
        column: plan.columnName('lot_number'),
        message: `this building already has a lot ${lot.fields.unitNumber}`,
      })
    }
  }
  const used = await repos.property.units.sumQuotas(scope, building.id)
  let sum = used
  for (const lot of plan.lots) {
    sum += lot.fields.quota
    if (sum > building.totalTantiemes) {
      const inFile = plan.lots.reduce((s, l) => s + l.fields.quota, 0)
      errors.push({
        row: lot.row,
        column: plan.columnName('quota'),
        message: `the quotas exceed the building's total of ${building.totalTantiemes} from this lot on (file ${inFile} + lots already registered ${used} = ${inFile + used})`,
      })
      break
    }
  }
}

async function write(
  ctx: PropertyContext,
  repos: PropertyRepos,
  scope: TenantScope,
  building: Building,
  plan: RegisterPlan,
  existing: readonly (Owner | null)[],
): Promise<{ unitIds: string[]; ownerIds: string[]; ownershipIds: string[] }> {
  const now = ctx.clock.now()
  const today = todayOf(ctx.clock)
  const ownerIds: string[] = []
  const ids = plan.owners.map((draft, i) => {
    const known = existing[i]
    if (known) return known.id
    const owner: Owner = {
      id: ctx.ids.next(),
      organizationId: scope.organizationId,
      ...draft.fields,
      userId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    ownerIds.push(owner.id)
    return owner
  })
  for (const o of ids) if (typeof o !== 'string') await repos.property.owners.insert(scope, o)
  const ownerIdOf = (index: number) => {
    const o = ids[index]
    return typeof o === 'string' ? o : (o as Owner).id
  }
  const unitIds: string[] = []
  const ownershipIds: string[] = []
  for (const lot of plan.lots) {
    const unitId = ctx.ids.next()
    const lotLinks = plan.links.filter((l) => l.lotNumber === lot.fields.unitNumber)
    const open = lotLinks.filter((l) => l.endDate === null)
    // Exactly one open link is the primary contact (DB partial index): the one marked, else the largest share.
    const primary =
      open.find((l) => l.isPrimaryContact) ?? [...open].sort((a, b) => b.sharePpm - a.sharePpm)[0]
    const links: UnitOwnership[] = lotLinks.map((l) => ({
      id: ctx.ids.next(),
      organizationId: scope.organizationId,
      unitId,
      ownerId: ownerIdOf(l.owner),
      sharePpm: l.sharePpm,
      rightType: l.rightType,
      isPrimaryContact: l.endDate === null ? l === primary : l.isPrimaryContact,
      startDate: l.startDate,
      endDate: l.endDate,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }))
    const unit: Unit = {
      id: unitId,
      organizationId: scope.organizationId,
      buildingId: building.id,
      ...lot.fields,
      ownerId: ownerIdOn(links, today),
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.property.units.insert(scope, unit)
    for (const link of links) await repos.property.unitOwnerships.insert(scope, link)
    unitIds.push(unitId)
    ownershipIds.push(...links.map((l) => l.id))
  }
  return { unitIds, ownerIds, ownershipIds }
}
