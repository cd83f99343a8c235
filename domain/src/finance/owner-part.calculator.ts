import type { CalendarDate, ChargeBasis } from '../property/index.ts'
import type { DomainError } from '../shared/domain-error.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import {
  compareUnits,
  distributeCharge,
  inconsistentBasis,
  SHARE_PPM_WHOLE,
} from './charge-distribution.service.ts'
import { apportionedPart, apportionedPartSafe } from './largest-remainder.ts'

/** One ownership link of a building's unit, past or present: active on d when startDate ≤ d < endDate. */
export type BasisHistoryLink = {
  readonly unitId: string
  readonly ownerId: string
  readonly sharePpm: number
  readonly startDate: CalendarDate
  readonly endDate: CalendarDate | null
}

/** A building's quote-parts and every ownership link it ever had: its basis on any date. */
export type BuildingBasisHistory = {
  readonly buildingId: string
  readonly totalTantiemes: number
  readonly units: readonly { readonly unitId: string; readonly unitNumber: string; readonly quota: number }[]
  readonly links: readonly BasisHistoryLink[]
}

/** The basis `QuotePartsReader.loadBuildingBasis` (property) gives for that date: every unit, the links active on it. */
export function basisOn(history: BuildingBasisHistory, onDate: CalendarDate): ChargeBasis {
  return {
    totalTantiemes: history.totalTantiemes,
    units: history.units.map((u) => ({
      ...u,
      owners: history.links
        .filter(
          (l) => l.unitId === u.unitId && l.startDate <= onDate && (l.endDate === null || onDate < l.endDate),
        )
        .map((l) => ({ ownerId: l.ownerId, sharePpm: l.sharePpm })),
    })),
  }
}

export type OwnerPartQuery = {
  readonly buildingId: string
  readonly unitId: string
  readonly ownerId: string
  readonly expenseDate: CalendarDate
  readonly amountCents: number
}

type EpochUnit = {
  readonly quota: number
  readonly ownerIds: readonly string[]
  readonly shares: readonly number[]
}
/** The basis between two link changes: per unit, owners by id and their shares, the unassigned rest last. */
type Epoch = { readonly error: DomainError | null; readonly units: ReadonlyMap<string, EpochUnit> }

type PreparedBuilding = {
  readonly history: BuildingBasisHistory
  /** Units in distribution order, then the "unallocated" pseudo-part's quota. */
  readonly quotas: readonly number[]
  readonly indexOf: ReadonlyMap<string, number>
  /** Sorted link start and end dates: the active links only change at these days. */
  readonly boundaries: readonly CalendarDate[]
  readonly epochs: Map<number, Epoch>
}

/**
 * One owner's part of many expenses, each EXACTLY what `distributeCharge` (GET
 * /expenses/{id}/distribution) gives that owner through that unit, at O(units) per expense
 * instead of a full distribution: level 1 computes only the unit's cents and level 2 only the
 * owner's, with the same largest-remainder order (`apportionedPart`). Bases are built once per
 * building and per interval between two link changes, and validated like `distributeExpense`
 * (an inconsistent one is the same 409). The property test checks the agreement.
 */
export function ownerPartCalculator(
  histories: readonly BuildingBasisHistory[],
): (q: OwnerPartQuery) => Result<Cents | null> {
  const buildings = new Map<string, PreparedBuilding>()
  for (const history of histories) {
    const units = [...history.units].sort(compareUnits)
    const quotaSum = units.reduce((s, u) => s + u.quota, 0)
    const dates = new Set<CalendarDate>()
    for (const l of history.links) {
      dates.add(l.startDate)
      if (l.endDate !== null) dates.add(l.endDate)
    }
    buildings.set(history.buildingId, {
      history,
      quotas: [...units.map((u) => u.quota), history.totalTantiemes - quotaSum],
      indexOf: new Map(units.map((u, i) => [u.unitId, i])),
      boundaries: [...dates].sort(),
      epochs: new Map(),
    })
  }

  function epochOf(b: PreparedBuilding, onDate: CalendarDate): Epoch {
    // How many boundaries are ≤ onDate: every date with the same count has the same active links.
    let lo = 0
    let hi = b.boundaries.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((b.boundaries[mid] as CalendarDate) <= onDate) lo = mid + 1
      else hi = mid
    }
    let epoch = b.epochs.get(lo)
    if (!epoch) {
      const basis = basisOn(b.history, onDate)
      const checked = distributeCharge(0, basis)
      const units = new Map<string, EpochUnit>()
      for (const u of basis.units) {
        const owners = [...u.owners].sort((x, y) =>
          x.ownerId < y.ownerId ? -1 : x.ownerId > y.ownerId ? 1 : 0,
        )
        const rest = SHARE_PPM_WHOLE - owners.reduce((s, o) => s + o.sharePpm, 0)
        units.set(u.unitId, {
          quota: u.quota,
          ownerIds: owners.map((o) => o.ownerId),
          shares: [...owners.map((o) => o.sharePpm), rest],
        })
      }
      epoch = { units, error: checked.ok ? null : inconsistentBasis(checked.error) }
      b.epochs.set(lo, epoch)
    }
    return epoch
  }

  return (q) => {
    const b = buildings.get(q.buildingId)
    if (!b) return err(DomainErrors.notFound('Building'))
    const epoch = epochOf(b, q.expenseDate)
    if (epoch.error) return err(epoch.error)
    const k = b.indexOf.get(q.unitId)
    const unit = epoch.units.get(q.unitId)
    const j = unit ? unit.ownerIds.indexOf(q.ownerId) : -1
    if (k === undefined || !unit || j < 0) return ok(null)

    const amount = q.amountCents
    const total = b.history.totalTantiemes
    // Level 1: the unit's cents among all units (numbers when amount × total is a safe integer).
    const unitCents = Number.isSafeInteger(amount * total)
      ? apportionedPartSafe(
          amount,
          b.quotas.map((quota) => amount * quota),
          total,
          k,
        )
      : Number(
          apportionedPart(
            BigInt(amount),
            b.quotas.map((quota) => BigInt(amount) * BigInt(quota)),
            BigInt(total),
            k,
          ),
        )
    // Level 2: the owner's cents of that unit, exact values against the whole amount.
    const quota = unit.quota
    const shares = unit.shares
    const part = Number.isSafeInteger(amount * quota * SHARE_PPM_WHOLE)
      ? apportionedPartSafe(
          unitCents,
          shares.map((s) => amount * quota * s),
          total * SHARE_PPM_WHOLE,
          j,
        )
      : Number(
          apportionedPart(
            BigInt(unitCents),
            shares.map((s) => BigInt(amount) * BigInt(quota) * BigInt(s)),
            BigInt(total) * BigInt(SHARE_PPM_WHOLE),
            j,
          ),
        )
    return ok(part as Cents)
  }
}
