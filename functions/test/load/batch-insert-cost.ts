/**
 * The CPU cost of building the write batch's statement (ADR 0058), without a database: the
 * statement a building create sends (the building row and its audit row as two data-modifying
 * CTEs), built by Drizzle's query builder and rendered (`insert().values().getSQL()`, then
 * `sqlToQuery`: what the batch did before) against `insertText` (what it does now). Three
 * alternating rounds of 20,000 builds each after a warm-up; prints µs of CPU per statement.
 * The mix's req/s moves by ±15 % between 30 s runs on this machine, more than this change can
 * move it, so the change is measured here, where it acts.
 *   .tools/bin/node functions/test/load/batch-insert-cost.ts
 */
import { type SQL, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { PgTable } from 'drizzle-orm/pg-core'
import { insertText } from '../../_shared/db/batch-insert-text.ts'
import * as schema from '../../_shared/db/schema/index.ts'
import { uuidv7 } from '../../_shared/ids.ts'

const db = drizzle.mock({ schema })
const dialect = (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } })
  .dialect
const org = uuidv7()
const now = new Date()
type Rows = Record<string, unknown>[]
const parts = (): [PgTable, Rows][] => [
  [
    schema.buildings,
    [
      {
        id: uuidv7(),
        organizationId: org,
        name: 'Résidence Bench',
        address: 'Rue de la Loi 1',
        city: 'Bruxelles',
        postalCode: '1000',
        country: 'Belgium',
        totalUnits: 10,
        totalTantiemes: 1000,
        createdAt: now,
        updatedAt: now,
      },
    ],
  ],
  [
    schema.auditLog,
    [
      {
        organizationId: org,
        actorUserId: uuidv7(),
        action: 'building.created',
        entity: 'building',
        entityId: uuidv7(),
        requestId: 'bench',
        details: { name: 'Résidence Bench' },
      },
    ],
  ],
]

function withDrizzle() {
  const built = parts().map(([table, rows]) =>
    db
      .insert(table)
      .values(rows as never)
      .getSQL(),
  )
  const ctes = built.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`)
  return dialect.sqlToQuery(sql`${sql.raw('/* batch */')} with ${sql.join(ctes, sql`, `)} select 1`)
}

function withInsertText() {
  const params: unknown[] = []
  const texts = parts().map(([table, rows]) => insertText(table, rows, params))
  return { sql: `/* batch */ with ${texts.map((t, i) => `w${i} as (${t})`).join(', ')} select 1`, params }
}

const N = 20_000
for (const round of [1, 2, 3])
  for (const [name, build] of [
    ['drizzle builder', withDrizzle],
    ['insertText', withInsertText],
  ] as const) {
    for (let i = 0; i < 2_000; i++) build()
    const start = process.cpuUsage()
    for (let i = 0; i < N; i++) build()
    const used = process.cpuUsage(start)
    process.stdout.write(
      `round ${round}  ${name.padEnd(16)} ${((used.user + used.system) / N).toFixed(1)} µs CPU per statement\n`,
    )
  }
