/** `make migrate`: applies migrations/ to DATABASE_URL (Neon or Postgres), or the embedded database. */
import { join } from 'node:path'
import { bootstrapSuperadmin, buildRuntime } from '../functions/_shared/compose.ts'
import { createDatabase } from '../functions/_shared/db/client.ts'
import { localFileStore } from '../functions/_shared/storage/local-file-store.ts'
import { loadEnv, MIGRATIONS_DIR } from '../functions/node.ts'

if (process.env.DATABASE_URL === undefined && process.loadEnvFile) {
  try {
    process.loadEnvFile('.env')
  } catch {
    // no .env: the embedded database in DATA_DIR
  }
}
const env = loadEnv()
const db = await createDatabase({
  url: env.DATABASE_URL,
  driver: env.DATABASE_DRIVER,
  dataDir: join(env.DATA_DIR, 'pgdata'),
})
await db.migrate(MIGRATIONS_DIR)
process.stdout.write(`migrations applied (${db.driver})\n`)
// Workers never bootstrap (no per-request cost): on the edge the first superadmin comes from here.
if (env.SUPERADMIN_EMAIL && env.SUPERADMIN_PASSWORD) {
  const admin = await bootstrapSuperadmin(
    buildRuntime(env, db, { files: localFileStore(env.STORAGE_DIR ?? join(env.DATA_DIR, 'files')) }),
  )
  process.stdout.write(`superadmin ${admin.email} present\n`)
}
await db.close()
