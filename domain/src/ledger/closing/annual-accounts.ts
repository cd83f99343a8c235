import { type AccountCode, accountOf, isAccountCode } from '../accounts.ts'
import type { AccountTotals } from '../trial-balance.ts'
import { isOrdinaryCategory, type KeyCharge, type YearExpense } from './year-statement.ts'

/*
 * The annual accounts the syndic submits to the assembly (Civil Code art. 3.89 §5, 17°: the
 * accounts on the minimum chart of the RD 12 July 2012; art. 3.86 §3: the reserve fund), ADR
 * 0040. Pure: from the books' per-account totals (the year's, and cumulated to the year's end for
 * the balance sheet), the year's expenses and the approved budget.
 */

export type AccountAmount = {
  readonly account: AccountCode
  readonly name: string
  readonly amountCents: number
}

export type CategoryLine = {
  readonly category: string
  readonly ordinary: boolean
  readonly budgetCents: number
  readonly actualCents: number
  /** actual − budget: > 0 overspent. */
  readonly differenceCents: number
}

export type AnnualAccounts = {
  readonly balanceSheet: {
    /** Debit balances of classes 2–5 at the year's end (what the association holds or is owed). */
    readonly assets: readonly AccountAmount[]
    /** Credit balances of classes 1–5 (funds, debts, owners in credit). */
    readonly liabilities: readonly AccountAmount[]
    readonly totalAssetsCents: number
    readonly totalLiabilitiesCents: number
    /** Σ income − Σ charges of every year up to this one not yet carried forward (so the sheet balances). */
    readonly resultNotCarriedCents: number
  }
  readonly income: readonly AccountAmount[]
  readonly charges: readonly AccountAmount[]
  readonly totalIncomeCents: number
  readonly totalChargesCents: number
  /** income − charges of the year. */
  readonly resultCents: number
  readonly byCategory: readonly CategoryLine[]
  readonly byKey: readonly KeyCharge[]
  readonly hasApprovedBudget: boolean
  readonly reserveFund: {
    /** 701 credited in the year: the reserve contributions called. */
    readonly calledCents: number
    /** 551 debited in the year: money in on the reserve account. */
    readonly receivedCents: number
    /** 551 credited in the year: money out of the reserve account. */
    readonly paidOutCents: number
    /** 551 balance at the year's end (all years). */
    readonly bankBalanceCents: number
  }
}

function sumBy(totals: readonly AccountTotals[]): Map<AccountCode, { d: number; c: number }> {
  const m = new Map<AccountCode, { d: number; c: number }>()
  for (const t of totals) {
    if (!isAccountCode(t.account)) continue
    const a = m.get(t.account) ?? { d: 0, c: 0 }
    a.d += t.debitCents
    a.c += t.creditCents
    m.set(t.account, a)
  }
  return m
}

const byCode = (a: AccountAmount, b: AccountAmount) => (a.account < b.account ? -1 : 1)

export function annualAccounts(input: {
  /** The fiscal year's totals per account. */
  readonly yearTotals: readonly AccountTotals[]
  /** Totals per account of every year up to and including this one. */
  readonly cumulativeTotals: readonly AccountTotals[]
  readonly expenses: readonly YearExpense[]
  readonly chargesByKey: readonly KeyCharge[]
  /** The approved budget's amount per category (null: no approved budget). */
  readonly budget: readonly { readonly category: string; readonly amountCents: number }[] | null
}): AnnualAccounts {
  const year = sumBy(input.yearTotals)
  const cumulative = sumBy(input.cumulativeTotals)
  const income: AccountAmount[] = []
  const charges: AccountAmount[] = []
  for (const [code, t] of year) {
    const account = accountOf(code)
    if (t.d === t.c) continue // an account moved and moved back (a reversal) shows nothing
    if (account.accountClass === 7) income.push({ account: code, name: account.name, amountCents: t.c - t.d })
    if (account.accountClass === 6)
      charges.push({ account: code, name: account.name, amountCents: t.d - t.c })
  }
  const assets: AccountAmount[] = []
  const liabilities: AccountAmount[] = []
  let resultNotCarried = 0
  for (const [code, t] of cumulative) {
    const account = accountOf(code)
    const balance = t.d - t.c
    if (account.accountClass >= 6) {
      resultNotCarried -= balance
      continue
    }
    if (balance > 0) assets.push({ account: code, name: account.name, amountCents: balance })
    else if (balance < 0) liabilities.push({ account: code, name: account.name, amountCents: -balance })
  }
  const categories = new Map<string, { budget: number; actual: number }>()
  for (const b of input.budget ?? []) {
    const c = categories.get(b.category) ?? { budget: 0, actual: 0 }
    c.budget += b.amountCents
    categories.set(b.category, c)
  }
  for (const e of input.expenses) {
    const c = categories.get(e.category) ?? { budget: 0, actual: 0 }
    c.actual += e.amountCents
    categories.set(e.category, c)
  }
  const totalIncome = income.reduce((s, a) => s + a.amountCents, 0)
  const totalCharges = charges.reduce((s, a) => s + a.amountCents, 0)
  const reserveYear = year.get('551') ?? { d: 0, c: 0 }
  const reserveAll = cumulative.get('551') ?? { d: 0, c: 0 }
  const calls701 = year.get('701') ?? { d: 0, c: 0 }
  return {
    balanceSheet: {
      assets: assets.sort(byCode),
      liabilities: liabilities.sort(byCode),
      totalAssetsCents: assets.reduce((s, a) => s + a.amountCents, 0),
      totalLiabilitiesCents: liabilities.reduce((s, a) => s + a.amountCents, 0),
      resultNotCarriedCents: resultNotCarried,
    },
    income: income.sort(byCode),
    charges: charges.sort(byCode),
    totalIncomeCents: totalIncome,
    totalChargesCents: totalCharges,
    resultCents: totalIncome - totalCharges,
    byCategory: [...categories.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([category, c]) => ({
        category,
        ordinary: isOrdinaryCategory(category),
        budgetCents: c.budget,
        actualCents: c.actual,
        differenceCents: c.actual - c.budget,
      })),
    byKey: input.chargesByKey,
    hasApprovedBudget: input.budget !== null,
    reserveFund: {
      calledCents: calls701.c - calls701.d,
      receivedCents: reserveYear.d,
      paidOutCents: reserveYear.c,
      bankBalanceCents: reserveAll.d - reserveAll.c,
    },
  }
}
