import {
  type DomainError,
  DomainErrors,
  fiscalYearClosedError,
  planLimitReached,
  quotaExceedsTotal,
} from '@koprogo/domain'

/*
 * The refusals the database makes in a create's own statement (migration 0027, ADR 0047): the
 * counted limits kept on a locked row, raised by their triggers as check_violation naming the
 * limit, with the figures in DETAIL (JSON), and a posting into a closed fiscal year (migration
 * 0029, ADR 0054). Mapped to the same DomainError the use case's own
 * check gives (the in-memory store, the other routes), so the client sees one 409 either way.
 */

type DriverError = { code?: unknown; constraint?: unknown; detail?: unknown; cause?: unknown }

function figures(detail: unknown): Record<string, unknown> {
  try {
    return typeof detail === 'string' ? (JSON.parse(detail) as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** A unit's building: missing (deleted meanwhile), or of another tenant (migration 0027). */
const UNIT_BUILDING_KEYS = new Set(['units_building_id_buildings_id_fk', 'units_building_same_org_fk'])

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0))

const REFUSALS: Record<string, (f: Record<string, unknown>) => DomainError> = {
  organizations_building_limit: (f) =>
    planLimitReached(String(f.plan ?? ''), 'buildings', num(f.limit), num(f.current)),
  buildings_quota_within_total: (f) => quotaExceedsTotal(num(f.quota), num(f.used), num(f.total)),
  ledger_fiscal_year_closed: (f) => fiscalYearClosedError(num(f.fiscal_year)),
}

/**
 * The DomainError for a limit the database refused (any driver: pg, Neon and PGlite carry `code`,
 * `constraint` and `detail`, looked for through Drizzle's `cause` chain), else null. A unit whose
 * building is missing or of another tenant fails a foreign key: the building is not found (404).
 */
export function storeRefusalOf(error: unknown): DomainError | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as DriverError
    if (e.code === '23514' && typeof e.constraint === 'string') {
      const refusal = REFUSALS[e.constraint]
      if (refusal) return refusal(figures(e.detail))
    }
    if (e.code === '23503' && typeof e.constraint === 'string' && UNIT_BUILDING_KEYS.has(e.constraint)) {
      return DomainErrors.notFound('Building')
    }
    current = e.cause
  }
  return null
}
