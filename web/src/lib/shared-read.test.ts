import { describe, expect, it } from 'vitest'
import { createSharedReads } from './shared-read'

function counting() {
  const calls: string[] = []
  const reads = createSharedReads(async (key: string) => {
    calls.push(key)
    return `${key}#${calls.length}`
  })
  return { calls, reads }
}

describe('a read shared by the sections of a page', () => {
  it('makes one request for two sections holding the same key, even one mounted later', async () => {
    const { calls, reads } = counting()
    reads.acquire('b1')
    const first = await reads.read('b1')
    reads.acquire('b1') // the second section, mounted after the first answer
    expect(await reads.read('b1')).toBe(first)
    expect(calls).toEqual(['b1'])
  })

  it('reads again after a write, once for every holder', async () => {
    const { calls, reads } = counting()
    reads.acquire('b1')
    reads.acquire('b1')
    await reads.read('b1')
    reads.reload('b1')
    const [a, b] = await Promise.all([reads.read('b1'), reads.read('b1')])
    expect(a).toBe('b1#2')
    expect(b).toBe(a)
    expect(calls).toEqual(['b1', 'b1'])
  })

  it('drops the answer when the last holder is gone, and keeps nothing without a holder', async () => {
    const { calls, reads } = counting()
    reads.acquire('b1')
    await reads.read('b1')
    reads.release('b1')
    reads.acquire('b1')
    await reads.read('b1')
    await reads.read('b2')
    await reads.read('b2')
    expect(calls).toEqual(['b1', 'b1', 'b2', 'b2'])
  })

  it('does not keep a failed read', async () => {
    let n = 0
    const reads = createSharedReads(async () => {
      n += 1
      if (n === 1) throw new Error('offline')
      return 'ok'
    })
    reads.acquire('b1')
    await expect(reads.read('b1')).rejects.toThrow('offline')
    expect(await reads.read('b1')).toBe('ok')
  })
})
