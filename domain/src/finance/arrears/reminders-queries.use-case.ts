import { auditorSeesOwner, booksReadScope, readAccessOf, readScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { letterAddress } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { buildingReadScope } from '../budget/building-access.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { LegalInterestRate, ReminderWithLines } from './arrears.entity.ts'
import { effectiveRateTable, PUBLISHED_LEGAL_INTEREST_RATES } from './legal-interest.ts'

/** GET /buildings/{id}/reminders: every reminder of the building, newest first (syndic, accountant). */
export async function listBuildingReminders({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<
  Result<readonly ReminderWithLines[]>
> {
  // Staff with finance rights, or the building's account auditor (read-only).
  const scope = await booksReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.finance.arrears.listReminders(scope.value, { buildingId }))
}

/**
 * GET /owners/{id|me}/reminders: an owner's reminders (the owner portal reads `me`). Organization
 * readers see any owner of their tenant; an owner-role user only their own record (anyone else's
 * is a 404, as for the account).
 */
export async function listOwnerReminders({
  ctx,
  input: { ownerId },
}: UseCaseCall<FinanceContext, { readonly ownerId: string }>): Promise<Result<readonly ReminderWithLines[]>> {
  const access = readAccessOf(ctx)
  if (ownerId === 'me') {
    if (access.kind !== 'owner') return err(DomainErrors.notFound('Owner'))
    const mine = await ctx.repos.property.owners.findByUserId(access.scope, access.userId)
    if (!mine) return err(DomainErrors.notFound('Owner'))
    return listOwnerReminders({ ctx, input: { ownerId: mine.id } })
  }
  const scope = await readScopeFor(access, (id) => ctx.repos.property.owners.organizationOf(id), ownerId)
  if (!scope) return err(DomainErrors.notFound('Owner'))
  const owner = await ctx.repos.property.owners.findById(scope, ownerId)
  if (!owner || (access.kind === 'owner' && owner.userId !== access.userId)) {
    return err(DomainErrors.notFound('Owner'))
  }
  if (access.kind === 'auditor') {
    // An auditor: the owner's reminders of the audited buildings only.
    if (!(await auditorSeesOwner(ctx.repos, scope, ctx.actor, ownerId)))
      return err(DomainErrors.notFound('Owner'))
    const all = await ctx.repos.finance.arrears.listReminders(scope, { ownerId })
    return ok(all.filter((r) => access.buildingIds.includes(r.buildingId)))
  }
  return ok(await ctx.repos.finance.arrears.listReminders(scope, { ownerId }))
}

/** Where a rate of the table in force comes from. */
export const RATE_ORIGINS = ['published', 'platform', 'organization'] as const

export type RateRow = LegalInterestRate & { readonly origin: (typeof RATE_ORIGINS)[number] }

/**
 * GET /buildings/{id}/legal-interest-rates: the table in force for the building's organization,
 * year by year, with where each rate comes from.
 */
export async function listLegalInterestRates({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<Result<readonly RateRow[]>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  const stored = await ctx.repos.finance.arrears.legalRates(scope.value)
  const table = effectiveRateTable(stored)
  const rows: RateRow[] = []
  for (const [year, rateBp] of [...table.entries()].sort((a, b) => a[0] - b[0])) {
    const own = stored.find((r) => r.year === year && r.organizationId !== null)
    const platform = stored.find((r) => r.year === year && r.organizationId === null)
    const published = PUBLISHED_LEGAL_INTEREST_RATES.find((r) => r.year === year)
    const from = own ?? platform ?? published
    rows.push({
      year,
      rateBp,
      source: from?.source ?? '',
      organizationId: from?.organizationId ?? null,
      origin: own ? 'organization' : platform ? 'platform' : 'published',
    })
  }
  return ok(rows)
}

export type ReminderPostalLetter = {
  readonly reminderId: string
  readonly ownerId: string
  readonly kind: ReminderWithLines['kind']
  readonly registered: boolean
  readonly reminderDate: string
  readonly totalCents: number
  readonly documentId: string | null
  readonly address: readonly string[]
}

/**
 * GET /buildings/{id}/reminders/postal-list[?date=]: the reminders to post — every formal notice
 * (registered letter, whatever the owner's consent) and the reminders of owners without written
 * consent to e-mail or without an address — with the address for the envelope and the letter.
 */
export async function getReminderPostalList({
  ctx,
  input: { buildingId, date },
}: UseCaseCall<FinanceContext, { readonly buildingId: string; readonly date?: string | undefined }>): Promise<
  Result<readonly ReminderPostalLetter[]>
> {
  const all = await listBuildingReminders({ ctx, input: { buildingId } })
  if (!all.ok) return all
  const post = all.value.filter(
    (r) => r.delivery !== 'email' && (date === undefined || r.reminderDate === date),
  )
  const scope = { organizationId: post[0]?.organizationId ?? '' }
  const owners = new Map(
    post.length === 0
      ? []
      : (await ctx.repos.finance.calls.ownersByIds(scope, [...new Set(post.map((r) => r.ownerId))])).map(
          (o) => [o.id, o],
        ),
  )
  return ok(
    post.map((r) => {
      const owner = owners.get(r.ownerId)
      return {
        reminderId: r.id,
        ownerId: r.ownerId,
        kind: r.kind,
        registered: r.delivery === 'registered',
        reminderDate: r.reminderDate,
        totalCents: r.outstandingCents + r.interestCents + r.feeCents,
        documentId: r.documentId,
        address: owner ? letterAddress(owner) : [],
      }
    }),
  )
}
