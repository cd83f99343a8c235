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
