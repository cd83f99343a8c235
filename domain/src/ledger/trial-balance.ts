import { type AccountCode, type AccountNature, accountOf, isAccountCode } from './accounts.ts'
import type { EntryLine } from './entry.ts'

/** One account's totals: debits, credits and the balance (debit − credit; positive = debit balance). */
export type TrialBalanceRow = {
  readonly account: AccountCode
  readonly name: string
  readonly accountClass: number
  readonly nature: AccountNature
  readonly debitCents: number
  readonly creditCents: number
  readonly balanceCents: number
}

export type TrialBalance = {
  readonly rows: readonly TrialBalanceRow[]
  readonly totalDebitCents: number
  readonly totalCreditCents: number
  /** Σ balances: zero in any books made of balanced entries (the trial balance "balances"). */
  readonly balanceCents: number
}

/** Per-account totals, as a database aggregate or a sum over lines gives them. */
export type AccountTotals = {
  readonly account: string
  readonly debitCents: number
  readonly creditCents: number
}

/** The trial balance (balance de vérification / proef- en saldibalans) from per-account totals, by code. */
export function trialBalanceOf(totals: readonly AccountTotals[]): TrialBalance {
  const merged = new Map<AccountCode, { debit: number; credit: number }>()
  for (const t of totals) {
    if (!isAccountCode(t.account)) continue
    const m = merged.get(t.account) ?? { debit: 0, credit: 0 }
    m.debit += t.debitCents
    m.credit += t.creditCents
    merged.set(t.account, m)
  }
  const rows = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, m]) => {
      const account = accountOf(code)
      return {
        account: code,
        name: account.name,
        accountClass: account.accountClass,
        nature: account.nature,
        debitCents: m.debit,
        creditCents: m.credit,
        balanceCents: m.debit - m.credit,
      }
    })
  const totalDebitCents = rows.reduce((s, r) => s + r.debitCents, 0)
  const totalCreditCents = rows.reduce((s, r) => s + r.creditCents, 0)
  return { rows, totalDebitCents, totalCreditCents, balanceCents: totalDebitCents - totalCreditCents }
}

/** The same from lines (the in-memory books and the property tests). */
export function trialBalanceOfLines(lines: readonly EntryLine[]): TrialBalance {
  return trialBalanceOf(
    lines.map((l) => ({ account: l.account, debitCents: l.debitCents, creditCents: l.creditCents })),
  )
}
