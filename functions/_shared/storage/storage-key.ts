/**
 * Storage keys are made by the server (`<organization uuid>/<document uuid>`), never from a
 * client's file name; anything else is refused before it reaches a path or a bucket.
 */
const KEY =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function assertStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Refusing storage key ${JSON.stringify(key)}`)
  return key
}

export type StoredFile = { body: ReadableStream<Uint8Array>; size: number; contentType: string }
export type FileBody = ReadableStream<Uint8Array> | Uint8Array
