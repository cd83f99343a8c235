import { afterEach, describe, expect, it, vi } from 'vitest'
import { BOM, cellText, downloadCsv, fetchAllPages, toCsv } from './csv'

const columns = [
  { key: 'name', label: 'Nom' },
  { key: 'amount', label: 'Montant' },
]

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and uses ; and the decimal comma for fr/nl/de', () => {
    const csv = toCsv(columns, [{ name: 'Résidence Églantier', amount: 1234.57 }], 'fr')
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.slice(1)).toBe('Nom;Montant\r\nRésidence Églantier;1234,57\r\n')
    expect(toCsv(columns, [{ name: 'A', amount: 1.5 }], 'de').slice(1)).toBe('Nom;Montant\r\nA;1,5\r\n')
  })

  it('uses , and the decimal point in English', () => {
    expect(toCsv(columns, [{ name: 'A', amount: 1.5 }], 'en').slice(1)).toBe('Nom,Montant\r\nA,1.5\r\n')
  })

  it('quotes separators, quotes and line breaks; empty for null', () => {
    const csv = toCsv(columns, [{ name: 'Rue "Haute"; 5\nBruxelles', amount: null }], 'nl')
    expect(csv.slice(1)).toBe('Nom;Montant\r\n"Rue ""Haute""; 5\nBruxelles";\r\n')
  })

  it('neutralises formulas a spreadsheet would run', () => {
    expect(cellText('=HYPERLINK("x")', 'fr')).toBe('\'=HYPERLINK("x")')
    expect(cellText('-12', 'en')).toBe("'-12")
    expect(cellText(-12, 'en')).toBe('-12')
  })
})

describe('fetchAllPages', () => {
  it('reads every page in order and reports progress', async () => {
    const progress: string[] = []
    const rows = await fetchAllPages(
      async (page) => ({ items: [page * 10, page * 10 + 1], totalPages: 3 }),
      (p, n) => progress.push(`${p}/${n}`),
    )
    expect(rows).toEqual([10, 11, 20, 21, 30, 31])
    expect(progress).toEqual(['1/3', '2/3', '3/3'])
  })
})

describe('downloadCsv', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('clicks a link to <name>-<date>.csv holding the CSV, and frees its URL afterwards', async () => {
    vi.useFakeTimers()
    const link = { href: '', download: '', click: vi.fn() }
    vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'a' ? link : null) })
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const name = downloadCsv(
      'owners',
      columns,
      [{ name: 'Dubois', amount: 2.5 }],
      'fr',
      new Date('2026-12-01T10:00:00Z'),
    )
    expect(name).toBe('owners-2026-12-01.csv')
    expect(link.download).toBe('owners-2026-12-01.csv')
    expect(link.click).toHaveBeenCalledOnce()
    const text = await (await fetch(link.href)).text()
    expect(text).toBe('Nom;Montant\r\nDubois;2,5\r\n') // fetch's text() drops the BOM
    expect(revoke).not.toHaveBeenCalled()
    vi.advanceTimersByTime(10_000)
    expect(revoke).toHaveBeenCalledWith(link.href)
  })
})
