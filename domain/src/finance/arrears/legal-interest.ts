import type { CalendarDate } from '../../property/index.ts'
import type { LegalInterestRate } from './arrears.entity.ts'
import { daysBetween, daysInYear, yearOf } from './calendar-days.ts'

/*
 * The Belgian legal interest rate in civil (and commercial) matters: law of 5 May 1865 on the
 * loan at interest, art. 2 §1 (as amended by the programme law of 27 December 2006, art. 87):
 * each calendar year, the average 1-year EURIBOR of the previous December, rounded UP to the
 * quarter percent, plus 2 %. The Treasury (SPF/FOD Finances) publishes it in the Moniteur belge /
 * Belgisch Staatsblad in January. It applies when the parties agreed no rate (the statutes of a
 * building usually name "the legal rate"); it is not the rate of the law of 2 August 2002 on late
 * payment in commercial transactions between enterprises.
 *
 * Published rates (hundredths of a percent). Sources, checked 2026-12 (docs/bank-and-closing.md):
 *  2015–2023: the Treasury notices as tabulated by Wolters Kluwer Immospector, 31 Jan 2023
 *    ("Wettelijke interestvoet burgerlijke- en handelszaken piekt in 2023") and the bailiffs'
 *    table (gdwantw) giving each notice's Moniteur date (2015 MB 30.01.2015, 2016 MB 18.01.2016,
 *    2017 MB 27.01.2017); 2022 MB 1 March 2022 (Schoups);
 *  2024: 5.75 %, notice in the Moniteur belge of 23 February 2024 (VJN Legal; Kluwer 28 Feb 2024);
 *  2025: 4.50 % (Schoups, January 2025: "pour l'année 2025, il est de 4,5 %");
 *  2026: 4.50 %, unchanged (Embuild, "publié au Moniteur belge").
 * A year missing here is set by the platform (superadmin) or an organization; interest for the
 * days of a year without a rate is not charged until it is set.
 */
export const PUBLISHED_LEGAL_INTEREST_RATES: readonly LegalInterestRate[] = [
  { year: 2015, rateBp: 250, source: 'Moniteur belge 30.01.2015', organizationId: null },
  { year: 2016, rateBp: 225, source: 'Moniteur belge 18.01.2016', organizationId: null },
  { year: 2017, rateBp: 200, source: 'Moniteur belge 27.01.2017', organizationId: null },
  { year: 2018, rateBp: 200, source: 'Moniteur belge, January 2018 (SPF Finances)', organizationId: null },
  { year: 2019, rateBp: 200, source: 'Moniteur belge, January 2019 (SPF Finances)', organizationId: null },
  { year: 2020, rateBp: 175, source: 'Moniteur belge, January 2020 (SPF Finances)', organizationId: null },
  { year: 2021, rateBp: 175, source: 'Moniteur belge, January 2021 (SPF Finances)', organizationId: null },
  { year: 2022, rateBp: 150, source: 'Moniteur belge 01.03.2022', organizationId: null },
  { year: 2023, rateBp: 525, source: 'Moniteur belge, January 2023 (SPF Finances)', organizationId: null },
  { year: 2024, rateBp: 575, source: 'Moniteur belge 23.02.2024', organizationId: null },
  { year: 2025, rateBp: 450, source: 'Moniteur belge, 2025 (SPF Finances)', organizationId: null },
  { year: 2026, rateBp: 450, source: 'Moniteur belge, 2026 (SPF Finances)', organizationId: null },
]

/** Year → rate in hundredths of a percent. */
export type LegalRateTable = ReadonlyMap<number, number>

/**
 * The table in force for an organization: the published rates, overridden by the platform's rows
 * (superadmin), overridden by the organization's own rows.
 */
export function effectiveRateTable(stored: readonly LegalInterestRate[]): LegalRateTable {
  const table = new Map<number, number>()
  for (const layer of [
    PUBLISHED_LEGAL_INTEREST_RATES,
    stored.filter((r) => r.organizationId === null),
    stored.filter((r) => r.organizationId !== null),
  ]) {
    for (const r of layer) table.set(r.year, r.rateBp)
  }
  return table
}

export type InterestPeriod = {
  readonly year: number
  readonly days: number
  readonly rateBp: number
  readonly daysInYear: number
}

export type LateInterest = {
  readonly cents: number
  readonly periods: readonly InterestPeriod[]
  /** The last day interest was counted for (≤ to: stops before a year without a rate). */
  readonly through: CalendarDate
  /** The first year with no rate, if the count stopped there. */
  readonly missingYear: number | null
}

/** Σ amount × rate × days / (10 000 × days in year) is kept over this common denominator: exact. */
export const INTEREST_DENOMINATOR = 10_000n * 365n * 366n

/** An exact amount of interest (cents × INTEREST_DENOMINATOR) and how it was counted. */
export type InterestFraction = {
  readonly numerator: bigint
  readonly periods: readonly InterestPeriod[]
  readonly through: CalendarDate
  readonly missingYear: number | null
}

/**
 * Rounds an exact interest (numerator over INTEREST_DENOMINATOR) ONCE, half up, to the cent.
 * Neither the law of 5 May 1865 nor the Treasury's yearly notice of the rate prescribes a
 * rounding; half up to the nearest cent is the euro's rule for amounts to pay (Council Regulation
 * (EC) 1103/97, art. 5, applied here by analogy) and what a bailiff's or a court's count does.
 * Once per amount, at the end: rounding each day or each year would drift by up to a cent each.
 */
export function roundInterest(numerator: bigint): number {
  return Number((numerator * 2n + INTEREST_DENOMINATOR) / (2n * INTEREST_DENOMINATOR))
}

/**
 * The exact (unrounded) interest on `amountCents` for each day after `from` up to and including
 * `to`, at the rate of each day's year, on that year's actual number of days (actual/actual:
 * 365, or 366 in a leap year). A year without a rate stops the count at the end of the previous
 * year (`through`), so nothing is counted at a guessed rate.
 */
export function interestFraction(
  amountCents: number,
  from: CalendarDate,
  to: CalendarDate,
  rates: LegalRateTable,
): InterestFraction {
  const periods: InterestPeriod[] = []
  let through = from
  let missingYear: number | null = null
  if (amountCents > 0 && to > from) {
    let cursor = from
    while (cursor < to) {
      const year = yearOf(cursor) + (cursor.endsWith('-12-31') ? 1 : 0)
      const rate = rates.get(year)
      if (rate === undefined) {
        missingYear = year
        break
      }
      const endOfYear = `${String(year).padStart(4, '0')}-12-31`
      const end = to < endOfYear ? to : endOfYear
      const days = daysBetween(cursor, end)
      periods.push({ year, days, rateBp: rate, daysInYear: daysInYear(year) })
      cursor = end
      through = end
    }
  }
  // Σ amount·rate·days / (10 000·diy) over the common denominator 10 000 × 365 × 366: exact.
  let numerator = 0n
  for (const p of periods) {
    const widen = (365n * 366n) / BigInt(p.daysInYear)
    numerator += BigInt(amountCents) * BigInt(p.rateBp) * BigInt(p.days) * widen
  }
  return { numerator, periods, through, missingYear }
}

/**
 * Late interest on `amountCents` for each day after `from` up to and including `to`
 * (interestFraction), rounded ONCE, half up, to the cent (roundInterest).
 */
export function lateInterestCents(
  amountCents: number,
  from: CalendarDate,
  to: CalendarDate,
  rates: LegalRateTable,
): LateInterest {
  const f = interestFraction(amountCents, from, to, rates)
  return {
    cents: roundInterest(f.numerator),
    periods: f.periods,
    through: f.through,
    missingYear: f.missingYear,
  }
}
