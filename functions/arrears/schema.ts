import { z } from '@hono/zod-openapi'
import {
  ARREARS_BASES,
  ARREARS_LIMITS,
  type ArrearsSettings,
  formatStructuredCommunication,
  RATE_ORIGINS,
  type RateRow,
  REMINDER_DELIVERIES,
  REMINDER_KINDS,
  type ReminderWithLines,
  type StructuredCommunication,
} from '@koprogo/domain'

/** Wire shapes of arrears: the reminder ladder, reminders, legal interest rates (ADR 0039). */

const cents = z.number().int()
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ example: '2026-03-02' })

// A union with null (not .nullable()) so the document's enum lists only the domain's values.
const Basis = z.union([z.enum(ARREARS_BASES), z.null()])

const StepSchema = z.object({
  kind: z.enum(REMINDER_KINDS),
  days_after_due: z.number().int().min(1).max(ARREARS_LIMITS.max_days),
})

export const ArrearsSettingsSchema = z
  .object({
    building_id: z.uuid(),
    steps: z.array(StepSchema),
    reminder_fee_cents: cents.openapi({ description: 'Charged with every reminder but the first; 0 = none' }),
    fee_basis: Basis,
    fee_basis_ref: z.string().nullable(),
    interest_enabled: z.boolean(),
    interest_basis: Basis,
    interest_basis_ref: z.string().nullable(),
    daily_run: z.boolean().openapi({ description: 'The job runner runs the ladder every morning' }),
    regularisation_term_days: z.number().int().openapi({
      description:
        "Days after a closed year's statement before its regularisation to pay is due (default 30)",
    }),
    version: z.number().int().openapi({ description: '0: the defaults, nothing stored yet' }),
  })
  .openapi('ArrearsSettings')

export const ArrearsSettingsBody = z
  .object({
    steps: z.array(StepSchema).min(1).max(ARREARS_LIMITS.steps),
    reminder_fee_cents: cents.min(0).max(ARREARS_LIMITS.max_fee_cents).default(0),
    fee_basis: Basis.optional(),
    fee_basis_ref: z.string().max(ARREARS_LIMITS.basis_ref).nullish(),
    interest_enabled: z.boolean().default(false),
    interest_basis: Basis.optional(),
    interest_basis_ref: z.string().max(ARREARS_LIMITS.basis_ref).nullish().openapi({
      description: 'The statutes article or the assembly resolution allowing late interest',
      example: 'Statuts art. 24',
    }),
    daily_run: z
      .boolean()
      .optional()
      .openapi({ description: 'Run the ladder every morning (the job runner)' }),
    regularisation_term_days: z
      .number()
      .int()
      .min(0)
      .max(ARREARS_LIMITS.max_regularisation_term_days)
      .optional()
      .openapi({ description: "Days after a closed year's statement before its regularisation is due" }),
    version: z.number().int().optional(),
  })
  .strict()
  .openapi('ArrearsSettingsInput')

export const toArrearsSettingsDto = (s: ArrearsSettings): z.infer<typeof ArrearsSettingsSchema> => ({
  building_id: s.buildingId,
  steps: s.steps.map((x) => ({ kind: x.kind, days_after_due: x.daysAfterDue })),
  reminder_fee_cents: s.reminderFeeCents,
  fee_basis: s.feeBasis,
  fee_basis_ref: s.feeBasisRef,
  interest_enabled: s.interestEnabled,
  interest_basis: s.interestBasis,
  interest_basis_ref: s.interestBasisRef,
  daily_run: s.dailyRun,
  regularisation_term_days: s.regularisationTermDays,
  version: s.version,
})

export const ReminderSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    owner_id: z.uuid(),
    step: z.number().int().openapi({ description: '0-based index of the ladder step' }),
    kind: z.enum(REMINDER_KINDS),
    reminder_date: z.string(),
    outstanding_cents: cents,
    interest_cents: cents,
    fee_cents: cents,
    total_cents: cents.openapi({ description: 'Outstanding + interest + fee' }),
    delivery: z.enum(REMINDER_DELIVERIES),
    document_id: z.uuid().nullable(),
    emailed_at: z.string().nullable(),
    created_at: z.string(),
    lines: z.array(
      z.object({
        line_id: z.uuid(),
        unit_number: z.string(),
        label: z.string(),
        communication: z.string().openapi({ example: '+++001/0000/00128+++' }),
        due_date: z.string(),
        amount_cents: cents,
        outstanding_cents: cents,
        interest_cents: cents,
        interest_from: z.string().nullable(),
        interest_to: z.string().nullable(),
      }),
    ),
  })
  .openapi('Reminder')

export const toReminderDto = (r: ReminderWithLines): z.infer<typeof ReminderSchema> => ({
  id: r.id,
  building_id: r.buildingId,
  owner_id: r.ownerId,
  step: r.step,
  kind: r.kind,
  reminder_date: r.reminderDate,
  outstanding_cents: r.outstandingCents,
  interest_cents: r.interestCents,
  fee_cents: r.feeCents,
  total_cents: r.outstandingCents + r.interestCents + r.feeCents,
  delivery: r.delivery,
  document_id: r.documentId,
  emailed_at: r.emailedAt?.toISOString() ?? null,
  created_at: r.createdAt.toISOString(),
  lines: r.lines.map((l) => ({
    line_id: l.lineId,
    unit_number: l.unitNumber,
    label: l.label,
    communication: formatStructuredCommunication(l.communication as StructuredCommunication),
    due_date: l.dueDate,
    amount_cents: l.amountCents,
    outstanding_cents: l.outstandingCents,
    interest_cents: l.interestCents,
    interest_from: l.interestFrom,
    interest_to: l.interestTo,
  })),
})

export const RunRemindersBody = z
  .object({
    as_of: calendarDate
      .optional()
      .openapi({ description: 'The day the ladder is applied for (default today; never later)' }),
  })
  .strict()
  .openapi('RunRemindersInput')

export const RunRemindersSchema = z
  .object({
    as_of: z.string(),
    reminders: z.array(ReminderSchema),
    job_id: z.uuid().nullable().openapi({ description: 'The job rendering and e-mailing the letters' }),
    interest_missing_year: z.number().int().nullable().openapi({
      description: 'Interest stopped before this year: its legal rate is not set yet',
    }),
  })
  .openapi('RemindersRun')

export const LegalRateSchema = z
  .object({
    year: z.number().int(),
    rate_bp: z.number().int().openapi({ description: 'Hundredths of a percent: 450 = 4.50 %' }),
    source: z.string(),
    origin: z.enum(RATE_ORIGINS),
  })
  .openapi('LegalInterestRate')

export const toLegalRateDto = (r: RateRow): z.infer<typeof LegalRateSchema> => ({
  year: r.year,
  rate_bp: r.rateBp,
  source: r.source,
  origin: r.origin,
})

export const LegalRateBody = z
  .object({
    rate_bp: z.number().int().min(0).max(ARREARS_LIMITS.max_rate_bp),
    source: z.string().min(1).max(ARREARS_LIMITS.basis_ref),
  })
  .strict()
  .openapi('LegalInterestRateInput')

export const ReminderPostalListSchema = z
  .object({
    data: z.array(
      z.object({
        reminder_id: z.uuid(),
        owner_id: z.uuid(),
        kind: z.enum(REMINDER_KINDS),
        registered: z.boolean().openapi({ description: 'A formal notice: by registered letter' }),
        reminder_date: z.string(),
        total_cents: cents,
        document_id: z.uuid().nullable(),
        address: z.array(z.string()),
      }),
    ),
  })
  .openapi('ReminderPostalList')

export const PostalListQuery = z.object({
  date: calendarDate.optional().openapi({ param: { name: 'date', in: 'query' } }),
})
