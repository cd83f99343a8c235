import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FULL_SHARE_PPM, sharePpmFromDecimal, sharePpmToDecimal } from './share.value-object.ts'

describe('sharePpmFromDecimal', () => {
  it('reads numbers and strings exactly', () => {
    expect(sharePpmFromDecimal(1)).toEqual({ ok: true, value: 1_000_000 })
    expect(sharePpmFromDecimal(0.5)).toEqual({ ok: true, value: 500_000 })
    expect(sharePpmFromDecimal('0,333333')).toEqual({ ok: true, value: 333_333 })
    expect(sharePpmFromDecimal(0.000001)).toEqual({ ok: true, value: 1 })
    expect(sharePpmFromDecimal('1.000000')).toEqual({ ok: true, value: 1_000_000 })
    expect(sharePpmFromDecimal(' 0.50000000 ')).toEqual({ ok: true, value: 500_000 })
    expect(sharePpmFromDecimal(0.123456)).toEqual({ ok: true, value: 123_456 })
  })

  it.each([
    [0, 'must be greater than 0'],
    ['0.000000', 'must be greater than 0'],
    [-0.5, 'must be greater than 0'],
    [1.000001, 'must be at most 1'],
    ['2', 'must be at most 1'],
    [0.0000001, 'must be a decimal number between 0 and 1'],
    ['0.1234567', 'must have at most 6 decimals'],
    [0.1 + 0.2, 'must have at most 6 decimals'],
    [Number.NaN, 'must be a finite number'],
    [Number.POSITIVE_INFINITY, 'must be a finite number'],
    ['abc', 'must be a decimal number between 0 and 1'],
    ['', 'must be a decimal number between 0 and 1'],
  ])('refuses %s', (value, message) => {
    expect(sharePpmFromDecimal(value)).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: `ownership_share: ${message}`,
        issues: [{ path: 'ownership_share', message }],
      },
    })
  })

  it('round-trips every ppm through the wire decimal, as a number and as a 6-decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: FULL_SHARE_PPM }), (ppm) => {
        expect(sharePpmFromDecimal(sharePpmToDecimal(ppm))).toEqual({ ok: true, value: ppm })
        expect(sharePpmFromDecimal(sharePpmToDecimal(ppm).toFixed(6))).toEqual({ ok: true, value: ppm })
      }),
    )
  })
})
