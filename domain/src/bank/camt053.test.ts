import { describe, expect, it } from 'vitest'
import { structuredCommunicationOf } from '../finance/index.ts'
import { mapCamt053 } from './camt053.ts'

// The XML is parsed by the adapter (fast-xml-parser: prefixes removed, attributes as @_name, text
// with attributes as #text); these are the plain objects it yields.
const COMM = structuredCommunicationOf(2_000_003)
const amt = (v: string) => ({ '#text': v, '@_Ccy': 'EUR' })
const bal = (code: string, v: string, ind: 'CRDT' | 'DBIT', day: string) => ({
  Tp: { CdOrPrtry: { Cd: code } },
  Amt: amt(v),
  CdtDbtInd: ind,
  Dt: { Dt: day },
})

function doc(entries: unknown[], closing = '1150.00') {
  return {
    Document: {
      BkToCstmrStmt: {
        GrpHdr: { MsgId: 'M' },
        Stmt: {
          Id: 'S-1',
          LglSeqNb: '12',
          Acct: { Id: { IBAN: 'BE68 5390 0754 7034' }, Ccy: 'EUR' },
          Bal: [bal('OPBD', '1000.00', 'CRDT', '2026-03-01'), bal('CLBD', closing, 'CRDT', '2026-03-02')],
          Ntry: entries,
        },
      },
    },
  }
}

// camt.053.001.02 shape: party name directly under Dbtr/Cdtr.
const credit = {
  Amt: amt('250.00'),
  CdtDbtInd: 'CRDT',
  Sts: 'BOOK',
  BookgDt: { Dt: '2026-03-02' },
  ValDt: { Dt: '2026-03-01' },
  AcctSvcrRef: 'A1',
  NtryDtls: {
    TxDtls: {
      RltdPties: { Dbtr: { Nm: 'Jan Peeters' }, DbtrAcct: { Id: { IBAN: 'BE71096123456769' } } },
      RmtInf: { Strd: { CdtrRefInf: { Tp: { Issr: 'BBA' }, Ref: COMM } } },
    },
  },
}
const debit = {
  Amt: amt('100.00'),
  CdtDbtInd: 'DBIT',
  BookgDt: { DtTm: '2026-03-02T10:00:00' },
  AcctSvcrRef: 'A2',
  NtryDtls: {
    TxDtls: {
      RltdPties: { Cdtr: { Pty: { Nm: 'Lift Services' } }, CdtrAcct: { Id: { IBAN: 'BE43068999999501' } } },
      RmtInf: { Ustrd: ['Invoice F-2026-118', 'March'] },
    },
  },
}

describe('camt.053 mapping (ISO 20022 BankToCustomerStatement 001.02 / 001.08)', () => {
  it('reads the statement, a credit with a BBA structured reference and a debit with free text', () => {
    const r = mapCamt053(doc([credit, debit]))
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toEqual([
      {
        format: 'camt053',
        iban: 'BE68539007547034',
        currency: 'EUR',
        statementNumber: '12',
        oldBalanceDate: '2026-03-01',
        newBalanceDate: '2026-03-02',
        oldBalanceCents: 100_000,
        newBalanceCents: 115_000,
        location: '/Document/BkToCstmrStmt/Stmt[1]/Bal[2]',
        freeCommunication: null,
        movements: [
          {
            sequence: 1,
            detail: 0,
            batch: false,
            valueDate: '2026-03-01',
            bookingDate: '2026-03-02',
            amountCents: 25_000,
            counterpartyName: 'Jan Peeters',
            counterpartyIban: 'BE71096123456769',
            structuredCommunication: COMM,
            freeText: null,
            counterpartyAddress: null,
            information: null,
            bankReference: 'A1',
            location: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]',
          },
          expect.objectContaining({
            sequence: 2,
            amountCents: -10_000,
            bookingDate: '2026-03-02',
            valueDate: '2026-03-02',
            counterpartyName: 'Lift Services',
            counterpartyIban: 'BE43068999999501',
            structuredCommunication: null,
            freeText: 'Invoice F-2026-118 March',
          }),
        ],
      },
    ])
  })

  it('reads an entry with several transaction details as a batch whose details are the movements', () => {
    const batch = {
      ...credit,
      NtryDtls: {
        TxDtls: [
          { Amt: amt('100.00'), RmtInf: { Ustrd: COMM } },
          { AmtDtls: { TxAmt: { Amt: amt('150.00') } }, RltdPties: { Dbtr: { Pty: { Nm: 'B' } } } },
        ],
      },
    }
    const r = mapCamt053(doc([batch], '1250.00'))
    if (!r.ok) throw new Error(r.error.message)
    expect(
      r.value[0]?.movements.map((m) => [m.detail, m.batch, m.amountCents, m.structuredCommunication]),
    ).toEqual([
      [0, true, 25_000, null],
      [1, false, 10_000, COMM],
      [2, false, 15_000, null],
    ])
  })

  it('refuses a bad statement naming the element, nothing mapped', () => {
    const issue = (d: unknown) => {
      const r = mapCamt053(d)
      if (r.ok || r.error.kind !== 'validation') throw new Error('expected a refusal')
      const first = r.error.issues[0]
      return first && { path: first.path, message: first.message }
    }
    expect(issue(doc([credit], '1250.01'))).toEqual({
      path: '/Document/BkToCstmrStmt/Stmt[1]/Bal[2]',
      message: expect.stringContaining('≠ new balance'),
    })
    expect(issue(doc([{ ...credit, Amt: amt('12.345') }]))?.path).toBe(
      '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt',
    )
    expect(issue(doc([{ ...credit, CdtDbtInd: 'X' }]))?.path).toBe(
      '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/CdtDbtInd',
    )
    expect(issue(doc([{ ...credit, BookgDt: { Dt: '2026-02-30' } }]))?.path).toBe(
      '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/BookgDt',
    )
    expect(issue({ Document: {} })?.path).toBe('/Document/BkToCstmrStmt')
    const noClosing = doc([])
    noClosing.Document.BkToCstmrStmt.Stmt.Bal = [bal('OPBD', '1000.00', 'CRDT', '2026-03-01')]
    expect(issue(noClosing)).toEqual({
      path: '/Document/BkToCstmrStmt/Stmt[1]/Bal',
      message: expect.stringContaining('CLBD'),
    })
  })
})
