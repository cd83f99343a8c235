import { sql } from 'drizzle-orm'
import type { Database } from './client.ts'

/**
 * Read-only views of a whole database, for backups, restore checks and the crash and backup
 * tests: every table of the application (public) and of the migrator (drizzle).
 */
export async function listTables(db: Database): Promise<string[]> {
  const r = (await db.execute(sql`
    select table_schema || '.' || table_name as t from information_schema.tables
    where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`)) as {
    rows: { t: string }[]
  }
  return r.rows.map((x) => x.t)
}

const quoted = (qualified: string) =>
  qualified
    .split('.')
    .map((p) => `"${p.replaceAll('"', '""')}"`)
    .join('.')

/** Row count and an md5 of every row's text, in a fixed (byte) order, per table. */
export async function tableChecksums(db: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {}
  for (const t of await listTables(db)) {
    const r = (await db.execute(
      sql.raw(
        `select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text collate "C"), '')) as md5 from ${quoted(t)} x`,
      ),
    )) as { rows: { rows: number; md5: string }[] }
    out[t] = r.rows[0] ?? { rows: 0, md5: '' }
  }
  return out
}

export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const sums = await tableChecksums(db)
  return Object.fromEntries(Object.entries(sums).map(([t, v]) => [t, v.rows]))
}

/** Forces dirty pages to disk: a backup taken after it needs no recovery on open. */
export async function checkpoint(db: Database): Promise<void> {
  await db.execute(sql`checkpoint`)
}
