/**
 * Setup file of the functions:postgres project (ADR 0056): each vitest worker runs its files on
 * its own copy of the migrated test database (`<name>_w<pool id>`, made by global-setup.ts), so
 * two files running at once never share a database — the job runner claims every due job and some
 * checks count whole tables. Files of one worker still run one after another on their copy, as
 * every file did on the one database before. Idempotent: a reused worker keeps the same copy.
 */
import { workerDatabaseUrl } from './test-database.ts'

process.env.TEST_DATABASE_BASE_URL ??= process.env.TEST_DATABASE_URL ?? ''
process.env.TEST_DATABASE_URL = workerDatabaseUrl(
  process.env.TEST_DATABASE_BASE_URL,
  Number(process.env.VITEST_POOL_ID ?? '1'),
)
