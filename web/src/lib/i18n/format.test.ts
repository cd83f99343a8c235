import { LOCALES, MESSAGES } from '@koprogo/domain/i18n'
import { describe, expect, it, vi } from 'vitest'
import {
  formatCents,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  pickLocale,
  translate,
} from './format'

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

describe('formatters', () => {
  // A page formats every amount and date of its lists: constructing an Intl formatter per value
  // was most of that work on the main thread at start-up (docs/performance.md § Lighthouse).
  it('builds one Intl formatter per locale and options, not one per value', () => {
    const numbers = vi.spyOn(Intl, 'NumberFormat')
    const dates = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      for (let i = 0; i < 50; i++) {
        formatCents('nl', i * 100)
        formatNumber('nl', i, 2)
        formatPercent('nl', i / 100)
        formatDate('nl', `2026-03-${String((i % 28) + 1).padStart(2, '0')}`)
        formatDateTime('nl', `2026-03-01T10:${String(i % 60).padStart(2, '0')}:00Z`)
      }
      expect(numbers.mock.calls.length).toBeLessThanOrEqual(3)
      expect(dates.mock.calls.length).toBeLessThanOrEqual(2)
      // Still each value its own text.
      expect(plain(formatCents('nl', 4200))).toMatch(/^€ ?42,00$/)
      expect(formatDate('nl', '2026-03-02')).not.toBe(formatDate('nl', '2026-03-03'))
    } finally {
      numbers.mockRestore()
      dates.mockRestore()
    }
  })
})
