import type { ChargeBasis } from '../../property/index.ts'

/*
 * Civil Code art. 3.87 §2, second and third paragraphs: the syndic holds a general assembly at the
 * request of one or more co-owners holding together at least one fifth of the quote-parts in the
 * common parts; the request goes to the syndic by registered letter and the syndic sends the
 * convocation within THIRTY days of receiving it; failing that, any co-owner who signed the
 * request may convene the assembly himself. (Before the 2018 reform, former art. 577-6 §2 gave the
 * syndic fifteen days.) The deadline is tracked from the day the request is received.
 */
export const REQUEST_MIN_SHARE = { numerator: 1, denominator: 5 } as const
/**
 * Days the syndic has to send the convocation after receiving the request: 30 (art. 3.87 §2, third
 * paragraph, as quoted in docs/general-assembly.md § Sources). The issue said 15, the figure of the
 * text before 2018; telling owners a syndic is late on day 16 would be wrong in law, and the
 * consequence the law attaches (the requesters may convene themselves) starts on day 31.
 */
export const REQUEST_RESPONSE_DAYS = 30

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
