import { DomainErrors } from '../shared/domain-error.ts'
import { type Cents, centsFromEuros } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'

/** The two ways the wire carries an amount: v1 `amount` in euros, new `amount_cents`. */
export type ExpenseAmountInput = {
  readonly amount?: number | string | null | undefined
  readonly amountCents?: number | null | undefined
  /** A credit note: the amount must be negative (else positive, as v1 requires). */
  readonly creditNote?: boolean | undefined
}

/**
 * Reads an expense amount from either field into positive integer cents. When a client sends
 * both (a PWA showing euros but sending cents, say) they must agree to the cent: picking one
 * silently would book an amount the user may not have meant.
 */
export function resolveExpenseAmount(input: ExpenseAmountInput): Result<Cents> {
  const hasEuros = input.amount !== undefined && input.amount !== null
  const hasCents = input.amountCents !== undefined && input.amountCents !== null
  if (!hasEuros && !hasCents) {
    return err(
      DomainErrors.validation('amount or amount_cents is required', [
        { path: 'amount', message: 'is required (or give amount_cents)' },
      ]),
    )
  }

  const credit = input.creditNote === true
  const wrongSign = (v: number) => (credit ? v >= 0 : v <= 0)
  let fromCents: Cents | undefined
  if (input.amountCents !== undefined && input.amountCents !== null) {
    if (!Number.isSafeInteger(input.amountCents) || wrongSign(input.amountCents)) {
      return err(
        DomainErrors.invalidField(
          'amount_cents',
          credit
            ? 'must be a negative integer number of cents (a credit note)'
            : 'must be an integer number of cents greater than 0',
        ),
      )
    }
    fromCents = input.amountCents as Cents
  }

  let fromEuros: Cents | undefined
  if (input.amount !== undefined && input.amount !== null) {
    const parsed = centsFromEuros(input.amount, 'amount')
    if (!parsed.ok) return parsed
    if (wrongSign(parsed.value))
      return err(
        DomainErrors.invalidField(
          'amount',
          credit ? 'must be negative (a credit note)' : 'must be greater than 0',
        ),
      )
    fromEuros = parsed.value
  }

  if (fromEuros !== undefined && fromCents !== undefined && fromEuros !== fromCents) {
    return err(
      DomainErrors.validation('amount and amount_cents disagree', [
        { path: 'amount', message: `is ${fromEuros} cents, which differs from amount_cents` },
        { path: 'amount_cents', message: `is ${fromCents}, which differs from amount` },
      ]),
    )
  }
  const value = fromCents ?? fromEuros
  // Unreachable (one of the two is present), but the type system cannot see it.
  if (value === undefined) return err(DomainErrors.invalidField('amount', 'is required'))
  return ok(value)
}
