import {
  type DocumentLanguage,
  DomainErrors,
  err,
  ok,
  type PcnReport,
  pcnLabel,
  pcnText,
  type Result,
} from '@koprogo/domain'
import { loadExcel, XLSX_UNAVAILABLE } from '../buildings/register-xlsx.ts'

/** Cents as euros with two decimals, exact: the cell holds the number, formatted '#,##0.00'. */
const euros = (cents: number) => Number((cents / 100).toFixed(2))

/**
 * The PCN report as a real .xlsx (exceljs, Node server only, like the register: on the edge the
 * stub finds no Workbook and the client gets a 415). One row per account, amounts as numbers in
 * euros with the two decimals the cents give, the total as a number too (not a formula: a reader
 * without a calculation engine still reads it).
 */
export async function writePcnXlsx(
  report: PcnReport,
  language: DocumentLanguage,
): Promise<Result<Uint8Array>> {
  const excel = await loadExcel()
  if (!excel) return err(DomainErrors.unsupportedMediaType(XLSX_UNAVAILABLE))
  const t = (key: Parameters<typeof pcnText>[1]) => pcnText(language, key)
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('PCN')
  sheet.addRow([t('pcn.title')]).font = { bold: true }
  sheet.addRow([report.building.name])
  sheet.addRow([report.period.from ?? '', report.period.to ?? ''])
  sheet.addRow([t('pcn.account'), t('pcn.label'), t('pcn.entries'), t('pcn.amount')]).font = { bold: true }
  for (const line of report.lines) {
    sheet.addRow([line.account, pcnLabel(line.account, language), line.entryCount, euros(line.totalCents)])
  }
  const total = sheet.addRow(['', t('pcn.total'), report.totalEntries, euros(report.totalCents)])
  total.font = { bold: true }
  sheet.getColumn(4).numFmt = '#,##0.00'
  sheet.getColumn(1).width = 10
  sheet.getColumn(2).width = 40
  sheet.getColumn(3).width = 12
  sheet.getColumn(4).width = 16
  return ok(new Uint8Array(await workbook.xlsx.writeBuffer()))
}
