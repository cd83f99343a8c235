import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDigits, parseEnterpriseNumber } from './enterprise-number.value-object.ts'

describe('parseEnterpriseNumber', () => {
  it.each([
    ['0123.456.749', '0123.456.749'],
    ['0123456749', '0123.456.749'],
    ['BE0123456749', '0123.456.749'],
    ['be 0123.456.749 ', '0123.456.749'],
    // A number of the 0 series and one of the newer 1 series.
    ['0308.357.159', '0308.357.159'],
    ['1000.000.021', '1000.000.021'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['0123.456.748', 'has wrong check digits'],
    ['2123.456.749', 'must start with 0 or 1'],
    ['123.456.749', 'must have 10 digits, e.g. 0123.456.749 or BE0123456749'],
    ['0123.456.7490', 'must have 10 digits, e.g. 0123.456.749 or BE0123456749'],
    ['FR0123456749', 'must have 10 digits, e.g. 0123.456.749 or BE0123456749'],
    ['0123-456-749', 'must have 10 digits, e.g. 0123.456.749 or BE0123456749'],
    ['', 'must have 10 digits, e.g. 0123.456.749 or BE0123456749'],
  ])('refuses %s: %s', (input, message) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: false, error: message })
  })

  const firstEight = fc.integer({ min: 0, max: 19_999_999 })
  const written = (body: number, check: number) => {
    const digits = `${String(body).padStart(8, '0')}${String(check).padStart(2, '0')}`
    return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
  }

  it('accepts every number whose check digits are 97 − (first eight mod 97), in every layout', () => {
    fc.assert(
      fc.property(firstEight, fc.constantFrom('dots', 'compact', 'vat'), (body, layout) => {
        const canonical = written(body, checkDigits(body))
        const input =
          layout === 'dots'
            ? canonical
            : layout === 'compact'
              ? canonical.replace(/\./g, '')
              : `BE${canonical.replace(/\./g, '')}`
        expect(parseEnterpriseNumber(input)).toEqual({ ok: true, value: canonical })
      }),
    )
  })

  it('refuses every other pair of check digits', () => {
    fc.assert(
      fc.property(firstEight, fc.integer({ min: 0, max: 99 }), (body, check) => {
        fc.pre(check !== checkDigits(body))
        expect(parseEnterpriseNumber(written(body, check)).ok).toBe(false)
      }),
    )
  })

  it('is idempotent: a normalized number reads as itself', () => {
    fc.assert(
      fc.property(firstEight, (body) => {
        const once = parseEnterpriseNumber(written(body, checkDigits(body)))
        if (!once.ok) throw new Error('valid by construction')
        expect(parseEnterpriseNumber(once.value)).toEqual(once)
      }),
    )
  })
})
