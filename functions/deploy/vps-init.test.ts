/**
 * `make vps-init` / scripts/vps-init.sh (issue #18 item 4): an association's first install writes a
 * .env the production guard and docker-compose.yml accept, asking only the domain and the e-mail.
 * Each test runs the real script with `sh` in a temporary folder holding a copy of .env.example.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEnv as parseDotenv } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { EnvError, parseEnv } from '../_shared/env.ts'

const root = join(import.meta.dirname, '..', '..')
const script = join(root, 'scripts', 'vps-init.sh')
const dirs: string[] = []

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-vps-init-'))
  copyFileSync(join(root, '.env.example'), join(dir, '.env.example'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Runs the script without a terminal; `input` is what the user types. */
function run(dir: string, args: string[] = [], opts: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync('sh', [script, '--dir', dir, ...args], {
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const readEnvFile = (dir: string) => parseDotenv(readFileSync(join(dir, '.env'), 'utf8'))

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string | number | boolean> }>
}
/** What compose gives the API: its `environment:` interpolated from .env, over the .env itself (env_file). */
function apiEnvUnderCompose(dotenv: Record<string, string | undefined>): Record<string, string> {
  const interpolate = (value: string) =>
    value.replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_m, name: string, fallback?: string) => {
      const v = dotenv[name]
      if (v) return v
      if (fallback !== undefined) return fallback
      throw new Error(`compose would refuse to start: ${name} is not set`)
    })
  const wired = Object.entries(compose.services.api?.environment ?? {}).map(([k, v]) => [
    k,
    interpolate(String(v)),
  ])
  const fromFile = Object.entries(dotenv).filter((e): e is [string, string] => e[1] !== undefined)
  return { ...Object.fromEntries(fromFile), ...Object.fromEntries(wired) }
}
const composeRequired = [
  ...readFileSync(join(root, 'docker-compose.yml'), 'utf8').matchAll(/\$\{(\w+):\?/g),
].map((m) => m[1] as string)

describe('scripts/vps-init.sh (make vps-init)', () => {
  it('writes a production .env from arguments: domain, e-mail, long random secrets, mode 600', () => {
    const dir = freshDir()
    const { status, stdout } = run(dir, ['--domain', 'Syndic.Example.be', '--email', 'ops@example.be'])
    expect(status).toBe(0)
    const env = readEnvFile(dir)
    expect(env).toMatchObject({
      APP_ENV: 'production',
      DOMAIN: 'syndic.example.be',
      ACME_EMAIL: 'ops@example.be',
      SUPERADMIN_EMAIL: 'ops@example.be',
      CORS_ORIGINS: 'https://syndic.example.be',
      TRUST_PROXY: 'true',
      SEED_DEMO_ON_START: 'false',
    })
    expect(env.JWT_SECRET).toMatch(/^[A-Za-z0-9]{64}$/)
    expect(env.POSTGRES_PASSWORD).toMatch(/^[A-Za-z0-9]{40}$/)
    expect(env.SUPERADMIN_PASSWORD).toMatch(/^[A-Za-z0-9]{20}$/)
    // Not a constant or a repeated character: at least 20 distinct symbols out of 64.
    expect(new Set(env.JWT_SECRET).size).toBeGreaterThanOrEqual(20)
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600)
    // The password is shown once, with where to log in and what to do next.
    expect(stdout).toContain(`Password:      ${env.SUPERADMIN_PASSWORD}`)
    expect(stdout).toContain('docker compose up -d --build')
    expect(stdout).toContain('https://syndic.example.be/')
    expect(stdout).toMatch(/koprogo-backup once/)
    // Every other line of the template is kept, so the file still documents each setting.
    expect(Object.keys(env).sort()).toEqual(
      Object.keys(parseDotenv(readFileSync(join(dir, '.env.example'), 'utf8'))).sort(),
    )
  })

  it('produces a .env the production guard accepts, alone and as docker compose wires it', () => {
    const dir = freshDir()
    expect(run(dir, ['--domain', 'syndic.example.be', '--email', 'ops@example.be']).status).toBe(0)
    const env = readEnvFile(dir)
    expect(parseEnv(env).APP_ENV).toBe('production')
    for (const name of composeRequired) expect(env[name], name).toBeTruthy()
    const wired = parseEnv(apiEnvUnderCompose(env))
    expect(wired.CORS_ORIGINS).toEqual(['https://syndic.example.be'])
    expect(wired.DATABASE_URL).toBe(`postgres://koprogo:${env.POSTGRES_PASSWORD}@postgres:5432/koprogo`)
  })

  it('the untouched .env.example does not start in production (guard and compose both refuse)', () => {
    const example = parseDotenv(readFileSync(join(root, '.env.example'), 'utf8'))
    expect(() => parseEnv({ ...example, APP_ENV: 'production' })).toThrowError(EnvError)
    expect(() => parseEnv({ ...example, APP_ENV: 'production' })).toThrowError(
      /JWT_SECRET[\s\S]*SUPERADMIN_PASSWORD/,
    )
    expect(() => apiEnvUnderCompose(example)).toThrowError(/compose would refuse to start/)
  })

  it('takes DOMAIN and ADMIN_EMAIL from the environment (automation)', () => {
    const dir = freshDir()
    const { status } = run(dir, [], {
      env: { DOMAIN: 'copro.example.org', ADMIN_EMAIL: 'syndic+copro@example.org' },
    })
    expect(status).toBe(0)
    expect(readEnvFile(dir)).toMatchObject({
      DOMAIN: 'copro.example.org',
      SUPERADMIN_EMAIL: 'syndic+copro@example.org',
    })
  })

  it('make vps-init passes DOMAIN and ADMIN_EMAIL through', () => {
    const dir = freshDir()
    const made = spawnSync(
      'make',
      [
        '-s',
        '-C',
        root,
        'vps-init',
        'DOMAIN=make.example.org',
        'ADMIN_EMAIL=make@example.org',
        `VPS_INIT_DIR=${dir}`,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, timeout: 30_000 },
    )
    expect(made.status, made.stderr).toBe(0)
    expect(readEnvFile(dir)).toMatchObject({ DOMAIN: 'make.example.org', ACME_EMAIL: 'make@example.org' })
  })

  it('asks for the domain and the e-mail, again after an invalid answer', () => {
    const dir = freshDir()
    const { status, stdout } = run(dir, [], {
      input: 'https://syndic.example.be/\n  Syndic.Example.be  \nnot-an-email\nops@example.be\n',
    })
    expect(status).toBe(0)
    expect(stdout).toMatch(/Domain name of this server/)
    expect(stdout).toMatch(/expected a domain name such as/)
    expect(stdout).toMatch(/expected an e-mail address/)
    expect(readEnvFile(dir)).toMatchObject({
      DOMAIN: 'syndic.example.be',
      SUPERADMIN_EMAIL: 'ops@example.be',
    })
  })

  it('asks only for what is missing, and stops without writing when the answers run out', () => {
    const dir = freshDir()
    const asked = run(dir, ['--domain', 'syndic.example.be'], { input: 'ops@example.be\n' })
    expect(asked.status).toBe(0)
    expect(asked.stdout).not.toMatch(/Domain name/)
    const empty = freshDir()
    const eof = run(empty, [], { input: '' })
    expect(eof.status).toBe(1)
    expect(eof.stderr).toMatch(/no answer/)
    expect(existsSync(join(empty, '.env'))).toBe(false)
  })

  it('generates different secrets on every run', () => {
    const [a, b] = [freshDir(), freshDir()]
    for (const dir of [a, b])
      expect(run(dir, ['--domain', 'x.example.org', '--email', 'a@example.org']).status).toBe(0)
    const [ea, eb] = [readEnvFile(a), readEnvFile(b)]
    for (const key of ['JWT_SECRET', 'POSTGRES_PASSWORD', 'SUPERADMIN_PASSWORD'])
      expect(ea[key], key).not.toBe(eb[key])
  })

  it('refuses to overwrite an existing .env', () => {
    const dir = freshDir()
    expect(run(dir, ['--domain', 'x.example.org', '--email', 'a@example.org']).status).toBe(0)
    const before = readFileSync(join(dir, '.env'), 'utf8')
    const again = run(dir, ['--domain', 'y.example.org', '--email', 'b@example.org'])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/exists: not overwritten.*--force/)
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(before)
  })

  it('--force replaces it and keeps the old one as a private backup', () => {
    const dir = freshDir()
    expect(run(dir, ['--domain', 'x.example.org', '--email', 'a@example.org']).status).toBe(0)
    chmodSync(join(dir, '.env'), 0o644) // as a hand-written .env often is
    const before = readFileSync(join(dir, '.env'), 'utf8')
    const forced = run(dir, ['--force', '--domain', 'y.example.org', '--email', 'b@example.org'])
    expect(forced.status).toBe(0)
    const backups = readdirSync(dir).filter((f) => f.startsWith('.env.backup-'))
    expect(backups).toHaveLength(1)
    const backup = join(dir, backups[0] as string)
    expect(readFileSync(backup, 'utf8')).toBe(before)
    expect(statSync(backup).mode & 0o777).toBe(0o600)
    expect(forced.stdout).toContain(`kept as ${backup}`)
    expect(readEnvFile(dir).DOMAIN).toBe('y.example.org')
    expect(readEnvFile(dir).JWT_SECRET).not.toBe(parseDotenv(before).JWT_SECRET)
  })

  it.each([
    ['https://syndic.example.be', 'DOMAIN'],
    ['syndic.example.be:8443', 'DOMAIN'],
    ['localhost', 'DOMAIN'],
    ['192.168.1.10', 'DOMAIN'],
    ['-bad.example.be', 'DOMAIN'],
    ['exa mple.be', 'DOMAIN'],
    ['exa$mple.be', 'DOMAIN'],
  ])('refuses the domain %j without writing anything', (domain, name) => {
    const dir = freshDir()
    const { status, stderr } = run(dir, ['--domain', domain, '--email', 'a@example.org'])
    expect(status).toBe(2)
    expect(stderr).toContain(`${name}=`)
    expect(existsSync(join(dir, '.env'))).toBe(false)
  })

  it.each(['nope', 'a@b', 'a$b@example.org', 'a b@example.org', '"a"@example.org', 'a@-x.org'])(
    'refuses the e-mail %j without writing anything',
    (email) => {
      const dir = freshDir()
      const { status, stderr } = run(dir, ['--domain', 'x.example.org', '--email', email])
      expect(status).toBe(2)
      expect(stderr).toContain('ADMIN_EMAIL=')
      expect(existsSync(join(dir, '.env'))).toBe(false)
    },
  )
})

describe('docs/deploy-vps.md § Coming from KoproGo v1', () => {
  it('maps v1 service names to every service of docker-compose.yml', () => {
    const doc = readFileSync(join(root, 'docs', 'deploy-vps.md'), 'utf8')
    const section = doc.slice(doc.indexOf('## Coming from KoproGo v1'))
    const table = section.split('\n').filter((l) => l.startsWith('| `') || l.startsWith('| —'))
    const now = table.map((l) => l.split('|')[2]?.trim())
    for (const service of Object.keys(compose.services)) expect(now, service).toContain(`\`${service}\``)
    for (const v1 of ['api', 'backend', 'frontend', 'postgres'])
      expect(table.join('\n'), v1).toContain(`\`${v1}\``)
  })
})
