import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_BYTES } from './document.entity.ts'
import { checkUpload, detectFileKind, FILE_KINDS, isUtf8Text } from './file-kind.value-object.ts'

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)))

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')
const GIF = bytes('GIF89a', [1, 0, 1, 0])
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], '[Content_Types].xml')
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
const TEXT = new Uint8Array(Array.from(new TextEncoder().encode('Procès-verbal;montant\nAG;12,50\n')))

/** A zip whose first entry is the stored `mimetype` file, as ODF requires. */
function odf(mime: string): Uint8Array {
  const name = 'mimetype'
  const header = new Uint8Array(30)
  header.set([0x50, 0x4b, 0x03, 0x04, 10, 0, 0, 0, 0, 0])
  header[18] = mime.length
  header[22] = mime.length
  header[26] = name.length
  return bytes(Array.from(header), name, mime, 'PK')
}

const upload = (head: Uint8Array, declaredMime: string | null, filename: string, size = head.length) =>
  checkUpload({ head, declaredMime, filename, size })

describe('detectFileKind', () => {
  it('recognises each accepted signature', () => {
    expect(detectFileKind(PDF)).toBe('pdf')
    expect(detectFileKind(PNG)).toBe('png')
    expect(detectFileKind(JPEG)).toBe('jpeg')
    expect(detectFileKind(GIF)).toBe('gif')
    expect(detectFileKind(bytes('GIF87a'))).toBe('gif')
    expect(detectFileKind(WEBP)).toBe('webp')
    expect(detectFileKind(ZIP)).toBe('zip')
    expect(detectFileKind(OLE)).toBe('ole')
    expect(detectFileKind(TEXT)).toBe('text')
  })

  it('reads the OpenDocument mimetype entry', () => {
    expect(detectFileKind(odf(FILE_KINDS.odt.mime))).toBe('odt')
    expect(detectFileKind(odf(FILE_KINDS.ods.mime))).toBe('ods')
    expect(detectFileKind(odf('application/vnd.oasis.opendocument.presentation'))).toBe('odf')
  })

  it('rejects executables, RIFF that is not WebP, binary and empty heads', () => {
    expect(detectFileKind(bytes('MZ', [0x90, 0, 3, 0]))).toBeNull()
    expect(detectFileKind(bytes([0x7f], 'ELF', [2, 1, 1, 0]))).toBeNull()
    expect(detectFileKind(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull()
    expect(detectFileKind(bytes('hello', [0], 'world'))).toBeNull()
    expect(detectFileKind(new Uint8Array())).toBeNull()
    expect(detectFileKind(bytes([0xff, 0xfe], 'h', [0], 'i', [0]))).toBeNull() // UTF-16
  })
})

describe('isUtf8Text', () => {
  it('accepts what TextEncoder produces, and a cut sequence only in an incomplete head', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const encoded = new TextEncoder().encode(s.replaceAll('\u0000', ''))
        expect(isUtf8Text(encoded, true)).toBe(true)
      }),
    )
    const euro = new TextEncoder().encode('total 12 €')
    const cut = euro.subarray(0, euro.length - 1)
    expect(isUtf8Text(cut, false)).toBe(true)
    expect(isUtf8Text(cut, true)).toBe(false)
  })

  it('refuses overlong forms, surrogates, code points above U+10FFFF and stray continuations', () => {
    for (const seq of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
      [0xff],
    ]) {
      expect(isUtf8Text(new Uint8Array(seq), true), seq.join(',')).toBe(false)
    }
  })
})

describe('checkUpload', () => {
  it('stores the detected type, not the declared one', () => {
    expect(upload(PDF, 'application/pdf', 'PV AG 2026.pdf')).toEqual({
      ok: true,
      value: { kind: 'pdf', mimeType: 'application/pdf', filename: 'PV AG 2026.pdf' },
    })
    expect(upload(PDF, 'application/octet-stream', 'scan.pdf')).toMatchObject({ value: { kind: 'pdf' } })
    expect(upload(JPEG, 'image/jpg', 'photo.JPG')).toMatchObject({ value: { mimeType: 'image/jpeg' } })
    expect(upload(WEBP, null, 'facade.webp')).toMatchObject({ value: { mimeType: 'image/webp' } })
    expect(upload(PDF, 'Application/PDF; charset=binary', 'x.pdf')).toMatchObject({ ok: true })
  })

  it('refuses a declared type that contradicts the bytes', () => {
    expect(upload(PDF, 'image/png', 'x.pdf')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_media_type' },
    })
    expect(upload(TEXT, 'application/pdf', 'x.pdf')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_media_type' },
    })
    expect(upload(TEXT, 'text/html', 'x.html')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_media_type' },
    })
  })

  it('never accepts a zip or OLE claim without the signature', () => {
    const docx = FILE_KINDS.docx.mime
    expect(upload(TEXT, docx, 'rapport.docx')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_media_type' },
    })
    expect(upload(PDF, 'application/msword', 'rapport.doc')).toMatchObject({ ok: false })
  })

  it('picks inside the zip and OLE families by declared type, then by extension', () => {
    expect(upload(ZIP, FILE_KINDS.xlsx.mime, 'budget.xlsx')).toMatchObject({ value: { kind: 'xlsx' } })
    expect(upload(ZIP, 'application/octet-stream', 'plan.pptx')).toMatchObject({ value: { kind: 'pptx' } })
    expect(upload(ZIP, '', 'contrat.docx')).toMatchObject({ value: { kind: 'docx' } })
    expect(upload(OLE, 'application/vnd.ms-excel', 'vieux.xls')).toMatchObject({ value: { kind: 'xls' } })
    expect(upload(OLE, null, 'vieux.doc')).toMatchObject({ value: { kind: 'doc' } })
    // Nothing says which office format it is: refused rather than guessed.
    expect(upload(ZIP, null, 'archive')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_media_type' },
    })
    expect(upload(ZIP, 'application/zip', 'archive.zip')).toMatchObject({ ok: false })
  })

  it('lets the ODF mimetype entry decide, refusing a contradicting claim', () => {
    expect(upload(odf(FILE_KINDS.ods.mime), null, 'comptes')).toMatchObject({
      value: { kind: 'ods', filename: 'comptes.ods' },
    })
    expect(upload(odf(FILE_KINDS.odt.mime), FILE_KINDS.ods.mime, 'x.ods')).toMatchObject({ ok: false })
    expect(
      upload(odf('application/vnd.oasis.opendocument.presentation'), FILE_KINDS.odt.mime, 'x.odt'),
    ).toMatchObject({
      ok: false,
    })
  })

  it('tells CSV from plain text by type or extension, including Excel’s Windows label', () => {
    expect(upload(TEXT, 'text/csv', 'export.csv')).toMatchObject({ value: { mimeType: 'text/csv' } })
    expect(upload(TEXT, 'application/vnd.ms-excel', 'export.csv')).toMatchObject({
      value: { mimeType: 'text/csv' },
    })
    expect(upload(TEXT, 'text/plain', 'export.csv')).toMatchObject({ value: { mimeType: 'text/csv' } })
    expect(upload(TEXT, 'text/plain', 'notes.txt')).toMatchObject({ value: { mimeType: 'text/plain' } })
    expect(upload(TEXT, null, 'notes')).toMatchObject({
      value: { mimeType: 'text/plain', filename: 'notes.txt' },
    })
  })

  it('refuses an extension of another kind and neutralises unknown ones', () => {
    expect(upload(PDF, 'application/pdf', 'photo.png')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_media_type' },
    })
    expect(upload(PDF, null, 'facture.html')).toMatchObject({ value: { filename: 'facture.html.pdf' } })
    expect(upload(TEXT, 'text/plain', 'run.sh')).toMatchObject({ value: { filename: 'run.sh.txt' } })
  })

  it('checks sizes: empty is invalid input, over 50 MB is too large', () => {
    expect(upload(PDF, 'application/pdf', 'x.pdf', 0)).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'file' }] },
    })
    expect(upload(PDF, 'application/pdf', 'x.pdf', MAX_DOCUMENT_BYTES)).toMatchObject({ ok: true })
    expect(upload(PDF, 'application/pdf', 'x.pdf', MAX_DOCUMENT_BYTES + 1)).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'payload_too_large', limitBytes: MAX_DOCUMENT_BYTES }),
    })
    expect(upload(PDF, 'application/pdf', 'x.pdf', -1)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })

  it('never returns a MIME type outside the accepted table, whatever the input', () => {
    const accepted = new Set<string>(Object.values(FILE_KINDS).map((k) => k.mime))
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(null, '', 'text/html', 'application/pdf', 'image/svg+xml', FILE_KINDS.docx.mime),
        fc.string(),
        (head, declaredMime, filename) => {
          const r = checkUpload({ head, declaredMime, filename, size: Math.max(1, head.length) })
          if (r.ok) expect(accepted.has(r.value.mimeType)).toBe(true)
        },
      ),
    )
  })
})
