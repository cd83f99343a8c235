import type { CalendarDate } from '../../property/index.ts'
import type { Iban } from '../../shared/iban.value-object.ts'

/** Which account a call is paid into: working capital (provisions) or reserve fund (art. 3.86 §3). */
export const BANK_ACCOUNT_PURPOSES = ['working_capital', 'reserve'] as const
export type BankAccountPurpose = (typeof BANK_ACCOUNT_PURPOSES)[number]

/**
 * provision: periodic provisions of the working capital from the approved budget;
 * reserve: the reserve-fund contribution (art. 3.86 §3, at least 5 % of the ordinary charges);
 * extraordinary: works the assembly voted (art. 3.88), named by the resolution;
 * regularisation: a closed year's regularisation to pay (ADR 0040), made by the year-end close
 * (never issued by hand) so that it is chased, bears interest and takes payments like any line.
 */
export const CALL_KINDS = ['provision', 'reserve', 'extraordinary', 'regularisation'] as const
export type CallKind = (typeof CALL_KINDS)[number]

/** The kinds a syndic issues (POST /buildings/{id}/calls); a regularisation comes from the close. */
export const ISSUABLE_CALL_KINDS = ['provision', 'reserve', 'extraordinary'] as const
export type IssuableCallKind = (typeof ISSUABLE_CALL_KINDS)[number]

/** Default account of each kind: provisions and regularisations go to the working-capital account. */
export function accountOfKind(kind: CallKind): BankAccountPurpose {
  return kind === 'provision' || kind === 'regularisation' ? 'working_capital' : 'reserve'
}

/**
 * Text lengths and bounds by wire name (the API's schemas are built from them). The IBAN is at
 * most 34 characters, 42 with the spaces of its printed groups; the BIC 11 (ISO 9362); the holder
 * name 70, the EPC QR beneficiary's maximum; a payment's text 140, SEPA's remittance information.
 */
export const CALL_LIMITS = {
  label: 200,
  resolution_ref: 200,
  budget_ref: 100,
  holder_name: 70,
  payer: 200,
  iban: 42,
  bic: 11,
  communication: 140,
  periods: 12,
  period_index: 11,
} as const

export type BuildingBankAccount = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly purpose: BankAccountPurpose
  readonly iban: Iban
  readonly bic: string | null
  readonly holderName: string
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type CallForFunds = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly number: number
  readonly kind: CallKind
  readonly label: string
  readonly issueDate: CalendarDate
  readonly dueDate: CalendarDate
  readonly totalCents: number
  readonly budgetRef: string | null
  readonly periodIndex: number | null
  readonly periods: number | null
  readonly resolutionRef: string | null
  readonly account: BankAccountPurpose
  /** As printed on the letters (copied: a later change of account does not rewrite them). */
  readonly iban: Iban
  readonly bic: string | null
  readonly holderName: string
  readonly issuedBy: string | null
  readonly version: number
  readonly createdAt: Date
}

/** A consenting owner with an address gets the letter by e-mail; everyone else by post. */
export const CALL_DELIVERIES = ['email', 'post'] as const
export type CallDelivery = (typeof CALL_DELIVERIES)[number]

export type CallLine = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly callId: string
  readonly lineNumber: number
  readonly unitId: string
  readonly unitNumber: string
  readonly ownerId: string
  readonly amountCents: number
  readonly communication: string
  readonly dueDate: CalendarDate
  readonly delivery: CallDelivery
  readonly documentId: string | null
  readonly emailedAt: Date | null
  readonly createdAt: Date
}

export type OwnerPayment = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly ownerId: string
  readonly amountCents: number
  readonly paymentDate: CalendarDate
  readonly communication: string | null
  readonly payer: string | null
  readonly account: BankAccountPurpose
  readonly creditCents: number
  readonly recordedBy: string | null
  readonly createdAt: Date
}

export type PaymentAllocation = {
  readonly id: string
  readonly organizationId: string
  readonly paymentId: string
  readonly lineId: string
  readonly amountCents: number
}
