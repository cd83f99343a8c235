import { describe, expect, it } from 'vitest'
import { readEnv } from '../env.ts'
import { EDGE_REQUEST_CONNECTIONS, edgeDatabaseConfig } from './worker-runtime.ts'

/** What a Worker's request is allowed to open to its database (ADR 0049, ADR 0053). */
describe('edgeDatabaseConfig', () => {
  const { env } = readEnv({ JWT_SECRET: 'x'.repeat(48), DB_POOL_MAX: '7' })

  it('behind Hyperdrive: pg, unnamed statements, one connection per request', () => {
    const config = edgeDatabaseConfig(env, {
      HYPERDRIVE: { connectionString: 'postgres://u:p@pool:6432/db' },
    })
    expect(config).toMatchObject({
      url: 'postgres://u:p@pool:6432/db',
      driver: 'pg',
      namedStatements: false,
      serverTimeouts: false,
      poolMax: 1,
    })
    expect(EDGE_REQUEST_CONNECTIONS).toBe(1)
  })

  it('without Hyperdrive (a Postgres URL per request): the settings pool size', () => {
    const config = edgeDatabaseConfig({ ...env, DATABASE_URL: 'postgres://u:p@db:5432/db' }, {})
    expect(config.poolMax).toBe(7)
    expect(config.namedStatements).toBeUndefined()
  })
})
