import { argon2id } from '@noble/hashes/argon2.js'
import { describe, expect, it, vi } from 'vitest'
import { HashSlots } from './hash-slots.ts'
import { argon2PasswordHasher } from './password-hasher.ts'

const params = { memoryKib: 64, iterations: 2, parallelism: 1 }
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

describe('argon2 password hasher', () => {
  it('hashes to the PHC string the pure-JS derivation (Workers) verifies, and verifies it back', async () => {
    const hasher = argon2PasswordHasher(params)
    const phc = await hasher.hash('correct horse')
    const [, , , , salt, hash] = phc.split('$')
    const again = argon2id('correct horse', unb64(salt ?? ''), { m: 64, t: 2, p: 1, dkLen: 32 })
    expect(Buffer.from(again).equals(Buffer.from(unb64(hash ?? '')))).toBe(true)
    expect(await hasher.verify(phc, 'correct horse')).toBe(true)
    expect(await hasher.verify(phc, 'wrong horse')).toBe(false)
    expect(hasher.needsRehash(phc)).toBe(false)
  })

  it('the dummy check of an unknown e-mail costs one derivation, like checking a real password', async () => {
    // Counting the slots counts the derivations: every one of them takes a slot.
    const slots = new HashSlots({ concurrency: 1, queueDepth: 10 })
    const run = vi.spyOn(slots, 'run')
    const hasher = argon2PasswordHasher(params, slots)
    const phc = await hasher.hash('correct horse')
    run.mockClear()
    expect(await hasher.verify(phc, 'wrong horse')).toBe(false)
    expect(run).toHaveBeenCalledTimes(1)
    await hasher.verifyDummy('wrong horse')
    expect(run).toHaveBeenCalledTimes(2)
  })
})
