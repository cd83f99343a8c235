import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { LedgerContext } from './ledger.ports.ts'

export type LedgerSettingsView = { readonly buildingId: string; readonly fiscalYearStartMonth: number }

/**
 * PUT /buildings/{id}/ledger/settings: the month the association's fiscal year starts (the
 * statutes or the assembly fix it). Entries are filed under a fiscal year when posted; a change
 * that would move a posted entry into another year is refused (409 `fiscal_year_has_postings`,
 * naming how many): the books of a year are not rewritten. Before the first posting, or when every
 * posted entry stays in its year (e.g. all in months the change does not touch), it applies.
 */
export async function setFiscalYearStartMonth({
  ctx,
  input,
}: UseCaseCall<LedgerContext, { readonly buildingId: string; readonly month: number }>): Promise<
  Result<LedgerSettingsView>
> {
  const allowed = requirePermission(ctx.actor, 'finance:manage')
  if (!allowed.ok) return allowed
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12)
    return err(DomainErrors.invalidField('fiscal_year_start_month', 'must be a month number from 1 to 12'))
  return ctx.transaction(async (repos) => {
    const scoped = await scopeForRow(ctx.actor, 'Building', () =>
      repos.property.buildings.organizationOf(input.buildingId),
    )
    if (!scoped.ok) return scoped
    const building = await repos.property.buildings.findById(scoped.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const previous = await repos.ledger.entries.fiscalYearStartMonth(scoped.value, input.buildingId)
    if (previous !== input.month) {
      const moved = await repos.ledger.entries.entriesMovedBy(scoped.value, input.buildingId, input.month)
      if (moved > 0) {
        return err(
          DomainErrors.conflict(
            'fiscal_year_has_postings',
            `Starting the fiscal year in month ${input.month} would move ${moved} posted entries to another fiscal year`,
            { month: input.month, entries: moved },
          ),
        )
      }
      await repos.ledger.entries.setFiscalYearStartMonth(scoped.value, input.buildingId, input.month)
      await recordEvent(ctx, repos, 'LedgerSettingsUpdated', building, building.id, {
        fiscalYearStartMonth: input.month,
        previous,
      })
    }
    return ok({ buildingId: input.buildingId, fiscalYearStartMonth: input.month })
  })
}

/** GET /buildings/{id}/ledger/settings (who reads the books). */
export async function getLedgerSettings({
  ctx,
  input,
}: UseCaseCall<LedgerContext, { readonly buildingId: string }>): Promise<Result<LedgerSettingsView>> {
  const allowed = requirePermission(ctx.actor, 'finance:write')
  if (!allowed.ok) return allowed
  const scoped = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scoped.ok) return scoped
  const building = await ctx.repos.property.buildings.findById(scoped.value, input.buildingId)
  if (!building) return err(DomainErrors.notFound('Building'))
  const month = await ctx.repos.ledger.entries.fiscalYearStartMonth(scoped.value, input.buildingId)
  return ok({ buildingId: input.buildingId, fiscalYearStartMonth: month })
}
