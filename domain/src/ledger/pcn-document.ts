import { pcnAccountLabel, pcnText } from '../i18n/pcn-messages.ts'
import type { DocumentModel } from '../shared/document-renderer.ts'
import { type DocumentLanguage, formatCalendarDay, formatCents } from '../shared/money-format.ts'
import { accountOf, isAccountCode } from './accounts.ts'
import type { PcnReport } from './pcn-report.ts'

/** An account's label in a language (the chart's English name when no translation exists). */
export function pcnLabel(account: string, language: DocumentLanguage): string {
  return pcnAccountLabel(language, account) ?? (isAccountCode(account) ? accountOf(account).name : account)
}

function periodText(report: PcnReport, language: DocumentLanguage): string {
  const { from, to } = report.period
  if (!from && !to) return pcnText(language, 'pcn.periodAll')
  return pcnText(language, 'pcn.period', {
    from: from ? formatCalendarDay(from, language) : '…',
    to: to ? formatCalendarDay(to, language) : '…',
  })
}

/**
 * The report as a PDF model, in one language: issued by the association of co-owners (its books),
 * one row per account with its label, number of entries and net amount, then the total.
 */
export function pcnReportDocument(
  report: PcnReport,
  language: DocumentLanguage,
  today: string,
): { readonly fileName: string; readonly pdf: DocumentModel } {
  const t = (key: Parameters<typeof pcnText>[1], values?: Record<string, string>) =>
    pcnText(language, key, values)
  const b = report.building
  const title = t('pcn.title')
  return {
    fileName: `${t('pcn.file')}.pdf`,
    pdf: {
      title,
      language,
      issuer: { name: b.name, details: [`${b.address}, ${b.postalCode} ${b.city}`] },
      blocks: [
        { kind: 'paragraph', text: t('pcn.building', { building: b.name }) },
        { kind: 'paragraph', text: periodText(report, language) },
        {
          kind: 'table',
          columns: [
            { header: t('pcn.account'), width: 1, align: 'left' },
            { header: t('pcn.label'), width: 4, align: 'left' },
            { header: t('pcn.entries'), width: 1.2, align: 'right' },
            { header: t('pcn.amount'), width: 2, align: 'right' },
          ],
          rows: report.lines.map((l) => [
            l.account,
            pcnLabel(l.account, language),
            String(l.entryCount),
            formatCents(l.totalCents, language),
          ]),
          totals: ['', t('pcn.total'), String(report.totalEntries), formatCents(report.totalCents, language)],
        },
        { kind: 'paragraph', text: t('pcn.source') },
        { kind: 'paragraph', text: t('pcn.generated', { date: formatCalendarDay(today, language) }) },
      ],
    },
  }
}
