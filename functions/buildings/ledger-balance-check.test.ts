import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uuidv7 } from '../_shared/ids.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * The books' balance check (migration 0013's deferred constraint trigger, ledger_entry_balanced)
 * runs once per committed entry: a bank import of 9,000 payments runs it 9,000 times. It must read
 * the entry's own lines through an index range, not the whole ledger_lines table (every tenant's
 * books): issue #17 item 4, migration 0028. The statement checked is the one in the function the
 * database runs (read back from pg_proc), planned as the trigger's cached plan is (generic).
 */

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

type Rows = { rows: Record<string, unknown>[] }
const rowsOf = (res: unknown) => (Array.isArray(res) ? res : (res as Rows).rows) as Record<string, unknown>[]

describe('the balance check of a ledger entry', () => {
  it("reads an index range of the entry's own lines, whatever the size of the books", async () => {
    const t = await api.tenant()
    const building = await propertyFixtures(api).building(t.syndic.token)
    // 600 balanced entries of two lines (one statement: checked at its commit), then statistics.
    await api.inspect.execute(sql`with e as (
        insert into ledger_entries (id, organization_id, building_id, fiscal_year, journal, entry_date, label,
                                    source_kind, source_id, total_cents)
        select gen_random_uuid(), ${t.org.id}, ${building.id}, 2026, 'miscellaneous', '2026-01-01', 'bulk',
               'test', g::text, 100 + g
          from generate_series(1, 600) g
        returning id, total_cents)
      insert into ledger_lines (id, organization_id, entry_id, building_id, fiscal_year, position, account,
                                debit_cents, credit_cents)
      select gen_random_uuid(), ${t.org.id}, e.id, ${building.id}, 2026, s.position, s.account,
             case when s.position = 0 then e.total_cents else 0 end,
             case when s.position = 1 then e.total_cents else 0 end
        from e cross join (values (0, '610'), (1, '440')) as s(position, account)`)
    await api.inspect.execute(sql`analyze ledger_lines`)

    const [fn] = rowsOf(
      await api.inspect.execute(sql`select prosrc from pg_proc where proname = 'ledger_entry_balanced'`),
    )
    const source = String(fn?.prosrc)
    const read = /SELECT\s+([\s\S]*?)\s+INTO\s+d,\s*c\s+(FROM\s+ledger_lines\s+WHERE[\s\S]*?);/i.exec(source)
    expect(read, source).not.toBeNull()
    const statement = `select ${read?.[1]} ${read?.[2]}`
      .replace(/NEW\.organization_id/g, '$1')
      .replace(/NEW\.id/g, '$2')
    const [entry] = rowsOf(
      await api.inspect.execute(
        sql`select id::text as id from ledger_entries where organization_id = ${t.org.id} limit 1`,
      ),
    )
    const plan = await api.inspect.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`)
      await tx.execute(sql.raw(`prepare balance_check(uuid, uuid) as ${statement}`))
      const explained = rowsOf(
        await tx.execute(sql.raw(`explain execute balance_check('${t.org.id}', '${String(entry?.id)}')`)),
      )
      await tx.execute(sql`deallocate balance_check`)
      return explained.map((r) => String(Object.values(r)[0])).join('\n')
    })
    expect(plan).not.toMatch(/Seq Scan on ledger_lines/)
    expect(plan).toMatch(/Index (Only )?Scan using ledger_lines_org_entry_idx on ledger_lines/)
    // A range of the index (its leading column bound), not a walk of the whole index.
    expect(plan).toMatch(/Index Cond: \(\(organization_id = \$1\) AND \(entry_id = \$2\)\)/)
  })

  it('still refuses an entry that does not balance, and accepts one that does', async () => {
    const t = await api.tenant()
    const building = await propertyFixtures(api).building(t.syndic.token)
    const insert = (entry: string, credit: number) =>
      api.inspect.transaction(async (tx) => {
        await tx.execute(sql`insert into ledger_entries (id, organization_id, building_id, fiscal_year, journal, entry_date, label, source_kind, source_id, total_cents)
          values (${entry}, ${t.org.id}, ${building.id}, 2026, 'miscellaneous', '2026-01-01', 'hand-made', 'test', 'x', 100)`)
        await tx.execute(sql`insert into ledger_lines (id, organization_id, entry_id, building_id, fiscal_year, position, account, debit_cents, credit_cents)
          values (gen_random_uuid(), ${t.org.id}, ${entry}, ${building.id}, 2026, 0, '610', 100, 0),
                 (gen_random_uuid(), ${t.org.id}, ${entry}, ${building.id}, 2026, 1, '440', 0, ${credit})`)
      })
    const failure = await insert(uuidv7(), 99).then(
      () => 'no error',
      (e: { message?: string; cause?: { message?: string } }) => `${e.message} ${e.cause?.message ?? ''}`,
    )
    expect(failure).toMatch(/does not balance/)
    const balanced = uuidv7()
    await insert(balanced, 100)
    const [row] = rowsOf(
      await api.inspect.execute(
        sql`select count(*)::int as n from ledger_lines where entry_id = ${balanced}`,
      ),
    )
    expect(Number(row?.n)).toBe(2)
  })
})
