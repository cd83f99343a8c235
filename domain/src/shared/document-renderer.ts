/**
 * A printable document as the domain describes it: words and tables, no layout engine's types.
 * An adapter (functions/_shared/pdf) lays it out on A4 pages, repeats the header on each page,
 * numbers the pages "n / N" and breaks tables across pages with their header row repeated.
 * Texts arrive already translated and formatted (amounts as "1 234,57 €"): the adapter only places them.
 */
export type DocumentModel = {
  /** Shown under the header on the first page and stored as the file's title. */
  readonly title: string
  /** BCP 47 language of the texts (the file's /Lang), e.g. 'fr'. */
  readonly language: string
  /** Printed at the top of every page: who issues the document (the syndic's legal identity). */
  readonly issuer: DocumentIssuer
  readonly blocks: readonly DocumentBlock[]
}

export type DocumentIssuer = {
  /** First line, in bold. */
  readonly name: string
  /** The following lines (address, enterprise number, contact), each printed as given. */
  readonly details: readonly string[]
}

export type DocumentColumn = {
  readonly header: string
  /** Relative width: the columns share the text width in proportion. */
  readonly width: number
  /** Amounts are right-aligned so their digits line up. */
  readonly align: 'left' | 'right'
}

export type DocumentBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | {
      readonly kind: 'table'
      readonly columns: readonly DocumentColumn[]
      /** One string per column; a long cell wraps inside its column. */
      readonly rows: readonly (readonly string[])[]
      /** A last row in bold (e.g. the totals), kept after the rows. */
      readonly totals?: readonly string[] | undefined
    }
  | {
      /**
       * A QR code of `payload` (error correction M, as EPC069-12 requires for payment codes),
       * `size` points wide, with a caption to its right. The adapter draws the modules as vectors.
       */
      readonly kind: 'qr'
      readonly payload: string
      readonly size: number
      readonly caption?: string | undefined
    }

/** Renders a document to the bytes of a PDF file. */
export interface DocumentRenderer {
  render(document: DocumentModel): Promise<Uint8Array>
}

/** A table as a spreadsheet file: a header row, then the rows, every cell a string. */
export type TableData = {
  readonly headers: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** Writes a table as CSV bytes the way the reader's spreadsheet opens it (separator, BOM). */
export interface CsvWriter {
  write(table: TableData, options: { readonly separator: ';' | ',' }): Uint8Array
}
