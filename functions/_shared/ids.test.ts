import { beforeEach, describe, expect, it } from 'vitest'
import { uuidv7Source } from './ids.ts'

const version = (id: string) => id[14]
const variant = (id: string) => Number.parseInt(id[19] ?? '0', 16) >> 2

describe('uuidv7', () => {
  // Each test has its own clock state: a shared one made the order of tests matter (a burst dated
  // +30 s left the next test's +20 s ids in the backdated branch, unordered: CI failed on it).
  let uuidv7 = uuidv7Source()
  beforeEach(() => {
    uuidv7 = uuidv7Source()
  })

  it('sorts ids made in the same millisecond in the order they were made (RFC 9562 §6.2)', () => {
    const now = Date.now() + 10_000
    const ids = Array.from({ length: 5000 }, () => uuidv7(now))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    // 5,000 ids overflow the 12-bit counter: the later ones borrow the next milliseconds.
    expect(ids.every((id) => version(id) === '7' && variant(id) === 2)).toBe(true)
  })

  it('stays ordered when one millisecond borrows several (a burst of 20,000 ids)', () => {
    // Each millisecond holds 2,049–4,096 ids (its counter starts at random below 2,048): 20,000 in
    // one millisecond borrow at least 4 more. Before, a second borrow fell into the "backdated"
    // branch and its ids sorted before the earlier ones (this test, and ~10 % of the one above).
    const now = Date.now() + 30_000
    const ids = Array.from({ length: 20_000 }, () => uuidv7(now))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    const later = uuidv7(now + 1)
    expect(later > (ids.at(-1) ?? '')).toBe(true)
  })

  it('keeps time order across milliseconds and leaves the clock alone for a backdated id', () => {
    const t = Date.now() + 20_000
    const a = uuidv7(t)
    const old = uuidv7(t - 86_400_000)
    const b = uuidv7(t)
    const c = uuidv7(t + 1)
    expect(old < a).toBe(true)
    expect(a < b && b < c).toBe(true)
    expect(old.slice(0, 8)).not.toBe(a.slice(0, 8))
  })

  it('writes the 48-bit milliseconds big-endian in the first 12 hex digits, the rest fresh each time', () => {
    const ms = 0x0123_4567_89ab
    const id = uuidv7(ms)
    expect(id).toMatch(/^01234567-89ab-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const max = uuidv7(0xffff_ffff_ffff)
    expect(max.slice(0, 13)).toBe('ffffffff-ffff')
    // 600 ids (9.6 KB of random bytes: the 4 KiB pool refilled twice) never repeat their random tail.
    const tails = new Set(Array.from({ length: 600 }, () => uuidv7(ms).slice(19)))
    expect(tails.size).toBe(600)
  })
})
