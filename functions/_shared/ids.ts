import type { IdGenerator } from '@koprogo/domain'

/**
 * UUIDv7 (RFC 9562): time-ordered, so new rows append to the primary-key index instead of
 * scattering across it like v4.
 *
 * Monotonic within a process (RFC 9562 §6.2, method 1: a 12-bit counter in `rand_a`, seeded at
 * random each millisecond with its top bit clear so it has room to count): ids made in the same
 * millisecond sort in the order they were made. Code that orders by id (the job runner runs a
 * claimed batch in id order) relies on it; with 12 random bits instead, two jobs enqueued in the
 * same millisecond ran in either order. A counter that overflows borrows the next millisecond.
 */
let lastMs = -1
let counter = 0

export function uuidv7(now = Date.now()): string {
  let ms = now
  let count: number
  if (now > lastMs) {
    lastMs = now
    counter = randomCounter()
    count = counter
  } else if (lastMs - now <= 1) {
    // The same millisecond, or the clock one behind a millisecond borrowed on overflow: count on.
    counter += 1
    if (counter > 0xfff) {
      lastMs += 1
      counter = randomCounter()
    }
    ms = lastMs
    count = counter
  } else {
    // Dated in the past (fixtures backdate rows): ordered by its time only, the clock untouched.
    count = randomCounter()
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const time = BigInt(ms)
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = 0x70 | ((count >> 8) & 0x0f)
  bytes[7] = count & 0xff
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const randomCounter = () => (crypto.getRandomValues(new Uint16Array(1))[0] ?? 0) & 0x7ff

export const uuidv7Generator: IdGenerator = { next: () => uuidv7() }
