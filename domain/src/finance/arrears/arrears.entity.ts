import type { CalendarDate } from '../../property/index.ts'

/*
 * Arrears (issue #16 item 4, ADR 0039): the reminder ladder of a building, the reminders sent to
 * owners whose call lines are overdue, and the late interest and fees charged with them.
 */

/**
 * friendly: a first reminder; firm: a second, firmer one; formal_notice: the mise en demeure /
 * ingebrekestelling, sent by registered letter (moratory interest runs from a formal notice when
 * no agreement says otherwise: former Civil Code art. 1153).
 */
export const REMINDER_KINDS = ['friendly', 'firm', 'formal_notice'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** The outbox kind of the daily run of a building's ladder (functions/arrears/run-reminders.job.ts). */
export const RUN_REMINDERS_JOB = 'arrears.run-reminders'

export type ReminderStep = { readonly kind: ReminderKind; readonly daysAfterDue: number }

/** The default term of a closed year's regularisation to pay: 30 days after its statement. */
export const DEFAULT_REGULARISATION_TERM_DAYS = 30

/** Defaults of issue #16: due + 15 days friendly, + 30 firm, + 60 formal notice by registered letter. */
export const DEFAULT_REMINDER_STEPS: readonly ReminderStep[] = [
  { kind: 'friendly', daysAfterDue: 15 },
  { kind: 'firm', daysAfterDue: 30 },
  { kind: 'formal_notice', daysAfterDue: 60 },
]

/** Where the right to charge interest or a fee comes from: the statutes, or an assembly resolution. */
export const ARREARS_BASES = ['statutes', 'assembly'] as const
export type ArrearsBasis = (typeof ARREARS_BASES)[number]

export const ARREARS_LIMITS = {
  steps: 6,
  max_days: 3650,
  basis_ref: 200,
  /** A reminder fee above €100 is not a fee. */
  max_fee_cents: 10_000,
  min_year: 2000,
  max_year: 2100,
  /** A regularisation's term, in days after its statement. */
  max_regularisation_term_days: 365,
  /** 25 % a year in hundredths of a percent. */
  max_rate_bp: 2500,
} as const

/** The same bounds by wire field name (the API's schemas and their audit read them). */
export const ARREARS_WIRE_LIMITS = {
  days_after_due: ARREARS_LIMITS.max_days,
  regularisation_term_days: ARREARS_LIMITS.max_regularisation_term_days,
  reminder_fee_cents: ARREARS_LIMITS.max_fee_cents,
  fee_basis_ref: ARREARS_LIMITS.basis_ref,
  interest_basis_ref: ARREARS_LIMITS.basis_ref,
  source: ARREARS_LIMITS.basis_ref,
  rate_bp: ARREARS_LIMITS.max_rate_bp,
  year: ARREARS_LIMITS.max_year,
} as const

export type ArrearsSettings = {
  readonly organizationId: string
  readonly buildingId: string
  /** Strictly increasing days after the due date. */
  readonly steps: readonly ReminderStep[]
  /** Charged with every reminder but the first (a first reminder is free); 0 = none. */
  readonly reminderFeeCents: number
  readonly feeBasis: ArrearsBasis | null
  readonly feeBasisRef: string | null
  /** Late interest at the legal rate runs only when the statutes or the assembly allow it. */
  readonly interestEnabled: boolean
  readonly interestBasis: ArrearsBasis | null
  readonly interestBasisRef: string | null
  /**
   * The job runner runs the ladder every morning (RUN_REMINDERS_JOB, re-enqueued day after day
   * as the syndic who turned it on) until this is turned off.
   */
  readonly dailyRun: boolean
  /**
   * A closed year's regularisation to pay is due this many days after the statement is issued
   * (the later of the regularisation date and the close): from then on it is chased and bears
   * interest like a call line. Default 30, a call letter's usual term.
   */
  readonly regularisationTermDays: number
  readonly version: number
}

/** How a reminder reaches the owner: e-mail (consent + address), post, or registered post (formal notice). */
export const REMINDER_DELIVERIES = ['email', 'post', 'registered'] as const
export type ReminderDelivery = (typeof REMINDER_DELIVERIES)[number]

export type ReminderLine = {
  readonly id: string
  readonly organizationId: string
  readonly reminderId: string
  readonly lineId: string
  /** Index of the ladder step (0-based): unique per call line, so no step is sent twice. */
  readonly step: number
  readonly unitNumber: string
  readonly label: string
  readonly communication: string
  readonly dueDate: CalendarDate
  readonly amountCents: number
  readonly outstandingCents: number
  readonly interestCents: number
  /** Interest charged for the days after interestFrom up to interestTo (both null when none). */
  readonly interestFrom: CalendarDate | null
  readonly interestTo: CalendarDate | null
}

export type Reminder = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly ownerId: string
  readonly step: number
  readonly kind: ReminderKind
  /** The date the run decided for ("as of"). */
  readonly reminderDate: CalendarDate
  readonly outstandingCents: number
  readonly interestCents: number
  readonly feeCents: number
  readonly delivery: ReminderDelivery
  readonly documentId: string | null
  readonly emailedAt: Date | null
  readonly createdBy: string | null
  readonly createdAt: Date
}

export type ReminderWithLines = Reminder & { readonly lines: readonly ReminderLine[] }

/** A legal interest rate of a year, in hundredths of a percent (5.25 % = 525). */
export type LegalInterestRate = {
  readonly year: number
  readonly rateBp: number
  /** Where it was published (Moniteur belge date) or who set it. */
  readonly source: string
  /** null: the platform's table; else an organization's own override. */
  readonly organizationId: string | null
}
