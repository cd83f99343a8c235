import { DomainErrors, err, mapCamt053, type ParsedStatement, parseCoda, type Result } from '@koprogo/domain'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/*
 * A bank statement file's bytes → the statements in it (ADR 0038). The format is decided from the
 * content, never the name: XML (after an optional BOM and blanks, '<') is camt.053, text whose
 * first record is a CODA header ('0', 128 characters) is CODA. CODA files are Latin-1 /
 * Windows-1252 text from most Belgian banks, UTF-8 from some: UTF-8 is tried first.
 */

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Amounts, dates and references stay strings: no number guessing ("0012" is a reference).
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
})

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

export function readStatementFile(bytes: Uint8Array): Result<readonly ParsedStatement[]> {
  if (bytes.length === 0) return err(DomainErrors.invalidField('file', 'is empty'))
  if (bytes.subarray(0, 8192).includes(0)) {
    return err(DomainErrors.unsupportedMediaType('The file is neither a CODA statement nor camt.053 XML'))
  }
  const text = decode(bytes).replace(/^\uFEFF/, '')
  const start = text.trimStart()
  if (start.startsWith('<')) return readCamt(text)
  if (/^0[0-9 ]{4}/.test(start)) return parseCoda(text)
  return err(DomainErrors.unsupportedMediaType('The file is neither a CODA statement nor camt.053 XML'))
}

function readCamt(text: string): Result<readonly ParsedStatement[]> {
  // A statement has no use for a DTD; refusing it rules out entity-expansion bombs.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return err(
      DomainErrors.validation('A camt.053 file has no DOCTYPE', [
        { path: 'DOCTYPE', message: 'is not allowed' },
      ]),
    )
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { line, col, msg } = valid.err
    const path = `line ${line}, column ${col}`
    // The parser's reason stays as it wrote it; the line and column are said in the reader's language.
    return err(
      DomainErrors.validation(
        `The XML is not well-formed (line ${line}, column ${col}: ${msg}); nothing was imported`,
        [{ path, message: msg }],
        { code: 'statementXmlAt', params: { line, column: col } },
      ),
    )
  }
  return mapCamt053(parser.parse(text))
}
