import type { ChargeBasis } from '../../property/index.ts'

/*
 * Civil Code art. 3.87 §2: one or more co-owners holding together at least one fifth of the
 * quote-parts in the common parts may ask the syndic to convene an assembly; the syndic must act
 * on it (the deadline is tracked from the day the request is received).
 */
export const REQUEST_MIN_SHARE = { numerator: 1, denominator: 5 } as const
/**
 * Days the syndic has to convene after receiving the request. The issue states 15; the 2018 text of
 * the article is read by some as "dans les trente jours". 15 is the conservative reading: a syndic
 * meeting it meets both, and the warning never comes late.
 */
export const REQUEST_RESPONSE_DAYS = 15

export type RequestShare = {
  /** Σ over the lots of quota × the owner's share: tantièmes held by the requesting owners. */
  readonly held: number
  readonly total: number
  readonly reached: boolean
  readonly explanation: string
}

/**
 * The requesting owners' part of the building's tantièmes on the day the request is received,
 * from the register (never from the request). A lot held jointly counts for each requester's share
 * of it (in millionths, as property stores it). Compared with exact integers: held × 5 ≥ total.
 */
export function requestShare(basis: ChargeBasis, ownerIds: readonly string[]): RequestShare {
  const requesters = new Set(ownerIds)
  let heldPpm = 0
  for (const unit of basis.units)
    for (const o of unit.owners) if (requesters.has(o.ownerId)) heldPpm += unit.quota * o.sharePpm
  const held = heldPpm / 1_000_000
  const total = basis.totalTantiemes
  const reached =
    total > 0 && heldPpm * REQUEST_MIN_SHARE.denominator >= total * 1_000_000 * REQUEST_MIN_SHARE.numerator
  const threshold = (total * REQUEST_MIN_SHARE.numerator) / REQUEST_MIN_SHARE.denominator
  const explanation = `${formatNumber(held)} / ${total} tantièmes held; one fifth is ${formatNumber(threshold)}: ${reached ? 'reached' : 'not reached'} (art. 3.87 §2)`
  return { held, total, reached, explanation }
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2))

const DAY_MS = 86_400_000
export function requestDeadline(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + REQUEST_RESPONSE_DAYS * DAY_MS)
}
