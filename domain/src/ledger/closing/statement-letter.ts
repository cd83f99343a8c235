import { type ClosingMessageKey, closingText } from '../../i18n/closing-messages.ts'
import type { Organization } from '../../identity/index.ts'
import { type Building, type Owner, ownerDisplayName, syndicIdentity } from '../../property/index.ts'
import type { DocumentModel } from '../../shared/document-renderer.ts'
import { type DocumentLanguage, formatCalendarDay, formatCents } from '../../shared/money-format.ts'
import type { FiscalYearClosing, OwnerStatement } from './closing.ports.ts'

export type StatementLetter = {
  readonly title: string
  readonly fileName: string
  readonly pdf: DocumentModel
}

/**
 * One owner's statement of charges (décompte) of a closed year, in the owner's language: the
 * syndic's identity (Civil Code art. 3.89 §2), the owner's ordinary charges per distribution key,
 * the provisions called, the regularisation (to pay or in their favour) and where it is carried.
 */
export function statementLetter(input: {
  readonly closing: FiscalYearClosing
  readonly statement: OwnerStatement
  readonly owner: Owner
  readonly building: Building
  readonly organization: Pick<Organization, 'name' | 'contactEmail' | 'contactPhone'>
}): StatementLetter {
  const { closing, statement: s, owner, building } = input
  const lang: DocumentLanguage = owner.preferredLanguage
  const t = (key: ClosingMessageKey, values?: Record<string, string>) => closingText(lang, key, values)
  const money = (cents: number) => formatCents(cents, lang)
  const syndic = syndicIdentity(building, input.organization)
  const title = t('closing.statement.title', { year: String(closing.fiscalYear), building: building.name })
  const regularisation =
    s.regularisationCents > 0
      ? t('closing.statement.toPay', { amount: money(s.regularisationCents) })
      : s.regularisationCents < 0
        ? t('closing.statement.toRefund', { amount: money(-s.regularisationCents) })
        : t('closing.statement.nothing')
  return {
    title,
    fileName: `${t('closing.statement.file')}-${closing.fiscalYear}.pdf`,
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
            t('closing.statement.to', { name: ownerDisplayName(owner) }),
            t('closing.statement.building', {
              building: `${building.name}, ${building.address}, ${building.postalCode} ${building.city}`,
            }),
            t('closing.statement.period', {
              from: formatCalendarDay(closing.periodFrom, lang),
              to: formatCalendarDay(closing.periodTo, lang),
            }),
          ].join('\n'),
        },
        {
          kind: 'table',
          columns: [
            { header: t('closing.statement.key'), width: 3, align: 'left' },
            { header: t('closing.statement.amount'), width: 1, align: 'right' },
          ],
          rows: s.chargesByKey.map((k) => [
            k.keyName ?? t('closing.statement.generalKey'),
            money(k.amountCents),
          ]),
        },
        {
          kind: 'table',
          columns: [
            { header: '', width: 3, align: 'left' },
            { header: '', width: 1, align: 'right' },
          ],
          rows: [
            [t('closing.statement.charges'), money(s.chargesCents)],
            [t('closing.statement.provisions'), money(-s.provisionsCents)],
          ],
        },
        { kind: 'heading', text: regularisation },
        {
          kind: 'paragraph',
          text: t('closing.statement.carried', { date: formatCalendarDay(closing.regularisationDate, lang) }),
        },
        ...(s.extraordinaryCents !== 0
          ? [
              {
                kind: 'paragraph' as const,
                text: t('closing.statement.extraordinary', { amount: money(s.extraordinaryCents) }),
              },
            ]
          : []),
      ],
    },
  }
}
