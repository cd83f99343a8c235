import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import {
  DOCUMENT_FILENAME_MAX,
  extensionOf,
  MAX_DOCUMENT_BYTES,
  sanitizeFilename,
} from './document.entity.ts'

/** How many leading bytes an adapter should read and pass as `head` for sniffing. */
export const SNIFF_BYTES = 4096

/**
 * What the leading bytes prove. Container formats are not told apart by their signature alone:
 * 'zip' (OOXML/ODF), 'ole' (legacy Office) and 'text' are refined with the declared type or
 * the extension, which may only pick inside the family the bytes proved.
 */
export type SniffedKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'zip'
  | 'odt'
  | 'ods'
  /** An OpenDocument format we do not accept (presentation, drawing…). */
  | 'odf'
  | 'ole'
  | 'text'

/** The accepted file kinds: the stored MIME type is this table's, never the client's claim. */
export const FILE_KINDS = {
  pdf: { family: 'pdf', mime: 'application/pdf', extensions: ['pdf'], aliases: ['application/x-pdf'] },
  png: { family: 'png', mime: 'image/png', extensions: ['png'], aliases: [] },
  jpeg: {
    family: 'jpeg',
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    aliases: ['image/jpg', 'image/pjpeg'],
  },
  gif: { family: 'gif', mime: 'image/gif', extensions: ['gif'], aliases: [] },
  webp: { family: 'webp', mime: 'image/webp', extensions: ['webp'], aliases: [] },
  docx: {
    family: 'zip',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    aliases: [],
  },
  xlsx: {
    family: 'zip',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    aliases: [],
  },
  pptx: {
    family: 'zip',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    aliases: [],
  },
  odt: { family: 'zip', mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], aliases: [] },
  ods: {
    family: 'zip',
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    aliases: [],
  },
  doc: { family: 'ole', mime: 'application/msword', extensions: ['doc'], aliases: [] },
  xls: { family: 'ole', mime: 'application/vnd.ms-excel', extensions: ['xls'], aliases: [] },
  ppt: { family: 'ole', mime: 'application/vnd.ms-powerpoint', extensions: ['ppt'], aliases: [] },
  txt: { family: 'text', mime: 'text/plain', extensions: ['txt', 'text'], aliases: [] },
  // Windows browsers with Excel installed label every .csv as application/vnd.ms-excel.
  csv: {
    family: 'text',
    mime: 'text/csv',
    extensions: ['csv'],
    aliases: ['application/csv', 'text/x-csv', 'text/comma-separated-values', 'application/vnd.ms-excel'],
  },
} as const satisfies Record<
  string,
  {
    readonly family: SniffedKind
    readonly mime: string
    readonly extensions: readonly string[]
    readonly aliases: readonly string[]
  }
>

export type FileKind = keyof typeof FILE_KINDS

const KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[]

/** Claims that carry no information: browsers send them for any file they do not recognise. */
const GENERIC_MIMES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown'])

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Identifies a file from its leading bytes (SNIFF_BYTES of them is plenty). `complete` says the
 * head is the whole file; otherwise a multi-byte UTF-8 character cut at its end is tolerated.
 * Returns null for anything not accepted (executables, HTML is accepted only as plain text…).
 */
export function detectFileKind(
  head: Uint8Array,
  options: { readonly complete?: boolean } = {},
): SniffedKind | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (startsWith(head, PNG)) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif'
  if (startsWith(head, ascii('RIFF')) && startsWith(head.subarray(8), ascii('WEBP'))) return 'webp'
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return odfKind(head) ?? 'zip'
  if (startsWith(head, OLE)) return 'ole'
  if (head.length > 0 && isUtf8Text(head, options.complete ?? false)) return 'text'
  return null
}

export type UploadCheck = {
  readonly declaredMime: string | null | undefined
  readonly filename: string
  /**
   * Undefined when the file is streamed and longer than `head` (its length is known once
   * stored; the adapter bounds it while streaming).
   */
  readonly size: number | undefined
  /** The first bytes of the file (up to SNIFF_BYTES). */
  readonly head: Uint8Array
}

export type AcceptedUpload = {
  readonly kind: FileKind
  /** The MIME type to store and serve: the detected kind's, not the declared one. */
  readonly mimeType: string
  /** Sanitized, with the kind's extension appended when it had none (or an unknown one). */
  readonly filename: string
}

/**
 * Decides whether an upload may be stored and as what. The bytes decide the family; the
 * declared type and the extension may only choose inside it (docx vs xlsx), and a claim that
 * contradicts the bytes is refused rather than corrected, since it usually means a wrong file.
 */
export function checkUpload(input: UploadCheck): Result<AcceptedUpload> {
  const size = input.size ?? input.head.length + 1
  if (!Number.isSafeInteger(size) || size < 0) {
    return err(DomainErrors.invalidField('file', 'has an invalid size'))
  }
  if (size === 0) return err(DomainErrors.invalidField('file', 'is empty'))
  if (size > MAX_DOCUMENT_BYTES) return err(DomainErrors.payloadTooLarge(MAX_DOCUMENT_BYTES))

  const sniffed = detectFileKind(input.head, {
    complete: input.size !== undefined && input.head.length >= size,
  })
  if (sniffed === null || sniffed === 'odf') {
    return err(DomainErrors.unsupportedMediaType('The file content is not an accepted document type'))
  }
  const candidates =
    sniffed === 'odt' || sniffed === 'ods'
      ? [sniffed]
      : KIND_NAMES.filter((k) => FILE_KINDS[k].family === sniffed)
  const declared = normalizeMime(input.declaredMime)
  const sanitized = sanitizeFilename(input.filename)
  const ext = extensionOf(sanitized)
  const byExtension = candidates.filter((k) => hasExtension(k, ext))

  let chosen: FileKind | undefined
  if (GENERIC_MIMES.has(declared)) {
    chosen =
      byExtension[0] ?? (candidates.length === 1 ? candidates[0] : sniffed === 'text' ? 'txt' : undefined)
    if (!chosen) {
      return err(
        DomainErrors.unsupportedMediaType(
          'The office document type cannot be determined: send its MIME type or a file extension',
        ),
      )
    }
  } else {
    const byMime = candidates.filter((k) => mimeMatches(k, declared))
    // Two kinds sharing an alias (csv claims Excel's type) are told apart by the extension.
    chosen = byMime.find((k) => byExtension.includes(k)) ?? byMime[0]
    if (!chosen) {
      return err(
        DomainErrors.unsupportedMediaType(`The file content does not match the declared type ${declared}`),
      )
    }
  }

  const extensionKind = KIND_NAMES.find((k) => hasExtension(k, ext))
  if (extensionKind && extensionKind !== chosen) {
    const bothText = FILE_KINDS[extensionKind].family === 'text' && FILE_KINDS[chosen].family === 'text'
    // A .csv sent as text/plain is still a CSV; between other kinds the name contradicts the bytes.
    if (!bothText) {
      return err(DomainErrors.unsupportedMediaType(`The file extension .${ext} does not match its content`))
    }
    chosen = extensionKind
  }
  const kind = FILE_KINDS[chosen]
  // An unknown extension (".html", ".exe") must not decide how the downloaded copy is opened.
  const filename = extensionKind ? sanitized : withExtension(sanitized, kind.extensions[0])
  return ok({ kind: chosen, mimeType: kind.mime, filename })
}

function hasExtension(kind: FileKind, ext: string): boolean {
  return ext !== '' && (FILE_KINDS[kind].extensions as readonly string[]).includes(ext)
}

function mimeMatches(kind: FileKind, mime: string): boolean {
  const k = FILE_KINDS[kind]
  return k.mime === mime || (k.aliases as readonly string[]).includes(mime)
}

/** "Text/CSV; charset=utf-8" → "text/csv". */
function normalizeMime(value: string | null | undefined): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

function withExtension(filename: string, ext: string): string {
  const suffix = `.${ext}`
  const chars = Array.from(filename)
  const room = DOCUMENT_FILENAME_MAX - suffix.length
  return `${chars.length > room ? chars.slice(0, room).join('') : filename}${suffix}`
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false
  return prefix.every((b, i) => bytes[i] === b)
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0))
}

/**
 * OpenDocument files must start with an uncompressed `mimetype` entry holding their type
 * (ODF 1.2 part 3 §3.3), which lets the bytes tell a text from a spreadsheet.
 */
function odfKind(head: Uint8Array): SniffedKind | null {
  if (head.length < 30) return null
  const u16 = (at: number) => (head[at] ?? 0) | ((head[at + 1] ?? 0) << 8)
  const method = u16(8)
  const dataLength = u16(18) | (u16(20) << 16)
  const nameLength = u16(26)
  const extraLength = u16(28)
  const name = String.fromCharCode(...head.subarray(30, 30 + nameLength))
  if (name !== 'mimetype' || method !== 0 || dataLength > 100) return null
  const start = 30 + nameLength + extraLength
  if (head.length < start + dataLength) return null
  const mime = String.fromCharCode(...head.subarray(start, start + dataLength))
  if (mime === FILE_KINDS.odt.mime) return 'odt'
  if (mime === FILE_KINDS.ods.mime) return 'ods'
  return mime.startsWith('application/vnd.oasis.opendocument.') ? 'odf' : null
}

/**
 * Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and no NUL byte, which
 * binary files and UTF-16 text contain almost at once. A sequence cut by the end of an
 * incomplete head is accepted: the head is an arbitrary prefix of the file.
 */
export function isUtf8Text(bytes: Uint8Array, complete: boolean): boolean {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    if (b === 0) return false
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = b === 0xe0 ? 0xa0 : 0x80
      if (b === 0xed) max = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = b === 0xf0 ? 0x90 : 0x80
      if (b === 0xf4) max = 0x8f
    } else {
      return false
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return !complete
      const c = bytes[i + k] ?? 0
      // Only the first continuation byte has a narrowed range (it rules out overlongs/surrogates).
      const lo = k === 1 ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (c < lo || c > hi) return false
    }
    i += need + 1
  }
  return true
}
