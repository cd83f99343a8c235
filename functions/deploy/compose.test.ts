import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { EnvSchema, parseEnv } from '../_shared/env.ts'
import { renderConfigurationMd, renderEnvExample, settingKeys } from './config-docs.ts'
import { COMPOSE_SETTINGS, SETTINGS_DOCS } from './settings-docs.ts'

const root = join(import.meta.dirname, '..', '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

type Service = {
  image?: string
  environment?: Record<string, string | number | boolean>
  healthcheck?: { test?: unknown }
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> }
const services = Object.entries(compose.services)

/** Compose interpolation with a fixed value for required variables and the default for others. */
const interpolate = (value: string, required = 'x'.repeat(48)) =>
  value.replace(
    /\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
    (_m, _name, fallback: string | undefined) => fallback ?? required,
  )

const envExampleKeys = (section: 'api' | 'compose') => {
  const [api = '', composePart = ''] = read('.env.example').split('# ---- docker compose only')
  return [...(section === 'api' ? api : composePart).matchAll(/^(\w+)=/gm)].map((m) => m[1])
}

describe('docker-compose.yml (single-VPS profile)', () => {
  it('pins every image to an exact version', () => {
    for (const [name, service] of services) {
      const image = interpolate(service.image ?? '')
      expect(image, name).toMatch(/^[\w./-]+:\d+\.\d+[\w.-]*$/)
      expect(image, name).not.toMatch(/:latest$/)
    }
  })

  it('gives every service a healthcheck', () => {
    for (const [name, service] of services) expect(service.healthcheck?.test, name).toBeTruthy()
  })

  // Compose accepts a healthcheck only as a string or a list of strings: an unquoted ": " in a
  // list item turns it into a mapping, which compose refuses (found by make test-vps, issue #18).
  it('spells every healthcheck as strings, with $ escaped for compose', () => {
    for (const [name, service] of services) {
      const test = service.healthcheck?.test
      const items = Array.isArray(test) ? test : [test]
      for (const item of items) expect(typeof item, name).toBe('string')
      // `$(` is invalid interpolation for compose: a shell `$` is written `$$`.
      for (const item of items) expect(String(item), name).not.toMatch(/(^|[^$])\$\(/)
    }
  })

  // make test-vps swaps in local base images where no registry is reachable (docs/deploy-vps.md).
  it('takes the base images as variables defaulting to the pinned public ones', () => {
    const raw = parse(read('docker-compose.yml')) as {
      services: Record<string, { image?: string; build?: { args?: Record<string, string> } }>
    }
    expect(raw.services.postgres?.image).toMatch(/^\$\{POSTGRES_IMAGE:-postgres:[\d.]+-\w+\}$/)
    expect(raw.services.backup?.image).toBe(raw.services.postgres?.image)
    expect(raw.services.caddy?.image).toMatch(/^\$\{CADDY_IMAGE:-caddy:[\d.]+-\w+\}$/)
    const nodeDefault = read('Dockerfile').match(/^ARG NODE_IMAGE=(\S+)$/m)?.[1]
    expect(raw.services.api?.build?.args?.NODE_IMAGE).toBe(`\${NODE_IMAGE:-${nodeDefault}}`)
  })

  it('sets only settings the API knows, with the production essentials required', () => {
    const env = compose.services.api?.environment ?? {}
    const known = new Set(Object.keys(EnvSchema.shape))
    expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([])
    expect(env.APP_ENV).toBe('production')
    for (const secret of ['JWT_SECRET', 'SUPERADMIN_EMAIL', 'SUPERADMIN_PASSWORD'])
      expect(String(env[secret]), secret).toMatch(/^\$\{\w+:\?/)
    expect(env.DATABASE_URL).toBeDefined()
    expect(env.CORS_ORIGINS).toBeDefined()
  })

  it('passes the production env guard once the required values are filled in', () => {
    const raw = Object.fromEntries(
      Object.entries(compose.services.api?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]),
    )
    expect(() => parseEnv(raw)).not.toThrow()
  })

  it('documents every variable it interpolates in .env.example', () => {
    const used = new Set([...read('docker-compose.yml').matchAll(/\$\{(\w+)/g)].map((m) => m[1]))
    const documented = new Set([...envExampleKeys('api'), ...envExampleKeys('compose')])
    expect([...used].filter((v) => !documented.has(v))).toEqual([])
  })
})

describe('settings documentation', () => {
  it('documents exactly the keys of EnvSchema', () => {
    expect(Object.keys(SETTINGS_DOCS).sort()).toEqual(settingKeys().sort())
  })

  it('.env.example lists exactly EnvSchema keys, then the compose ones', () => {
    expect(envExampleKeys('api').sort()).toEqual(settingKeys().sort())
    expect(envExampleKeys('compose').sort()).toEqual(Object.keys(COMPOSE_SETTINGS).sort())
  })

  it('.env.example and docs/configuration.md are up to date (make config-docs)', () => {
    expect(read('.env.example')).toBe(renderEnvExample())
    expect(read('docs/configuration.md')).toBe(renderConfigurationMd())
  })
})

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile')
  it('builds from an exact Node 24 image and runs as a non-root user', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-[\w-]+$/m)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(/^HEALTHCHECK /m)
  })
})
