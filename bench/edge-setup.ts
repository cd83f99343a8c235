/**
 * What the edge measurements (edge-profile.ts, edge-costs.ts) share: the bench's Postgres
 * migrated with its superadmin, the Workers' settings for it, and the pid behind a port.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { env, root, SUPERADMIN } from './config.ts'

/** Migrates the database at `url` and creates the bench's superadmin (scripts/migrate.ts). */
export function migrateForEdge(url: string): void {
  const migrated = spawnSync(process.execPath, [join(root, 'scripts', 'migrate.ts')], {
    cwd: root,
    env: {
      ...env,
      DATABASE_URL: url,
      SUPERADMIN_EMAIL: SUPERADMIN.email,
      SUPERADMIN_PASSWORD: SUPERADMIN.password,
    },
    encoding: 'utf8',
  })
  if (migrated.status !== 0) throw new Error(`migrate: ${migrated.stderr}`)
}

/** The Workers' settings (a fresh JWT secret each run). */
export function edgeSettings(url: string): Record<string, string> {
  return {
    APP_ENV: 'development',
    LOG_LEVEL: 'warn',
    JWT_SECRET: Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url'),
    DATABASE_URL: url,
    SUPERADMIN_EMAIL: SUPERADMIN.email,
    SUPERADMIN_PASSWORD: SUPERADMIN.password,
  }
}

/** The pid of the process listening on `port` (workerd, Postgres, PgBouncer), from `ss`. */
export function pidOn(port: number, name: string): number {
  const out = spawnSync('sh', ['-c', `ss -Hltnp 'sport = :${port}'`], { encoding: 'utf8' }).stdout
  const pid = Number(/pid=(\d+)/.exec(out)?.[1])
  if (!pid) throw new Error(`no ${name} listening on ${port}`)
  return pid
}
