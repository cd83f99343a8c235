import type { CsvWriter } from '@koprogo/domain'
import Papa from 'papaparse'
import { escapeFormula } from './spreadsheet-formula.ts'

/**
 * CSV as Excel opens it in each language: UTF-8 with a BOM (else Excel reads Windows-1252), CRLF,
 * the separator the caller chose (`;` where the decimal mark is a comma). Cells that would run as
 * formulas get a leading apostrophe, as in the register export (CSV injection, docs/security.md).
 */
export const papaCsvWriter: CsvWriter = {
  write(table, { separator }) {
    const text = Papa.unparse(
      {
        fields: table.headers.map(escapeFormula),
        data: table.rows.map((row) => row.map(escapeFormula)),
      },
      { delimiter: separator, newline: '\r\n', quotes: false },
    )
    return new TextEncoder().encode(`\uFEFF${text}\r\n`)
  },
}
