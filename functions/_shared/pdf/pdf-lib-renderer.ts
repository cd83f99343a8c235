import type { DocumentBlock, DocumentColumn, DocumentModel, DocumentRenderer } from '@koprogo/domain'
import fontkit from '@pdf-lib/fontkit'
import {
  type PDFDocument as Doc,
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setFillingRgbColor,
} from 'pdf-lib'
import QRCode from 'qrcode'
import { ROBOTO_BOLD_BASE64, ROBOTO_REGULAR_BASE64 } from './fonts.gen.ts'

/** A4 in PDF points (1/72 in). */
const PAGE = { width: 595.28, height: 841.89 } as const
const MARGIN = 48
const TEXT_WIDTH = PAGE.width - 2 * MARGIN
const SIZE = { issuer: 11, detail: 8.5, title: 15, heading: 12, body: 9.5, footer: 8 } as const
const LINE = 1.3
const CELL_PAD = 4
const GREY = rgb(0.35, 0.35, 0.35)
const RULE = rgb(0.75, 0.75, 0.75)
const HEADER_FILL = rgb(0.92, 0.92, 0.92)

type Fonts = { regular: PDFFont; bold: PDFFont }

let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined
/** Decoded once per process/isolate: the base64 text is what the bundle carries. */
function robotoBytes() {
  fontBytes ??= { regular: fromBase64(ROBOTO_REGULAR_BASE64), bold: fromBase64(ROBOTO_BOLD_BASE64) }
  return fontBytes
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * DocumentRenderer over pdf-lib (ADR 0024): pure JavaScript, no Node API, so the same code runs on
 * Node and in Workers. Roboto (full Latin: é ë ç ß € œ …) is embedded as a subset of the glyphs used.
 */
export const pdfLibRenderer: DocumentRenderer = pdfLibRendererWith({ standardFontsWhenPossible: false })

/**
 * `standardFontsWhenPossible`: when every character of the document is in WinAnsi (Latin-1 plus
 * € œ Š Ž “ ” – — …), use the PDF standard Helvetica, which every reader has and nothing embeds:
 * no font parsing or subsetting, the cost that dominates a one-page letter (ADR 0032: 500
 * call-for-funds letters). Any other character (ő, ł, ř…) falls back to embedded Roboto.
 */
export function pdfLibRendererWith(options: {
  readonly standardFontsWhenPossible: boolean
}): DocumentRenderer {
  return {
    async render(model) {
      const pdf = await PDFDocument.create()
      let fonts: Fonts
      if (options.standardFontsWhenPossible && isWinAnsi(model)) {
        fonts = {
          regular: await pdf.embedFont(StandardFonts.Helvetica),
          bold: await pdf.embedFont(StandardFonts.HelveticaBold),
        }
      } else {
        pdf.registerFontkit(fontkit)
        const bytes = robotoBytes()
        fonts = {
          regular: await pdf.embedFont(bytes.regular, { subset: true }),
          bold: await pdf.embedFont(bytes.bold, { subset: true }),
        }
      }
      pdf.setTitle(model.title)
      pdf.setAuthor(model.issuer.name)
      pdf.setLanguage(model.language)
      pdf.setProducer('KoproGo')
      pdf.setCreator('KoproGo')
      new Layout(pdf, fonts, model).run()
      numberPages(pdf, fonts.regular)
      return pdf.save()
    },
  }
}

const WIN_ANSI = /^[\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/

/** Whether every text of the model can be written with a standard font's WinAnsi encoding. */
function isWinAnsi(model: DocumentModel): boolean {
  const texts: string[] = [model.title, model.issuer.name, ...model.issuer.details]
  for (const b of model.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') texts.push(b.text)
    else if (b.kind === 'qr') texts.push(b.caption ?? '')
    else texts.push(...b.columns.map((c) => c.header), ...b.rows.flat(), ...(b.totals ?? []))
  }
  return texts.every((t) => WIN_ANSI.test(t))
}

/** Top-down flow of blocks over pages; `y` is the baseline cursor of the current page. */
class Layout {
  private page!: PDFPage
  private y = 0
  private readonly pdf: Doc
  private readonly fonts: Fonts
  private readonly model: DocumentModel

  constructor(pdf: Doc, fonts: Fonts, model: DocumentModel) {
    this.pdf = pdf
    this.fonts = fonts
    this.model = model
  }

  run(): void {
    this.newPage()
    this.text(this.model.title, this.fonts.bold, SIZE.title, TEXT_WIDTH)
    this.y -= 6
    for (const block of this.model.blocks) this.block(block)
  }

  private newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - MARGIN
    const { issuer } = this.model
    this.line(issuer.name, this.fonts.bold, SIZE.issuer)
    for (const detail of issuer.details) this.line(detail, this.fonts.regular, SIZE.detail, GREY)
    this.y -= 4
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: PAGE.width - MARGIN, y: this.y },
      thickness: 0.5,
      color: RULE,
    })
    this.y -= 14
  }

  /** Room left above the footer. */
  private fits(height: number): boolean {
    return this.y - height >= MARGIN + 20
  }

  private block(block: DocumentBlock): void {
    switch (block.kind) {
      case 'heading':
        // A heading never ends a page alone: keep room for two lines after it.
        if (!this.fits(SIZE.heading * LINE + 3 * SIZE.body * LINE)) this.newPage()
        this.y -= 4
        this.text(block.text, this.fonts.bold, SIZE.heading, TEXT_WIDTH)
        this.y -= 2
        return
      case 'paragraph':
        this.text(block.text, this.fonts.regular, SIZE.body, TEXT_WIDTH)
        this.y -= 4
        return
      case 'table':
        this.table(block.columns, block.rows, block.totals)
        return
      case 'qr':
        this.qr(block.payload, block.size, block.caption)
        return
    }
  }

  /**
   * A QR code drawn as vector squares (crisp at any print resolution, no PNG encoder needed),
   * built by the `qrcode` package at error correction M with its 4-module quiet zone; each run of
   * dark modules on a row is one rectangle. The caption wraps to the right of the code.
   */
  private qr(payload: string, size: number, caption: string | undefined): void {
    if (!this.fits(size + 8)) this.newPage()
    const modules = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules
    const count = modules.size + 8
    const cell = size / count
    const top = this.y
    const x0 = MARGIN + 4 * cell
    // One path of `re` operators filled once: drawRectangle per run cost ~12 ms a code.
    const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)]
    for (let r = 0; r < modules.size; r++) {
      let c = 0
      while (c < modules.size) {
        if (!modules.get(r, c)) {
          c++
          continue
        }
        const start = c
        while (c < modules.size && modules.get(r, c)) c++
        ops.push(rectangle(x0 + start * cell, top - (4 + r + 1) * cell, (c - start) * cell, cell))
      }
    }
    ops.push(fill(), popGraphicsState())
    this.page.pushOperators(...ops)
    if (caption) {
      const width = TEXT_WIDTH - size - 12
      let y = top - 4 * cell
      for (const part of wrap(caption, this.fonts.regular, SIZE.body, width)) {
        y -= SIZE.body
        this.page.drawText(part, { x: MARGIN + size + 12, y, size: SIZE.body, font: this.fonts.regular })
        y -= SIZE.body * (LINE - 1)
      }
    }
    this.y = top - size - 4
  }

  /** One line at the cursor, no wrapping (header lines are short). */
  private line(text: string, font: PDFFont, size: number, color = rgb(0, 0, 0)): void {
    this.y -= size
    this.page.drawText(fit(text, font, size, TEXT_WIDTH), { x: MARGIN, y: this.y, size, font, color })
    this.y -= size * (LINE - 1)
  }

  /** Wrapped text, breaking pages between lines. */
  private text(text: string, font: PDFFont, size: number, width: number): void {
    for (const part of wrap(text, font, size, width)) {
      if (!this.fits(size * LINE)) this.newPage()
      this.line(part, font, size)
    }
  }

  private table(
    columns: readonly DocumentColumn[],
    rows: readonly (readonly string[])[],
    totals: readonly string[] | undefined,
  ): void {
    const unit = TEXT_WIDTH / columns.reduce((sum, c) => sum + c.width, 0)
    const widths = columns.map((c) => c.width * unit)
    const header = columns.map((c) => c.header)
    this.y -= 2
    if (!this.fits(2 * rowHeight(header, widths, this.fonts.bold))) this.newPage()
    this.row(header, columns, widths, this.fonts.bold, HEADER_FILL)
    const body: { cells: readonly string[]; font: PDFFont }[] = rows.map((cells) => ({
      cells,
      font: this.fonts.regular,
    }))
    if (totals) body.push({ cells: totals, font: this.fonts.bold })
    for (const { cells, font } of body) {
      if (!this.fits(rowHeight(cells, widths, font))) {
        // The table goes on: a new page starts with the header row again.
        this.newPage()
        this.row(header, columns, widths, this.fonts.bold, HEADER_FILL)
      }
      this.row(cells, columns, widths, font)
    }
    this.y -= 8
  }

  private row(
    cells: readonly string[],
    columns: readonly DocumentColumn[],
    widths: readonly number[],
    font: PDFFont,
    fill?: ReturnType<typeof rgb>,
  ): void {
    const height = rowHeight(cells, widths, font)
    const top = this.y
    if (fill) {
      this.page.drawRectangle({ x: MARGIN, y: top - height, width: TEXT_WIDTH, height, color: fill })
    }
    let x = MARGIN
    columns.forEach((column, i) => {
      const inner = (widths[i] ?? 0) - 2 * CELL_PAD
      let baseline = top - CELL_PAD - SIZE.body
      for (const part of wrap(cells[i] ?? '', font, SIZE.body, inner)) {
        const w = widthOf(part, font, SIZE.body)
        const left = column.align === 'right' ? x + CELL_PAD + inner - w : x + CELL_PAD
        this.page.drawText(part, { x: left, y: baseline, size: SIZE.body, font })
        baseline -= SIZE.body * LINE
      }
      x += widths[i] ?? 0
    })
    this.y = top - height
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: PAGE.width - MARGIN, y: this.y },
      thickness: 0.3,
      color: RULE,
    })
  }
}

const widthCache = new WeakMap<PDFFont, Map<string, number>>()
/** fontkit lays out a string on every width query; wrapping asks for the same words again and again. */
function widthOf(text: string, font: PDFFont, size: number): number {
  let cache = widthCache.get(font)
  if (!cache) {
    cache = new Map()
    widthCache.set(font, cache)
  }
  let unit = cache.get(text)
  if (unit === undefined) {
    unit = font.widthOfTextAtSize(text, 1)
    cache.set(text, unit)
  }
  return unit * size
}

function rowHeight(cells: readonly string[], widths: readonly number[], font: PDFFont): number {
  const lines = Math.max(
    1,
    ...cells.map((c, i) => wrap(c, font, SIZE.body, (widths[i] ?? 0) - 2 * CELL_PAD).length),
  )
  return lines * SIZE.body * LINE + 2 * CELL_PAD - SIZE.body * (LINE - 1)
}

/** Greedy word wrap; a word wider than the line is cut between characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let current = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word
      if (widthOf(candidate, font, size) <= width) {
        current = candidate
        continue
      }
      if (current) lines.push(current)
      current = word
      while (widthOf(current, font, size) > width && current.length > 1) {
        const cut = fit(current, font, size, width, '')
        lines.push(cut)
        current = current.slice(cut.length)
      }
    }
    lines.push(current)
  }
  return lines
}

/** The longest prefix (plus `ellipsis`) that fits `width`. */
function fit(text: string, font: PDFFont, size: number, width: number, ellipsis = '…'): string {
  if (widthOf(text, font, size) <= width) return text
  let end = text.length - 1
  while (end > 1 && widthOf(text.slice(0, end) + ellipsis, font, size) > width) end--
  return text.slice(0, end) + ellipsis
}

/** "n / N" at the bottom right of every page, once the page count is known. */
function numberPages(pdf: Doc, font: PDFFont): void {
  const pages = pdf.getPages()
  pages.forEach((page, i) => {
    const label = `${i + 1} / ${pages.length}`
    const width = widthOf(label, font, SIZE.footer)
    page.drawText(label, {
      x: PAGE.width - MARGIN - width,
      y: MARGIN - 10,
      size: SIZE.footer,
      font,
      color: GREY,
    })
  })
}
