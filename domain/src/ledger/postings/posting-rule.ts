import type { DomainEvent } from '../../shared/domain-events.ts'
import type { MoneyEventType } from '../../shared/money-events.ts'
import type { EntryInput, EntrySource } from '../entry.ts'

/**
 * What a money event does to the books: post new entries (the fiscal year is filled in from the
 * entry's date and the building's fiscal year), or reverse every not-yet-reversed entry of a
 * source document on a date.
 */
export type PostingInstruction =
  | { readonly kind: 'post'; readonly entry: Omit<EntryInput, 'fiscalYear'> }
  | {
      readonly kind: 'reverse'
      readonly buildingId: string
      readonly source: EntrySource
      readonly date: string
      readonly reason: string
    }

/** A posting rule: a pure function of the event (its details carry the amounts). */
export type PostingRule<K extends MoneyEventType = MoneyEventType> = (
  event: Extract<DomainEvent, { type: K }>,
) => readonly PostingInstruction[]

export type PostingRules<K extends MoneyEventType> = { readonly [T in K]: PostingRule<T> }

/** Reads a money event's details; a missing or mistyped field is a bug in the use case: it throws. */
export function detail(event: DomainEvent, key: string, type: 'string'): string
export function detail(event: DomainEvent, key: string, type: 'number'): number
export function detail(event: DomainEvent, key: string, type: 'string' | 'number'): string | number {
  const value = event.details?.[key]
  if (type === 'number' ? Number.isSafeInteger(value) : typeof value === 'string')
    return value as string | number
  throw new Error(`${event.type}: details.${key} must be a ${type === 'number' ? 'safe integer' : 'string'}`)
}

export function optionalDetail(event: DomainEvent, key: string): string | null {
  const value = event.details?.[key]
  return typeof value === 'string' && value.length > 0 ? value : null
}
