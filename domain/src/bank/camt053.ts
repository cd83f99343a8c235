import { parseStructuredCommunication } from '../finance/index.ts'
import type { ErrorParams, FieldIssue } from '../shared/domain-error.ts'
import { ok, type Result } from '../shared/result.ts'
import {
  balanceIssues,
  compactAccount,
  fileRefused,
  type ParsedMovement,
  type ParsedStatement,
  type StatementIssueCode,
  statementIssue,
} from './statement.ts'

/*
 * camt.053 mapping: ISO 20022 "BankToCustomerStatementV02" (camt.053.001.02) and V08
 * (camt.053.001.08), as Belgian banks deliver them (Febelfin's implementation guidelines for
 * camt.053). The XML is parsed by the adapter (functions/, fast-xml-parser: namespace prefixes
 * removed, attributes as `@_name`, text with attributes as `#text`); this reads the resulting
 * plain object, so the mapping is tested without XML. Elements used:
 *   Stmt/Id, LglSeqNb, ElctrncSeqNb; Acct/Id/IBAN, Acct/Ccy; Bal (Tp/CdOrPrtry/Cd OPBD|PRCD = old,
 *   CLBD = new; Amt, CdtDbtInd, Dt/Dt|DtTm); Ntry (Amt, CdtDbtInd CRDT|DBIT, BookgDt, ValDt,
 *   AcctSvcrRef, NtryDtls/TxDtls: Refs, AmtDtls/TxAmt/Amt or Amt, RltdPties Dbtr|Cdtr (Nm or
 *   Pty/Nm) and DbtrAcct|CdtrAcct/Id/IBAN, RmtInf/Strd/CdtrRefInf/Ref (Belgian structured
 *   communication, issuer BBA) and RmtInf/Ustrd).
 * An entry with several transaction details is a grouped batch: its details are the movements.
 */

type Node = Record<string, unknown>

/** The first problem of the document: its element path, a code and the values its text names. */
class Refused extends Error {
  readonly issue: FieldIssue
  constructor(path: string, code: StatementIssueCode, params: ErrorParams = {}) {
    const issue = statementIssue(path, code, params)
    super(issue.message)
    this.issue = issue
  }
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])

function child(node: unknown, name: string): unknown {
  return isNode(node) ? node[name] : undefined
}

/** Follows a path of element names; the first of a repeated element. */
function dig(node: unknown, ...names: string[]): unknown {
  let at: unknown = node
  for (const name of names) at = list(child(at, name))[0]
  return at
}

function text(node: unknown): string | null {
  if (typeof node === 'string') return node.trim() || null
  if (typeof node === 'number') return String(node)
  if (isNode(node) && '#text' in node) return text(node['#text'])
  return null
}

function required(node: unknown, path: string, ...names: string[]): string {
  const value = text(dig(node, ...names))
  if (value === null) throw new Refused(`${path}/${names.join('/')}`, 'camtMissing')
  return value
}

/** "1234.5" → 123450 cents; more than two decimals or anything else is refused. */
function cents(value: string, path: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value)
  if (!m) throw new Refused(path, 'camtAmount', { actual: value })
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

function signedAmount(node: unknown, path: string): number {
  const amount = cents(required(node, path, 'Amt'), `${path}/Amt`)
  const ind = required(node, path, 'CdtDbtInd')
  if (ind !== 'CRDT' && ind !== 'DBIT')
    throw new Refused(`${path}/CdtDbtInd`, 'camtIndicator', { actual: ind })
  const currency = isNode(dig(node, 'Amt')) ? (dig(node, 'Amt') as Node)['@_Ccy'] : undefined
  if (currency !== undefined && currency !== 'EUR')
    throw new Refused(`${path}/Amt`, 'camtCurrency', { actual: String(currency) })
  return ind === 'DBIT' ? -amount : amount
}

/** Dt (YYYY-MM-DD) or DtTm (its date part). */
function dateOf(node: unknown, path: string): string {
  const value = text(dig(node, 'Dt')) ?? text(dig(node, 'DtTm'))
  const iso = value?.slice(0, 10) ?? ''
  const parsed = new Date(`${iso}T00:00:00Z`)
  // A real calendar day: 2026-02-30 would otherwise roll over to March.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(iso) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== iso
  ) {
    throw new Refused(path, 'camtDate', { actual: value ?? '' })
  }
  return iso
}

function partyName(party: unknown): string | null {
  return text(dig(party, 'Nm')) ?? text(dig(party, 'Pty', 'Nm'))
}

type TxInfo = {
  counterpartyName: string | null
  counterpartyIban: string | null
  structuredCommunication: string | null
  freeText: string | null
  counterpartyAddress: string | null
  information: string | null
  bankReference: string | null
}

function transaction(tx: unknown, credit: boolean): TxInfo {
  const parties = dig(tx, 'RltdPties')
  const side = credit ? 'Dbtr' : 'Cdtr'
  const account = dig(parties, `${side}Acct`, 'Id')
  const refs = list(child(dig(tx, 'RmtInf'), 'Strd')).map((s) => text(dig(s, 'CdtrRefInf', 'Ref')))
  const structured = refs.map((r) => (r ? parseStructuredCommunication(r) : null)).find((r) => r?.ok)
  const ustrd = list(child(dig(tx, 'RmtInf'), 'Ustrd'))
    .map(text)
    .filter((t): t is string => t !== null)
  // An unstructured line that is a valid structured communication is one (many banks do that).
  const fromText = structured?.ok
    ? structured
    : ustrd.map((t) => parseStructuredCommunication(t)).find((r) => r.ok)
  return {
    counterpartyName: partyName(dig(parties, side)),
    counterpartyIban: compactAccount(text(dig(account, 'IBAN')) ?? text(dig(account, 'Othr', 'Id'))),
    structuredCommunication: fromText?.ok ? fromText.value : null,
    freeText: fromText?.ok
      ? null
      : ustrd.join(' ') || refs.filter((r): r is string => r !== null).join(' ') || null,
    counterpartyAddress: null,
    information: null,
    bankReference: text(dig(tx, 'Refs', 'AcctSvcrRef')) ?? text(dig(tx, 'Refs', 'EndToEndId')),
  }
}

function entry(node: unknown, path: string, sequence: number): ParsedMovement[] {
  const amountCents = signedAmount(node, path)
  const bookingDate = dateOf(dig(node, 'BookgDt'), `${path}/BookgDt`)
  const valueDate =
    dig(node, 'ValDt') === undefined ? bookingDate : dateOf(dig(node, 'ValDt'), `${path}/ValDt`)
  const details = list(child(dig(node, 'NtryDtls'), 'TxDtls'))
  const entryRef = text(dig(node, 'AcctSvcrRef')) ?? text(dig(node, 'NtryRef'))
  const credit = amountCents > 0
  const base = { sequence, valueDate, bookingDate, location: path }
  if (details.length <= 1) {
    const info = transaction(details[0], credit)
    return [
      {
        ...base,
        ...info,
        detail: 0,
        batch: false,
        amountCents,
        bankReference: entryRef ?? info.bankReference,
      },
    ]
  }
  const parent: ParsedMovement = {
    ...base,
    detail: 0,
    batch: true,
    amountCents,
    counterpartyName: null,
    counterpartyIban: null,
    structuredCommunication: null,
    freeText: null,
    counterpartyAddress: null,
    information: null,
    bankReference: entryRef,
  }
  return [
    parent,
    ...details.map((tx, i) => {
      const at = `${path}/NtryDtls/TxDtls[${i + 1}]`
      const raw = text(dig(tx, 'AmtDtls', 'TxAmt', 'Amt')) ?? text(dig(tx, 'Amt'))
      if (raw === null) throw new Refused(`${at}/Amt`, 'camtBatchAmount')
      const value = cents(raw, `${at}/Amt`)
      const info = transaction(tx, credit)
      return {
        ...base,
        ...info,
        detail: i + 1,
        batch: false,
        amountCents: credit ? value : -value,
        bankReference: info.bankReference ?? (entryRef ? `${entryRef}/${i + 1}` : null),
        location: at,
      }
    }),
  ]
}

function statement(node: unknown, path: string): ParsedStatement {
  const iban = compactAccount(text(dig(node, 'Acct', 'Id', 'IBAN')))
  if (!iban) throw new Refused(`${path}/Acct/Id/IBAN`, 'camtMissing')
  const currency = text(dig(node, 'Acct', 'Ccy')) ?? 'EUR'
  if (currency !== 'EUR') throw new Refused(`${path}/Acct/Ccy`, 'statementCurrency', { actual: currency })
  const number = text(dig(node, 'LglSeqNb')) ?? text(dig(node, 'ElctrncSeqNb')) ?? required(node, path, 'Id')
  const balances = list(child(node, 'Bal')).map((b, i) => ({
    code: text(dig(b, 'Tp', 'CdOrPrtry', 'Cd')),
    node: b,
    path: `${path}/Bal[${i + 1}]`,
  }))
  const opening = balances.find((b) => b.code === 'OPBD' || b.code === 'PRCD')
  const closing = balances.find((b) => b.code === 'CLBD')
  if (!opening) throw new Refused(`${path}/Bal`, 'camtNoOpening')
  if (!closing) throw new Refused(`${path}/Bal`, 'camtNoClosing')
  const movements = list(child(node, 'Ntry')).flatMap((e, i) => entry(e, `${path}/Ntry[${i + 1}]`, i + 1))
  return {
    format: 'camt053',
    iban,
    currency,
    statementNumber: number,
    oldBalanceDate: dateOf(dig(opening.node, 'Dt'), `${opening.path}/Dt`),
    newBalanceDate: dateOf(dig(closing.node, 'Dt'), `${closing.path}/Dt`),
    oldBalanceCents: signedAmount(opening.node, opening.path),
    newBalanceCents: signedAmount(closing.node, closing.path),
    movements,
    freeCommunication: text(dig(node, 'AddtlStmtInf')),
    location: closing.path,
  }
}

/** The statements of a parsed camt.053 document, each balanced; the first problem refuses it with its element path. */
export function mapCamt053(document: unknown): Result<readonly ParsedStatement[]> {
  try {
    const root = child(document, 'Document')
    const body = dig(root, 'BkToCstmrStmt')
    if (!isNode(body)) throw new Refused('/Document/BkToCstmrStmt', 'camtNotStatement')
    const nodes = list(body.Stmt)
    if (nodes.length === 0) throw new Refused('/Document/BkToCstmrStmt/Stmt', 'camtMissing')
    const statements = nodes.map((n, i) => statement(n, `/Document/BkToCstmrStmt/Stmt[${i + 1}]`))
    const issues = statements.flatMap(balanceIssues)
    return issues.length > 0 ? fileRefused(issues) : ok(statements)
  } catch (e) {
    if (e instanceof Refused) return fileRefused([e.issue])
    throw e
  }
}
