import { LOCALES, MESSAGES } from '@koprogo/domain/i18n'
import { describe, expect, it } from 'vitest'
import { formatCents, formatDate, pickLocale, translate } from './format'

// Intl uses narrow/no-break spaces; compare with ordinary ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('pickLocale', () => {
  it('prefers the stored choice, then the browser, then French', () => {
    expect(pickLocale('de', ['nl-BE'])).toBe('de')
    expect(pickLocale(null, ['nl-BE', 'fr'])).toBe('nl')
    expect(pickLocale('xx', ['es-ES', 'en-US'])).toBe('en')
    expect(pickLocale(null, ['es'])).toBe('fr')
  })
})

describe('translate', () => {
  it('fills placeholders and has every key in every locale', () => {
    expect(translate('fr', 'common.page', { page: 2, pages: 5 })).toBe('Page 2 sur 5')
    expect(translate('nl', 'sync.pending', { n: 3 })).toBe('3 in wachtrij')
    const keys = Object.keys(MESSAGES.en).sort()
    for (const l of LOCALES) expect(Object.keys(MESSAGES[l]).sort()).toEqual(keys)
  })
})

describe('money and dates', () => {
  it('formats euros per Belgian locale from integer cents', () => {
    expect(plain(formatCents('fr', 123456))).toBe('1 234,56 €')
    expect(plain(formatCents('de', 123456))).toBe('1.234,56 €')
    expect(plain(formatCents('nl', 123456))).toMatch(/^€ ?1\.234,56$/)
    expect(plain(formatCents('en', 5))).toContain('0.05')
  })

  it('keeps a calendar date on its day whatever the timezone', () => {
    expect(formatDate('fr', '2026-03-01')).toMatch(/^1(er)? mars 2026$/)
    expect(formatDate('nl', '2026-03-01')).toContain('2026')
    expect(formatDate('en', null)).toBe('')
  })
})
