import { etatDateText } from '../../i18n/etat-date-messages.ts'
import type { CalendarDate, TenantScope } from '../../property/index.ts'
import type { DocumentModel } from '../../shared/document-renderer.ts'
import { type DocumentLanguage, formatCalendarDay, formatCents } from '../../shared/money-format.ts'
import type { IssuableCallKind } from '../calls/call-for-funds.entity.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'

/*
 * The état daté (Civil Code art. 3.94, formerly art. 577-11): on the sale of a lot, the syndic
 * communicates what the lot owes and what the association has decided. §1: the information the
 * notary (or the intermediary, or the seller) asks before the sale agreement — working capital
 * and reserve fund, the seller's arrears, the reserve calls decided, pending proceedings, minutes
 * and statements — within FIFTEEN days of the request; §2: the notary's request before the deed
 * — expenses and calls decided before the transfer but called after, costs of acquiring common
 * parts, debts from earlier litigation — within THIRTY days. Each request is a row with its legal
 * deadline; the document is generated from the lot's owner account (the call lines and what was
 * allocated to them) and the register (who holds the lot), in the request's language.
 */

export const ETAT_DATE_BASES = ['art_3_94_1', 'art_3_94_2'] as const
export type EtatDateBasis = (typeof ETAT_DATE_BASES)[number]

/** The legal delays, in calendar days from the request (art. 3.94 §1 and §2). */
export const ETAT_DATE_DELAY_DAYS: Record<EtatDateBasis, number> = { art_3_94_1: 15, art_3_94_2: 30 }

export const ETAT_DATE_LIMITS = {
  requested_by: 200,
  requester_email: 254,
  notary_reference: 100,
  pending_procedures: 4000,
  decided_works: 4000,
} as const

export type EtatDateFigures = {
  readonly asOf: CalendarDate
  readonly owners: readonly { readonly ownerId: string; readonly name: string }[]
  readonly byKind: Readonly<
    Record<IssuableCallKind, { readonly calledCents: number; readonly paidCents: number }>
  >
  readonly calledCents: number
  readonly paidCents: number
  /** Σ outstanding of the lot's lines whose due date is on or before asOf. */
  readonly arrearsCents: number
  /** Σ outstanding of the lot's lines not yet due. */
  readonly notYetDueCents: number
}

export type EtatDateRequest = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly unitId: string
  readonly basis: EtatDateBasis
  readonly requestedBy: string
  readonly requesterEmail: string | null
  readonly notaryReference: string | null
  readonly requestDate: CalendarDate
  readonly deadlineDate: CalendarDate
  readonly deedDate: CalendarDate | null
  readonly language: DocumentLanguage
  readonly pendingProcedures: string | null
  readonly decidedWorks: string | null
  readonly documentId: string | null
  readonly generatedAt: Date | null
  readonly figures: EtatDateFigures | null
  readonly createdBy: string
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export interface EtatDateRepository {
  insert(scope: TenantScope, request: EtatDateRequest): Promise<void>
  findById(scope: TenantScope, id: string): Promise<EtatDateRequest | null>
  listForUnit(scope: TenantScope, unitId: string): Promise<readonly EtatDateRequest[]>
  /** Records the generated document; false when another run already did (version check). */
  markGenerated(scope: TenantScope, request: EtatDateRequest): Promise<boolean>
}

/** YYYY-MM-DD + n calendar days (UTC arithmetic on the date alone). */
export function addDays(day: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

export function deadlineOf(requestDate: CalendarDate, basis: EtatDateBasis): CalendarDate {
  return addDays(requestDate, ETAT_DATE_DELAY_DAYS[basis])
}

export const ETAT_DATE_STATUSES = ['pending', 'overdue', 'delivered', 'delivered_late'] as const
export type EtatDateStatus = (typeof ETAT_DATE_STATUSES)[number]

/** Where a request stands against its legal deadline on `today`. */
export function etatDateStatus(
  request: Pick<EtatDateRequest, 'deadlineDate' | 'generatedAt'>,
  today: CalendarDate,
): EtatDateStatus {
  if (request.generatedAt) {
    const delivered = request.generatedAt.toISOString().slice(0, 10)
    return delivered <= request.deadlineDate ? 'delivered' : 'delivered_late'
  }
  return today > request.deadlineDate ? 'overdue' : 'pending'
}

/** Days from `today` to the deadline (negative once passed). */
export function daysLeft(deadline: CalendarDate, today: CalendarDate): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return Math.round((t(deadline) - t(today)) / 86_400_000)
}

/** The lot's figures from its call lines (the owner account's lines of that lot, every holder). */
export function etatDateFigures(
  lines: readonly CallLineWithPaid[],
  owners: EtatDateFigures['owners'],
  asOf: CalendarDate,
): EtatDateFigures {
  const byKind = {
    provision: { calledCents: 0, paidCents: 0 },
    reserve: { calledCents: 0, paidCents: 0 },
    extraordinary: { calledCents: 0, paidCents: 0 },
  }
  let arrearsCents = 0
  let notYetDueCents = 0
  for (const l of lines) {
    // A closed year's regularisation settles the working capital: it counts with the provisions.
    const kind = l.kind === 'regularisation' ? 'provision' : l.kind
    byKind[kind].calledCents += l.amountCents
    byKind[kind].paidCents += l.paidCents
    const outstanding = l.amountCents - l.paidCents
    if (l.dueDate <= asOf) arrearsCents += outstanding
    else notYetDueCents += outstanding
  }
  const calledCents = lines.reduce((s, l) => s + l.amountCents, 0)
  const paidCents = lines.reduce((s, l) => s + l.paidCents, 0)
  return { asOf, owners, byKind, calledCents, paidCents, arrearsCents, notYetDueCents }
}

const KINDS: readonly IssuableCallKind[] = ['provision', 'reserve', 'extraordinary']

/** The état daté as a PDF model in the request's language. */
export function etatDateDocument(input: {
  readonly request: EtatDateRequest
  readonly figures: EtatDateFigures
  readonly building: {
    readonly name: string
    readonly address: string
    readonly postalCode: string
    readonly city: string
    readonly totalTantiemes: number
  }
  readonly unit: { readonly unitNumber: string; readonly quota: number }
  readonly issuer: { readonly name: string; readonly details: readonly string[] }
}): { readonly title: string; readonly fileName: string; readonly pdf: DocumentModel } {
  const { request, figures, building, unit } = input
  const lang = request.language
  const t = (key: Parameters<typeof etatDateText>[1], values?: Record<string, string>) =>
    etatDateText(lang, key, values)
  const money = (cents: number) => formatCents(cents, lang)
  const day = (d: string) => formatCalendarDay(d, lang)
  const title = t('etatDate.title', { lot: unit.unitNumber })
  const rows = KINDS.map((k) => {
    const f = figures.byKind[k]
    return [
      t(`etatDate.kind.${k}`),
      money(f.calledCents),
      money(f.paidCents),
      money(f.calledCents - f.paidCents),
    ]
  })
  return {
    title,
    fileName: `${t('etatDate.file')}-${unit.unitNumber}-${figures.asOf}.pdf`,
    pdf: {
      title,
      language: lang,
      issuer: input.issuer,
      blocks: [
        {
          kind: 'paragraph',
          text: [
            t('etatDate.building', {
              building: `${building.name}, ${building.address}, ${building.postalCode} ${building.city}`,
            }),
            t('etatDate.lot', {
              lot: unit.unitNumber,
              quota: String(unit.quota),
              total: String(building.totalTantiemes),
            }),
            t('etatDate.owners', {
              date: day(figures.asOf),
              owners: figures.owners.map((o) => o.name).join(', ') || '—',
            }),
          ].join('\n'),
        },
        {
          kind: 'paragraph',
          text: [
            t('etatDate.request', {
              by: request.requestedBy,
              date: day(request.requestDate),
              reference: request.notaryReference ? ` (${request.notaryReference})` : '',
            }),
            t(`etatDate.basis.${request.basis}`),
            t('etatDate.deadline', { date: day(request.deadlineDate) }),
            ...(request.deedDate ? [t('etatDate.deed', { date: day(request.deedDate) })] : []),
          ].join('\n'),
        },
        { kind: 'heading', text: t('etatDate.figures', { date: day(figures.asOf) }) },
        {
          kind: 'table',
          columns: [
            { header: t('etatDate.item'), width: 4, align: 'left' },
            { header: t('etatDate.called'), width: 2, align: 'right' },
            { header: t('etatDate.paid'), width: 2, align: 'right' },
            { header: t('etatDate.outstanding'), width: 2, align: 'right' },
          ],
          rows,
          totals: [
            t('etatDate.total'),
            money(figures.calledCents),
            money(figures.paidCents),
            money(figures.calledCents - figures.paidCents),
          ],
        },
        {
          kind: 'paragraph',
          text: [
            t('etatDate.arrears', { amount: money(figures.arrearsCents) }),
            t('etatDate.notYetDue', { amount: money(figures.notYetDueCents) }),
            t('etatDate.reserveStays'),
          ].join('\n'),
        },
        {
          kind: 'paragraph',
          text: [
            t('etatDate.procedures', { text: request.pendingProcedures ?? t('etatDate.none') }),
            t('etatDate.works', { text: request.decidedWorks ?? t('etatDate.none') }),
          ].join('\n'),
        },
        { kind: 'paragraph', text: t('etatDate.issued', { date: day(figures.asOf) }) },
      ],
    },
  }
}
