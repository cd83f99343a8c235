import { type ArrearsMessageKey, arrearsText } from '../../i18n/arrears-messages.ts'
import type { Organization } from '../../identity/index.ts'
import { type Building, type Owner, ownerDisplayName, syndicIdentity } from '../../property/index.ts'
import type { DocumentModel } from '../../shared/document-renderer.ts'
import type { Iban } from '../../shared/iban.value-object.ts'
import { type DocumentLanguage, formatCalendarDay, formatCents } from '../../shared/money-format.ts'
import { epcQrPayload } from '../calls/epc-qr.ts'
import { formatAccountIban } from '../calls/iban.value-object.ts'
import {
  formatStructuredCommunication,
  type StructuredCommunication,
} from '../calls/structured-communication.ts'
import type { ArrearsSettings, ReminderWithLines } from './arrears.entity.ts'
import { type LegalRateTable, lateInterestCents } from './legal-interest.ts'

export type ReminderLetter = {
  readonly title: string
  readonly fileName: string
  readonly pdf: DocumentModel
}

/** The account a reminder is paid into: the one of its oldest line's call (copied on the call). */
export type PayTo = { readonly iban: string; readonly bic: string | null; readonly holderName: string }

const formatRate = (bp: number, lang: DocumentLanguage) =>
  (bp / 100).toLocaleString(lang === 'en' ? 'en-GB' : `${lang}-BE`, { minimumFractionDigits: 2 })

/**
 * The letter of one reminder, in the owner's language: the syndic's identity (Civil Code art. 3.89
 * §2), the kind (reminder, second reminder, formal notice — the last sent by registered post), the
 * overdue lines (lot, call, due date, called, still owed, communication), the late interest per
 * line with its periods and rates and the basis that allows it, the fee, the total, and the EPC QR
 * code of the total with the oldest line's structured communication: a payment with it settles
 * that line first, then the older open lines, and what remains is a credit that covers the charges
 * (payment allocation, ADR 0032).
 */
export function reminderLetter(input: {
  readonly reminder: ReminderWithLines
  readonly owner: Owner
  readonly building: Building
  readonly organization: Pick<Organization, 'name' | 'contactEmail' | 'contactPhone'>
  readonly settings: Pick<ArrearsSettings, 'interestBasisRef' | 'feeBasisRef'>
  readonly payTo: PayTo
  readonly rates: LegalRateTable
}): ReminderLetter {
  const { reminder, owner, building, payTo } = input
  const lang: DocumentLanguage = owner.preferredLanguage
  const t = (key: ArrearsMessageKey, values?: Record<string, string>) => arrearsText(lang, key, values)
  const syndic = syndicIdentity(building, input.organization)
  const kind = t(`arrears.kind.${reminder.kind}`)
  const title = t('arrears.letter.title', { kind, building: building.name })
  const total = reminder.outstandingCents + reminder.interestCents + reminder.feeCents
  const oldest = reminder.lines[0]
  const communication = oldest
    ? formatStructuredCommunication(oldest.communication as StructuredCommunication)
    : ''
  const lineTexts = reminder.lines.flatMap((l) => {
    const text = t('arrears.letter.line', {
      lot: l.unitNumber,
      label: l.label,
      due: formatCalendarDay(l.dueDate, lang),
      amount: formatCents(l.amountCents, lang),
      outstanding: formatCents(l.outstandingCents, lang),
      communication: formatStructuredCommunication(l.communication as StructuredCommunication),
    })
    if (l.interestCents === 0 || !l.interestFrom || !l.interestTo) return [text]
    const periods = lateInterestCents(l.outstandingCents, l.interestFrom, l.interestTo, input.rates)
      .periods.map((p) =>
        t('arrears.letter.period', {
          days: String(p.days),
          year: String(p.year),
          rate: formatRate(p.rateBp, lang),
        }),
      )
      .join(', ')
    return [
      text,
      `    ${t('arrears.letter.interest', {
        basis: input.settings.interestBasisRef ?? '',
        amount: formatCents(l.interestCents, lang),
        periods,
      })}`,
    ]
  })
  const amount = formatCents(total, lang)
  return {
    title,
    fileName: `${t('arrears.letter.file')}-${reminder.reminderDate}-${reminder.step + 1}.pdf`,
    pdf: {
      title,
      language: lang,
      issuer: {
        name: syndic.name,
        details: [
          syndic.address,
          syndic.enterpriseNumber,
          [syndic.email, syndic.phone].filter(Boolean).join(' · ') || null,
        ].filter((d): d is string => Boolean(d)),
      },
      blocks: [
        {
          kind: 'paragraph',
          text: [
            t('arrears.letter.to', { name: ownerDisplayName(owner) }),
            t('arrears.letter.building', {
              building: `${building.name}, ${building.address}, ${building.postalCode} ${building.city}`,
            }),
          ].join('\n'),
        },
        { kind: 'heading', text: kind },
        {
          kind: 'paragraph',
          text: t(`arrears.letter.intro.${reminder.kind}`, {
            date: formatCalendarDay(reminder.reminderDate, lang),
          }),
        },
        { kind: 'paragraph', text: lineTexts.join('\n') },
        ...(reminder.feeCents > 0
          ? [
              {
                kind: 'paragraph' as const,
                text: t('arrears.letter.fee', {
                  basis: input.settings.feeBasisRef ?? '',
                  amount: formatCents(reminder.feeCents, lang),
                }),
              },
            ]
          : []),
        { kind: 'heading', text: t('arrears.letter.total', { amount }) },
        {
          kind: 'paragraph',
          text: t('arrears.letter.payTo', {
            holder: payTo.holderName,
            iban: formatAccountIban(payTo.iban as Iban),
            bic: payTo.bic ? ` (BIC ${payTo.bic})` : '',
            communication,
          }),
        },
        ...(oldest
          ? [
              {
                kind: 'qr' as const,
                size: 130,
                payload: epcQrPayload({
                  bic: payTo.bic,
                  beneficiaryName: payTo.holderName,
                  iban: payTo.iban as Iban,
                  amountCents: total,
                  reference: oldest.communication as StructuredCommunication,
                }),
                caption: `${t('arrears.letter.qr')}\n${communication}\n${amount}`,
              },
            ]
          : []),
        { kind: 'paragraph', text: t('arrears.letter.ignore') },
        {
          kind: 'paragraph',
          text: t('arrears.letter.date', { date: formatCalendarDay(reminder.reminderDate, lang) }),
        },
      ],
    },
  }
}
