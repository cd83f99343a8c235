import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bootstrapSuperadmin, buildRuntime } from '../../functions/_shared/compose.ts'
import { createDatabase } from '../../functions/_shared/db/client.ts'
import { parseEnv } from '../../functions/_shared/env.ts'
import { localFileStore } from '../../functions/_shared/storage/local-file-store.ts'
import { SMOKE_ADMIN } from './checks.ts'
import { smokeSettings } from './settings.ts'

// Not imported from functions/node.ts: that would load every route before the test can report.
const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'migrations')

/** Migrations and the first superadmin, from Node, the way `make migrate` prepares Neon. */
export async function prepareDatabase(url: string): Promise<void> {
  const db = await createDatabase({ url, driver: 'pg', poolMax: 2 })
  try {
    await db.migrate(MIGRATIONS_DIR)
    const env = parseEnv({
      ...smokeSettings(url, 'pg', 0),
      LOG_LEVEL: 'error',
      SUPERADMIN_EMAIL: SMOKE_ADMIN.email,
      SUPERADMIN_PASSWORD: SMOKE_ADMIN.password,
    })
    await bootstrapSuperadmin(buildRuntime(env, db, { files: localFileStore(tmpdir()) }))
  } finally {
    await db.close()
  }
}
