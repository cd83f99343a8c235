import type { PageRequest } from '@koprogo/domain'
import { asc, desc, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

/** ORDER BY for a whitelisted sort field, with the id as tie-breaker so pages never overlap. */
export function orderFor<S extends string>(
  page: PageRequest<S>,
  columns: Record<S, AnyPgColumn>,
  tieBreaker: AnyPgColumn,
): SQL[] {
  const dir = page.order === 'desc' ? desc : asc
  return [dir(columns[page.sortBy]), dir(tieBreaker)]
}

export function offsetOf(page: PageRequest): number {
  return (page.page - 1) * page.perPage
}

export const countAll = sql<number>`cast(count(*) as integer)`

/** True when a list filter narrows nothing beyond the tenant (every field unset). */
export function isUnfiltered(filter: object): boolean {
  for (const value of Object.values(filter)) if (value !== undefined) return false
  return true
}

const preparedByDb = new WeakMap<object, Map<string, unknown>>()

/**
 * A Drizzle prepared query, built once per database handle and name. The unfiltered page and
 * count of each list (what every list screen asks first) go through here: building their SQL was
 * most of Drizzle's CPU per request, and Postgres parses and plans a named statement once per
 * connection. The name must identify the SQL text (Postgres refuses one name for two texts).
 */
export function prepared<T>(db: object, name: string, build: () => T): T {
  let byName = preparedByDb.get(db)
  if (!byName) {
    byName = new Map()
    preparedByDb.set(db, byName)
  }
  let query = byName.get(name) as T | undefined
  if (query === undefined) {
    query = build()
    byName.set(name, query)
  }
  return query
}
