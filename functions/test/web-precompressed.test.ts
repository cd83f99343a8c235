import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mountWeb } from '../web-static.ts'
import { createTestApi, type TestApi } from './harness.ts'

/**
 * The web build's .br/.gz copies (web/scripts/post-build.ts) go to a browser that accepts them,
 * with the headers of the file they stand for (type, cache, policy); a client that accepts none
 * gets the plain file. Without this the embedded server sent every script uncompressed and the
 * login page's Lighthouse performance was 94 on slow 4G (docs/performance.md).
 */
let api: TestApi
const SCRIPT = `export const words = ${JSON.stringify('koprogo '.repeat(400))}\n`
const SHELL = `<!doctype html><title>KoproGo</title><p>${'shell '.repeat(300)}</p>`
beforeAll(async () => {
  api = await createTestApi()
  const dist = mkdtempSync(join(tmpdir(), 'koprogo-web-'))
  mkdirSync(join(dist, '_build', 'assets'), { recursive: true })
  const js = join(dist, '_build', 'assets', 'app-1a2b.js')
  for (const [path, text] of [
    [js, SCRIPT],
    [join(dist, 'index.html'), SHELL],
  ] as const) {
    writeFileSync(path, text)
    writeFileSync(`${path}.br`, brotliCompressSync(text))
    writeFileSync(`${path}.gz`, gzipSync(text))
  }
  expect(mountWeb(api.app, dist)).toBe(true)
})
afterAll(() => api.close())

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())
// Straight to the app (the harness's request() reads bodies as text).
const get = (path: string, headers: Record<string, string> = {}) => api.app.request(path, { headers })

describe('precompressed web files', () => {
  it('a script goes as brotli to a browser that accepts it, with its own type and cache headers', async () => {
    const res = await get('/_build/assets/app-1a2b.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    const body = await bytes(res)
    expect(body.length).toBeLessThan(SCRIPT.length / 4)
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT)
  })

  it('gzip when brotli is not accepted; the plain file when nothing is', async () => {
    const gz = await get('/_build/assets/app-1a2b.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gz)).toString()).toBe(SCRIPT)
    const plain = await get('/_build/assets/app-1a2b.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await bytes(plain)).toString()).toBe(SCRIPT)
  })

  it('the shell of an app URL (SPA fallback) is compressed too, and still revalidated', async () => {
    const res = await get('/syndic', { accept: 'text/html', 'accept-encoding': 'br' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(SHELL)
  })
})
