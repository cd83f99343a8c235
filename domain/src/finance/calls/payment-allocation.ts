import type { CalendarDate } from '../../property/index.ts'

/** An owner's call line with what is still due on it. */
export type OpenLine = {
  readonly id: string
  readonly dueDate: CalendarDate
  /** Order of issue among lines of the same due date (call number, line number). */
  readonly order: number
  readonly communication: string
  readonly outstandingCents: number
}

export type Allocation = { readonly lineId: string; readonly amountCents: number }

export type AllocationResult = {
  readonly allocations: readonly Allocation[]
  /** What no due line absorbed: it stays on the owner's account as a credit. */
  readonly creditCents: number
}

/**
 * Allocates a payment to an owner's open lines: when its communication names one of them, that
 * line first (up to what it still owes); the rest to the oldest due first (due date, then issue
 * order, then id); whatever remains is a credit. A partial payment leaves the last line it
 * touches partly due. Σ allocations + credit = the payment, no line receives more than it owes.
 */
export function allocatePayment(
  amountCents: number,
  communication: string | null,
  lines: readonly OpenLine[],
): AllocationResult {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw new Error('payment must be positive cents')
  const open = lines.filter((l) => l.outstandingCents > 0)
  const named = communication === null ? undefined : open.find((l) => l.communication === communication)
  const rest = open
    .filter((l) => l !== named)
    .sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.order - b.order || (a.id < b.id ? -1 : 1),
    )
  let left = amountCents
  const allocations: Allocation[] = []
  for (const line of named ? [named, ...rest] : rest) {
    if (left === 0) break
    const take = Math.min(left, line.outstandingCents)
    allocations.push({ lineId: line.id, amountCents: take })
    left -= take
  }
  return { allocations, creditCents: left }
}
