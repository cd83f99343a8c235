import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { apportionLargestRemainder } from '../largest-remainder.ts'

/** Who receives a lot's call on the due date (property's "receives calls") and their share of the lot. */
export type CallRecipient = { readonly ownerId: string; readonly sharePpm: number }

/** One lot of the key a call amount is spread over: its weight (tantièmes or the key's own weight). */
export type CallLot = {
  readonly unitId: string
  readonly unitNumber: string
  readonly weight: number
  readonly recipients: readonly CallRecipient[]
}

/** One line of a call: one owner for one lot. */
export type CallLineAmount = {
  readonly unitId: string
  readonly unitNumber: string
  readonly ownerId: string
  readonly amountCents: number
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Splits `totalCents` over the lots by weight, then each lot's cents over the owners who receive
 * its calls (by their share; a designated representative alone takes the whole lot), with the
 * exact largest-remainder routine at both levels (ties by unit number then id, owners by id), so
 * the lines sum exactly to the total and each lot's lines to the lot's part. A lot without
 * anyone to receive its call is refused: a call that cannot be addressed cannot be collected.
 * Lines come out by unit number, unit id, owner id.
 */
export function splitCallAmount(totalCents: number, lots: readonly CallLot[]): Result<CallLineAmount[]> {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    return err(DomainErrors.invalidField('amount_cents', 'must be a non-negative integer number of cents'))
  }
  const sorted = [...lots]
    .filter((l) => l.weight > 0)
    .sort((a, b) => cmp(a.unitNumber, b.unitNumber) || cmp(a.unitId, b.unitId))
  if (sorted.some((l) => !Number.isSafeInteger(l.weight))) {
    return err(DomainErrors.invalidField('weight', 'must be a positive integer'))
  }
  if (sorted.length === 0) {
    return totalCents === 0 ? ok([]) : err(DomainErrors.invalidField('lots', 'no lot carries this amount'))
  }
  const orphan = sorted.find((l) => l.recipients.length === 0)
  if (orphan) {
    return err(
      DomainErrors.conflict(
        'call_without_recipient',
        `Lot ${orphan.unitNumber} has nobody to receive its call`,
        { unit_number: orphan.unitNumber, unit_id: orphan.unitId },
      ),
    )
  }
  const total = BigInt(totalCents)
  const weightSum = sorted.reduce((s, l) => s + BigInt(l.weight), 0n)
  const lotCents = apportionLargestRemainder(
    total,
    sorted.map((l) => total * BigInt(l.weight)),
    weightSum,
  )
  const lines: CallLineAmount[] = []
  sorted.forEach((lot, i) => {
    const cents = lotCents[i] ?? 0n
    const recipients = [...lot.recipients].sort((a, b) => cmp(a.ownerId, b.ownerId))
    const shares = recipients.map((r) => BigInt(Math.max(1, r.sharePpm)))
    const shareSum = shares.reduce((s, x) => s + x, 0n)
    const parts = apportionLargestRemainder(
      cents,
      shares.map((s) => cents * s),
      shareSum,
    )
    recipients.forEach((r, j) => {
      lines.push({
        unitId: lot.unitId,
        unitNumber: lot.unitNumber,
        ownerId: r.ownerId,
        amountCents: Number(parts[j] ?? 0n),
      })
    })
  })
  return ok(lines)
}

/**
 * Adds several components (one per budget line and key) into one line per lot and owner: the
 * sum of exact splits is exact. Zero lines are kept out.
 */
export function mergeCallLines(parts: readonly (readonly CallLineAmount[])[]): CallLineAmount[] {
  const byKey = new Map<string, CallLineAmount>()
  for (const lines of parts) {
    for (const l of lines) {
      const key = `${l.unitId}\u0000${l.ownerId}`
      const prev = byKey.get(key)
      byKey.set(key, prev ? { ...prev, amountCents: prev.amountCents + l.amountCents } : l)
    }
  }
  return [...byKey.values()]
    .filter((l) => l.amountCents > 0)
    .sort((a, b) => cmp(a.unitNumber, b.unitNumber) || cmp(a.unitId, b.unitId) || cmp(a.ownerId, b.ownerId))
}

/** Periodicity of provisions: art. 3.86 §3 leaves it to the assembly; monthly and quarterly are the practice. */
export const CALL_PERIODICITIES = ['monthly', 'quarterly', 'yearly'] as const
export type CallPeriodicity = (typeof CALL_PERIODICITIES)[number]
export const PERIODS_PER_YEAR: Record<CallPeriodicity, number> = { monthly: 12, quarterly: 4, yearly: 1 }

/**
 * The part of an annual amount called in period `index` (0-based) of `periods`: equal parts by
 * largest remainder, the odd cents on the first periods, so the periods of a year sum exactly to
 * the annual amount.
 */
export function periodPart(annualCents: number, periods: number, index: number): number {
  const parts = apportionLargestRemainder(
    BigInt(annualCents),
    Array.from({ length: periods }, () => BigInt(annualCents)),
    BigInt(periods),
  )
  const part = parts[index]
  if (part === undefined) throw new Error(`no period ${index} of ${periods}`)
  return Number(part)
}
