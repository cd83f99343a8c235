import { inArray } from 'drizzle-orm'
import type { Database } from '../_shared/db/client.ts'
import { users } from '../_shared/db/schema/index.ts'
import { DEMO_CREDENTIALS, type SeedCredential } from './seed-data.ts'

/**
 * The demo logins that exist in this database: every start's banner lists them, not only the
 * first one (the demo is loaded once, and a second `make start` must still say how to sign in).
 */
export async function presentDemoLogins(db: Database): Promise<SeedCredential[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_CREDENTIALS.map((c) => c.email),
      ),
    )
  const present = new Set(rows.map((r) => r.email))
  return DEMO_CREDENTIALS.filter((c) => present.has(c.email))
}
