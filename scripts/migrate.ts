/** `make migrate`: applies migrations/ to DATABASE_URL (Neon or Postgres), or the embedded database. */
import { join } from 'node:path'
import { createDatabase } from '../functions/_shared/db/client.ts'
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
await db.close()
process.stdout.write(`migrations applied (${db.driver})\n`)
