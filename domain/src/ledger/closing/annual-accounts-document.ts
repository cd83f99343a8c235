import {
  type AccountsMessageKey,
  accountsText,
  chartAccountName,
} from '../../i18n/annual-accounts-messages.ts'
import { enumDe, enumEn, enumFr, enumNl } from '../../i18n/enum-messages.ts'
import type { Organization } from '../../identity/index.ts'
import { BUILDING_TIME_ZONE, type Building, calendarDateIn, syndicIdentity } from '../../property/index.ts'
import type { DocumentBlock, DocumentModel } from '../../shared/document-renderer.ts'
import { type DocumentLanguage, formatCalendarDay, formatCents } from '../../shared/money-format.ts'
import { pcnLabel } from '../pcn-document.ts'
import type { AccountAmount } from './annual-accounts.ts'
import type { AnnualAccountsView } from './close-year.use-case.ts'

export type AnnualAccountsDocument = {
  readonly title: string
  readonly fileName: string
  readonly pdf: DocumentModel
}

const CATEGORY_LABELS = { en: enumEn, fr: enumFr, nl: enumNl, de: enumDe } as const

/** An account of the minimum chart (RD 12 July 2012) by its name in the language. */
export function chartLabel(code: string, language: DocumentLanguage): string {
  return chartAccountName(language, code) ?? pcnLabel(code, language)
}

function categoryLabel(category: string, language: DocumentLanguage): string {
  const key = `enum.category.${category}` as keyof typeof enumEn
  return CATEGORY_LABELS[language][key] ?? category
}

/**
 * The annual accounts as the general assembly receives them (Civil Code art. 3.89 §5, 17°; ADR
 * 0042), in one language: the balance sheet at the year's end, the year's income and charges per
 * account of the minimum chart, the charges per category against the approved budget, per
 * distribution key, the reserve fund's movements and the result. The figures are the view's
 * (for a closed year: those stored with the closing), only formatted here.
 */
export function annualAccountsDocument(input: {
  readonly accounts: AnnualAccountsView
  readonly building: Building
  readonly organization: Pick<Organization, 'name' | 'contactEmail' | 'contactPhone'>
  readonly language: DocumentLanguage
  /** The day the file is generated ('YYYY-MM-DD'). */
  readonly today: string
}): AnnualAccountsDocument {
  const { accounts: a, building, language } = input
  const t = (key: AccountsMessageKey, values?: Record<string, string>) => accountsText(language, key, values)
  const money = (cents: number) => formatCents(cents, language)
  const day = (d: string) => formatCalendarDay(d, language)
  const syndic = syndicIdentity(building, input.organization)
  const title = t('accounts.title', { year: String(a.fiscalYear), building: building.name })
  const accountColumns = [
    { header: t('accounts.account'), width: 1, align: 'left' as const },
    { header: t('accounts.name'), width: 4, align: 'left' as const },
    { header: t('accounts.amount'), width: 2, align: 'right' as const },
  ]
  const accountRows = (rows: readonly AccountAmount[]) =>
    rows.map((r) => [r.account, chartLabel(r.account, language), money(r.amountCents)])
  const total = (cents: number) => ['', t('accounts.total'), money(cents)]
  const sheet = a.balanceSheet
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: [
        t('accounts.building', {
          building: `${building.name}, ${building.address}, ${building.postalCode} ${building.city}`,
        }),
        t('accounts.period', { from: day(a.periodFrom), to: day(a.periodTo) }),
        a.closedAt
          ? t('accounts.closed', { date: day(calendarDateIn(a.closedAt, BUILDING_TIME_ZONE)) })
          : t('accounts.open'),
      ].join('\n'),
    },
    { kind: 'heading', text: t('accounts.balanceSheet', { date: day(a.periodTo) }) },
    { kind: 'paragraph', text: t('accounts.assets') },
    {
      kind: 'table',
      columns: accountColumns,
      rows: accountRows(sheet.assets),
      totals: total(sheet.totalAssetsCents),
    },
    { kind: 'paragraph', text: t('accounts.liabilities') },
    {
      kind: 'table',
      columns: accountColumns,
      rows: [
        ...accountRows(sheet.liabilities),
        ['', t('accounts.resultNotCarried'), money(sheet.resultNotCarriedCents)],
      ],
      totals: total(sheet.totalLiabilitiesCents + sheet.resultNotCarriedCents),
    },
    { kind: 'heading', text: t('accounts.incomeAndCharges') },
    { kind: 'paragraph', text: t('accounts.income') },
    {
      kind: 'table',
      columns: accountColumns,
      rows: accountRows(a.income),
      totals: total(a.totalIncomeCents),
    },
    { kind: 'paragraph', text: t('accounts.charges') },
    {
      kind: 'table',
      columns: accountColumns,
      rows: accountRows(a.charges),
      totals: total(a.totalChargesCents),
    },
    { kind: 'heading', text: t('accounts.result', { amount: money(a.resultCents) }) },
    { kind: 'heading', text: t('accounts.byCategory') },
    ...(a.hasApprovedBudget ? [] : [{ kind: 'paragraph' as const, text: t('accounts.noBudget') }]),
    {
      kind: 'table',
      columns: [
        { header: t('accounts.category'), width: 3, align: 'left' },
        { header: t('accounts.budget'), width: 2, align: 'right' },
        { header: t('accounts.actual'), width: 2, align: 'right' },
        { header: t('accounts.difference'), width: 2, align: 'right' },
      ],
      rows: a.byCategory.map((c) => {
        const label = categoryLabel(c.category, language)
        return [
          c.ordinary ? label : t('accounts.extraordinary', { category: label }),
          money(c.budgetCents),
          money(c.actualCents),
          `${c.differenceCents > 0 ? '+' : ''}${money(c.differenceCents)}`,
        ]
      }),
      totals: [
        t('accounts.total'),
        money(a.byCategory.reduce((s, c) => s + c.budgetCents, 0)),
        money(a.byCategory.reduce((s, c) => s + c.actualCents, 0)),
        '',
      ],
    },
    { kind: 'heading', text: t('accounts.byKey') },
    {
      kind: 'table',
      columns: [
        { header: t('accounts.key'), width: 5, align: 'left' },
        { header: t('accounts.amount'), width: 2, align: 'right' },
      ],
      rows: a.byKey.map((k) => [k.keyName ?? t('accounts.generalKey'), money(k.amountCents)]),
      totals: [t('accounts.total'), money(a.byKey.reduce((s, k) => s + k.amountCents, 0))],
    },
    { kind: 'heading', text: t('accounts.reserve') },
    {
      kind: 'table',
      columns: [
        { header: '', width: 5, align: 'left' },
        { header: t('accounts.amount'), width: 2, align: 'right' },
      ],
      rows: [
        [t('accounts.reserveCalled'), money(a.reserveFund.calledCents)],
        [t('accounts.reserveReceived'), money(a.reserveFund.receivedCents)],
        [t('accounts.reservePaidOut'), money(a.reserveFund.paidOutCents)],
        [t('accounts.reserveBalance'), money(a.reserveFund.bankBalanceCents)],
      ],
    },
    { kind: 'paragraph', text: t('accounts.source') },
    { kind: 'paragraph', text: t('accounts.generated', { date: day(input.today) }) },
  ]
  return {
    title,
    fileName: `${t('accounts.file')}-${a.fiscalYear}-${language}.pdf`,
    pdf: {
      title,
      language,
      issuer: {
        name: syndic.name,
        details: [
          syndic.address,
          syndic.enterpriseNumber,
          [syndic.email, syndic.phone].filter(Boolean).join(' · ') || null,
        ].filter((d): d is string => Boolean(d)),
      },
      blocks,
    },
  }
}
