// Pure helpers of the ownership screens: today's date where the buildings are, who holds a lot on
// a date (same rule as the API: start ≤ d < end), and an API refusal turned into messages next
// to the form fields, in the user's language when the API gives a code.
import { ApiError } from './api-error'
import type { RightType, UnitOwnership } from './wire-types'

/** Today in Europe/Brussels (what the API answers for without ?date=), as YYYY-MM-DD. */
export function brusselsToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** The links holding the lot on `day`: the end date is exclusive (the deed day is the buyer's). */
export function holdingOn<T extends Pick<UnitOwnership, 'start_date' | 'end_date'>>(
  links: readonly T[],
  day: string,
): T[] {
  return links.filter((l) => l.start_date <= day && (l.end_date === null || day < l.end_date))
}

export const RIGHTS: readonly RightType[] = ['full', 'usufruct', 'bare']

export interface FormFailure {
  /** Shown on top of the form (role=alert). */
  message: string
  /** Field path ("ownership_share", "buyers.0.ownership_share", "deed_date") → message. */
  fields: Record<string, string>
  /** The lot changed meanwhile (stale version): the view should reload. */
  stale: boolean
}

/** The day a 409 names ("… from 2026-09-01 …", "… on 2026-09-01 …"). */
export const dayInMessage = (message: string): string | undefined =>
  /\b(\d{4}-\d{2}-\d{2})\b/.exec(message)?.[1]

/**
 * Maps an API refusal onto the form. `translate(code, day)` returns the localized text for a
 * known 409 code (or undefined); `codeField` says next to which field that code belongs.
 */
export function toFormFailure(
  e: unknown,
  translate: (code: string, day: string | undefined) => string | undefined,
  codeField: Record<string, string>,
  fallback: string,
): FormFailure {
  if (!(e instanceof ApiError)) return { message: fallback, fields: {}, stale: false }
  const stale = e.status === 409 && e.currentVersion !== undefined
  const fields = { ...e.fieldErrors }
  let message = e.message
  if (e.code) {
    const localized = translate(e.code, dayInMessage(e.message))
    if (localized) message = localized
    const field = codeField[e.code]
    if (field) fields[field] = message
  }
  return { message, fields, stale }
}
