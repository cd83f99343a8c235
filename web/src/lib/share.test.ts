import { describe, expect, it } from 'vitest'
import { allocate, type ParsedShare, parseShare, ppmToDecimal, remainingFor, snapToRemaining } from './share'

const ppm = (input: string, locale = 'fr') => {
  const r = parseShare(input, locale)
  return r.ok ? r.value.ppm : r.error
}
const parsed = (input: string): ParsedShare => {
  const r = parseShare(input)
  if (!r.ok) throw new Error(r.error)
  return r.value
}

describe('parseShare', () => {
  it('reads fractions exactly, rounding half-up to millionths', () => {
    expect(ppm('1/3')).toBe(333_333)
    expect(ppm('2/3')).toBe(666_667)
    expect(ppm('1/2')).toBe(500_000)
    expect(ppm(' 1 / 4 ')).toBe(250_000)
    expect(ppm('3/3')).toBe(1_000_000)
    expect(parseShare('1/3')).toMatchObject({ ok: true, value: { exact: false, num: 1n, den: 3n } })
    expect(parseShare('1/4')).toMatchObject({ ok: true, value: { exact: true } })
  })

  it('reads decimals with a comma or a point, in every locale', () => {
    for (const locale of ['fr', 'nl', 'de', 'en']) {
      expect(ppm('0,5', locale)).toBe(500_000)
      expect(ppm('0.5', locale)).toBe(500_000)
      expect(ppm('0,333333', locale)).toBe(333_333)
      expect(ppm('1', locale)).toBe(1_000_000)
      expect(ppm('.25', locale)).toBe(250_000)
    }
    expect(ppm('0.5000000')).toBe(500_000) // trailing zeros carry no precision
  })

  it('reads percentages', () => {
    expect(ppm('50 %')).toBe(500_000)
    expect(ppm('50%')).toBe(500_000)
    expect(ppm('33,5 %')).toBe(335_000)
    expect(ppm('100\u202f%')).toBe(1_000_000)
  })

  it('refuses what could mean two things', () => {
    expect(ppm('1,000', 'en')).toBe('ambiguous') // one thousand in English
    expect(ppm('1.000', 'nl')).toBe('ambiguous')
    expect(ppm('1.000', 'de')).toBe('ambiguous')
    expect(ppm('0.5,1')).toBe('ambiguous')
    // Where the separator cannot be a thousands group, it is a decimal separator.
    expect(ppm('1,000', 'fr')).toBe(1_000_000)
    expect(ppm('0,500', 'en')).toBe(500_000)
  })

  it('refuses invalid input, out-of-range values and hidden rounding', () => {
    expect(ppm('')).toBe('empty')
    expect(ppm('  ')).toBe('empty')
    expect(ppm('abc')).toBe('invalid')
    expect(ppm('1/0')).toBe('invalid')
    expect(ppm('-0.5')).toBe('invalid')
    expect(ppm('1/3/4')).toBe('invalid')
    expect(ppm('0,5.')).toBe('ambiguous')
    expect(ppm('5.')).toBe('invalid')
    expect(ppm('1e-3')).toBe('invalid')
    expect(ppm('0')).toBe('zero')
    expect(ppm('0/3')).toBe('zero')
    expect(ppm('4/3')).toBe('tooLarge')
    expect(ppm('1.5')).toBe('tooLarge')
    expect(ppm('150 %')).toBe('tooLarge')
    expect(ppm('0.3333333')).toBe('precision') // 7 decimals: the API keeps 6, type 1/3 instead
    expect(ppm('1/3000000')).toBe('precision') // rounds to 0
  })
})

describe('ppmToDecimal', () => {
  it('writes the decimal the API takes, without floats', () => {
    expect(ppmToDecimal(333_333)).toBe('0.333333')
    expect(ppmToDecimal(666_667)).toBe('0.666667')
    expect(ppmToDecimal(500_000)).toBe('0.5')
    expect(ppmToDecimal(1)).toBe('0.000001')
    expect(ppmToDecimal(1_000_000)).toBe('1')
  })
})

describe('allocate', () => {
  it('keeps the sum of shares typed together exact', () => {
    expect(allocate(['1/3', '2/3'].map(parsed))).toEqual([333_333, 666_667])
    expect(allocate(['1/3', '1/3', '1/3'].map(parsed))).toEqual([333_334, 333_333, 333_333])
    const sixths = allocate(['2/3', '1/6', '1/6'].map(parsed))
    expect(sixths.reduce((a, b) => a + b, 0)).toBe(1_000_000)
    expect(allocate(['0.5', '1/4', '1/4'].map(parsed))).toEqual([500_000, 250_000, 250_000])
  })
})

describe('snapToRemaining / remainingFor', () => {
  it('lets the last third complete the lot', () => {
    const holding = [
      { share_ppm: 333_333, right_type: 'full' as const },
      { share_ppm: 333_333, right_type: 'full' as const },
    ]
    const left = remainingFor('full', holding)
    expect(left).toBe(333_334)
    expect(snapToRemaining(parsed('1/3'), left)).toBe(333_334)
    // An exact decimal is sent as typed, even if it leaves a gap.
    expect(snapToRemaining(parsed('0.333333'), left)).toBe(333_333)
  })

  it('counts full ownership against both sides of a dismembered lot', () => {
    const holding = [
      { share_ppm: 500_000, right_type: 'full' as const },
      { share_ppm: 500_000, right_type: 'usufruct' as const },
    ]
    expect(remainingFor('bare', holding)).toBe(500_000)
    expect(remainingFor('usufruct', holding)).toBe(0)
    expect(remainingFor('full', holding)).toBe(0)
  })
})
