import { argon2id } from '@noble/hashes/argon2.js'
import { describe, expect, it } from 'vitest'
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
})
