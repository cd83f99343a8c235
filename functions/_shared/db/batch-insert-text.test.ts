import { type Column, getTableColumns, getTableName, is } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { PgTable } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { insertText } from './batch-insert-text.ts'
import * as schema from './schema/index.ts'

/**
 * The write batch's own INSERT text (ADR 0058) must be exactly what Drizzle would send: same
 * text, same parameters in the same order. Compared on every table of the schema, with rows
 * that mix values, nulls and omitted columns (the column's default, or its default function).
 */
const db = drizzle.mock({ schema })
const tables = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable))

/** A value of the column's type; `n` varies it between rows. */
function valueFor(column: Column, n: number): unknown {
  const c = column as Column & { enumValues?: string[] }
  switch (column.columnType) {
    case 'PgUUID':
      return `0190f3a1-0000-7000-8000-00000000000${n}`
    case 'PgInteger':
    case 'PgSmallInt':
    case 'PgBigInt53':
    case 'PgSerial':
      return 7 + n
    case 'PgBigInt64':
      return 7n + BigInt(n)
    case 'PgReal':
    case 'PgDoublePrecision':
      return 1.5 + n
    case 'PgNumeric':
      return `1.${n}5`
    case 'PgBoolean':
      return n % 2 === 0
    case 'PgTimestamp':
      return new Date(Date.UTC(2026, 0, 2 + n, 3, 4, 5, 678))
    case 'PgTimestampString':
      return `2026-01-0${2 + n} 03:04:05`
    case 'PgDate':
      return new Date(Date.UTC(2026, 0, 2 + n))
    case 'PgDateString':
      return `2026-01-0${2 + n}`
    case 'PgJsonb':
    case 'PgJson':
      return { n, list: [1, 'deux', null], nested: { quote: 'l"a' } }
    case 'PgBytea':
      return Buffer.from([n, 1, 2])
    default:
      return c.enumValues?.[n % c.enumValues.length] ?? `text ${n} l'été "x"`
  }
}

/** Row `n`: every third column left out (the column's default), every fifth null when it may be. */
function rowFor(table: PgTable, n: number): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  Object.entries(getTableColumns(table)).forEach(([key, column], i) => {
    // A default function would give a new value on each call: those columns always get one.
    const omit = (i + n) % 3 === 0 && column.defaultFn === undefined && column.onUpdateFn === undefined
    if (omit) return
    row[key] = (i + n) % 5 === 0 && !column.notNull ? null : valueFor(column, n)
  })
  return row
}

describe('the write batch INSERT text (ADR 0058)', () => {
  it('covers the schema', () => {
    expect(tables.length).toBeGreaterThan(40)
  })

  it.each(tables.map((t) => [getTableName(t), t] as const))(
    '%s: the same text and parameters as Drizzle',
    (_, table) => {
      for (const count of [1, 3]) {
        const rows = Array.from({ length: count }, (_, n) => rowFor(table, n))
        const drizzles = db
          .insert(table)
          .values(rows as never)
          .toSQL()
        const params: unknown[] = []
        const text = insertText(table, rows, params)
        expect(text).toBe(drizzles.sql)
        expect(params).toEqual(drizzles.params)
      }
    },
  )

  it('numbers its parameters after those already in the statement', () => {
    const table = schema.auditLog
    const params: unknown[] = ['before', 'before']
    const text = insertText(table, [rowFor(table, 1)], params)
    expect(text).toContain('$3')
    expect(text).not.toContain('$1,')
    expect(params.slice(0, 2)).toEqual(['before', 'before'])
  })

  it('calls a default function for an omitted column, as Drizzle does', () => {
    const withDefaultFn = tables.find((t) =>
      Object.values(getTableColumns(t)).some((c) => c.defaultFn !== undefined),
    )
    if (!withDefaultFn) return
    const [key] =
      Object.entries(getTableColumns(withDefaultFn)).find(([, c]) => c.defaultFn !== undefined) ?? []
    const row = rowFor(withDefaultFn, 0)
    delete row[key as string]
    const params: unknown[] = []
    const text = insertText(withDefaultFn, [row], params)
    const drizzles = db
      .insert(withDefaultFn)
      .values(row as never)
      .toSQL()
    expect(text).toBe(drizzles.sql)
    expect(params).toHaveLength(drizzles.params.length)
  })

  it('leaves a value written as SQL to Drizzle', async () => {
    const { sql } = await import('drizzle-orm')
    const row = { ...rowFor(schema.auditLog, 0), action: sql`'built'` }
    expect(insertText(schema.auditLog, [row], [])).toBeNull()
  })
})
