// CSV of a list, built in the browser from the API's pages (the same data and rights as the
// screen, offline from the cache too, no server endpoint per list to keep in step).
// Spreadsheets in fr/nl/de expect `;` between fields (the comma is their decimal separator);
// the UTF-8 byte-order mark makes Excel read accents right.
import type { Locale } from './i18n'

export const BOM = '\uFEFF'

export function separatorFor(locale: Locale): ';' | ',' {
  return locale === 'en' ? ',' : ';'
}

/** A cell as text: numbers with the locale's decimal mark; a leading =+-@ neutralised (CSV injection). */
export function cellText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return locale === 'en' ? String(value) : String(value).replace('.', ',')
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

function quoted(text: string, sep: string): string {
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Header line and one line per row (CRLF, RFC 4180), preceded by the BOM. */
export function toCsv(
  columns: readonly { key: string; label: string }[],
  rows: readonly Record<string, unknown>[],
  locale: Locale,
): string {
  const sep = separatorFor(locale)
  const line = (cells: string[]) => cells.map((c) => quoted(c, sep)).join(sep)
  const lines = [line(columns.map((c) => c.label))]
  for (const row of rows) lines.push(line(columns.map((c) => cellText(row[c.key], locale))))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/**
 * Every page of a list, in order: `fetchPage(n)` answers one page and how many there are;
 * `onProgress` is told after each page (the button shows "page 2 of 5").
 */
export async function fetchAllPages<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; totalPages: number }>,
  onProgress: (page: number, pages: number) => void = () => {},
): Promise<T[]> {
  const rows: T[] = []
  let page = 1
  let pages = 1
  do {
    const got = await fetchPage(page)
    rows.push(...got.items)
    pages = Math.max(got.totalPages, 1)
    onProgress(page, pages)
    page += 1
  } while (page <= pages)
  return rows
}

/**
 * Saves the rows as `<name>-<yyyy-mm-dd>.csv` through a clicked download link (every list's
 * export and the documents' one); the object URL is freed once the browser has the file.
 * Returns the file name.
 */
export function downloadCsv(
  name: string,
  columns: readonly { key: string; label: string }[],
  rows: readonly Record<string, unknown>[],
  locale: Locale,
  now: Date = new Date(),
): string {
  const blob = new Blob([toCsv(columns, rows, locale)], { type: 'text/csv;charset=utf-8' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = `${name}-${now.toISOString().slice(0, 10)}.csv`
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  return link.download
}
