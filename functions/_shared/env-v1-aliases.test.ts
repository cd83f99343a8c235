import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort, startServer } from '../../scripts/lib/server-process.ts'
import { V1_SETTINGS } from '../deploy/settings-docs.ts'
import { EnvError, parseEnv, readEnv } from './env.ts'
import { mapRustLog, V1_ALIASES, warnDeprecated } from './env-v1-aliases.ts'
import { createLogger } from './logger.ts'

describe('KoproGo v1 settings (issue #18 item 5)', () => {
  it('honours SERVER_HOST and SERVER_PORT when HOST and PORT are not set', () => {
    const { env, deprecations } = readEnv({ SERVER_HOST: '0.0.0.0', SERVER_PORT: '3000' })
    expect(env.HOST).toBe('0.0.0.0')
    expect(env.PORT).toBe(3000)
    expect(deprecations.map((d) => [d.variable, d.use, d.ignored])).toEqual([
      ['SERVER_HOST', 'HOST', false],
      ['SERVER_PORT', 'PORT', false],
    ])
  })

  it('lets the new names win when both are set, and still says so', () => {
    const { env, deprecations } = readEnv({
      SERVER_HOST: '0.0.0.0',
      HOST: '127.0.0.2',
      SERVER_PORT: '3000',
      PORT: '4000',
      RUST_LOG: 'debug',
      LOG_LEVEL: 'error',
    })
    expect([env.HOST, env.PORT, env.LOG_LEVEL]).toEqual(['127.0.0.2', 4000, 'error'])
    expect(deprecations.every((d) => d.ignored)).toBe(true)
    expect(deprecations.map((d) => d.message)).toContain(
      'SERVER_PORT is a KoproGo v1 setting, ignored because PORT is set: remove SERVER_PORT',
    )
  })

  it('does not read an ignored v1 value (a bad SERVER_PORT beside a good PORT starts)', () => {
    expect(parseEnv({ SERVER_PORT: 'eighty', PORT: '8081' }).PORT).toBe(8081)
  })

  it('names the v1 variable the user wrote when its value is invalid', () => {
    expect(() => parseEnv({ SERVER_PORT: 'eighty' })).toThrowError(EnvError)
    expect(() => parseEnv({ SERVER_PORT: 'eighty' })).toThrowError(/SERVER_PORT \(v1 name of PORT\): /)
    expect(() => parseEnv({ SERVER_PORT: '70000' })).toThrowError(/SERVER_PORT \(v1 name of PORT\)/)
    expect(() => parseEnv({ RUST_LOG: 'koprogo=loud' })).toThrowError(
      /RUST_LOG \(v1 name of LOG_LEVEL\): "koprogo=loud" is not an env_logger directive/,
    )
  })

  it('leaves a configuration without v1 names as it was (no notice)', () => {
    expect(readEnv({ HOST: '0.0.0.0', PORT: '8080' }).deprecations).toEqual([])
    expect(readEnv({ SERVER_PORT: '' }).deprecations).toEqual([])
  })

  it('documents every v1 name the code reads (docs/configuration.md § KoproGo v1 names)', () => {
    for (const [old, use] of Object.entries(V1_ALIASES)) expect(V1_SETTINGS[old]?.use, old).toBe(use)
    expect(Object.keys(V1_SETTINGS).sort()).toEqual([...Object.keys(V1_ALIASES), 'PUBLIC_API_URL'].sort())
  })

  it('maps a v1 production .env to a valid production configuration', () => {
    const env = parseEnv({
      APP_ENV: 'production',
      SERVER_HOST: '0.0.0.0',
      SERVER_PORT: '8080',
      RUST_LOG: 'koprogo_api=info,actix_web=warn',
      JWT_SECRET: 'j'.repeat(48),
      SUPERADMIN_EMAIL: 'ops@example.be',
      SUPERADMIN_PASSWORD: 'A-Real-Secret-Pass',
      CORS_ORIGINS: 'https://syndic.example.be',
    })
    expect([env.HOST, env.PORT, env.LOG_LEVEL]).toEqual(['0.0.0.0', 8080, 'info'])
  })
})

describe('RUST_LOG → LOG_LEVEL', () => {
  it.each([
    ['error', 'error'],
    ['warn', 'warn'],
    ['info', 'info'],
    ['debug', 'debug'],
    ['trace', 'debug'],
    ['off', 'silent'],
    ['INFO', 'info'],
    // A directive for a KoproGo crate is the one about our logs; the most verbose of them wins.
    ['koprogo=debug,actix=info', 'debug'],
    ['actix_web=debug,koprogo_api=warn', 'warn'],
    ['koprogo_api=info,koprogo_api::infra=trace', 'debug'],
    ['warn,koprogo_api=error', 'error'],
    // Otherwise the global level; directives for other crates only say nothing about ours.
    ['actix_web=debug,warn', 'warn'],
    ['actix_web=debug,sqlx=warn', 'info'],
    // A bare target means trace in env_logger; a /regex filter is dropped.
    ['koprogo_api', 'debug'],
    ['info,koprogo=debug/request', 'debug'],
    [' koprogo_api = info , actix_web = warn ', 'info'],
  ])('%s → %s', (rustLog, level) => {
    expect(mapRustLog(rustLog)).toEqual({ level })
    expect(parseEnv({ RUST_LOG: rustLog }).LOG_LEVEL).toBe(level)
  })

  it.each(['koprogo=loud', 'a=b=c', '=info', ',', 'koprogo api=info'])('refuses %j', (rustLog) => {
    expect(mapRustLog(rustLog)).toHaveProperty('error')
  })
})

describe('deprecation warnings', () => {
  it('logs one warn line per v1 variable naming the new one', () => {
    const lines: string[] = []
    const { deprecations } = readEnv({ SERVER_HOST: '0.0.0.0', SERVER_PORT: '8081', RUST_LOG: 'info' })
    warnDeprecated(
      createLogger('info', (l) => lines.push(l)),
      deprecations,
    )
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(logged.map((l) => [l.level, l.deprecated, l.use])).toEqual([
      ['warn', 'SERVER_HOST', 'HOST'],
      ['warn', 'SERVER_PORT', 'PORT'],
      ['warn', 'RUST_LOG', 'LOG_LEVEL'],
    ])
    expect(logged[2]?.msg).toBe('RUST_LOG is a KoproGo v1 setting: rename it LOG_LEVEL')
  })

  it('the Node entry listens on SERVER_PORT and warns once per v1 variable at start', async () => {
    const port = await freePort()
    const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-v1-env-'))
    // The shared "start a server and wait for health" helper: /health answering on SERVER_PORT
    // is the proof that the entry listens there.
    const server = await startServer({
      port,
      // A clean environment: only what a v1 deployment would set.
      baseEnv: { PATH: process.env.PATH ?? '' },
      timeoutMs: 90_000,
      env: {
        // Empty, not absent: a developer's own .env (loaded by the entry) must not set these either,
        // and process.loadEnvFile leaves a variable that exists alone. parseEnv reads '' as unset.
        HOST: '',
        PORT: '',
        EDGE_PORT: undefined,
        LOG_LEVEL: '',
        APP_ENV: '',
        DATABASE_URL: '',
        DATABASE_DRIVER: '',
        STORAGE_DIR: '',
        DATA_DIR: dataDir,
        SEED_DEMO_ON_START: 'false',
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        SERVER_HOST: '127.0.0.1',
        SERVER_PORT: String(port),
        RUST_LOG: 'koprogo_api=info,actix_web=debug',
      },
    })
    try {
      const warnings = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.deprecated)
      expect(warnings.map((w) => [w.level, w.deprecated, w.use])).toEqual([
        ['warn', 'SERVER_HOST', 'HOST'],
        ['warn', 'SERVER_PORT', 'PORT'],
        ['warn', 'RUST_LOG', 'LOG_LEVEL'],
      ])
    } finally {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)
})
