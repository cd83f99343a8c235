import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { apiBaseForBuild, apiBaseFrom, webDefine } from './api-base.ts'

describe('PUBLIC_API_URL (KoproGo v1) in the web build', () => {
  const saved = process.env.PUBLIC_API_URL
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_API_URL
    else process.env.PUBLIC_API_URL = saved
  })

  it.each([
    [undefined, '/api/v1', false],
    ['', '/api/v1', false],
    ['/api/v1', '/api/v1', false],
    ['/koprogo/api/v1/', '/koprogo/api/v1', false],
    ['https://syndic.example.org/api/v1', '/api/v1', true],
    ['http://localhost:8080', '/api/v1', true],
    ['http://localhost:8080/', '/api/v1', true],
    ['https://example.org/sub/api/v1?x=1', '/sub/api/v1', true],
  ])('%j → %s', (value, base, warned) => {
    const warnings: string[] = []
    expect(apiBaseFrom(value, (m) => warnings.push(m))).toBe(base)
    expect(warnings.length > 0).toBe(warned)
    if (warned) expect(warnings[0]).toMatch(/^PUBLIC_API_URL \(KoproGo v1\): .* dropping https?:\/\//)
  })

  it.each(['api.example.org/api/v1', 'ftp://example.org/api', '//example.org/api'])('refuses %j', (value) => {
    expect(() => apiBaseFrom(value)).toThrowError(/^PUBLIC_API_URL=/)
  })

  it('reads it from the .env next to docker-compose.yml, the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koprogo-web-env-'))
    try {
      writeFileSync(join(dir, '.env'), 'PUBLIC_API_URL=https://old.example.org/v1api\nJWT_SECRET=not-read\n')
      delete process.env.PUBLIC_API_URL
      expect(apiBaseForBuild('production', dir, () => {})).toBe('/v1api')
      process.env.PUBLIC_API_URL = '/from-env/api/v1'
      expect(apiBaseForBuild('production', dir, () => {})).toBe('/from-env/api/v1')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is what the build (app.config.ts) defines as the app base URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koprogo-web-env-'))
    try {
      process.env.PUBLIC_API_URL = '/koprogo/api/v1'
      expect(webDefine('production', dir)['import.meta.env.VITE_API_BASE']).toBe(
        JSON.stringify('/koprogo/api/v1'),
      )
      delete process.env.PUBLIC_API_URL
      expect(webDefine('production', dir)['import.meta.env.VITE_API_BASE']).toBe(JSON.stringify('/api/v1'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
