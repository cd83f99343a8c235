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

  it('names the meeting room and its projector view (issue #14)', () => {
    setLocale('en')
    expect(pageTitle('/meetings/0193a2b4/room')).toBe('Meeting room — KoproGo')
    expect(pageTitle('/meetings/0193a2b4/projector')).toBe('Vote — projector — KoproGo')
    expect(pageTitle('/meetings/0193a2b4')).toBe('Meetings — KoproGo')
    setLocale('fr')
    expect(pageTitle('/meetings/0193a2b4/room')).toBe('Salle de l’assemblée — KoproGo')
  })
})
