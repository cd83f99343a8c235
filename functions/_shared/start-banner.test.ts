import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServer } from '../../scripts/lib/server-process.ts'
import { DEMO_CREDENTIALS } from '../seed/seed-data.ts'
import { createLogger, defaultLogFormat, prettyLine } from './logger.ts'
import { startBanner } from './start-banner.ts'

describe('start banner', () => {
  it('lists every login it is given, with its role, and the addresses', () => {
    const lines = startBanner({
      base: 'http://localhost:8080',
      database: 'pglite in /tmp/x',
      webBuilt: true,
      logins: [
        { role: 'superadmin', email: 'admin@koprogo.com', password: 'admin123' },
        ...DEMO_CREDENTIALS.map((c) => ({ ...c, note: 'demo data' })),
      ],
      readyMs: 1234,
    }).join('\n')
    expect(lines).toContain('Web app:   http://localhost:8080/')
    expect(lines).toContain('    superadmin  admin@koprogo.com / admin123')
    expect(lines).toContain('    accountant  accountant@demo.koprogo.be / demo-accountant-2026  (demo data)')
    expect(lines).toContain('    owner       owner1@demo.koprogo.be / demo-owner-2026  (demo data)')
    expect(lines).toContain('Ready in 1.2 s.')
  })

  it('pretty logs are one human line; JSON stays the default off a terminal and in production', () => {
    expect(
      prettyLine('2026-12-01T20:01:02.345Z', 'info', 'request', {
        request_id: 'r1',
        method: 'GET',
        path: '/api/v1/buildings',
        status: 200,
        duration_ms: 3.1,
      }),
    ).toBe('20:01:02 info  request GET /api/v1/buildings 200 3.1 ms')
    const lines: string[] = []
    createLogger('info', (l) => lines.push(l), 'pretty').warn('database connection lost', { error: 'gone' })
    expect(lines).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d warn {2}database connection lost error=gone$/),
    ])
    expect(defaultLogFormat('development', true)).toBe('pretty')
    expect(defaultLogFormat('development', false)).toBe('json')
    expect(defaultLogFormat('production', true)).toBe('json')
  })

  it('`make start` (the Node entry, embedded) says what it does, then lists every demo login; no JSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-banner-'))
    const server = await startServer({
      logLines: 200,
      timeoutMs: 120_000,
      env: {
        // Empty, not absent: a developer's .env (loaded by the entry) must not set these either.
        DATABASE_URL: '',
        DATABASE_DRIVER: '',
        LOG_LEVEL: '',
        SUPERADMIN_EMAIL: '',
        SUPERADMIN_PASSWORD: '',
        SEED_DEMO_ON_START: '',
        APP_ENV: 'development',
        DATA_DIR: dataDir,
        JWT_SECRET: 'banner-test-secret-banner-test-secret-01',
        ARGON2_MEMORY_KIB: '64',
        ARGON2_ITERATIONS: '1',
        LOG_FORMAT: 'pretty',
        WEB_DIST_DIR: join(dataDir, 'no-web'),
      },
    })
    try {
      await fetch(`http://127.0.0.1:${server.port}/health`)
      let out = server.output()
      for (let i = 0; i < 50 && !out.includes('Ready in'); i++) {
        await new Promise((r) => setTimeout(r, 100))
        out = server.output()
      }
      expect(out).toContain('… opening the embedded database')
      expect(out).toContain('… applying the database migrations')
      expect(out).toContain('… loading the demo data')
      expect(out).toContain('superadmin  admin@koprogo.com / admin123')
      for (const c of DEMO_CREDENTIALS) expect(out).toContain(`${c.email} / ${c.password}`)
      expect(out.split('\n').filter((l) => l.trimStart().startsWith('{'))).toEqual([])
    } finally {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})
