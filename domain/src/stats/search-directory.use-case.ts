import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { StatsContext } from './stats.ports.ts'

/** What the header's search box finds: a building, a lot (unit) or an owner of the caller's tenant. */
export const SEARCH_HIT_KINDS = ['building', 'unit', 'owner'] as const
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number]
export type SearchHit = {
  readonly kind: SearchHitKind
  readonly id: string
  /** The name shown: building name, lot number, owner's name or company. */
  readonly label: string
  /** What tells two hits apart: address and city, the lot's building, the owner's city. */
  readonly detail: string
  /** The building a lot belongs to (null for buildings and owners). */
  readonly buildingId: string | null
}

export interface DirectorySearchReader {
  /** Hits whose names, addresses, cities or lot numbers contain `text` (any case), at most `limit` per kind. */
  search(scope: TenantScope, text: string, limit: number): Promise<SearchHit[]>
}

export const SEARCH_MIN_LENGTH = 2
export const SEARCH_MAX_LIMIT = 50
/** Longer than any name, address or lot number a person would type. */
export const SEARCH_TEXT_MAX = 200

/**
 * One search over the directory of the caller's organization (staff only: an owner has their own
 * portal). The text is matched as a substring, so every wildcard it holds is literal (the adapter
 * escapes it); fewer than two characters would match nearly everything, so it is refused.
 */
export async function searchDirectory({
  ctx,
  input,
}: UseCaseCall<StatsContext, { readonly q: string; readonly limit: number }>): Promise<Result<SearchHit[]>> {
  const organizationId = ctx.actor.organizationId
  if (!can(ctx.actor, 'organization:read') || organizationId === null)
    return err(DomainErrors.forbidden('Search is reserved to the organization staff'))
  const text = input.q.trim()
  if (text.length < SEARCH_MIN_LENGTH)
    return err(DomainErrors.invalidField('q', `must hold at least ${SEARCH_MIN_LENGTH} characters`))
  return ok(
    await ctx.repos.stats.directory.search(
      { organizationId },
      text,
      Math.min(Math.max(input.limit, 1), SEARCH_MAX_LIMIT),
    ),
  )
}
