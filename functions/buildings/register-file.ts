import { DomainErrors, err, ok, type RegisterSheet, type Result } from '@koprogo/domain'
import Papa from 'papaparse'
import { escapeFormula, unescapeFormula } from '../_shared/spreadsheet-formula.ts'
import { readXlsxSheet, writeXlsx } from './register-xlsx.ts'

/**
 * The register file's bytes ⇄ a RegisterSheet. The format is decided from the content, never the
 * name: a ZIP (PK\3\4) is XLSX, an OLE2 file is the old .xls (refused: save as .xlsx or CSV),
 * anything else must be text and is read as CSV — UTF-8 (with or without the BOM Excel writes) or,
 * failing that, Windows-1252, which is what "CSV (séparateur : point-virgule)" produces in a
 * Belgian Excel. The separator is the one the header line uses most among `;`, `,` and tab.
 */
export async function readRegisterFile(bytes: Uint8Array): Promise<Result<RegisterSheet>> {
  if (bytes.length === 0) return err(DomainErrors.invalidField('file', 'is empty'))
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsxSheet(bytes)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return err(DomainErrors.unsupportedMediaType('An old .xls workbook: save it as .xlsx or CSV'))
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return err(DomainErrors.unsupportedMediaType('The file is neither CSV text nor an .xlsx workbook'))
  }
  return ok(readCsv(decodeText(bytes)))
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

const SEPARATORS = [';', ',', '\t'] as const

export function readCsv(text: string): RegisterSheet {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = [...SEPARATORS].sort((a, b) => count(firstLine, b) - count(firstLine, a))[0] ?? ';'
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false })
  const [headers = [], ...records] = parsed.data
  return {
    headers: headers.map(unescapeFormula),
    // A record's index is its row in the spreadsheet the user sees (header = row 1); blank rows are skipped.
    rows: records
      .map((cells, i) => ({ row: i + 2, cells: cells.map(unescapeFormula) }))
      .filter((r) => r.cells.some((c) => c.trim() !== '')),
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

/** CSV the way Belgian Excel opens it: UTF-8 with BOM, `;` separators, CRLF. */
export function writeCsv(table: { headers: string[]; rows: string[][] }): Uint8Array {
  const text = Papa.unparse(
    { fields: table.headers.map(escapeFormula), data: table.rows.map((r) => r.map(escapeFormula)) },
    { delimiter: ';', newline: '\r\n', quotes: false },
  )
  return new TextEncoder().encode(`\uFEFF${text}\r\n`)
}

export { writeXlsx }
