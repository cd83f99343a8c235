import { describe, expect, it } from 'vitest'
import { csvCents, formatCalendarDay, formatCents, formatPpm } from './money-format.ts'

const plain = (s: string) => s.replaceAll('\u00a0', ' ')

describe('money and share formatting of documents (integer arithmetic, no float)', () => {
  it('writes cents the Belgian way in fr/nl/de and the English way in en', () => {
    expect(plain(formatCents(123457, 'fr'))).toBe('1 234,57 €')
    expect(plain(formatCents(123457, 'nl'))).toBe('1 234,57 €')
    expect(plain(formatCents(123457, 'de'))).toBe('1 234,57 €')
    expect(formatCents(123457, 'en')).toBe('€1,234.57')
    expect(plain(formatCents(5, 'fr'))).toBe('0,05 €')
    expect(formatCents(-100_000_001, 'en')).toBe('-€1,000,000.01')
    // 0.1 + 0.2 style drift cannot happen: 900719925474099 cents stays exact.
    expect(formatCents(900719925474099, 'en')).toBe('€9,007,199,254,740.99')
    expect(() => formatCents(1.5, 'fr')).toThrow(RangeError)
  })

  it('writes spreadsheet amounts without grouping, with the decimal mark of the language', () => {
    expect(csvCents(123457, 'fr')).toBe('1234,57')
    expect(csvCents(123457, 'en')).toBe('1234.57')
    expect(csvCents(-7, 'de')).toBe('-0,07')
  })

  it('writes shares in millionths as percentages with up to four decimals', () => {
    expect(plain(formatPpm(1_000_000, 'fr'))).toBe('100 %')
    expect(plain(formatPpm(333_333, 'nl'))).toBe('33,3333 %')
    expect(formatPpm(500_000, 'en')).toBe('50%')
    expect(formatPpm(125_000, 'en')).toBe('12.5%')
  })

  it('writes days the way each language reads them, English unambiguous', () => {
    expect(formatCalendarDay('2026-03-01', 'fr')).toBe('01/03/2026')
    expect(formatCalendarDay('2026-03-01', 'nl')).toBe('01/03/2026')
    expect(formatCalendarDay('2026-03-01', 'de')).toBe('01.03.2026')
    expect(formatCalendarDay('2026-03-01', 'en')).toBe('2026-03-01')
  })
})
