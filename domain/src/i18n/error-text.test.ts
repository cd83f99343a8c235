import { describe, expect, it } from 'vitest'
import { DomainErrors } from '../shared/domain-error.ts'
import { errorDe, errorEn, errorFr, errorNl } from './error-messages.ts'
import { describeError, LOCALES, translateMessage } from './index.ts'

describe('API error texts in the reader’s language', () => {
  const quota = DomainErrors.conflict(
    'quota_exceeds_total',
    'quota 300 exceeds the tantièmes left in this building (200 of 1000)',
    { quota: 300, left: 200, total: 1000 },
  )

  it('says the same conflict in en, fr, nl and de, with its values', () => {
    expect(describeError('en', quota)).toEqual({
      title: 'Conflict',
      detail: 'quota 300 exceeds the tantièmes left in this building (200 of 1000)',
      issues: [],
    })
    expect(describeError('fr', quota).title).toBe('Conflit')
    expect(describeError('fr', quota).detail).toBe(
      'la quote-part 300 dépasse les tantièmes restants de cet immeuble (200 sur 1000)',
    )
    expect(describeError('nl', quota).detail).toBe(
      'het aandeel 300 overschrijdt de resterende aandelen van dit gebouw (200 van 1000)',
    )
    expect(describeError('de', quota).detail).toBe(
      'der Anteil 300 übersteigt die verbleibenden Anteile dieses Gebäudes (200 von 1000)',
    )
  })

  it('names the entity of a 404 and the enum values of a conflict in the language', () => {
    expect(describeError('nl', DomainErrors.notFound('Building')).detail).toBe('Gebouw niet gevonden')
    expect(describeError('de', DomainErrors.notFound('Building')).title).toBe('Nicht gefunden')
    const transition = DomainErrors.conflict(
      'invalid_payment_status_transition',
      'An expense cannot go from Cancelled to Paid',
      { from: 'Cancelled', to: 'Paid' },
    )
    expect(describeError('fr', transition).detail).toBe(
      'Une dépense ne peut pas passer de « Annulée » à « Payée »',
    )
  })

  it('reads the values back from a free-text message and translates field messages, keeping paths', () => {
    const role = DomainErrors.forbidden('A syndic may not create a superadmin in this organization')
    expect(describeError('de', role).detail).toBe(
      'Die Rolle „Syndikus“ darf die Rolle „Superadministrator“ in dieser Organisation nicht anlegen',
    )
    const field = DomainErrors.invalidField('password', 'must be at least 12 characters')
    expect(describeError('fr', field)).toEqual({
      title: 'Requête invalide',
      detail: 'password : doit compter au moins 12 caractères'.replace(' :', ':'),
      issues: [{ path: 'password', message: 'doit compter au moins 12 caractères' }],
    })
    const many = DomainErrors.validation('Invalid building', [
      { path: 'name', message: 'is required' },
      { path: 'zip', message: 'an unknown rule' },
    ])
    expect(describeError('nl', many)).toEqual({
      title: 'Ongeldige aanvraag',
      detail: 'Ongeldig gebouw',
      issues: [
        { path: 'name', message: 'is verplicht' },
        { path: 'zip', message: 'an unknown rule' },
      ],
    })
  })

  it('picks the plural form of a message it reads back', () => {
    expect(translateMessage('fr', 'Unknown fields: a, b')).toBe('Champs inconnus : a, b')
    expect(translateMessage('fr', 'Unknown field: a')).toBe('Champ inconnu : a')
    expect(translateMessage('nl', 'The register has 1 error(s); nothing was imported')).toBe(
      'Het register bevat 1 fout; er werd niets geïmporteerd',
    )
  })

  it('keeps a conflict as written when a value its text needs is missing', () => {
    const bare = DomainErrors.conflict('quota_exceeds_total', 'quota too large')
    expect(describeError('fr', bare).detail).toBe('quota too large')
  })

  it('has every entry in every locale, with the same placeholders', () => {
    const names = (m: unknown) =>
      [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? '').sort((a, b) => a.localeCompare(b))
    const uniq = (a: unknown[]) => [...new Set(a)]
    for (const other of [errorFr, errorNl, errorDe]) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(errorEn).sort())
      for (const [key, en] of Object.entries(errorEn))
        expect(uniq(names(other[key as keyof typeof other])), key).toEqual(uniq(names(en)))
    }
    expect(LOCALES).toContain('en')
  })
})
