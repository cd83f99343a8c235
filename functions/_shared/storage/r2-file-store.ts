import { assertStorageKey, type FileBody, type StoredFile } from './storage-key.ts'

/** The part of Cloudflare's R2Bucket binding we use (structural, so no workers-types needed). */
export type R2BucketLike = {
  put(
    key: string,
    value: ReadableStream<Uint8Array> | Uint8Array,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<unknown>
  get(key: string): Promise<{
    body: ReadableStream<Uint8Array>
    size: number
    httpMetadata?: { contentType?: string }
  } | null>
  delete(key: string): Promise<void>
}

/** Documents in an R2 bucket (edge profile), behind the same port as the local folder. */
export function r2FileStore(bucket: R2BucketLike) {
  return {
    async put(key: string, body: FileBody, meta: { contentType: string; size: number }): Promise<void> {
      // R2 needs a known length for streams: workerd's FixedLengthStream also rejects a body whose
      // length differs from the declared size, so a truncated upload is never stored.
      const Fixed = (
        globalThis as { FixedLengthStream?: new (n: number) => TransformStream<Uint8Array, Uint8Array> }
      ).FixedLengthStream
      let value = body
      if (!(body instanceof Uint8Array) && Fixed) value = body.pipeThrough(new Fixed(meta.size))
      if (body instanceof Uint8Array && body.byteLength !== meta.size) {
        throw new Error(`Body has ${body.byteLength} bytes, expected ${meta.size}`)
      }
      await bucket.put(assertStorageKey(key), value, { httpMetadata: { contentType: meta.contentType } })
    },
    async get(key: string): Promise<StoredFile | null> {
      const object = await bucket.get(assertStorageKey(key))
      if (!object) return null
      return {
        body: object.body,
        size: object.size,
        contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
      }
    },
    async delete(key: string): Promise<void> {
      await bucket.delete(assertStorageKey(key))
    },
  }
}
