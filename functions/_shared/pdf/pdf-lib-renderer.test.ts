import { readFileSync } from 'node:fs'
import type { DocumentModel } from '@koprogo/domain'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { FONTS_MODULE, fontsModule } from '../../../scripts/gen-pdf-fonts.ts'
import { pdfLibRenderer } from './pdf-lib-renderer.ts'

async function pages(bytes: Uint8Array): Promise<string[]> {
  return (await extractText(await getDocumentProxy(bytes), { mergePages: false })).text
}

const model = (rows: number): DocumentModel => ({
  title: 'Überschrift — façade, œuvre, Straße',
  language: 'de',
  issuer: { name: 'Syndic Élégance', details: ['Rue de l’Église 1', 'BCE 0202.239.951'] },
  blocks: [
    { kind: 'heading', text: 'Ärger über Öl' },
    {
      kind: 'paragraph',
      text: 'é ë ç ß € œ Œ ő ł ž å ø æ — every Latin letter a Belgian or German name may hold.',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Lot', width: 1, align: 'left' },
        { header: 'Amount', width: 1, align: 'right' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [`L${i + 1}`, `${i + 1},00 €`]),
      totals: ['Total', '…'],
    },
  ],
})

describe('the pdf-lib DocumentRenderer', () => {
  it('embeds a font with the Latin letters people’s names use (the text extracts back unchanged)', async () => {
    const bytes = await pdfLibRenderer.render(model(3))
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
    const [text] = await pages(bytes)
    expect(text).toContain('Überschrift — façade, œuvre, Straße')
    expect(text).toContain('é ë ç ß € œ Œ ő ł ž å ø æ')
    expect(text).toContain('Syndic Élégance')
    expect(text).toContain('1 / 1')
  })

  it('breaks a long table over A4 pages, repeating the issuer, the table head and "n / N"', async () => {
    const bytes = await pdfLibRenderer.render(model(150))
    const pdf = await getDocumentProxy(bytes.slice())
    const first = await pdf.getPage(1)
    // A4 in points.
    expect(first.view.map(Math.round)).toEqual([0, 0, 595, 842])
    const texts = await pages(bytes)
    expect(texts.length).toBeGreaterThan(2)
    texts.forEach((text, i) => {
      expect(text).toContain('Syndic Élégance')
      expect(text).toMatch(/Lot\s+Amount/)
      expect(text).toContain(`${i + 1} / ${texts.length}`)
    })
    expect(texts.join('\n')).toMatch(/L150\s+150,00 €/)
  })

  it('ships the committed font module as generated from the font package (scripts/gen-pdf-fonts.ts)', () => {
    expect(readFileSync(FONTS_MODULE, 'utf8') === fontsModule()).toBe(true)
  })
})
