import { DomainErrors, err, ok, type RegisterSheet, type Result } from '@koprogo/domain'

/**
 * XLSX through exceljs, on the Node server only. exceljs is built on Node streams and zip
 * libraries and would add about a megabyte to the buildings Worker, so wrangler.toml aliases it
 * to the node-only stub: on the edge `loadExcel` finds no Workbook and the request gets a 415
 * problem saying to send CSV instead (docs/property-register.md, ADR-less decision recorded
 * there). The import is lazy so the Node server loads exceljs on the first XLSX request only.
 */
type ExcelModule = typeof import('exceljs')

export async function loadExcel(): Promise<ExcelModule | null> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelModule } & Partial<ExcelModule>
  const lib = (mod.default ?? mod) as Partial<ExcelModule>
  return typeof lib.Workbook === 'function' ? (lib as ExcelModule) : null
}

export const XLSX_UNAVAILABLE =
  'XLSX is read and written by the Node server only; on this deployment save the sheet as CSV'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The first worksheet: row 1 is the header, each following non-empty row keeps its sheet number. */
export async function readXlsxSheet(bytes: Uint8Array): Promise<Result<RegisterSheet>> {
  const excel = await loadExcel()
  if (!excel) return err(DomainErrors.unsupportedMediaType(XLSX_UNAVAILABLE))
  const workbook = new excel.Workbook()
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  } catch {
    return err(DomainErrors.unsupportedMediaType('The file is a ZIP but not a readable .xlsx workbook'))
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return ok({ headers: [], rows: [] })
  const width = Math.max(sheet.columnCount, 1)
  const cellsOf = (rowNumber: number) => {
    const row = sheet.getRow(rowNumber)
    return Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value))
  }
  const rows: { row: number; cells: string[] }[] = []
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = cellsOf(n)
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: n, cells })
  }
  return ok({ headers: sheet.rowCount >= 1 ? cellsOf(1) : [], rows })
}

/** A cell as the text the importer reads: dates as YYYY-MM-DD, formulas by their result, links by their text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if ('result' in v) return cellText(v.result)
    if ('text' in v) return cellText(v.text)
  }
  return ''
}

/** Columns written as numbers so Excel can sum and sort them; everything else as text. */
const NUMERIC = /^-?\d+(?:\.\d+)?$/

export async function writeXlsx(
  table: { headers: string[]; rows: string[][] },
  numericColumns: ReadonlySet<number>,
): Promise<Result<Uint8Array>> {
  const excel = await loadExcel()
  if (!excel) return err(DomainErrors.unsupportedMediaType(XLSX_UNAVAILABLE))
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('Register')
  sheet.addRow(table.headers).font = { bold: true }
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, i) => (numericColumns.has(i) && NUMERIC.test(cell) ? Number(cell) : cell)))
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  sheet.columns.forEach((column, i) => {
    column.width = Math.max(12, (table.headers[i] ?? '').length + 2)
  })
  return ok(new Uint8Array(await workbook.xlsx.writeBuffer()))
}
