/*
 * Each association is its own accounting entity with its own fiscal year (Civil Code art. 3.89
 * §5, 17°: the syndic keeps the association's accounts; the statutes or the assembly fix the
 * period). Calendar years unless the building says otherwise: a fiscal year starting on the first
 * day of `startMonth` is named by the calendar year it starts in.
 */

export const DEFAULT_FISCAL_YEAR_START_MONTH = 1

/** The fiscal year (its starting calendar year) a 'YYYY-MM-DD' date belongs to. */
export function fiscalYearOf(date: string, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH): number {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return month >= startMonth ? year : year - 1
}

/** First and last day (inclusive, 'YYYY-MM-DD') of fiscal year `year`. */
export function fiscalYearBounds(
  year: number,
  startMonth = DEFAULT_FISCAL_YEAR_START_MONTH,
): { readonly from: string; readonly to: string } {
  const from = `${String(year).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`
  const endYear = startMonth === 1 ? year : year + 1
  const endMonth = startMonth === 1 ? 12 : startMonth - 1
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate()
  const to = `${String(endYear).padStart(4, '0')}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`
  return { from, to }
}
