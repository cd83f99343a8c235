/*
 * The owners' year-end statements (décomptes de charges / afrekeningen), ADR 0040. Pure arithmetic
 * on what the books already hold:
 *  - the year's charges are the approved (or paid) expenses dated in the fiscal year, each with
 *    the distribution FROZEN at its approval (ADR 0031: a later change of quote-parts or keys does
 *    not rewrite last year) — so who bears a part is who held the lot on the expense's date, and a
 *    sale mid-year splits the charges between seller and buyer by date without more work;
 *  - the ordinary charges are regularised against the working-capital provisions called in the
 *    year (calls of kind `provision`, by issue date: what 700 was credited with). Extraordinary
 *    charges (category `Works`, financed by the reserve fund or voted calls, art. 3.86 §3 and
 *    3.88) are shown but not regularised, so an owner never pays works twice;
 *  - regularisation = charges − provisions: positive, the owner pays the difference; negative, the
 *    association refunds it (both carried into the owner's account in the next year).
 * Everything is integer cents: the statements' regularisations sum exactly to
 * Σ distributed ordinary charges − Σ provisions.
 */

/** The expense categories that are not ordinary charges (the reserve-fund rule reads them too). */
export const EXTRAORDINARY_CATEGORIES: readonly string[] = ['Works']

export function isOrdinaryCategory(category: string): boolean {
  return !EXTRAORDINARY_CATEGORIES.includes(category)
}

/** One owner's part of one expense, as the frozen distribution holds it. */
export type ExpensePart = { readonly ownerId: string; readonly unitId: string; readonly amountCents: number }

/** An expense of the fiscal year (approved or paid, or cancelled after the year's end), or the reversal of an earlier one. */
export type YearExpense = {
  readonly id: string
  readonly date: string
  readonly category: string
  /** null: the general key (the building's quote-parts). */
  readonly keyId: string | null
  readonly keyName: string | null
  readonly amountCents: number
  /** The frozen distribution's owner parts; null when none was frozen (then nobody is charged). */
  readonly parts: readonly ExpensePart[] | null
}

/** A working-capital provision line called from an owner in the fiscal year. */
export type ProvisionCalled = {
  readonly ownerId: string
  readonly unitId: string
  readonly amountCents: number
}

export type KeyCharge = {
  readonly keyId: string | null
  readonly keyName: string | null
  readonly amountCents: number
}

export type OwnerYearFigures = {
  readonly ownerId: string
  /** The owner's ordinary charges per key (general key first, then by key name). */
  readonly chargesByKey: readonly KeyCharge[]
  readonly chargesCents: number
  readonly provisionsCents: number
  /** charges − provisions: > 0 to pay, < 0 to refund. */
  readonly regularisationCents: number
  /** Extraordinary charges borne (information: financed by the reserve fund or voted calls). */
  readonly extraordinaryCents: number
}

export type YearStatements = {
  readonly owners: readonly OwnerYearFigures[]
  /** Ordinary charges of the year per key (the whole amount, distributed or not). */
  readonly chargesByKey: readonly KeyCharge[]
  readonly ordinaryChargesCents: number
  readonly extraordinaryChargesCents: number
  readonly provisionsCents: number
  /** Ordinary charges no owner bears (unallocated tantièmes, expenses without a frozen distribution). */
  readonly undistributedCents: number
  readonly regularisationNetCents: number
}

/**
 * An expense of an earlier year cancelled later, as a charge of the year its reversal is dated in
 * (ADR 0042): the same category, key and frozen split, every amount negated — so the
 * owners who bore it in the closed year's statement get exactly their part back, and nothing is
 * lost (nor counted twice) between the years.
 */
export function reversalOf(expense: YearExpense): YearExpense {
  return {
    ...expense,
    amountCents: -expense.amountCents,
    parts: expense.parts?.map((p) => ({ ...p, amountCents: -p.amountCents })) ?? null,
  }
}

const GENERAL = '\u0000general'

function keyOrder(a: KeyCharge, b: KeyCharge): number {
  if (a.keyId === null) return b.keyId === null ? 0 : -1
  if (b.keyId === null) return 1
  const an = a.keyName ?? ''
  const bn = b.keyName ?? ''
  return an < bn ? -1 : an > bn ? 1 : a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0
}

type KeyAcc = { keyId: string | null; keyName: string | null; amountCents: number }

function addKey(map: Map<string, KeyAcc>, e: YearExpense, cents: number): void {
  const k = e.keyId ?? GENERAL
  const acc = map.get(k) ?? { keyId: e.keyId, keyName: e.keyName, amountCents: 0 }
  acc.amountCents += cents
  map.set(k, acc)
}

/** Every owner's statement of the year and the year's totals (owners in id order). */
export function yearStatements(
  expenses: readonly YearExpense[],
  provisions: readonly ProvisionCalled[],
): YearStatements {
  type Acc = { keys: Map<string, KeyAcc>; charges: number; provisions: number; extraordinary: number }
  const owners = new Map<string, Acc>()
  const acc = (ownerId: string): Acc => {
    let a = owners.get(ownerId)
    if (!a) {
      a = { keys: new Map(), charges: 0, provisions: 0, extraordinary: 0 }
      owners.set(ownerId, a)
    }
    return a
  }
  const yearKeys = new Map<string, KeyAcc>()
  let ordinary = 0
  let extraordinary = 0
  let distributed = 0
  for (const e of expenses) {
    const isOrdinary = isOrdinaryCategory(e.category)
    if (isOrdinary) {
      ordinary += e.amountCents
      addKey(yearKeys, e, e.amountCents)
    } else extraordinary += e.amountCents
    for (const p of e.parts ?? []) {
      const a = acc(p.ownerId)
      if (isOrdinary) {
        a.charges += p.amountCents
        distributed += p.amountCents
        addKey(a.keys, e, p.amountCents)
      } else a.extraordinary += p.amountCents
    }
  }
  let provisionsTotal = 0
  for (const p of provisions) {
    acc(p.ownerId).provisions += p.amountCents
    provisionsTotal += p.amountCents
  }
  const figures = [...owners.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ownerId, a]) => ({
      ownerId,
      chargesByKey: [...a.keys.values()].sort(keyOrder),
      chargesCents: a.charges,
      provisionsCents: a.provisions,
      regularisationCents: a.charges - a.provisions,
      extraordinaryCents: a.extraordinary,
    }))
  return {
    owners: figures,
    chargesByKey: [...yearKeys.values()].sort(keyOrder),
    ordinaryChargesCents: ordinary,
    extraordinaryChargesCents: extraordinary,
    provisionsCents: provisionsTotal,
    undistributedCents: ordinary - distributed,
    regularisationNetCents: figures.reduce((s, f) => s + f.regularisationCents, 0),
  }
}
