import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Iban } from '../../shared/iban.value-object.ts'
import { EPC_LIMITS, epcQrPayload, parseEpcQrPayload } from './epc-qr.ts'
import { parseAccountIban } from './iban.value-object.ts'
import { callLineCommunication } from './structured-communication.ts'

const iban = (text: string): Iban => {
  const r = parseAccountIban(text)
  if (!r.ok) throw new Error(text)
  return r.value
}

describe('EPC QR payload (EPC069-12)', () => {
  it('writes the elements in order, the structured communication as the creditor reference', () => {
    const payload = epcQrPayload({
      bic: 'GKCCBEBB',
      beneficiaryName: 'ACP Résidence Les Tilleuls',
      iban: iban('BE68 5390 0754 7034'),
      amountCents: 123_456,
      reference: callLineCommunication(1, 1),
    })
    expect(payload.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'GKCCBEBB',
      'ACP Résidence Les Tilleuls',
      'BE68539007547034',
      'EUR1234.56',
      '',
      '000100000128',
    ])
    // Nothing after the last element given: no trailing LF.
    expect(payload.endsWith('\n')).toBe(false)
  })

  it('keeps the BIC line empty (version 002), cuts a long name, removes line breaks', () => {
    const p = parseEpcQrPayload(
      epcQrPayload({
        bic: null,
        beneficiaryName: `ACP\n${'x'.repeat(100)}`,
        iban: iban('BE71096123456769'),
        amountCents: 1,
        reference: callLineCommunication(2, 3),
        information: 'Provision Q1',
      }),
    )
    expect(p.bic).toBe('')
    expect(p.name).toHaveLength(EPC_LIMITS.name)
    expect(p.name.startsWith('ACP x')).toBe(true)
    expect(p.amountCents).toBe(1)
    expect(p.information).toBe('Provision Q1')
  })

  it('refuses amounts outside 0.01–999999999.99', () => {
    const base = {
      bic: null,
      beneficiaryName: 'A',
      iban: iban('BE71096123456769'),
      reference: callLineCommunication(1, 1),
    }
    expect(() => epcQrPayload({ ...base, amountCents: 0 })).toThrow()
    expect(() => epcQrPayload({ ...base, amountCents: 100_000_000_000 })).toThrow()
  })

  it('property: the payload parses back to the same fields and stays within 331 bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999_999 }),
        fc.string({ minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 9_999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (amount, name, call, line) => {
          const reference = callLineCommunication(call, line)
          const payload = epcQrPayload({
            bic: null,
            beneficiaryName: name,
            iban: iban('BE71096123456769'),
            amountCents: amount,
            reference,
          })
          const p = parseEpcQrPayload(payload)
          expect(p.amountCents).toBe(amount)
          expect(p.reference).toBe(reference)
          expect(p.iban).toBe('BE71096123456769')
          expect(new TextEncoder().encode(payload).length).toBeLessThanOrEqual(331)
        },
      ),
    )
  })
})

describe('IBAN', () => {
  it('accepts valid IBANs in any spacing, refuses a wrong check', () => {
    expect(parseAccountIban('be68 5390 0754 7034')).toEqual({ ok: true, value: 'BE68539007547034' })
    expect(parseAccountIban('BE68539007547035').ok).toBe(false)
    expect(parseAccountIban('FR14 2004 1010 0505 0001 3M02 606').ok).toBe(true)
  })
})
