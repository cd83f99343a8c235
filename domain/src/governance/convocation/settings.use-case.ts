import { mayReadBuilding, readAccessOf, writeScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import type { TenantScope } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import type { GovernanceContext, GovernanceRepos } from '../governance.ports.ts'
import {
  type AssemblySettings,
  type AssemblySettingsChanges,
  legalDefaultSettings,
  reviseSettings,
} from './assembly-settings.ts'

/** The building's settings, or the legal defaults when its statutes were never recorded. */
export async function settingsOf(
  repos: Pick<GovernanceRepos, 'governance'>,
  scope: TenantScope,
  buildingId: string,
): Promise<AssemblySettings> {
  return (
    (await repos.governance.convocation.settings.find(scope, buildingId)) ??
    legalDefaultSettings(scope.organizationId, buildingId)
  )
}

/** GET /buildings/{id}/assembly-settings: whoever reads the building reads its statutes' settings. */
export async function getAssemblySettings({
  ctx,
  input: { buildingId },
}: UseCaseCall<GovernanceContext, { readonly buildingId: string }>): Promise<Result<AssemblySettings>> {
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  return ok(await settingsOf(ctx.repos, scope.value, buildingId))
}

/** PUT /buildings/{id}/assembly-settings (syndic): a notice under 15 days is refused (art. 3.87 §3). */
export async function updateAssemblySettings({
  ctx,
  input: { buildingId, changes, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  {
    readonly buildingId: string
    readonly changes: AssemblySettingsChanges
    readonly expectedVersion?: number | undefined
  }
>): Promise<Result<AssemblySettings>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const scope = await writeScopeFor(
    ctx,
    'governance:write',
    (id) => ctx.repos.property.buildings.organizationOf(id),
    buildingId,
    'Building',
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.findById(scope.value, buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const current = await settingsOf(repos, scope.value, buildingId)
    if (expectedVersion !== undefined && current.stored) {
      const fresh = checkVersion('AssemblySettings', current.version, expectedVersion)
      if (!fresh.ok) return fresh
    }
    const next = reviseSettings(current, changes)
    if (!next.ok) return next
    if (!(await repos.governance.convocation.settings.save(scope.value, next.value)))
      return err(DomainErrors.versionConflict('AssemblySettings', current.version + 1))
    await recordEvent(ctx, repos, 'AssemblySettingsUpdated', building, buildingId, {
      notice_days: next.value.noticeDays,
      remote_participation: next.value.remoteParticipation,
      minutes_languages: next.value.minutesLanguages.join(','),
    })
    return ok(next.value)
  })
}
