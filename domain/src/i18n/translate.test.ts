import { describe, expect, it } from 'vitest'
import { LOCALES, MESSAGES, negotiateLocale, translate } from './index.ts'

describe('negotiateLocale', () => {
  it('reads an Accept-Language header by quality, ignoring regions, q=0 and unknown languages', () => {
    expect(negotiateLocale('nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl')
    expect(negotiateLocale('es-ES, de;q=0.5, fr;q=0.7')).toBe('fr')
    expect(negotiateLocale('fr;q=0, de')).toBe('de')
    expect(negotiateLocale('*')).toBe('en')
  })

  it('falls back to English (or the given fallback) when nothing fits', () => {
    expect(negotiateLocale('es, it;q=0.8')).toBe('en')
    expect(negotiateLocale(undefined)).toBe('en')
    expect(negotiateLocale('', 'fr')).toBe('fr')
    expect(negotiateLocale(['pt-BR', 'de-AT'], 'fr')).toBe('de')
  })
})

describe('translate', () => {
  it('fills {name} placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'common.page', { page: 2, pages: 5 })).toBe('Page 2 sur 5')
    expect(translate('de', 'common.page', { page: 2 })).toBe('Seite 2 von {pages}')
  })

  it('picks the plural form of `count` with the language’s rules', () => {
    expect(translate('en', 'register.errors', { count: 1 })).toMatch(/^1 error found/)
    expect(translate('en', 'register.errors', { count: 3 })).toMatch(/^3 errors found/)
    // French counts 0 and 1 as singular, English does not.
    expect(translate('fr', 'register.errors', { count: 0 })).toMatch(/^0 erreur /)
    expect(translate('en', 'register.errors', { count: 0 })).toMatch(/^0 errors/)
    expect(translate('nl', 'register.errors', { count: 1 })).toMatch(/^1 fout /)
    expect(translate('de', 'register.errors', { count: 2 })).toMatch(/^2 Fehler /)
  })

  it('has every key in every locale', () => {
    const keys = Object.keys(MESSAGES.en).sort()
    for (const l of LOCALES) expect(Object.keys(MESSAGES[l]).sort()).toEqual(keys)
  })
})
