import { type CallsMessageKey, callsText } from '../../i18n/calls-messages.ts'
import type { Organization } from '../../identity/index.ts'
import { type Building, type Owner, ownerDisplayName, syndicIdentity } from '../../property/index.ts'
import type { DocumentModel } from '../../shared/document-renderer.ts'
import type { Iban } from '../../shared/iban.value-object.ts'
import { type DocumentLanguage, formatCalendarDay, formatCents } from '../../shared/money-format.ts'
import type { CallForFunds, CallLine } from './call-for-funds.entity.ts'
import { epcQrPayload } from './epc-qr.ts'
import { formatAccountIban } from './iban.value-object.ts'
import { formatStructuredCommunication, type StructuredCommunication } from './structured-communication.ts'

export type CallLetter = { readonly title: string; readonly fileName: string; readonly pdf: DocumentModel }

/**
 * The letter of one line of a call, in the owner's language: the syndic's identity on top (Civil
 * Code art. 3.89 §2), the owner, building and lot, what is called and why (art. 3.86 §3 for the
 * funds, the resolution for works), the amount, the due date, the account and the structured
 * communication — and the EPC QR code of exactly that transfer (EPC069-12), which the owner
 * portal shows from the same payload.
 */
export function callLetter(input: {
  readonly call: CallForFunds
  readonly line: CallLine
  readonly owner: Owner
  readonly building: Building
  readonly organization: Pick<Organization, 'name' | 'contactEmail' | 'contactPhone'>
  /**
   * The owner's balance in the building without this call (their 410: earlier calls, charges,
   * payments and closed years' regularisations, ADR 0040), printed above the amount so what the
   * close carried into this call is visible on paper. Absent or 0: nothing printed. The QR code
   * and the amount stay this line's: the balance has no communication of its own.
   */
  readonly balanceBroughtForwardCents?: number
}): CallLetter {
  const { call, line, owner, building } = input
  const lang: DocumentLanguage = owner.preferredLanguage
  const t = (key: CallsMessageKey, values?: Record<string, string>) => callsText(lang, key, values)
  const syndic = syndicIdentity(building, input.organization)
  const communication = formatStructuredCommunication(line.communication as StructuredCommunication)
  const amount = formatCents(line.amountCents, lang)
  const title = t('calls.letter.title', { number: String(call.number), label: call.label })
  const kindText =
    call.kind === 'extraordinary'
      ? t('calls.letter.kind.extraordinary', { resolution: call.resolutionRef ?? '' })
      : t(call.kind === 'provision' ? 'calls.letter.kind.provision' : 'calls.letter.kind.reserve')
  return {
    title,
    fileName: `${t('calls.letter.file')}-${call.number}-${line.lineNumber}.pdf`,
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
            t('calls.letter.to', { name: ownerDisplayName(owner) }),
            t('calls.letter.building', {
              building: `${building.name}, ${building.address}, ${building.postalCode} ${building.city}`,
            }),
            t('calls.letter.lot', { lot: line.unitNumber }),
          ].join('\n'),
        },
        { kind: 'paragraph', text: kindText },
        ...(input.balanceBroughtForwardCents
          ? [
              {
                kind: 'paragraph' as const,
                text: t(
                  input.balanceBroughtForwardCents > 0
                    ? 'calls.letter.forwardOwed'
                    : 'calls.letter.forwardCredit',
                  {
                    amount: formatCents(Math.abs(input.balanceBroughtForwardCents), lang),
                  },
                ),
              },
            ]
          : []),
        { kind: 'heading', text: t('calls.letter.amount', { amount }) },
        { kind: 'paragraph', text: t('calls.letter.due', { date: formatCalendarDay(line.dueDate, lang) }) },
        {
          kind: 'paragraph',
          text: t('calls.letter.payTo', {
            holder: call.holderName,
            iban: formatAccountIban(call.iban),
            bic: call.bic ? ` (BIC ${call.bic})` : '',
            communication,
          }),
        },
        {
          kind: 'qr',
          size: 130,
          payload: epcQrPayload({
            bic: call.bic,
            beneficiaryName: call.holderName,
            iban: call.iban as Iban,
            amountCents: line.amountCents,
            reference: line.communication as StructuredCommunication,
          }),
          caption: `${t('calls.letter.qr')}\n${communication}\n${amount}`,
        },
        {
          kind: 'paragraph',
          text: t('calls.letter.issued', { date: formatCalendarDay(call.issueDate, lang) }),
        },
      ],
    },
  }
}
