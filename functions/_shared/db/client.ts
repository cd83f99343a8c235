import type { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema/index.ts'
import { assertTenantScoped } from './tenant-scope.ts'

export type Schema = typeof schema
/** The one database type every repository takes; a transaction handle is assignable to it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type DriverName = 'pglite' | 'pg' | 'neon'

export type DatabaseHandle = {
  readonly db: Database
  readonly driver: DriverName
  /** Applies the SQL in migrations/ (Node only: the migrator reads files). */
  migrate(migrationsFolder: string): Promise<void>
  ping(): Promise<boolean>
  close(): Promise<void>
}

export type DatabaseConfig = {
  readonly url?: string | undefined
  readonly driver?: DriverName | undefined
  readonly dataDir?: string | undefined
  readonly poolMax?: number | undefined
  /** Called with each SQL statement (tests count queries with it; production leaves it unset). */
  readonly onQuery?: ((sql: string) => void) | undefined
  /**
   * Refuse statements on tenant tables that do not name `organization_id` (tenant-scope.ts,
   * ADR 0009). On unless a maintenance script that copies every tenant's rows turns it off.
   */
  readonly tenantGuard?: boolean | undefined
}

/** Drizzle calls `logQuery` before it hands a statement to the driver: a throw there stops it. */
function loggerFor(config: Pick<DatabaseConfig, 'onQuery' | 'tenantGuard'>) {
  const { onQuery } = config
  if (config.tenantGuard === false) return onQuery ? { logQuery: (q: string) => onQuery(q) } : undefined
  return {
    logQuery(q: string) {
      onQuery?.(q)
      assertTenantScoped(q)
    },
  }
}

/** Which driver a URL means: none → embedded PGlite; Neon hosts → Neon's driver; else `pg`. */
export function pickDriver(config: DatabaseConfig): DriverName {
  if (config.driver) return config.driver
  if (!config.url) return 'pglite'
  return /\.neon\.tech(?::|\/|$)/.test(config.url) ? 'neon' : 'pg'
}

/**
 * The single DB client factory (ARCHITECTURE.md). Drivers are imported lazily so a Worker bundle
 * never pulls in PGlite's WebAssembly or `pg`'s TCP code it does not use.
 */
export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const driver = pickDriver(config)
  if (driver === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite')
    const dataDir = config.url?.startsWith('pglite:') ? config.url.slice('pglite:'.length) : config.dataDir
    return fromPglite(new PGlite(dataDir ?? 'memory://'), config)
  }
  if (!config.url) throw new Error(`DATABASE_URL is required for the ${driver} driver`)
  if (driver === 'pg') {
    const { default: pg } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolMax ?? 10 })
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined)
    const db = drizzle({ client: pool, schema, logger: loggerFor(config) }) as unknown as Database
    return {
      db,
      driver,
      async migrate(migrationsFolder) {
        const { migrate } = await import('drizzle-orm/node-postgres/migrator')
        await migrate(drizzle({ client: pool, schema }), { migrationsFolder })
      },
      ping: () => ping(db),
      close: () => pool.end(),
    }
  }
  const { Pool, neonConfig } = await import('@neondatabase/serverless')
  const { drizzle } = await import('drizzle-orm/neon-serverless')
  if (typeof WebSocket === 'undefined') {
    // Node < 22 has no global WebSocket; Workers and Node 22+ do.
    const { default: ws } = await import('ws')
    neonConfig.webSocketConstructor = ws
  }
  const pool = new Pool({ connectionString: config.url, max: config.poolMax ?? 10 })
  pool.on('error', () => undefined)
  const db = drizzle({ client: pool, schema, logger: loggerFor(config) }) as unknown as Database
  return {
    db,
    driver,
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/neon-serverless/migrator')
      await migrate(drizzle({ client: pool, schema }), { migrationsFolder })
    },
    ping: () => ping(db),
    close: () => pool.end(),
  }
}

export async function fromPglite(
  client: PGlite,
  config: Pick<DatabaseConfig, 'onQuery' | 'tenantGuard'> = {},
): Promise<DatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/pglite')
  const db = drizzle({ client, schema, logger: loggerFor(config) }) as unknown as Database
  return {
    db,
    driver: 'pglite',
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/pglite/migrator')
      await migrate(drizzle({ client, schema }), { migrationsFolder })
    },
    ping: () => ping(db),
    close: () => client.close(),
  }
}

async function ping(db: Database): Promise<boolean> {
  try {
    const { sql } = await import('drizzle-orm')
    await db.execute(sql`select 1`)
    return true
  } catch {
    return false
  }
}
