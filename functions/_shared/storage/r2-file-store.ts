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
    async put(
      key: string,
      body: FileBody,
      meta: { contentType: string; size?: number | undefined },
    ): Promise<number> {
      const checked = assertStorageKey(key)
      if (body instanceof Uint8Array) {
        if (meta.size !== undefined && body.byteLength !== meta.size) {
          throw new Error(`Body has ${body.byteLength} bytes, expected ${meta.size}`)
        }
        await bucket.put(checked, body, { httpMetadata: { contentType: meta.contentType } })
        return body.byteLength
      }
      if (meta.size === undefined) {
        // R2 takes a stream only with a known length. An upload streamed from a multipart body has
        // none until its end, so its bytes are collected here: the file part alone, already bounded
        // by the upload limit while it was read (ADR 0014); the request itself was never buffered.
        const bytes = new Uint8Array(await new Response(body as ReadableStream<Uint8Array>).arrayBuffer())
        await bucket.put(checked, bytes, { httpMetadata: { contentType: meta.contentType } })
        return bytes.byteLength
      }
      // workerd's FixedLengthStream rejects a body whose length differs from the declared size,
      // so a truncated upload is never stored.
      const Fixed = (
        globalThis as { FixedLengthStream?: new (n: number) => TransformStream<Uint8Array, Uint8Array> }
      ).FixedLengthStream
      const value = Fixed ? body.pipeThrough(new Fixed(meta.size)) : body
      await bucket.put(checked, value, { httpMetadata: { contentType: meta.contentType } })
      return meta.size
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
