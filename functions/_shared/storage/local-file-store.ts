import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertStorageKey, type FileBody, type StoredFile } from './storage-key.ts'

/**
 * Documents on the local disk (embedded and VPS profiles). Writes go to a temporary file that is
 * renamed into place, so a crash mid-upload never leaves a truncated document under its key.
 */
export function localFileStore(root: string) {
  const pathOf = (key: string) => join(root, assertStorageKey(key))
  return {
    async put(
      key: string,
      body: FileBody,
      meta: { contentType: string; size?: number | undefined },
    ): Promise<number> {
      const target = pathOf(key)
      await mkdir(dirname(target), { recursive: true })
      const temp = `${target}.${crypto.randomUUID()}.part`
      try {
        const source = body instanceof Uint8Array ? Readable.from([body]) : Readable.fromWeb(body as never)
        await pipeline(source, createWriteStream(temp, { flags: 'wx', mode: 0o600 }))
        const written = (await stat(temp)).size
        if (meta.size !== undefined && written !== meta.size)
          throw new Error(`Stored ${written} bytes, expected ${meta.size}`)
        await rename(temp, target)
        return written
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
    async get(key: string): Promise<StoredFile | null> {
      const path = pathOf(key)
      try {
        const info = await stat(path)
        const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>
        return { body, size: info.size, contentType: 'application/octet-stream' }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async delete(key: string): Promise<void> {
      await rm(pathOf(key), { force: true })
    },
  }
}

export type LocalFileStore = ReturnType<typeof localFileStore>
