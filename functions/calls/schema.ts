import { z } from '@hono/zod-openapi'
import {
  ACCOUNT_ENTRY_KINDS,
  ACCOUNT_PAGE_DEFAULT,
  ACCOUNT_PAGE_MAX,
  type AccountLine,
  BANK_ACCOUNT_PURPOSES,
  BUDGET_LIMITS,
  BUDGET_PERIODS,
  type BuildingBankAccount,
  CALL_DELIVERIES,
  CALL_KINDS,
  CALL_LIMITS,
  type CallForFunds,
  type CallLine,
  type CallLineWithPaid,
  formatAccountIban,
  formatStructuredCommunication,
  type Iban,
  ISSUABLE_CALL_KINDS,
  OPEN_LINES_MAX,
  type OwnerAccount,
  type OwnerPayment,
  type PaymentAllocation,
  type StructuredCommunication,
} from '@koprogo/domain'

/** Wire shapes of calls for funds, payments, bank accounts and owner accounts (ADR 0032). */

const cents = z.number().int()
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ example: '2027-01-15' })

export const BankAccountSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    purpose: z.enum(BANK_ACCOUNT_PURPOSES),
    iban: z.string().openapi({ description: 'Electronic form (no spaces)', example: 'BE68539007547034' }),
    iban_display: z.string().openapi({ example: 'BE68 5390 0754 7034' }),
    bic: z.string().nullable(),
    holder_name: z.string(),
    version: z.number().int(),
  })
  .openapi('BuildingBankAccount')

export const BankAccountBody = z
  .object({
    iban: z.string().max(CALL_LIMITS.iban),
    bic: z.string().max(CALL_LIMITS.bic).nullish(),
    holder_name: z.string().min(1).max(CALL_LIMITS.holder_name),
  })
  .strict()
  .openapi('BuildingBankAccountInput')

export const toBankAccountDto = (a: BuildingBankAccount): z.infer<typeof BankAccountSchema> => ({
  id: a.id,
  building_id: a.buildingId,
  purpose: a.purpose,
  iban: a.iban,
  iban_display: formatAccountIban(a.iban),
  bic: a.bic,
  holder_name: a.holderName,
  version: a.version,
})

export const IssueCallBody = z
  .object({
    kind: z.enum(ISSUABLE_CALL_KINDS),
    label: z.string().min(1).max(CALL_LIMITS.label),
    due_date: calendarDate,
    issue_date: calendarDate.optional(),
    amount_cents: cents.positive().optional().openapi({
      description:
        'Extraordinary call (or a reserve call outside the budget): spread over the quote-parts. A provision is read from the approved budget: give `period`',
    }),
    period: z.number().int().min(1).max(BUDGET_PERIODS.monthly).optional().openapi({
      description:
        "Provision (and reserve without amount): the month or quarter (1-based, per the approved budget's periodicity) whose share of the budget is called",
    }),
    fiscal_year: z
      .number()
      .int()
      .min(BUDGET_LIMITS.min_fiscal_year)
      .max(BUDGET_LIMITS.max_fiscal_year)
      .optional()
      .openapi({
        description: "The approved budget's fiscal year (default: the due date's year)",
      }),
    resolution_ref: z.string().max(CALL_LIMITS.resolution_ref).nullish(),
    account: z.enum(BANK_ACCOUNT_PURPOSES).optional(),
  })
  .strict()
  .openapi('CallForFundsInput')

export const CallLineSchema = z
  .object({
    id: z.uuid(),
    call_id: z.uuid(),
    line_number: z.number().int(),
    unit_id: z.uuid(),
    unit_number: z.string(),
    owner_id: z.uuid(),
    amount_cents: cents,
    paid_cents: cents,
    outstanding_cents: cents,
    communication: z.string().openapi({ example: '+++001/0000/00128+++' }),
    communication_digits: z.string().openapi({ example: '000100000128' }),
    due_date: z.string(),
    delivery: z.enum(CALL_DELIVERIES),
    document_id: z.uuid().nullable(),
    emailed_at: z.string().nullable(),
  })
  .openapi('CallLine')

export const CallSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    number: z.number().int(),
    kind: z.enum(CALL_KINDS),
    label: z.string(),
    issue_date: z.string(),
    due_date: z.string(),
    total_cents: cents,
    account: z.enum(BANK_ACCOUNT_PURPOSES),
    iban: z.string(),
    bic: z.string().nullable(),
    holder_name: z.string(),
    budget_ref: z.string().nullable(),
    period_index: z.number().int().nullable(),
    periods: z.number().int().nullable(),
    resolution_ref: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('CallForFunds')

export const CallWithLinesSchema = CallSchema.extend({ lines: z.array(CallLineSchema) }).openapi(
  'CallForFundsDetail',
)

export const toCallDto = (c: CallForFunds): z.infer<typeof CallSchema> => ({
  id: c.id,
  building_id: c.buildingId,
  number: c.number,
  kind: c.kind,
  label: c.label,
  issue_date: c.issueDate,
  due_date: c.dueDate,
  total_cents: c.totalCents,
  account: c.account,
  iban: c.iban,
  bic: c.bic,
  holder_name: c.holderName,
  budget_ref: c.budgetRef,
  period_index: c.periodIndex,
  periods: c.periods,
  resolution_ref: c.resolutionRef,
  created_at: c.createdAt.toISOString(),
})

export const toLineDto = (l: CallLine & { readonly paidCents?: number }): z.infer<typeof CallLineSchema> => ({
  id: l.id,
  call_id: l.callId,
  line_number: l.lineNumber,
  unit_id: l.unitId,
  unit_number: l.unitNumber,
  owner_id: l.ownerId,
  amount_cents: l.amountCents,
  paid_cents: l.paidCents ?? 0,
  outstanding_cents: l.amountCents - (l.paidCents ?? 0),
  communication: formatStructuredCommunication(l.communication as StructuredCommunication),
  communication_digits: l.communication,
  due_date: l.dueDate,
  delivery: l.delivery,
  document_id: l.documentId,
  emailed_at: l.emailedAt?.toISOString() ?? null,
})

export const PostalListSchema = z
  .object({
    call_id: z.uuid(),
    letters: z.array(
      z.object({
        line_id: z.uuid(),
        owner_id: z.uuid(),
        unit_number: z.string(),
        amount_cents: cents,
        document_id: z.uuid().nullable(),
        address: z.array(z.string()),
      }),
    ),
  })
  .openapi('CallPostalList')

export const PaymentBody = z
  .object({
    owner_id: z.uuid().optional().openapi({ description: 'Optional when the communication names a line' }),
    amount_cents: cents.positive(),
    payment_date: calendarDate,
    communication: z.string().max(CALL_LIMITS.communication).nullish(),
    payer: z.string().max(CALL_LIMITS.payer).nullish(),
    account: z.enum(BANK_ACCOUNT_PURPOSES).optional().openapi({
      description:
        'The bank account the money reached; default: the account of the line the communication names (or of the first line settled)',
    }),
  })
  .strict()
  .openapi('OwnerPaymentInput')

export const PaymentSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    owner_id: z.uuid(),
    amount_cents: cents,
    payment_date: z.string(),
    communication: z.string().nullable(),
    payer: z.string().nullable(),
    account: z.enum(BANK_ACCOUNT_PURPOSES),
    credit_cents: cents,
    allocations: z
      .array(
        z.object({
          line_id: z.uuid(),
          amount_cents: cents,
          communication: z
            .string()
            .optional()
            .openapi({ description: 'The line’s structured communication' }),
          account: z.enum(BANK_ACCOUNT_PURPOSES).optional(),
          call_number: z.number().int().optional(),
        }),
      )
      .optional(),
    transfer: z
      .object({ to_account: z.enum(BANK_ACCOUNT_PURPOSES), amount_cents: cents })
      .nullable()
      .optional()
      .openapi({
        description: 'Money of the other fund that reached this account: transferred between the accounts',
      }),
  })
  .openapi('OwnerPayment')

type AllocationView = PaymentAllocation & {
  readonly communication?: string
  readonly account?: OwnerPayment['account']
  readonly callNumber?: number
}

export const toPaymentDto = (
  p: OwnerPayment,
  allocations?: readonly AllocationView[],
  transfer?: { readonly toAccount: OwnerPayment['account']; readonly amountCents: number } | null,
) => ({
  id: p.id,
  building_id: p.buildingId,
  owner_id: p.ownerId,
  amount_cents: p.amountCents,
  payment_date: p.paymentDate,
  communication: p.communication,
  payer: p.payer,
  account: p.account,
  credit_cents: p.creditCents,
  ...(allocations
    ? {
        allocations: allocations.map((a) => ({
          line_id: a.lineId,
          amount_cents: a.amountCents,
          ...(a.communication !== undefined
            ? { communication: formatStructuredCommunication(a.communication as StructuredCommunication) }
            : {}),
          ...(a.account !== undefined ? { account: a.account } : {}),
          ...(a.callNumber !== undefined ? { call_number: a.callNumber } : {}),
        })),
      }
    : {}),
  ...(transfer !== undefined
    ? { transfer: transfer ? { to_account: transfer.toAccount, amount_cents: transfer.amountCents } : null }
    : {}),
})

const AccountLineSchema = CallLineSchema.extend({
  call_number: z.number().int(),
  kind: z.enum(CALL_KINDS),
  label: z.string(),
  overdue: z.boolean(),
  iban: z.string(),
  iban_display: z.string(),
  bic: z.string().nullable(),
  holder_name: z.string(),
  epc_payload: z.string().nullable().openapi({
    description: 'EPC069-12 QR payload of what is still due (render it as a QR code, error correction M)',
  }),
})

const AccountRegularisationSchema = z
  .object({
    fiscal_year: z.number().int(),
    amount_cents: cents.openapi({
      description: 'Charges − provisions of the closed year: positive = to pay, negative = refunded',
    }),
    date: z
      .string()
      .openapi({ description: "Where it was posted on the owner's 410: first day of the next year" }),
    due_date: z.string().openapi({
      description:
        "A regularisation to pay: its due item's due date (the statement + the building's term), else date + 30 days; a refund: date",
    }),
    outstanding_cents: cents.openapi({
      description: "Still to pay: what its due item still owes, else once the owner's credit is applied",
    }),
    line_id: z.uuid().nullable().openapi({
      description:
        'The call line (kind regularisation) that makes it a due item: reminders, interest, payments',
    }),
    overdue: z.boolean(),
    document_id: z.uuid().nullable().openapi({ description: 'The statement of that year, once rendered' }),
  })
  .openapi('AccountRegularisation')

const AccountEntrySchema = z
  .object({
    kind: z.enum(ACCOUNT_ENTRY_KINDS),
    id: z.uuid().openapi({ description: 'The call line, payment, reminder or owner statement' }),
    date: z.string().openapi({
      description:
        "A call line's due date, a payment's date, a reminder's date, a regularisation's posting date",
    }),
    amount_cents: cents.openapi({
      description: 'Signed: positive = owed by the owner, negative = paid or refunded',
    }),
    balance_cents: cents.openapi({
      description: 'Running balance once this entry and every older one are counted (positive = owed)',
    }),
    label: z.string().nullable().openapi({ description: "A call's label" }),
    communication: z.string().nullable(),
    fiscal_year: z.number().int().nullable().openapi({ description: "A regularisation's fiscal year" }),
  })
  .openapi('AccountEntry')

const AccountPaginationSchema = z
  .object({
    current_page: z.number().int(),
    per_page: z.number().int(),
    entries_total: z.number().int(),
    lines_total: z.number().int(),
    payments_total: z.number().int(),
    open_lines_total: z.number().int(),
    total_pages: z
      .number()
      .int()
      .openapi({ description: 'Pages of the longest of entries, lines, payments' }),
    has_next: z.boolean(),
  })
  .openapi('AccountPagination')

/**
 * `page`/`per_page` of the account (ADR 0048): entries, lines and payments are pages of the same
 * number and size, newest first; the totals are over the whole history.
 */
export const AccountPageQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' }, type: 'integer', minimum: 1, default: 1 }),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, ACCOUNT_PAGE_MAX))
    .default(ACCOUNT_PAGE_DEFAULT)
    .openapi({
      param: { name: 'per_page', in: 'query' },
      type: 'integer',
      minimum: 1,
      default: ACCOUNT_PAGE_DEFAULT,
      description: `Entries, lines and payments per page; a larger value is clamped to ${ACCOUNT_PAGE_MAX}`,
    }),
})

export const OwnerAccountSchema = z
  .object({
    owner_id: z.uuid(),
    buildings: z.array(
      z.object({
        building_id: z.uuid(),
        balance_cents: cents.openapi({
          description:
            'Called + arrears charges + regularisations − paid: positive = owed, negative = a credit',
        }),
        ledger_balance_cents: cents.openapi({
          description: "The owner's 410 sub-account in the books: equal to balance_cents",
        }),
        called_cents: cents,
        charges_cents: cents.openapi({ description: 'Late interest and reminder fees charged (ADR 0039)' }),
        paid_cents: cents,
        regularisation_cents: cents.openapi({
          description: 'Σ regularisations of closed years (ADR 0040): positive = to pay, negative = refunded',
        }),
        due_now_cents: cents,
        next_due_date: z.string().nullable(),
        pagination: AccountPaginationSchema,
        entries: z.array(AccountEntrySchema).openapi({
          description: 'One page of the account (calls, payments, charges, regularisations), newest first',
        }),
        lines: z
          .array(AccountLineSchema)
          .openapi({ description: 'One page of call lines, newest due date first' }),
        payments: z.array(PaymentSchema).openapi({ description: 'One page of payments, newest first' }),
        open_lines: z.array(AccountLineSchema).openapi({
          description: `Every line still to pay, earliest due first (at most ${OPEN_LINES_MAX}; see pagination.open_lines_total), with how to pay it`,
        }),
        regularisations: z.array(AccountRegularisationSchema),
      }),
    ),
  })
  .openapi('OwnerAccount')

const toAccountLineDto = (l: AccountLine) => ({
  ...toLineDto(l),
  call_number: l.callNumber,
  kind: l.kind,
  label: l.label,
  overdue: l.overdue,
  iban: l.iban,
  iban_display: formatAccountIban(l.iban as Iban),
  bic: l.bic,
  holder_name: l.holderName,
  epc_payload: l.epcPayload,
})

const accountPagination = (b: OwnerAccount['buildings'][number]) => {
  const totalPages = Math.ceil(Math.max(b.entriesTotal, b.linesTotal, b.paymentsTotal) / b.page.perPage)
  return {
    current_page: b.page.page,
    per_page: b.page.perPage,
    entries_total: b.entriesTotal,
    lines_total: b.linesTotal,
    payments_total: b.paymentsTotal,
    open_lines_total: b.openLinesTotal,
    total_pages: totalPages,
    has_next: b.page.page < totalPages,
  }
}

export const toOwnerAccountDto = (a: OwnerAccount): z.infer<typeof OwnerAccountSchema> => ({
  owner_id: a.ownerId,
  buildings: a.buildings.map((b) => ({
    building_id: b.buildingId,
    balance_cents: b.balanceCents,
    ledger_balance_cents: b.ledgerBalanceCents,
    called_cents: b.calledCents,
    charges_cents: b.chargesCents,
    paid_cents: b.paidCents,
    regularisation_cents: b.regularisationCents,
    due_now_cents: b.dueNowCents,
    next_due_date: b.nextDueDate,
    pagination: accountPagination(b),
    entries: b.entries.map((e) => ({
      kind: e.kind,
      id: e.id,
      date: e.date,
      amount_cents: e.amountCents,
      balance_cents: e.balanceCents,
      label: e.label,
      communication: e.communication,
      fiscal_year: e.fiscalYear,
    })),
    lines: b.lines.map(toAccountLineDto),
    payments: b.payments.map((p) => toPaymentDto(p)),
    open_lines: b.openLines.map(toAccountLineDto),
    regularisations: b.regularisations.map((r) => ({
      fiscal_year: r.fiscalYear,
      amount_cents: r.amountCents,
      date: r.date,
      due_date: r.dueDate,
      outstanding_cents: r.outstandingCents,
      overdue: r.overdue,
      document_id: r.documentId,
      line_id: r.lineId,
    })),
  })),
})

export type { CallLineWithPaid }
