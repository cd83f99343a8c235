import { afterEach, describe, expect, it, vi } from 'vitest'
import { dueLineLabel } from './call-label'
import { setLocale } from './i18n'

// setLocale remembers the choice and sets <html lang>: plain stand-ins in this DOM-less run.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} })
vi.stubGlobal('document', { documentElement: {} })

describe('dueLineLabel (the owner portal’s due lines)', () => {
  afterEach(() => setLocale('en'))
  const account = { regularisations: [{ line_id: 'l1', fiscal_year: 2025 }] }
  const regularisation = { id: 'l1', kind: 'regularisation', label: 'Régularisation 2025' }

  it('names a closed year’s regularisation in the UI language, from its kind and fiscal year', () => {
    const seen = (['fr', 'nl', 'de', 'en'] as const).map((l) => {
      setLocale(l)
      return dueLineLabel(account, regularisation)
    })
    expect(seen).toEqual([
      'Régularisation 2025',
      'Regularisatie 2025',
      'Ausgleich 2025',
      'Regularisation 2025',
    ])
  })

  it('keeps a call’s label as the syndic wrote it', () => {
    setLocale('nl')
    expect(dueLineLabel(account, { id: 'l2', kind: 'provision', label: 'Provisions T1' })).toBe(
      'Provisions T1',
    )
  })
})
