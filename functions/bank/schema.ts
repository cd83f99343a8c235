import { z } from '@hono/zod-openapi'
import {
  BANK_ACCOUNT_PURPOSES,
  type BankMovement,
  type BankStatement,
  formatStructuredCommunication,
  type ImportResult,
  MATCH_KINDS,
  type MatchSuggestion,
  MOVEMENT_STATUSES,
  STATEMENT_FORMATS,
  type StructuredCommunication,
  SUGGESTION_REASONS,
} from '@koprogo/domain'

/** Wire shapes of bank statements, movements and their matching (ADR 0038). */

const cents = z.number().int()

export const BankStatementSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    bank_account_id: z.uuid(),
    account: z.enum(BANK_ACCOUNT_PURPOSES),
    iban: z.string(),
    format: z.enum(STATEMENT_FORMATS),
    statement_number: z.string(),
    old_balance_date: z.string(),
    new_balance_date: z.string(),
    old_balance_cents: cents,
    new_balance_cents: cents,
    free_communication: z
      .string()
      .nullable()
      .openapi({ description: 'The bank’s free communication for the statement (CODA record 4)' }),
    created_at: z.string(),
  })
  .openapi('BankStatement')

export const BankMovementSchema = z
  .object({
    id: z.uuid(),
    statement_id: z.uuid(),
    building_id: z.uuid(),
    sequence: z.number().int(),
    detail: z
      .number()
      .int()
      .openapi({ description: '0 for a movement; 1, 2… for the details of a grouped batch' }),
    value_date: z.string(),
    booking_date: z.string(),
    amount_cents: cents.openapi({ description: 'Signed: > 0 money in, < 0 money out' }),
    counterparty_name: z.string().nullable(),
    counterparty_iban: z.string().nullable(),
    communication: z.string().nullable().openapi({ example: '+++001/0000/00128+++' }),
    free_text: z.string().nullable(),
    counterparty_address: z.string().nullable(),
    information: z
      .string()
      .nullable()
      .openapi({ description: 'What the bank added in CODA information records (3.x)' }),
    bank_reference: z.string().nullable(),
    status: z.enum(MOVEMENT_STATUSES),
    match: z
      .object({
        kind: z.enum(MATCH_KINDS),
        owner_id: z.uuid().nullable(),
        payment_id: z.uuid().nullable(),
        expense_id: z.uuid().nullable(),
        matched_at: z.string(),
      })
      .nullable(),
  })
  .openapi('BankMovement')

export const SuggestionSchema = z
  .object({
    reason: z.enum(SUGGESTION_REASONS),
    owner_id: z.uuid().nullable(),
    owner_name: z.string().nullable(),
    line_ids: z.array(z.uuid()),
    expense_id: z.uuid().nullable(),
    amount_cents: cents,
    label: z.string(),
  })
  .openapi('BankMatchSuggestion')

export const StatementDetailSchema = BankStatementSchema.extend({
  movements: z.array(BankMovementSchema),
}).openapi('BankStatementDetail')

export const MovementDetailSchema = BankMovementSchema.extend({
  suggestions: z.array(SuggestionSchema),
}).openapi('BankMovementDetail')

export const ImportResultSchema = z
  .object({
    statements: z.array(
      BankStatementSchema.extend({
        created: z.boolean(),
        movements_created: z.number().int(),
        movements_already_imported: z.number().int(),
      }),
    ),
    matched: z.object({
      communication: z.number().int(),
      iban: z.number().int(),
      manual: z.number().int(),
      expense: z.number().int(),
    }),
    unmatched: z.number().int(),
  })
  .openapi('BankImportResult')

export const MatchBody = z
  .object({
    owner_id: z.uuid().optional().openapi({ description: 'An incoming movement: whose payment' }),
    line_ids: z.array(z.uuid()).max(100).optional().openapi({
      description: 'Lines to pay first, in this order; the rest to the oldest due, then a credit',
    }),
    expense_id: z
      .uuid()
      .optional()
      .openapi({ description: 'An outgoing movement: the approved expense it paid' }),
  })
  .strict()
  .openapi('BankMatchInput')

export const toStatementDto = (s: BankStatement): z.infer<typeof BankStatementSchema> => ({
  id: s.id,
  building_id: s.buildingId,
  bank_account_id: s.bankAccountId,
  account: s.accountPurpose,
  iban: s.iban,
  format: s.format,
  statement_number: s.statementNumber,
  old_balance_date: s.oldBalanceDate,
  new_balance_date: s.newBalanceDate,
  old_balance_cents: s.oldBalanceCents,
  new_balance_cents: s.newBalanceCents,
  free_communication: s.freeCommunication,
  created_at: s.createdAt.toISOString(),
})

export const toMovementDto = (m: BankMovement): z.infer<typeof BankMovementSchema> => ({
  id: m.id,
  statement_id: m.statementId,
  building_id: m.buildingId,
  sequence: m.sequence,
  detail: m.detail,
  value_date: m.valueDate,
  booking_date: m.bookingDate,
  amount_cents: m.amountCents,
  counterparty_name: m.counterpartyName,
  counterparty_iban: m.counterpartyIban,
  communication: m.structuredCommunication
    ? formatStructuredCommunication(m.structuredCommunication as StructuredCommunication)
    : null,
  free_text: m.freeText,
  counterparty_address: m.counterpartyAddress,
  information: m.information,
  bank_reference: m.bankReference,
  status: m.status,
  match: m.match
    ? {
        kind: m.match.kind,
        owner_id: m.match.ownerId,
        payment_id: m.match.paymentId,
        expense_id: m.match.expenseId,
        matched_at: m.match.matchedAt.toISOString(),
      }
    : null,
})

export const toSuggestionDto = (s: MatchSuggestion): z.infer<typeof SuggestionSchema> => ({
  reason: s.reason,
  owner_id: s.ownerId,
  owner_name: s.ownerName,
  line_ids: [...s.lineIds],
  expense_id: s.expenseId,
  amount_cents: s.amountCents,
  label: s.label,
})

export const toImportDto = (r: ImportResult): z.infer<typeof ImportResultSchema> => ({
  statements: r.statements.map((s) => ({
    ...toStatementDto(s.statement),
    created: s.created,
    movements_created: s.movementsCreated,
    movements_already_imported: s.movementsAlreadyImported,
  })),
  matched: { ...r.matched },
  unmatched: r.unmatched,
})
