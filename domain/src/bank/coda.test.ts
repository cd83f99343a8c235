import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { structuredCommunicationOf } from '../finance/index.ts'
import { belgianIbanOf, parseCoda } from './coda.ts'
import type { ParsedStatement } from './statement.ts'
import { type CodaMovementSpec, type CodaStatementSpec, writeCoda } from './testing/coda-writer.ts'

const IBAN = 'BE68539007547034'
const COMM = structuredCommunicationOf(1_000_001)

function statement(movements: CodaMovementSpec[], extra: Partial<CodaStatementSpec> = {}): CodaStatementSpec {
  const booked = movements.filter((m) => (m.detail ?? 0) === 0).reduce((s, m) => s + m.amountCents, 0)
  return {
    iban: IBAN,
    statementNumber: 7,
    oldBalanceCents: 100_000,
    newBalanceCents: 100_000 + booked,
    oldBalanceDate: '2026-03-01',
    newBalanceDate: '2026-03-02',
    movements,
    ...extra,
  }
}

const payment: CodaMovementSpec = {
  sequence: 1,
  amountCents: 25_050,
  valueDate: '2026-03-02',
  bookingDate: '2026-03-02',
  bankReference: 'REF0001',
  counterpartyName: 'Jan Peeters',
  counterpartyIban: 'BE71096123456769',
  structuredCommunication: COMM,
}

function parsed(text: string): readonly ParsedStatement[] {
  const r = parseCoda(text)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function refusal(text: string): { path: string; message: string } {
  const r = parseCoda(text)
  if (r.ok) throw new Error('expected a refusal')
  expect(r.error.kind).toBe('validation')
  const issue = r.error.kind === 'validation' ? r.error.issues[0] : undefined
  if (!issue) throw new Error('no issue')
  return { path: issue.path, message: issue.message }
}

/** Replaces characters of a 1-based line at a 1-based position. */
function patch(text: string, line: number, at: number, value: string): string {
  const lines = text.split('\r\n')
  const l = lines[line - 1] ?? ''
  lines[line - 1] = l.slice(0, at - 1) + value + l.slice(at - 1 + value.length)
  return lines.join('\r\n')
}

describe('CODA 2.x reader (Febelfin standard 2.6)', () => {
  it('reads every record type: 0, 1, 2.1/2.2/2.3, 3.1/3.2/3.3, 4, 8, 9', () => {
    const text = writeCoda([
      statement(
        [
          payment,
          {
            sequence: 2,
            amountCents: -12_100,
            valueDate: '2026-03-01',
            bookingDate: '2026-03-02',
            bankReference: 'REF0002',
            counterpartyName: 'Lift Services SA',
            counterpartyIban: 'BE62510007547061',
            // Long enough to reach records 2.2 and 2.3.
            freeText: `Invoice F-2026-118 ${'x'.repeat(60)} end`,
            information: `Lift Services SA, rue de la Loi 1, 1000 Brussels ${'i'.repeat(200)}`,
          },
        ],
        { freeCommunication: 'Statement for ACP Test' },
      ),
    ])
    const types = text
      .split('\r\n')
      .filter(Boolean)
      .map((l) => (l[0] === '2' || l[0] === '3' ? l.slice(0, 2) : l[0]))
    expect(types).toEqual(['0', '1', '21', '22', '23', '21', '22', '23', '31', '32', '33', '4', '8', '9'])
    expect(
      text
        .split('\r\n')
        .filter(Boolean)
        .every((l) => l.length === 128),
    ).toBe(true)
    const [s] = parsed(text)
    expect(s).toMatchObject({
      format: 'coda',
      iban: IBAN,
      currency: 'EUR',
      statementNumber: '007',
      oldBalanceCents: 100_000,
      newBalanceCents: 100_000 + 25_050 - 12_100,
      oldBalanceDate: '2026-03-01',
      newBalanceDate: '2026-03-02',
    })
    expect(s?.movements).toEqual([
      {
        sequence: 1,
        detail: 0,
        batch: false,
        valueDate: '2026-03-02',
        bookingDate: '2026-03-02',
        amountCents: 25_050,
        counterpartyName: 'Jan Peeters',
        counterpartyIban: 'BE71096123456769',
        structuredCommunication: COMM,
        freeText: null,
        counterpartyAddress: null,
        information: null,
        bankReference: 'REF0001',
        location: 'line 3',
      },
      expect.objectContaining({
        sequence: 2,
        amountCents: -12_100,
        valueDate: '2026-03-01',
        structuredCommunication: null,
        freeText: `Invoice F-2026-118 ${'x'.repeat(60)} end`,
        counterpartyIban: 'BE62510007547061',
        information: `Lift Services SA, rue de la Loi 1, 1000 Brussels ${'i'.repeat(200)}`.slice(0, 268),
        location: 'line 6',
      }),
    ])
    expect(s?.freeCommunication).toBe('Statement for ACP Test')
  })

  it('reads a grouped batch: the total is a batch, its details carry the owners’ payments', () => {
    const [s] = parsed(
      writeCoda([
        statement([
          {
            ...payment,
            batch: true,
            amountCents: 30_000,
            structuredCommunication: null,
            bankReference: 'B1',
          },
          { ...payment, detail: 1, amountCents: 10_000, bankReference: 'B1-1' },
          {
            ...payment,
            detail: 2,
            amountCents: 20_000,
            bankReference: 'B1-2',
            structuredCommunication: null,
          },
        ]),
      ]),
    )
    expect(s?.movements.map((m) => [m.detail, m.batch, m.amountCents])).toEqual([
      [0, true, 30_000],
      [1, false, 10_000],
      [2, false, 20_000],
    ])
    expect(s?.newBalanceCents).toBe(130_000)
  })

  it('reads several statements in one file and a Belgian BBAN account (structure 0) as its IBAN', () => {
    expect(belgianIbanOf('539007547034')).toBe(IBAN)
    const two = parsed(writeCoda([statement([payment]), statement([payment], { statementNumber: 8 })]))
    expect(two.map((s) => s.statementNumber)).toEqual(['007', '008'])
    // Structure 0: 12-digit account at 6-17, blank, currency at 19-21.
    const text = writeCoda([statement([payment])])
    const bban = patch(
      patch(patch(text, 2, 2, '0'), 2, 6, `539007547034 EUR${' '.repeat(21)}`),
      6,
      5,
      `539007547034 EUR${' '.repeat(21)}`,
    )
    expect(parsed(bban)[0]?.iban).toBe(IBAN)
  })

  it('refuses a malformed file, naming the line, and imports nothing', () => {
    const text = writeCoda([statement([payment])])
    // Lines: 1 header, 2 old balance, 3-5 movement 2.1/2.2/2.3, 6 new balance, 7 trailer.
    expect(refusal(patch(text, 1, 128, '1'))).toEqual({
      path: 'line 1',
      message: expect.stringContaining('version code'),
    })
    expect(refusal(text.split('\r\n').slice(1).join('\r\n')).path).toBe('line 1')
    expect(refusal(patch(text, 3, 33, 'x')).path).toBe('line 3')
    expect(refusal(patch(text, 3, 47, '5'))).toEqual({
      path: 'line 3',
      message: expect.stringContaining('fraction of a cent'),
    })
    expect(refusal(patch(text, 3, 116, '320226'))).toEqual({
      path: 'line 3',
      message: expect.stringContaining('not a date'),
    })
    // A continuation announced but missing: the 2.2's next code says 2.3 follows.
    const lines = text.split('\r\n')
    expect(refusal([...lines.slice(0, 4), ...lines.slice(5)].join('\r\n'))).toEqual({
      path: 'line 5',
      message: expect.stringContaining('announced a continuation'),
    })
    // A continuation nobody announced: the 2.1 says nothing follows.
    expect(refusal(patch(text, 3, 126, '0'))).toEqual({
      path: 'line 4',
      message: expect.stringContaining('not announced'),
    })
    // Balances: new balance one cent off.
    expect(refusal(patch(text, 6, 43, '000000000125060'))).toEqual({
      path: 'line 6',
      message: expect.stringContaining('≠ new balance'),
    })
    // Trailer count and totals.
    expect(refusal(patch(text, 7, 17, '000009'))).toEqual({
      path: 'line 7',
      message: expect.stringContaining('counts 9'),
    })
    expect(refusal(patch(text, 7, 38, '000000000250510'))).toEqual({
      path: 'line 7',
      message: expect.stringContaining('totals'),
    })
    expect(refusal(patch(text, 4, 1, '5'))).toEqual({
      path: 'line 4',
      message: expect.stringContaining('found where'),
    })
    expect(refusal(`${text}x`.replace(/\r\nx$/, `\r\n${'x'.repeat(129)}`)).path).toBe('line 8')
    expect(refusal(lines.slice(0, 6).join('\r\n')).message).toContain('ends before the trailer')
    expect(refusal(patch(text, 6, 5, 'BE71096123456769'))).toEqual({
      path: 'line 6',
      message: expect.stringContaining('differs'),
    })
    expect(refusal('').path).toBe('line 1')
  })

  it('refuses movements out of sequence', () => {
    const text = writeCoda([statement([payment, { ...payment, sequence: 1, bankReference: 'R2' }])])
    expect(refusal(text)).toEqual({ path: 'line 6', message: expect.stringContaining('does not follow') })
  })

  it('keeps a structured communication with wrong check digits as text, never guessing a line', () => {
    const bad = `${COMM.slice(0, 10)}${COMM.slice(10) === '01' ? '02' : '01'}`
    const [s] = parsed(writeCoda([statement([{ ...payment, structuredCommunication: bad }])]))
    expect(s?.movements[0]).toMatchObject({ structuredCommunication: null, freeText: bad })
  })

  it('round trip (property): generated statements → CODA text → parse → the same movements', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 .,/-]{0,140}$/).map((t) => t.replace(/\s+/g, ' ').trim())
    const movement = fc.record({
      amountCents: fc.integer({ min: -99_999_999, max: 99_999_999 }).filter((n) => n !== 0),
      day: fc.integer({ min: 1, max: 28 }),
      counterpartyName: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,33}[A-Za-z]$/), { nil: null }),
      counterpartyIban: fc.option(
        fc.constantFrom('BE71096123456769', 'BE62510007547061', 'NL91ABNA0417164300'),
        {
          nil: null,
        },
      ),
      payload: fc.option(fc.integer({ min: 0, max: 9_999_999_999 }), { nil: null }),
      freeText: text,
    })
    fc.assert(
      fc.property(
        fc.array(movement, { minLength: 0, maxLength: 30 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (ms, old) => {
          const specs: CodaMovementSpec[] = ms.map((m, i) => ({
            sequence: i + 1,
            amountCents: m.amountCents,
            valueDate: `2026-04-${String(m.day).padStart(2, '0')}`,
            bookingDate: '2026-04-28',
            bankReference: `R${i}`,
            counterpartyName: m.counterpartyName,
            counterpartyIban: m.counterpartyIban,
            structuredCommunication: m.payload === null ? null : structuredCommunicationOf(m.payload),
            freeText: m.freeText || null,
          }))
          const spec = statement(specs, {
            oldBalanceCents: old,
            newBalanceCents: old + specs.reduce((s, m) => s + m.amountCents, 0),
          })
          const [s] = parsed(writeCoda([spec]))
          expect(s?.movements.map((m) => ({ ...m, location: undefined }))).toEqual(
            specs.map((m) => ({
              sequence: m.sequence,
              detail: 0,
              batch: false,
              valueDate: m.valueDate,
              bookingDate: m.bookingDate,
              amountCents: m.amountCents,
              counterpartyName: m.counterpartyName,
              counterpartyIban: m.counterpartyIban,
              structuredCommunication: m.structuredCommunication,
              freeText: m.structuredCommunication ? null : m.freeText,
              counterpartyAddress: null,
              information: null,
              bankReference: m.bankReference,
              location: undefined,
            })),
          )
          expect(s?.newBalanceCents).toBe(spec.newBalanceCents)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('CODA information records (3.1, 3.2, 3.3) and free communication (4)', () => {
  // Type 001 across 3.1-3.3: name (70), street (35), locality (35), identification code (35).
  const counterparty001 = [
    'Marie Dubois'.padEnd(70),
    'Rue Haute 12 bte 3'.padEnd(35),
    '1000 Bruxelles'.padEnd(35),
    'BE71 0961 2345 6769'.padEnd(35),
  ].join('')
  const bare: CodaMovementSpec = {
    sequence: 1,
    amountCents: 25_050,
    valueDate: '2026-03-02',
    bookingDate: '2026-03-02',
    bankReference: 'REF0001',
    freeText: 'virement',
  }

  it('attaches a structured communication found only in a 3.1 (type 101) to its movement', () => {
    const text = writeCoda([
      statement([{ ...bare, freeText: null, informationType: '101', information: COMM }]),
    ])
    const lines = text.split('\r\n')
    // 2.1 announces the 3.1 (link code 1); the 3.1 carries 1 + 101 + the twelve digits at 40-55.
    expect(lines[2]?.slice(127)).toBe('1')
    expect(lines[3]?.slice(0, 2)).toBe('31')
    expect(lines[3]?.slice(39, 55)).toBe(`1101${COMM}`)
    expect(lines[3]).toHaveLength(128)
    const [s] = parsed(text)
    expect(s?.movements[0]).toMatchObject({
      structuredCommunication: COMM,
      freeText: null,
      information: null,
    })
  })

  it('reads the counterparty of a type-001 information record (name, address, IBAN) and keeps record 4’s text', () => {
    const free = `Extrait 7 de l’ACP Résidence Les Tilleuls ${'-'.repeat(50)} suite du texte`
    const text = writeCoda([
      statement(
        [
          {
            ...bare,
            informationType: '001',
            information: counterparty001,
            // As many banks write it: detail 0001 after a 2.1 of detail 0000.
            informationDetail: 1,
          },
        ],
        { freeCommunication: free },
      ),
    ])
    const types = text
      .split('\r\n')
      .filter(Boolean)
      .map((l) => l.slice(0, 2))
    expect(types).toEqual(['00', '12', '21', '31', '32', '4 ', '4 ', '80', '9 '])
    const [s] = parsed(text)
    expect(s?.movements[0]).toMatchObject({
      counterpartyName: 'Marie Dubois',
      counterpartyAddress: 'Rue Haute 12 bte 3, 1000 Bruxelles',
      counterpartyIban: 'BE71096123456769',
      freeText: 'virement',
    })
    expect(s?.freeCommunication).toBe(`${free.slice(0, 80)}\n${free.slice(80)}`)
  })

  it('never lets an information record overwrite what the movement records said', () => {
    const [s] = parsed(
      writeCoda([
        statement([
          {
            ...bare,
            counterpartyName: 'Jan Peeters',
            counterpartyIban: 'BE62510007547061',
            structuredCommunication: COMM,
            informationType: '001',
            information: counterparty001,
          },
        ]),
      ]),
    )
    expect(s?.movements[0]).toMatchObject({
      counterpartyName: 'Jan Peeters',
      counterpartyIban: 'BE62510007547061',
      structuredCommunication: COMM,
      counterpartyAddress: 'Rue Haute 12 bte 3, 1000 Bruxelles',
    })
  })

  it('refuses a broken continuation of information records, naming the line', () => {
    const text = writeCoda([
      statement([
        { ...bare, informationType: '001', information: counterparty001 },
        { ...bare, sequence: 2, bankReference: 'REF0002' },
      ]),
    ])
    // Lines: 1 header, 2 old balance, 3 2.1, 4 3.1, 5 3.2, 6 2.1 (next movement)…
    const lines = text.split('\r\n')
    expect(lines[3]?.slice(125, 126)).toBe('1')
    // The 3.1 announces a 3.2 that is missing: the next movement's 2.1 is refused.
    expect(refusal([...lines.slice(0, 4), ...lines.slice(5)].join('\r\n'))).toEqual({
      path: 'line 5',
      message: expect.stringContaining('continuation'),
    })
    // A 3.2 of another movement (sequence 9) where the 3.1's continuation is due.
    expect(refusal(patch(text, 5, 3, '0009')).path).toBe('line 5')
    // A 3.1 nobody announced: the 2.1's link code says no information follows.
    expect(refusal(patch(text, 3, 128, '0'))).toEqual({
      path: 'line 4',
      message: expect.stringContaining('not announced'),
    })
    // A 3.1 of a detail that is not its movement's (nor the next number).
    expect(refusal(patch(patch(text, 4, 7, '0005'), 5, 7, '0005')).path).toBe('line 4')
    // A communication structure code that is neither 0 nor 1.
    expect(refusal(patch(text, 4, 40, '7')).path).toBe('line 4')
    // A record 4 whose sequence is not numeric.
    const withFree = writeCoda([statement([bare], { freeCommunication: 'x' })])
    expect(refusal(patch(withFree, 4, 3, 'AB')).path).toBe('line 4')
  })

  it('raises each refusal as a code with its values (the API says it in the reader’s language)', () => {
    const text = writeCoda([statement([bare])])
    const r = parseCoda(patch(text, 3, 116, '320226'))
    if (r.ok || r.error.kind !== 'validation') throw new Error('expected a refusal')
    expect(r.error).toMatchObject({ code: 'statementRefusedLine', params: { line: 3 } })
    expect(r.error.issues[0]).toEqual({
      path: 'line 3',
      code: 'codaDate',
      params: { line: 3, field: 'entryDate', from: 116, to: 121, actual: '320226' },
      message: 'entry date (positions 116-121) is not a date DDMMYY: "320226"',
    })
  })
})
