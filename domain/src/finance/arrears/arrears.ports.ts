import type { CalendarDate, TenantScope } from '../../property/index.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'
import type { ArrearsSettings, LegalInterestRate, Reminder, ReminderWithLines } from './arrears.entity.ts'
import type { SentStep } from './reminder-ladder.ts'

/** A step already sent for a line, with the interest it charged and the last day counted. */
export type SentLineStep = SentStep & {
  readonly interestTo: CalendarDate | null
  readonly interestCents: number
}

/** A payment's part allocated to a call line, dated by the bank's value date (else the payment date). */
export type LineAllocation = {
  readonly lineId: string
  readonly date: CalendarDate
  readonly amountCents: number
}

/** Arrears' repository (ADR 0039): settings, reminders and the legal rate overrides. */
export interface ArrearsRepository {
  findSettings(scope: TenantScope, buildingId: string): Promise<ArrearsSettings | null>
  /** Inserts (version 1) or updates when the stored version is `version − 1`; false on a lost race. */
  saveSettings(scope: TenantScope, settings: ArrearsSettings): Promise<boolean>
  /** Every call line of the building with what was paid on it (one query). */
  buildingLines(scope: TenantScope, buildingId: string): Promise<readonly CallLineWithPaid[]>
  /** Every payment allocation to the building's lines, with the date its money counts from. */
  lineAllocations(scope: TenantScope, buildingId: string): Promise<readonly LineAllocation[]>
  /** Every ladder step sent for the building's lines. */
  sentSteps(scope: TenantScope, buildingId: string): Promise<readonly SentLineStep[]>
  insertReminders(scope: TenantScope, reminders: readonly ReminderWithLines[]): Promise<void>
  listReminders(
    scope: TenantScope,
    filter: { readonly buildingId?: string | undefined; readonly ownerId?: string | undefined },
  ): Promise<readonly ReminderWithLines[]>
  findReminders(scope: TenantScope, ids: readonly string[]): Promise<readonly ReminderWithLines[]>
  /** Links the letter once; false when the reminder already had one (a retried job). */
  setReminderDocument(scope: TenantScope, id: string, documentId: string): Promise<boolean>
  /** Marks the reminder e-mailed once; false when it already was. */
  markReminderEmailed(scope: TenantScope, id: string, at: Date): Promise<boolean>
  /** Interest + fees charged to the owner, per building. */
  ownerCharges(
    scope: TenantScope,
    ownerId: string,
    buildingId?: string,
  ): Promise<readonly { readonly buildingId: string; readonly cents: number }[]>
  /** The platform's rows and the organization's own. */
  legalRates(scope: TenantScope | null): Promise<readonly LegalInterestRate[]>
  /** Inserts or replaces the rate of a year (organizationId null: the platform's). */
  saveLegalRate(rate: LegalInterestRate): Promise<void>
}

export type { Reminder }
