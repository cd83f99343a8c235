import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalSeparator, formatDecimal, parseDecimal } from './decimal'

describe('parseDecimal', () => {
  it.each([
    ['1234,57', 2, 123457],
    ['1234.57', 2, 123457],
    ['85,5', 2, 8550],
    ['0,01', 2, 1],
    [',5', 2, 50],
    ['42', 2, 4200],
    ['  12,30 ', 2, 1230],
    ['007', 0, 7],
    ['85,5', 1, 855],
  ])('%s with %i places → %i', (text, places, scaled) => {
    expect(parseDecimal(text, places)).toEqual({ ok: true, scaled })
  })

  it.each([
    ['1.234,5', 'ambiguous'],
    ['1,234.5', 'ambiguous'],
    ['1 234,57', 'ambiguous'],
    ['1\u202f234', 'ambiguous'],
    ['1.234', 'ambiguous'],
    ['1,234', 'ambiguous'],
    ['12,3,4', 'ambiguous'],
    ['0,123', 'tooManyDecimals'],
    ['1,2345', 'tooManyDecimals'],
    ['12a', 'invalid'],
    ['-5', 'invalid'],
    ['1e3', 'invalid'],
    ['', 'invalid'],
    [',', 'invalid'],
    ['5,', 'invalid'],
    ['1234567890123456', 'tooLarge'],
  ])('%s is refused (%s)', (text, error) => {
    expect(parseDecimal(text, 2)).toEqual({ ok: false, error })
  })

  it('reads every cents amount written with either separator back exactly (no float)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom(',', '.'), (cents, sep) => {
        const text = `${Math.floor(cents / 100)}${sep}${String(cents % 100).padStart(2, '0')}`
        expect(parseDecimal(text, 2)).toEqual({ ok: true, scaled: cents })
      }),
    )
  })

  it('never throws and never accepts a string with letters or two separators', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseDecimal(s, 2)
        if (r.ok) {
          expect(s.trim()).toMatch(/^\d*[.,]?\d*$/)
          expect(Number.isSafeInteger(r.scaled)).toBe(true)
        }
      }),
    )
  })

  it('round-trips what formatDecimal shows in each locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.constantFrom('fr-BE', 'nl-BE', 'de-BE', 'en-GB'),
        (n, loc) => {
          const text = formatDecimal(n / 100, 2, decimalSeparator(loc))
          expect(parseDecimal(text, 2)).toEqual({ ok: true, scaled: n })
        },
      ),
    )
  })

  it('knows the separators of the four languages', () => {
    expect(['fr-BE', 'nl-BE', 'de-BE', 'en-GB'].map(decimalSeparator)).toEqual([',', ',', ',', '.'])
  })
})
