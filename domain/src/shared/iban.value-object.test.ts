import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseIban } from './iban.value-object.ts'

describe('parseIban', () => {
  it('accepts a Belgian IBAN in print or electronic form', () => {
    expect(parseIban('BE68 5390 0754 7034')).toEqual({ ok: true, value: 'BE68539007547034' })
    expect(parseIban('be68539007547034').ok).toBe(true)
    expect(parseIban('FR14 2004 1010 0505 0001 3M02 606').ok).toBe(true)
  })

  it('refuses wrong check digits, a wrong length and garbage', () => {
    expect(parseIban('BE68 5390 0754 7035')).toEqual({ ok: false, error: 'has wrong check digits' })
    expect(parseIban('BE68 5390 0754 70').ok).toBe(false)
    expect(parseIban('BE68 5390 0754 703')).toEqual({ ok: false, error: 'must have 16 characters for BE' })
    // A length ibantools knows from the SWIFT registry, beyond the old hand-written list (Poland: 28).
    expect(parseIban('PL61 1090 1014 0000 0712 1981 287').ok).toBe(false)
    expect(parseIban('PL61 1090 1014 0000 0712 1981 2874').ok).toBe(true)
    expect(parseIban('not an iban').ok).toBe(false)
  })

  it('property: changing one digit of a valid IBAN is always detected', () => {
    const valid = 'BE68539007547034'
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: valid.length - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (i, delta) => {
          const d = (Number(valid[i]) + delta) % 10
          const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1)
          return !parseIban(changed).ok
        },
      ),
    )
  })
})
