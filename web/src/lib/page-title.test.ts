import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from './i18n'
import { pageTitle } from './page-title'

// setLocale remembers the choice and sets <html lang>: plain stand-ins in this DOM-less run.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} })
vi.stubGlobal('document', { documentElement: {} })

describe('pageTitle', () => {
  afterEach(() => setLocale('en'))

  it('names each route in the UI language, then the product', () => {
    setLocale('en')
    expect(pageTitle('/buildings')).toBe('Buildings — KoproGo')
    expect(pageTitle('/login')).toBe('Sign in — KoproGo')
    setLocale('fr')
    expect(pageTitle('/buildings')).toBe('Immeubles — KoproGo')
    setLocale('nl')
    expect(pageTitle('/units')).toBe('Kavels — KoproGo')
  })

  it('gives a detail route its section, and the landing or an unknown path the product alone', () => {
    setLocale('en')
    expect(pageTitle('/buildings/0193a2b4')).toBe('Buildings — KoproGo')
    expect(pageTitle('/')).toBe('KoproGo')
    expect(pageTitle('/nowhere')).toBe('KoproGo')
  })
})
