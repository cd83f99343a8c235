import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localFileStore } from './local-file-store.ts'
import { type R2BucketLike, r2FileStore } from './r2-file-store.ts'

const root = mkdtempSync(join(tmpdir(), 'koprogo-files-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const key = () => `${crypto.randomUUID()}/${crypto.randomUUID()}`
const text = async (s: ReadableStream<Uint8Array>) => new Response(s).text()

function memoryBucket(): R2BucketLike {
  const objects = new Map<string, { bytes: Uint8Array; contentType?: string }>()
  return {
    async put(k, value, options) {
      const bytes =
        value instanceof Uint8Array ? value : new Uint8Array(await new Response(value).arrayBuffer())
      objects.set(k, {
        bytes,
        ...(options?.httpMetadata?.contentType ? { contentType: options.httpMetadata.contentType } : {}),
      })
      return null
    },
    async get(k) {
      const o = objects.get(k)
      if (!o) return null
      return {
        body: new Response(new Blob([o.bytes as Uint8Array<ArrayBuffer>])).body as ReadableStream<Uint8Array>,
        size: o.bytes.length,
        ...(o.contentType ? { httpMetadata: { contentType: o.contentType } } : {}),
      }
    },
    async delete(k) {
      objects.delete(k)
    },
  }
}

describe.each([
  ['local folder', () => localFileStore(root)],
  ['R2 bucket', () => r2FileStore(memoryBucket())],
])('%s file store', (_name, make) => {
  it('stores bytes and streams them back, then deletes them', async () => {
    const store = make()
    const k = key()
    await store.put(k, new TextEncoder().encode('%PDF-1.7 hello'), {
      contentType: 'application/pdf',
      size: 14,
    })
    const file = await store.get(k)
    expect(file?.size).toBe(14)
    expect(await text(file?.body ?? new ReadableStream())).toBe('%PDF-1.7 hello')
    await store.delete(k)
    expect(await store.get(k)).toBeNull()
  })

  it('accepts a stream body', async () => {
    const store = make()
    const k = key()
    const body = new Response('streamed content').body as ReadableStream<Uint8Array>
    await store.put(k, body, { contentType: 'text/plain', size: 16 })
    expect(await text((await store.get(k))?.body ?? new ReadableStream())).toBe('streamed content')
  })

  it('refuses keys that are not server-generated ids', async () => {
    const store = make()
    for (const bad of ['../../etc/passwd', 'a/b', `${crypto.randomUUID()}/../x`, '/abs/path']) {
      await expect(
        store.put(bad, new Uint8Array([1]), { contentType: 'text/plain', size: 1 }),
      ).rejects.toThrow(/Refusing storage key/)
    }
  })
})

describe('local folder file store', () => {
  it('refuses (and keeps nothing) when the bytes differ from the declared size', async () => {
    const store = localFileStore(root)
    const k = key()
    await expect(
      store.put(k, new Uint8Array([1, 2, 3]), { contentType: 'text/plain', size: 10 }),
    ).rejects.toThrow(/expected 10/)
    expect(await store.get(k)).toBeNull()
  })

  it('leaves no partial file when the upload stream fails', async () => {
    const store = localFileStore(root)
    const k = key()
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]))
        controller.error(new Error('connection reset'))
      },
    })
    await expect(store.put(k, failing, { contentType: 'application/pdf', size: 3 })).rejects.toThrow()
    expect(await store.get(k)).toBeNull()
    const dir = join(root, k.split('/')[0] ?? '')
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([])
  })
})
