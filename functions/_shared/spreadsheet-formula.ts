/**
 * A text cell that a spreadsheet would run as a formula (=, +, @, or - not starting a number) is
 * written with a leading apostrophe (CSV injection, docs/security.md); reading takes it off again,
 * so the round trip is exact. Shared by every CSV the server writes (register, distribution).
 */
const FORMULA_START = /^[=+@\t\r]|^-(?![\d.,])/
const ESCAPED = /^'(?=[=+@\t\r-])/

export function unescapeFormula(cell: string): string {
  return cell.replace(ESCAPED, '')
}

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}
