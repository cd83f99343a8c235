import { type PdfMessageKey, pdfDe, pdfEn, pdfFr, pdfNl } from '../i18n/pdf-messages.ts'
import type { Organization } from '../identity/index.ts'
import { type Building, syndicIdentity } from '../property/index.ts'
import type { DocumentModel, TableData } from '../shared/document-renderer.ts'
import {
  csvCents,
  type DocumentLanguage,
  formatCalendarDay,
  formatCents,
  formatPpm,
} from '../shared/money-format.ts'
import type { ChargeDistribution } from './charge-distribution.service.ts'
import type { Expense } from './expense.entity.ts'

const MESSAGES: Record<DocumentLanguage, Record<PdfMessageKey, string>> = {
  en: pdfEn,
  fr: pdfFr,
  nl: pdfNl,
  de: pdfDe,
}

export function pdfMessage(
  language: DocumentLanguage,
  key: PdfMessageKey,
  values: Record<string, string> = {},
): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}

export type DistributionReportInput = {
  readonly language: DocumentLanguage
  readonly expense: Pick<Expense, 'id' | 'description' | 'expenseDate' | 'amountCents'>
  readonly building: Building
  readonly organization: Pick<Organization, 'name' | 'contactEmail' | 'contactPhone'>
  readonly distribution: ChargeDistribution
  /** Display names of the owners in the distribution, by owner id. */
  readonly ownerNames: ReadonlyMap<string, string>
}

/** One line of the report: an owner's part of a lot, or a part nobody carries. */
type Line = {
  readonly lot: string
  readonly owner: string
  readonly quota: string
  readonly share: string
  readonly amountCents: number
}

export type DistributionReport = {
  /** The document's title (also the stored documents' title). */
  readonly title: string
  /** File name without extension, e.g. "repartition-2026-03-01-chauffage". */
  readonly fileStem: string
  readonly pdf: DocumentModel
  readonly csv: TableData
  readonly csvSeparator: ';' | ','
}

/**
 * The distribution of one expense per lot and owner, as a printable document and a table: the
 * exact integer-cent parts of distributeCharge, every cent on a line (parts of a lot nobody held
 * and quotas of no lot included), so the lines add up to the expense amount.
 */
export function distributionReport(input: DistributionReportInput): DistributionReport {
  const { language: lang, expense, building, distribution } = input
  const t = (key: PdfMessageKey, values?: Record<string, string>) => pdfMessage(lang, key, values)
  const labelled = (key: PdfMessageKey, value: string) => t('pdf.labelled', { label: t(key), value })
  const lines = reportLines(input)
  const title = `${t('pdf.distribution.title')} — ${expense.description}`
  const syndic = syndicIdentity(building, input.organization)
  const details = [
    syndic.address,
    syndic.enterpriseNumber ? t('pdf.syndic.enterprise', { number: syndic.enterpriseNumber }) : null,
    [syndic.email, syndic.phone].filter(Boolean).join(' · ') || null,
  ].filter((d): d is string => d !== null)
  if (syndic.missing.length > 0) {
    const items = syndic.missing.map((m) =>
      t(m === 'syndic_address' ? 'pdf.syndic.missing.address' : 'pdf.syndic.missing.enterprise'),
    )
    details.push(t('pdf.syndic.missing', { items: items.join(', ') }))
  }
  const pdf: DocumentModel = {
    title,
    language: lang,
    issuer: { name: syndic.name, details },
    blocks: [
      {
        kind: 'paragraph',
        text: [
          labelled(
            'pdf.distribution.building',
            `${building.name}, ${building.address}, ${building.postalCode} ${building.city}`,
          ),
          labelled('pdf.distribution.expense', expense.description),
          labelled('pdf.distribution.date', formatCalendarDay(expense.expenseDate, lang)),
          labelled('pdf.distribution.amount', formatCents(expense.amountCents, lang)),
        ].join('\n'),
      },
      {
        kind: 'paragraph',
        text: t('pdf.distribution.basis', { total: String(distribution.totalTantiemes) }),
      },
      { kind: 'heading', text: t('pdf.distribution.parts') },
      {
        kind: 'table',
        columns: [
          { header: t('pdf.distribution.lot'), width: 1.1, align: 'left' },
          { header: t('pdf.distribution.owner'), width: 4, align: 'left' },
          { header: t('pdf.distribution.quota'), width: 1.6, align: 'right' },
          { header: t('pdf.distribution.share'), width: 1.3, align: 'right' },
          { header: t('pdf.distribution.part'), width: 1.7, align: 'right' },
        ],
        rows: lines.map((l) => [l.lot, l.owner, l.quota, l.share, formatCents(l.amountCents, lang)]),
        totals: [t('pdf.distribution.total'), '', '', '', formatCents(distribution.amountCents, lang)],
      },
    ],
  }
  const csv: TableData = {
    headers: [
      t('pdf.distribution.lot'),
      t('pdf.distribution.owner'),
      t('pdf.distribution.quota'),
      t('pdf.distribution.share'),
      t('pdf.distribution.amountColumn'),
    ],
    rows: lines.map((l) => [l.lot, l.owner, l.quota, l.share, csvCents(l.amountCents, lang)]),
  }
  return {
    title,
    fileStem: `${t('pdf.distribution.file')}-${expense.expenseDate}-${slug(expense.description)}`,
    pdf,
    csv,
    csvSeparator: lang === 'en' ? ',' : ';',
  }
}

function reportLines(input: DistributionReportInput): Line[] {
  const { language: lang, distribution } = input
  const t = (key: PdfMessageKey) => pdfMessage(lang, key)
  const lines: Line[] = []
  for (const unit of distribution.units) {
    const quota = `${unit.quota} / ${distribution.totalTantiemes}`
    for (const owner of unit.owners) {
      lines.push({
        lot: unit.unitNumber,
        owner: input.ownerNames.get(owner.ownerId) ?? owner.ownerId,
        quota,
        share: formatPpm(owner.sharePpm, lang),
        amountCents: owner.amountCents,
      })
    }
    if (unit.unassignedCents > 0 || unit.owners.length === 0) {
      lines.push({
        lot: unit.unitNumber,
        owner: t(unit.owners.length === 0 ? 'pdf.distribution.noOwner' : 'pdf.distribution.unassigned'),
        quota,
        share: '',
        amountCents: unit.unassignedCents,
      })
    }
  }
  if (distribution.unallocatedCents > 0) {
    lines.push({
      lot: '',
      owner: t('pdf.distribution.unallocated'),
      quota: '',
      share: '',
      amountCents: distribution.unallocatedCents,
    })
  }
  return lines
}

/** A short ASCII file-name part: "Chauffage été" → "chauffage-ete". */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'expense'
  )
}
