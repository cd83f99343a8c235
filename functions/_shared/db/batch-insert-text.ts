import { type Column, getTableColumns, getTableName, is, SQL } from 'drizzle-orm'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'

/*
 * The write batch's multi-row INSERTs as SQL text and parameters, built here instead of by
 * Drizzle's query builder (ADR 0058, issue #17 item 2). Drizzle builds an insert as a tree of
 * `SQL` chunks — a `Param` per value, an identifier per column per row — and walks it again to
 * render it, with a dozen `is()` class checks per value: under the bench's mix that was 2.3 s
 * of the API's 34.5 s busy (6.5 %), the largest single use of Drizzle. The text and values are
 * the same as Drizzle's (same column order and names, same `default`, same default functions,
 * each value encoded by its column's own `mapToDriverValue`): `batch-insert-text.test.ts`
 * compares both for every table the batch writes.
 */

type Shape = {
  /** `insert into "table" ("a", "b", …) values ` */
  readonly head: string
  /** The insertable columns in Drizzle's order: the row's property and its column. */
  readonly columns: readonly (readonly [string, Column])[]
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const shapes = new WeakMap<PgTable, Shape>()

function shapeOf(table: PgTable): Shape {
  let shape = shapes.get(table)
  if (!shape) {
    // shouldDisableInsert(): generated and identity-always columns (typed @internal by Drizzle).
    const columns = Object.entries(getTableColumns(table)).filter(
      ([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert(),
    )
    const { schema } = getTableConfig(table)
    const name =
      schema === undefined ? quote(getTableName(table)) : `${quote(schema)}.${quote(getTableName(table))}`
    shape = {
      head: `insert into ${name} (${columns.map(([, column]) => quote(column.name)).join(', ')}) values `,
      columns,
    }
    shapes.set(table, shape)
  }
  return shape
}

const isSql = (value: unknown): boolean => typeof value === 'object' && value !== null && is(value, SQL)

/**
 * `insert into … values (…), (…)` for `rows`, its values appended to `params` ($n numbered after
 * those already there). Null when a value is an SQL expression (a default function returning
 * `sql\`…\``, a value written as SQL): Drizzle builds that statement.
 */
export function insertText(
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  params: unknown[],
): string | null {
  const { head, columns } = shapeOf(table)
  const tuples: string[] = []
  for (const row of rows) {
    const cells: string[] = []
    for (const [key, column] of columns) {
      let value = row[key]
      if (value === undefined) {
        // Drizzle's order: the default function, else the update function when there is no
        // SQL default, else the column's default.
        if (column.defaultFn !== undefined) value = column.defaultFn()
        else if (!column.default && column.onUpdateFn !== undefined) value = column.onUpdateFn()
        else {
          cells.push('default')
          continue
        }
      }
      if (isSql(value)) return null
      const encoded = value === null ? null : column.mapToDriverValue(value)
      if (isSql(encoded)) return null
      params.push(encoded)
      cells.push(`$${params.length}`)
    }
    tuples.push(`(${cells.join(', ')})`)
  }
  return head + tuples.join(', ')
}
