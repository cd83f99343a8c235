import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  callLineCommunication,
  communicationCheckDigits,
  formatStructuredCommunication,
  parseStructuredCommunication,
  structuredCommunicationOf,
} from './structured-communication.ts'

describe('Belgian structured communication (Febelfin OGM/VCS)', () => {
  it('check digits are the payload mod 97, 97 when the remainder is 0', () => {
    expect(communicationCheckDigits(1)).toBe(1)
    expect(communicationCheckDigits(97)).toBe(97)
    expect(communicationCheckDigits(0)).toBe(97)
    // The lowest communication is +++000/0000/00097+++.
    expect(formatStructuredCommunication(structuredCommunicationOf(0))).toBe('+++000/0000/00097+++')
    // Published example of the BBA usage: 0108068171 mod 97 = 83.
    expect(structuredCommunicationOf(108_068_171)).toBe('010806817183')
  })

  it('parses the printed and typed forms, refuses a wrong check digit', () => {
    expect(parseStructuredCommunication('+++010/8068/17183+++')).toEqual({ ok: true, value: '010806817183' })
    expect(parseStructuredCommunication('***010/8068/17183***').ok).toBe(true)
    expect(parseStructuredCommunication(' 010 8068 17183 ').ok).toBe(true)
    expect(parseStructuredCommunication('+++010/8068/17184+++').ok).toBe(false)
    expect(parseStructuredCommunication('+++010/8068/171+++').ok).toBe(false)
    expect(parseStructuredCommunication('000000000000').ok).toBe(false)
  })

  it('property: every generated communication validates, in its printed form too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), fc.integer({ min: 1, max: 999_999 }), (call, line) => {
        const c = callLineCommunication(call, line)
        expect(c).toMatch(/^\d{12}$/)
        expect(parseStructuredCommunication(c)).toEqual({ ok: true, value: c })
        expect(parseStructuredCommunication(formatStructuredCommunication(c))).toEqual({ ok: true, value: c })
        expect(formatStructuredCommunication(c)).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/)
      }),
    )
  })

  it('property: distinct lines get distinct communications', () => {
    const pair = fc.tuple(fc.integer({ min: 1, max: 9_999 }), fc.integer({ min: 1, max: 999_999 }))
    fc.assert(
      fc.property(
        fc.uniqueArray(pair, { minLength: 2, maxLength: 300, selector: ([a, b]) => `${a}/${b}` }),
        (pairs) => {
          const all = pairs.map(([a, b]) => callLineCommunication(a, b))
          expect(new Set(all).size).toBe(pairs.length)
        },
      ),
    )
  })

  it('property: a single mistyped digit is always detected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (payload, pos, delta) => {
          const c = structuredCommunicationOf(payload)
          const digit = (Number(c[pos]) + delta) % 10
          const typo = `${c.slice(0, pos)}${digit}${c.slice(pos + 1)}`
          expect(parseStructuredCommunication(typo).ok).toBe(false)
        },
      ),
    )
  })
})
