import type { CalendarDate } from './calendar-date.value-object.ts'
import { holdsOnDate, type RightType } from './ownership-timeline.ts'
import type { TenantScope } from './property.ports.ts'

/*
 * "Who held which quote-parts (tantièmes) of a building on date D": the property service that
 * finance (charge distribution) and, next, assemblies (votes) use through property/index.ts.
 */

export type ChargeBasisOwner = { readonly ownerId: string; readonly sharePpm: number }

export type ChargeBasisUnit = {
  readonly unitId: string
  readonly unitNumber: string
  /** Tantièmes of the building total carried by this unit. */
  readonly quota: number
  /** Owners whose link is active on the charge's date; their shares sum to at most 1e6. */
  readonly owners: readonly ChargeBasisOwner[]
}

/** What a charge is spread over: one building's quote-parts and who held them on one date. */
export type ChargeBasis = {
  readonly totalTantiemes: number
  readonly units: readonly ChargeBasisUnit[]
}

/** One ownership link of an owner, past or present: it counts on day d when startDate ≤ d < endDate. */
export type OwnerHolding = {
  readonly unitId: string
  readonly buildingId: string
  readonly startDate: CalendarDate
  /** Exclusive, as in property (a link ending the day it starts never took effect); null while active. */
  readonly endDate: CalendarDate | null
}

/**
 * Read model over the property repositories, narrowed to the quote-parts held on a date, so an
 * adapter can answer each call with one query. `quotePartsReaderFromProperty` implements it over
 * the property repositories (correct, but one query per unit).
 */
export interface QuotePartsReader {
  /** The building's total_tantiemes and all its units with the links active on `onDate`; null if the building is missing or of another tenant. */
  loadBuildingBasis(scope: TenantScope, buildingId: string, onDate: CalendarDate): Promise<ChargeBasis | null>
  /** Every ownership link of the owner, ended ones included, each with its unit's building. */
  listOwnerHoldings(scope: TenantScope, ownerId: string): Promise<readonly OwnerHolding[]>
}

/**
 * Which rights bear a lot's charges in the distribution: full ownership and usufruct, never bare
 * ownership. The usufructuary bears the ordinary charges of the thing (Civil Code, book 3, usufruct;
 * platform default, see docs/property-register.md); since Σfull + Σusufruct ≤ 1 on every date, the
 * basis of a lot never exceeds it, and a fully dismembered lot is charged whole to its usufructuaries.
 */
export function bearsCharges(rightType: RightType): boolean {
  return rightType !== 'bare'
}

/** Whether an ownership link counts on `date` (end exclusive, as property records a sale). */
export function holdsOn(holding: Pick<OwnerHolding, 'startDate' | 'endDate'>, date: CalendarDate): boolean {
  return holdsOnDate(holding, date)
}
