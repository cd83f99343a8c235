import type { Page, PageRequest } from '@koprogo/domain'
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../client.ts'

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

/** AND of the conditions that are present (filters map "absent" to undefined). */
export function allOf(...conditions: (SQL | undefined)[]): SQL | undefined {
  return and(...conditions.filter((c): c is SQL => c !== undefined))
}

type PagedTable = PgTable & { id: AnyPgColumn }

/**
 * The one way a list is read: one query for the page and one for the count, run together.
 * `toEntity` maps a row to the domain type (enum columns are plain text in SQL).
 */
export async function listPage<T extends PagedTable, S extends string, E>(
  db: Database,
  table: T,
  where: SQL | undefined,
  page: PageRequest<S>,
  columns: Record<S, AnyPgColumn>,
  toEntity: (row: T['$inferSelect']) => E,
): Promise<Page<E>> {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(table as PgTable)
      .where(where)
      .orderBy(...orderFor(page, columns, table.id))
      .limit(page.perPage)
      .offset(offsetOf(page)),
    db
      .select({ n: countAll })
      .from(table as PgTable)
      .where(where),
  ])
  return { items: (rows as T['$inferSelect'][]).map(toEntity), total: total?.n ?? 0 }
}

type VersionedTable = PagedTable & { version: AnyPgColumn }

/**
 * Optimistic write: applies `values` only if the stored row still has the version the caller
 * read (`values.version - 1`), inside `scope` (a tenant condition, or undefined). True if written.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Database,
  table: T,
  scope: SQL | undefined,
  values: T['$inferInsert'] & { id: string; version: number },
): Promise<boolean> {
  const rows = await db
    .update(table as PgTable)
    .set(values as never)
    .where(allOf(scope, eq(table.id, values.id), eq(table.version, values.version - 1)))
    .returning({ id: table.id })
  return rows.length === 1
}

/** Deletes only when the stored version equals `version` (optimistic delete). */
export async function deleteVersioned<T extends VersionedTable>(
  db: Database,
  table: T,
  scope: SQL | undefined,
  id: string,
  version: number,
): Promise<boolean> {
  const rows = await db
    .delete(table as PgTable)
    .where(allOf(scope, eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id })
  return rows.length === 1
}
