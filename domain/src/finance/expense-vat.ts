import type { FieldIssue } from '../shared/domain-error.ts'

/*
 * Belgian VAT rates (Code de la TVA / Wetboek btw, art. 37 and royal decree no. 20: 0, 6, 12 and
 * 21 %). An invoice gives the amount excluding VAT, the VAT and the total; they must agree to the
 * cent: excl + VAT = incl, and VAT = excl × rate / 100 rounded to the cent, either way (an
 * invoice rounding per line may land one cent from the rounding of the total, never more).
 * Credit notes carry negative amounts with the same rules.
 */
export const VAT_RATES = [0, 6, 12, 21] as const
export type VatRate = (typeof VAT_RATES)[number]

export function isVatRate(value: unknown): value is VatRate {
  return typeof value === 'number' && (VAT_RATES as readonly number[]).includes(value)
}

export type VatInput = {
  readonly amountExclVatCents?: number | null | undefined
  readonly vatRate?: number | null | undefined
  readonly vatCents?: number | null | undefined
}

export type Vat = {
  readonly amountExclVatCents: number
  readonly vatRate: VatRate
  readonly vatCents: number
}

/** VAT of `excl` at `rate`, rounded half away from zero (exact integer arithmetic). */
export function vatOf(exclCents: number, rate: VatRate): number {
  const sign = exclCents < 0 ? -1 : 1
  const abs = Math.abs(exclCents) * rate
  return sign * Math.floor((abs + 50) / 100)
}

/** Whether `vat` is the floor or the ceiling of excl × rate / 100. */
function vatAgrees(exclCents: number, rate: VatRate, vatCents: number): boolean {
  const exact = exclCents * rate
  return vatCents * 100 >= exact - 99 && vatCents * 100 <= exact + 99
}

/**
 * The VAT breakdown of an expense of `inclCents`, or null when none was given (then the expense
 * knows only its total, as before). Missing VAT cents are computed; given ones must agree.
 */
export function resolveVat(
  inclCents: number,
  input: VatInput,
): { readonly vat: Vat | null; readonly issues: readonly FieldIssue[] } {
  const given = [input.amountExclVatCents, input.vatRate, input.vatCents].some(
    (v) => v !== undefined && v !== null,
  )
  if (!given) return { vat: null, issues: [] }
  const issues: FieldIssue[] = []
  const rate = input.vatRate
  if (!isVatRate(rate)) issues.push({ path: 'vat_rate', message: `must be one of ${VAT_RATES.join(', ')}` })
  const excl = input.amountExclVatCents
  if (excl === undefined || excl === null || !Number.isSafeInteger(excl) || excl === 0)
    issues.push({
      path: 'amount_excl_vat_cents',
      message: 'is required with a VAT rate: an integer number of cents, not 0',
    })
  else if (Math.sign(excl) !== Math.sign(inclCents))
    issues.push({
      path: 'amount_excl_vat_cents',
      message: 'must have the sign of the amount (negative for a credit note)',
    })
  const vatGiven = input.vatCents
  if (vatGiven !== undefined && vatGiven !== null && !Number.isSafeInteger(vatGiven))
    issues.push({ path: 'vat_cents', message: 'must be an integer number of cents' })
  if (issues.length > 0 || !isVatRate(rate) || typeof excl !== 'number') return { vat: null, issues }
  const vatCents = vatGiven ?? vatOf(excl, rate)
  if (!vatAgrees(excl, rate, vatCents))
    issues.push({
      path: 'vat_cents',
      message: `must be ${rate} % of the amount excluding VAT (${vatOf(excl, rate)})`,
    })
  else if (excl + vatCents !== inclCents)
    issues.push({
      path: 'amount_cents',
      message: `must equal the amount excluding VAT plus the VAT (${excl + vatCents})`,
    })
  return issues.length > 0
    ? { vat: null, issues }
    : { vat: { amountExclVatCents: excl, vatRate: rate, vatCents }, issues }
}
