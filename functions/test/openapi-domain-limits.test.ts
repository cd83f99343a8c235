// The OpenAPI document advertises the domain's limits and value sets, not copies of them: every
// maxLength / maximum / enum it holds is checked against the domain constant it stands for, and
// one it cannot account for fails (issue #13, item 5). Then, per mismatch found when this test was
// written, a request at the advertised limit is accepted and one past it refused.
import {
  ACCOUNT_ENTRY_KINDS,
  ACCOUNT_NATURES,
  ACT_KINDS,
  AGENDA_ITEM_MAX,
  ARREARS_BASES,
  ARREARS_WIRE_LIMITS,
  ATTENDEES_MAX,
  BANK_ACCOUNT_PURPOSES,
  BOARD_ROLES,
  BUDGET_LIMITS,
  BUDGET_PERIODS,
  BUDGET_STATUSES,
  BUILDING_LIMITS,
  BUILDING_SORT_FIELDS,
  CALL_DELIVERIES,
  CALL_KINDS,
  CALL_LIMITS,
  DEADLINE_STATUSES,
  DECISION_TYPE_KEYS,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  DISTRIBUTION_KEY_KINDS,
  DISTRIBUTION_KEY_LIMITS,
  DOCUMENT_DESCRIPTION_MAX,
  DOCUMENT_SORT_FIELDS,
  DOCUMENT_TITLE_MAX,
  DOCUMENT_TYPES,
  EINVOICE_KINDS,
  EMAIL_MAX,
  ETAT_DATE_BASES,
  ETAT_DATE_LIMITS,
  ETAT_DATE_STATUSES,
  EXPENSE_CATEGORIES,
  EXPENSE_GROUPINGS,
  EXPENSE_LIMITS,
  EXPENSE_SORT_FIELDS,
  EXPENSE_STATUSES,
  ISSUABLE_CALL_KINDS,
  JOB_SORT_FIELDS,
  JOB_STATUSES,
  JOURNALS,
  LEDGER_LIMITS,
  LOCALES,
  MAJORITIES,
  MATCH_KINDS,
  MAX_PER_PAGE,
  MEETING_DESCRIPTION_MAX,
  MEETING_LOCATION_MAX,
  MEETING_SORT_FIELDS,
  MEETING_STATUSES,
  MEETING_TITLE_MAX,
  MEETING_TYPES,
  MINUTES_LANGUAGES,
  MOVEMENT_STATUSES,
  NOTICE_DAYS_MAX,
  ORGANIZATION_LIMITS,
  ORGANIZATION_SORT_FIELDS,
  OWNER_LANGUAGES,
  OWNER_LIMITS,
  OWNER_SORT_FIELDS,
  OWNER_TYPES,
  PASSWORD_MAX,
  PAYMENT_STATUSES,
  PROVISION_PERIODICITIES,
  PROXY_HOLDER_NAME_MAX,
  RATE_ORIGINS,
  REMINDER_DELIVERIES,
  REMINDER_KINDS,
  REQUEST_NOTE_MAX,
  RESOLUTION_DECISION_MAX,
  RESOLUTION_TITLE_MAX,
  RIGHT_TYPES,
  ROLES,
  SALE_SPLIT_RULES,
  SEARCH_HIT_KINDS,
  SEARCH_MAX_LIMIT,
  SEARCH_TEXT_MAX,
  STATEMENT_FORMATS,
  SUBSCRIPTION_PLANS,
  SUGGESTION_REASONS,
  SUPPLIER_LIMITS,
  SUPPLIER_SORT_FIELDS,
  UNIT_LIMITS,
  UNIT_SORT_FIELDS,
  UNIT_TYPES,
  USER_LIMITS,
  USER_SORT_FIELDS,
} from '@koprogo/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'
import { openApiDocument } from '../gateway.ts'
import { CAPTURED_MAIL_SORT_FIELDS } from '../mail/schema.ts'
import { createTestApi, type TestApi } from './harness.ts'

type Limits = Readonly<Record<string, number>>
type Node = Record<string, unknown>

const MEETING = {
  title: MEETING_TITLE_MAX,
  description: MEETING_DESCRIPTION_MAX,
  location: MEETING_LOCATION_MAX,
  agenda: AGENDA_ITEM_MAX,
  item: AGENDA_ITEM_MAX,
  attendees_count: ATTENDEES_MAX,
}

/** Distribution keys and budgets (functions/buildings/budget.schema.ts). */
const BUDGET = { ...BUDGET_LIMITS, fiscal_year: BUDGET_LIMITS.max_fiscal_year }
const BUDGET_CONTEXTS: Record<string, Limits> = {
  DistributionKey: DISTRIBUTION_KEY_LIMITS,
  DistributionKeyInput: DISTRIBUTION_KEY_LIMITS,
  Budget: BUDGET,
  BudgetInput: BUDGET,
  Budgets: BUDGET,
  ApprovedBudget: BUDGET,
  ApproveBudget: BUDGET,
}

/** The domain limits per context: a component name, or the operation's tag for parameters. */
const LIMITS_BY_CONTEXT: Record<string, Limits> = {
  CreateBuilding: BUILDING_LIMITS,
  UpdateBuilding: BUILDING_LIMITS,
  Buildings: BUILDING_LIMITS,
  CreateOwner: OWNER_LIMITS,
  UpdateOwner: OWNER_LIMITS,
  Owners: OWNER_LIMITS,
  CreateUnit: UNIT_LIMITS,
  UpdateUnit: UNIT_LIMITS,
  CreateUser: USER_LIMITS,
  UpdateUser: USER_LIMITS,
  RegisterRequest: { ...USER_LIMITS, organization_name: ORGANIZATION_LIMITS.name },
  CreateOrganization: ORGANIZATION_LIMITS,
  UpdateOrganization: ORGANIZATION_LIMITS,
  CreateExpense: EXPENSE_LIMITS,
  CorrectExpense: EXPENSE_LIMITS,
  EditDraftExpense: EXPENSE_LIMITS,
  CancelExpense: EXPENSE_LIMITS,
  Ledger: LEDGER_LIMITS,
  EtatDateRequestInput: ETAT_DATE_LIMITS,
  CreateMeeting: MEETING,
  UpdateMeeting: MEETING,
  AddAgendaItem: MEETING,
  CompleteMeeting: MEETING,
  CreateResolution: { title: RESOLUTION_TITLE_MAX, proposed_decision: RESOLUTION_DECISION_MAX },
  UpdateResolution: { title: RESOLUTION_TITLE_MAX, proposed_decision: RESOLUTION_DECISION_MAX },
  GiveProxy: { holder_name: PROXY_HOLDER_NAME_MAX },
  Documents: { title: DOCUMENT_TITLE_MAX, description: DOCUMENT_DESCRIPTION_MAX },
  // Assemblies, convocation side (issue #14).
  UpdateAssemblySettings: { notice_days: NOTICE_DAYS_MAX },
  CreateAssemblyRequest: { note: REQUEST_NOTE_MAX },
  SecondAssembly: MEETING,
  Stats: { q: SEARCH_TEXT_MAX, limit: SEARCH_MAX_LIMIT },
  ...BUDGET_CONTEXTS,
  CallForFundsInput: {
    ...CALL_LIMITS,
    period: BUDGET_PERIODS.monthly,
    fiscal_year: BUDGET_LIMITS.max_fiscal_year,
  },
  BuildingBankAccountInput: CALL_LIMITS,
  OwnerPaymentInput: CALL_LIMITS,
  'Year-end close': { year: LEDGER_LIMITS.fiscal_year },
  // Arrears (ADR 0039).
  ArrearsSettings: ARREARS_WIRE_LIMITS,
  ArrearsSettingsInput: ARREARS_WIRE_LIMITS,
  LegalInterestRateInput: ARREARS_WIRE_LIMITS,
  Arrears: ARREARS_WIRE_LIMITS,
  LedgerSettingsInput: { fiscal_year_start_month: 12 },
  SupplierInput: SUPPLIER_LIMITS,
  Suppliers: SUPPLIER_LIMITS,
}

/** Limits a field has wherever it appears. */
const LIMITS_BY_FIELD: Limits = {
  email: EMAIL_MAX,
  contact_email: EMAIL_MAX,
  syndic_email: EMAIL_MAX,
  password: PASSWORD_MAX,
  per_page: MAX_PER_PAGE,
}

const DATE_FIELDS = ['date', 'end_date', 'start_date', 'deed_date', 'paid_date', 'expense_date']
const BUDGET_DATE_FIELDS = [
  'decided_on',
  'approved_on',
  'period_start',
  'period_end',
  'invoice_date',
  'due_date',
]
/** Raw text the domain parses (functions/_shared/wire-bounds.ts): bounds, not domain limits. */
const WIRE: Limits = {
  ...Object.fromEntries(
    [...DATE_FIELDS, ...BUDGET_DATE_FIELDS, 'scheduled_date', 'email_consent_date', 'received_at'].map(
      (f) => [f, WIRE_BOUNDS.date_text],
    ),
  ),
  ownership_share: WIRE_BOUNDS.share_text,
  ownership_percentage: WIRE_BOUNDS.share_text,
  amount: WIRE_BOUNDS.amount_text,
  enterprise_number: WIRE_BOUNDS.enterprise_number_text,
  syndic_enterprise_number: WIRE_BOUNDS.enterprise_number_text,
  refresh_token: WIRE_BOUNDS.refresh_token,
  'LoginRequest.password': WIRE_BOUNDS.login_password,
  'ChangePasswordRequest.current_password': WIRE_BOUNDS.login_password,
  'ChangePasswordRequest.new_password': PASSWORD_MAX,
  'ResetPasswordRequest.token': WIRE_BOUNDS.password_link_token,
  'Seed.scale': WIRE_BOUNDS.seed_scale,
  'MeetingAct.at': WIRE_BOUNDS.date_text,
  'MeetingAct.prevHash': WIRE_BOUNDS.sha256_hex,
  'MeetingAct.hash': WIRE_BOUNDS.sha256_hex,
}

const SORT_BY: Record<string, readonly string[]> = {
  Buildings: BUILDING_SORT_FIELDS,
  Units: UNIT_SORT_FIELDS,
  Owners: OWNER_SORT_FIELDS,
  Expenses: EXPENSE_SORT_FIELDS,
  Meetings: MEETING_SORT_FIELDS,
  Documents: DOCUMENT_SORT_FIELDS,
  Users: USER_SORT_FIELDS,
  Organizations: ORGANIZATION_SORT_FIELDS,
  Mail: CAPTURED_MAIL_SORT_FIELDS,
  Admin: JOB_SORT_FIELDS,
  Suppliers: SUPPLIER_SORT_FIELDS,
}

const ENUM_BY_FIELD: Record<string, readonly (string | boolean)[]> = {
  role: ROLES,
  subscription_plan: SUBSCRIPTION_PLANS,
  unit_type: UNIT_TYPES,
  category: EXPENSE_CATEGORIES,
  payment_status: PAYMENT_STATUSES,
  owner_type: OWNER_TYPES,
  preferred_language: OWNER_LANGUAGES,
  lang: OWNER_LANGUAGES,
  right_type: RIGHT_TYPES,
  document_type: DOCUMENT_TYPES,
  meeting_type: MEETING_TYPES,
  locale: LOCALES,
  language: LOCALES,
  'Expenses.status': PAYMENT_STATUSES,
  'Meetings.status': MEETING_STATUSES,
  'Meeting.status': MEETING_STATUSES,
  'Admin.status': JOB_STATUSES,
  'Job.status': JOB_STATUSES,
  'Stats.group': EXPENSE_GROUPINGS,
  'ExpenseStats.group': EXPENSE_GROUPINGS,
  'SearchHit.kind': SEARCH_HIT_KINDS,
  minutes_languages: MINUTES_LANGUAGES,
  board_role: BOARD_ROLES,
  'AssemblyRequest.status': DEADLINE_STATUSES,
  'DistributionKey.kind': DISTRIBUTION_KEY_KINDS,
  'DistributionKeyInput.kind': DISTRIBUTION_KEY_KINDS,
  'Budget.status': BUDGET_STATUSES,
  provision_periodicity: PROVISION_PERIODICITIES,
  sale_split_rule: SALE_SPLIT_RULES,
  'SaleSplit.rule': SALE_SPLIT_RULES,
  'MeetingMinutes.status': DEADLINE_STATUSES,
  'MinutesStatus.status': DEADLINE_STATUSES,
  'AssemblyDelivery.channel': DELIVERY_CHANNELS,
  'AssemblyDelivery.status': DELIVERY_STATUSES,
  decision_type: DECISION_TYPE_KEYS,
  majority: MAJORITIES,
  // statutory_majorities: one optional property per decision type, each a majority.
  ...Object.fromEntries(
    ['AssemblySettings', 'UpdateAssemblySettings', 'AssemblyRegister'].flatMap((ctx) =>
      DECISION_TYPE_KEYS.map((type) => [`${ctx}.${type}`, MAJORITIES]),
    ),
  ),
  'MeetingAct.kind': ACT_KINDS,
  // Issue #16 items 7-8 (pcn-etat-einvoice).
  ...{ 'EInvoiceImport.kind': EINVOICE_KINDS, basis: ETAT_DATE_BASES, 'EtatDate.status': ETAT_DATE_STATUSES },
  'CallForFunds.kind': CALL_KINDS,
  'CallForFundsInput.kind': ISSUABLE_CALL_KINDS, // a regularisation call is made by the year-end close only
  'OwnerAccount.kind': CALL_KINDS,
  'AccountEntry.kind': ACCOUNT_ENTRY_KINDS,
  purpose: BANK_ACCOUNT_PURPOSES,
  'CallForFunds.account': BANK_ACCOUNT_PURPOSES,
  'CallForFundsInput.account': BANK_ACCOUNT_PURPOSES,
  'OwnerPayment.account': BANK_ACCOUNT_PURPOSES,
  'OwnerPaymentInput.account': BANK_ACCOUNT_PURPOSES,
  to_account: BANK_ACCOUNT_PURPOSES,
  'CallLine.delivery': CALL_DELIVERIES,
  'OwnerStatement.delivery': CALL_DELIVERIES,
  'Expense.status': EXPENSE_STATUSES,
  'TrialBalance.nature': ACCOUNT_NATURES,
  journal: JOURNALS,
  // Bank statements and matching (ADR 0038).
  'BankStatement.account': BANK_ACCOUNT_PURPOSES,
  'BankStatement.format': STATEMENT_FORMATS,
  'Bank.status': MOVEMENT_STATUSES,
  'BankMovement.status': MOVEMENT_STATUSES,
  'BankMovement.kind': MATCH_KINDS,
  'BankMatchSuggestion.reason': SUGGESTION_REASONS,
  'ArrearsSettings.kind': REMINDER_KINDS,
  'ArrearsSettingsInput.kind': REMINDER_KINDS,
  'Reminder.kind': REMINDER_KINDS,
  'ReminderPostalList.kind': REMINDER_KINDS,
  fee_basis: ARREARS_BASES,
  interest_basis: ARREARS_BASES,
  'Reminder.delivery': REMINDER_DELIVERIES,
  'LegalInterestRate.origin': RATE_ORIGINS,
}

/** Value sets of the protocol itself, not of the domain. */
const WIRE_ENUMS: Record<string, readonly (string | boolean)[]> = {
  order: ['asc', 'desc'],
  format: ['csv', 'xlsx'],
  dry_run: ['true', 'false'],
  include: ['state'],
  'Health.status': ['ok', 'degraded'],
  'DistributionDocumentsAccepted.format': ['pdf', 'csv'],
  'DistributionDocumentsAccepted.status': ['pending'],
  'Health.database': ['ok', 'unavailable'],
  'Health.service': ['koprogo-api'],
  success: [true],
  token_type: ['Bearer'],
}

interface Finding {
  where: string
  kind: 'maxLength' | 'maximum' | 'enum'
  advertised: unknown
  expected: unknown
}

/** Every maxLength / maximum / enum of the document, with the domain value it should equal. */
export function auditDocument(doc: Node): Finding[] {
  const schemas = ((doc.components as Node | undefined)?.schemas ?? {}) as Record<string, Node>
  const found = new Map<string, Finding>()
  const expectedLength = (ctx: string, field: string) =>
    WIRE[`${ctx}.${field}`] ?? LIMITS_BY_CONTEXT[ctx]?.[field] ?? LIMITS_BY_FIELD[field] ?? WIRE[field]
  const expectedEnum = (ctx: string, field: string) =>
    WIRE_ENUMS[`${ctx}.${field}`] ??
    ENUM_BY_FIELD[`${ctx}.${field}`] ??
    (field === 'sort_by' ? SORT_BY[ctx] : undefined) ??
    ENUM_BY_FIELD[field] ??
    WIRE_ENUMS[field]
  const walk = (node: unknown, ctx: string, field: string, seen: readonly string[]): void => {
    if (!node || typeof node !== 'object') return
    const n = node as Node
    if (typeof n.$ref === 'string') {
      const name = n.$ref.split('/').pop() ?? ''
      if (!seen.includes(name)) walk(schemas[name], name, field, [...seen, name])
      return
    }
    const where = `${ctx}.${field}`
    if (typeof n.maxLength === 'number')
      found.set(`${where} maxLength`, {
        where,
        kind: 'maxLength',
        advertised: n.maxLength,
        expected: expectedLength(ctx, field),
      })
    // Integers bounded only by the database column type (int4) are not domain limits.
    if (typeof n.maximum === 'number' && n.maximum !== 2_147_483_647)
      found.set(`${where} maximum`, {
        where,
        kind: 'maximum',
        advertised: n.maximum,
        expected: expectedLength(ctx, field),
      })
    if (Array.isArray(n.enum))
      found.set(`${where} enum`, {
        where,
        kind: 'enum',
        advertised: n.enum,
        expected: expectedEnum(ctx, field),
      })
    for (const [k, v] of Object.entries((n.properties ?? {}) as Node)) walk(v, ctx, k, seen)
    for (const key of ['items', 'additionalProperties']) walk(n[key], ctx, field, seen)
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const v of (n[key] as unknown[] | undefined) ?? []) walk(v, ctx, field, seen)
  }
  for (const ops of Object.values((doc.paths ?? {}) as Record<string, Record<string, Node>>)) {
    for (const op of Object.values(ops)) {
      const tag = String((op.tags as string[] | undefined)?.[0] ?? '')
      for (const p of (op.parameters as Node[] | undefined) ?? []) walk(p.schema, tag, String(p.name), [])
      const bodies = [
        ...Object.values(((op.requestBody as Node | undefined)?.content ?? {}) as Record<string, Node>),
        ...Object.values((op.responses ?? {}) as Record<string, Node>).flatMap((r) =>
          Object.values((r.content ?? {}) as Record<string, Node>),
        ),
      ]
      for (const b of bodies) walk(b.schema, tag, '', [])
    }
  }
  return [...found.values()]
}

describe('the OpenAPI document advertises the domain constants', () => {
  const findings = auditDocument(openApiDocument() as unknown as Node)

  it('accounts for every maxLength, maximum and enum it advertises', () => {
    expect(findings.length).toBeGreaterThan(100)
    const unaccounted = findings.filter((f) => f.expected === undefined).map((f) => `${f.where} ${f.kind}`)
    expect(unaccounted).toEqual([])
  })

  it('advertises exactly the domain value of each', () => {
    const drift = findings
      .filter((f) => f.expected !== undefined)
      .filter((f) =>
        f.kind === 'enum'
          ? JSON.stringify([...(f.advertised as unknown[])].sort()) !==
            JSON.stringify([...(f.expected as unknown[])].sort())
          : f.advertised !== f.expected,
      )
    expect(drift).toEqual([])
  })

  it('fails on a drifted limit (the check can fail)', () => {
    const doc = structuredClone(openApiDocument()) as unknown as Node
    const create = ((doc.components as Node).schemas as Record<string, Node>).CreateBuilding as Node
    ;((create.properties as Node).address as Node).maxLength = 300
    const drift = auditDocument(doc).filter((f) => f.kind === 'maxLength' && f.advertised !== f.expected)
    expect(drift.map((f) => f.where)).toEqual(['CreateBuilding.address'])
  })
})

/** The maxLength the document advertises for a request body's field. */
function advertised(component: string, field: string): number {
  const schemas = ((openApiDocument() as unknown as Node).components as Node).schemas as Record<string, Node>
  const properties = (schemas[component] as Node).properties as Record<string, Node>
  return (properties[field] as Node).maxLength as number
}

// Each found advertising more than the domain accepted: the advertised length must now be accepted.
describe('the limit advertised is the limit enforced', () => {
  let api: TestApi
  let token: string

  beforeAll(async () => {
    api = await createTestApi()
    token = (await api.tenant()).syndic.token
  })
  afterAll(() => api.close())

  const bodies: Record<string, (text: string, n: number) => Record<string, unknown>> = {
    '/api/v1/buildings': (address) => ({
      name: 'Limits',
      address,
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'BE',
    }),
    '/api/v1/owners': (address) => ({
      first_name: 'Ann',
      last_name: 'Peeters',
      address,
      city: 'Gent',
      postal_code: '9000',
      country: 'BE',
    }),
    '/api/v1/users': (password, n) => ({
      email: `lea.${n}@example.test`,
      password,
      first_name: 'Lea',
      last_name: 'Maes',
      role: 'accountant',
    }),
  }
  const cases = [
    ['/api/v1/buildings', 'CreateBuilding', 'address', 'a'],
    ['/api/v1/owners', 'CreateOwner', 'address', 'b'],
    ['/api/v1/users', 'CreateUser', 'password', 'Kx9!'],
  ] as const

  it.each(cases)(
    'POST %s: %s.%s at the advertised length is accepted, one more refused',
    async (path, component, field, unit) => {
      const max = advertised(component, field)
      const text = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
      const body = bodies[path] as (t: string, n: number) => Record<string, unknown>
      const at = await api.request('POST', path, { token, body: body(text(max), max) })
      expect(at.status, JSON.stringify(at.body)).toBe(201)
      const past = await api.request('POST', path, { token, body: body(text(max + 1), max + 1) })
      expect(past.status).toBe(400)
      expect(JSON.stringify(past.body)).toContain(field)
    },
  )
})
