import type { CalendarDate, QuotePartsReader, TenantScope } from '../../property/index.ts'
import { DEFAULT_REGULARISATION_TERM_DAYS } from '../arrears/arrears.entity.ts'
import type { ArrearsRepository } from '../arrears/arrears.ports.ts'
import { addDays } from '../arrears/calendar-days.ts'
import type { CallsRepository } from '../calls.ports.ts'
import type { CallDelivery, CallForFunds, CallLine } from './call-for-funds.entity.ts'
import { regularisationCallLabel } from './regularisation-label.ts'
import { callLineCommunication } from './structured-communication.ts'

export type RegularisationCallRepos = {
  readonly finance: {
    readonly calls: Pick<CallsRepository, 'listBankAccounts' | 'nextCallNumber' | 'insertCall'>
    readonly arrears: Pick<ArrearsRepository, 'findSettings'>
  }
  readonly property: { readonly quoteParts: QuotePartsReader }
}

/** The budget_ref of a regularisation call: the closing it comes from (the owner account joins on it). */
export function regularisationCallRef(closingId: string): string {
  return `closing:${closingId}`
}

export type RegularisationCallInput = {
  readonly closingId: string
  readonly buildingId: string
  readonly fiscalYear: number
  /** The first day of the next fiscal year, where the close posts the 410 debit. */
  readonly regularisationDate: CalendarDate
  /** The day of the close: the statements go out then. */
  readonly closeDate: CalendarDate
  readonly owners: readonly {
    readonly ownerId: string
    readonly amountCents: number
    readonly delivery: CallDelivery
  }[]
  readonly issuedBy: string | null
  readonly now: Date
  readonly nextId: () => string
}

/**
 * The due items of a closed year's regularisations to pay (ADR 0040, issue #16 item 4): one call
 * of kind `regularisation` with one line per owner who owes (amount > 0), so the reminder ladder
 * chases it, late interest runs on it and payments are allocated to it (oldest due first, or by
 * its structured communication) exactly as for a call line. Due `regularisationTermDays` (building
 * arrears setting, default 30) after the later of the regularisation date and the close: an owner
 * is never late before the statement is out. Nothing is POSTED for it: the close's entry already
 * debits each owner's 410 with the regularisation, and this call records no CallForFundsIssued,
 * so the 410 balance carries it once. Its lot is the owner's lot in the building on the
 * regularisation date (else the last one they held), printed on the reminder. Null when no owner
 * owes, or the building has no bank account to pay into (the regularisation is then settled by
 * the owner's credit only, as before).
 */
export async function insertRegularisationCall(
  repos: RegularisationCallRepos,
  scope: TenantScope,
  input: RegularisationCallInput,
): Promise<{ readonly call: CallForFunds; readonly lines: readonly CallLine[] } | null> {
  const owing = input.owners.filter((o) => o.amountCents > 0)
  if (owing.length === 0) return null
  const accounts = await repos.finance.calls.listBankAccounts(scope, input.buildingId)
  const account =
    accounts.find((a) => a.purpose === 'working_capital') ?? accounts.find((a) => a.purpose === 'reserve')
  if (!account) return null
  const [settings, basis] = await Promise.all([
    repos.finance.arrears.findSettings(scope, input.buildingId),
    repos.property.quoteParts.loadBuildingBasis(scope, input.buildingId, input.regularisationDate),
  ])
  const unitNumbers = new Map((basis?.units ?? []).map((u) => [u.unitId, u.unitNumber]))
  // One query for who holds what on the regularisation date; only an owner who no longer held a
  // lot then (a seller) is looked up by their holdings (their last lot in the building).
  const heldOn = new Map<string, string>()
  for (const u of basis?.units ?? []) {
    for (const o of u.owners) if (!heldOn.has(o.ownerId)) heldOn.set(o.ownerId, u.unitId)
  }
  const lots = await Promise.all(
    owing.map(async (o) => {
      const now = heldOn.get(o.ownerId)
      if (now) return { ...o, unitId: now, unitNumber: unitNumbers.get(now) ?? '' }
      const last = (await repos.property.quoteParts.listOwnerHoldings(scope, o.ownerId))
        .filter((h) => h.buildingId === input.buildingId && h.startDate <= input.regularisationDate)
        .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0]
      return last ? { ...o, unitId: last.unitId, unitNumber: unitNumbers.get(last.unitId) ?? '' } : null
    }),
  )
  const lines0 = lots.filter((l) => l !== null)
  if (lines0.length === 0) return null
  const term = settings?.regularisationTermDays ?? DEFAULT_REGULARISATION_TERM_DAYS
  // The later of the two (ISO dates sort as strings).
  const from = [input.closeDate, input.regularisationDate].sort()[1] as CalendarDate
  const dueDate = addDays(from, term)
  const number = await repos.finance.calls.nextCallNumber(scope, input.buildingId)
  if (number > 9_999) return null
  const call: CallForFunds = {
    id: input.nextId(),
    organizationId: scope.organizationId,
    buildingId: input.buildingId,
    number,
    kind: 'regularisation',
    label: regularisationCallLabel(input.fiscalYear),
    issueDate: from,
    dueDate,
    totalCents: lines0.reduce((s, l) => s + l.amountCents, 0),
    budgetRef: regularisationCallRef(input.closingId),
    periodIndex: null,
    periods: null,
    resolutionRef: null,
    account: account.purpose,
    iban: account.iban,
    bic: account.bic,
    holderName: account.holderName,
    issuedBy: input.issuedBy,
    version: 1,
    createdAt: input.now,
  }
  const lines: CallLine[] = lines0.map((l, i) => ({
    id: input.nextId(),
    organizationId: scope.organizationId,
    buildingId: input.buildingId,
    callId: call.id,
    lineNumber: i + 1,
    unitId: l.unitId,
    unitNumber: l.unitNumber,
    ownerId: l.ownerId,
    amountCents: l.amountCents,
    communication: callLineCommunication(number, i + 1),
    dueDate,
    delivery: l.delivery,
    documentId: null,
    emailedAt: null,
    createdAt: input.now,
  }))
  await repos.finance.calls.insertCall(scope, call, lines)
  return { call, lines }
}
