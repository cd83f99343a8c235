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
export type Uuidv7 = (now?: number) => string

/**
 * A UUIDv7 source with its own clock state. The process shares one (`uuidv7`); tests make their
 * own, so one test's far-future burst cannot push another's ids into the backdated branch.
 */
export function uuidv7Source(): Uuidv7 {
  let lastMs = -1
  /** The latest clock reading seen: ms may run ahead of it after borrowing, never behind. */
  let lastNow = -1
  let counter = 0

  return (now = Date.now()) => {
    let ms = now
    let count: number
    if (now > lastMs) {
      lastMs = now
      lastNow = now
      counter = randomCounter()
      count = counter
    } else if (now >= lastNow) {
      // The same millisecond, or the clock behind milliseconds borrowed on overflow (a burst of
      // more than ~2,000 ids in a millisecond can borrow several): count on from the last id.
      lastNow = now
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
    return format(ms, count)
  }
}

export const uuidv7: Uuidv7 = uuidv7Source()

function format(ms: number, count: number): string {
  const bytes = randomBytes(16)
  // 48-bit milliseconds, big-endian (two numbers: bitwise operators are 32-bit).
  const high = Math.floor(ms / 0x1000000)
  const low = ms % 0x1000000
  bytes[0] = (high >>> 16) & 0xff
  bytes[1] = (high >>> 8) & 0xff
  bytes[2] = high & 0xff
  bytes[3] = (low >>> 16) & 0xff
  bytes[4] = (low >>> 8) & 0xff
  bytes[5] = low & 0xff
  bytes[6] = 0x70 | ((count >> 8) & 0x0f)
  bytes[7] = count & 0xff
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  let hex = ''
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) hex += '-'
    hex += HEX[bytes[i] ?? 0]
  }
  return hex
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/*
 * Random bytes from a pool filled 4 KiB at a time (as crypto.randomUUID caches its own entropy):
 * one getRandomValues call per id and one more for its counter cost the API's core more than the
 * rest of the id (docs/performance.md, session 7's profile). The bytes are used once each.
 */
const POOL_SIZE = 4096
const pool = new Uint8Array(POOL_SIZE)
let poolOffset = POOL_SIZE

/** `n` fresh random bytes (a copy: the caller may write into them). */
function randomBytes(n: number): Uint8Array {
  if (poolOffset + n > POOL_SIZE) {
    crypto.getRandomValues(pool)
    poolOffset = 0
  }
  const out = pool.slice(poolOffset, poolOffset + n)
  poolOffset += n
  return out
}

const randomCounter = () => {
  const b = randomBytes(2)
  return (((b[0] ?? 0) << 8) | (b[1] ?? 0)) & 0x7ff
}

export const uuidv7Generator: IdGenerator = { next: () => uuidv7() }
