import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DOCUMENT_FILENAME_MAX,
  extensionOf,
  fileSizeMb,
  sanitizeFilename,
  storageKeyFor,
  validateDocument,
} from './document.entity.ts'

describe('sanitizeFilename', () => {
  it('keeps the basename of Windows and Unix paths', () => {
    expect(sanitizeFilename('C:\\fakepath\\PV AG 2026.pdf')).toBe('PV AG 2026.pdf')
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFilename('/var/tmp/')).toBe('document')
    expect(sanitizeFilename('..')).toBe('document')
  })

  it('removes control and bidi characters, leading dots and header-breaking characters', () => {
    expect(sanitizeFilename('facture\u202Efdp.exe')).toBe('facturefdp.exe')
    expect(sanitizeFilename('a\r\nContent-Type: x.pdf')).toBe('aContent-Type_ x.pdf')
    expect(sanitizeFilename('.htaccess')).toBe('htaccess')
    expect(sanitizeFilename('devis "final"; v2.pdf')).toBe('devis _final__ v2.pdf')
    expect(sanitizeFilename('Re\u0301sidence.pdf')).toBe('Résidence.pdf')
  })

  it('truncates to the limit, keeping a short extension and whole code points', () => {
    const long = `${'é'.repeat(150)}${'😀'.repeat(100)}.pdf`
    const out = sanitizeFilename(long)
    expect(Array.from(out)).toHaveLength(DOCUMENT_FILENAME_MAX)
    expect(out.endsWith('😀.pdf')).toBe(true)
  })

  it('always yields a non-empty bounded name without path separators or control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const out = sanitizeFilename(name)
        expect(out.length).toBeGreaterThan(0)
        expect(Array.from(out).length).toBeLessThanOrEqual(DOCUMENT_FILENAME_MAX)
        expect(out).not.toMatch(/[/\\"]/)
        expect(Array.from(out).some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f')).toBe(false)
        expect(out.startsWith('.')).toBe(false)
      }),
    )
    // A hundred strings of up to 400 code points: well under a second quiet, more on a loaded machine.
  }, 30_000)
})

describe('document metadata', () => {
  it('validates type, title and description with snake_case paths', () => {
    expect(validateDocument({ documentType: 'Invoice', title: ' Facture ', description: ' ' })).toEqual({
      ok: true,
      value: { documentType: 'Invoice', title: 'Facture', description: null },
    })
    const r = validateDocument({ documentType: 'Memo' as 'Other', title: '', description: 'x'.repeat(2001) })
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        issues: [{ path: 'document_type' }, { path: 'title' }, { path: 'description' }],
      },
    })
  })

  it('derives the storage key from ids only', () => {
    expect(storageKeyFor('org', 'doc')).toBe('org/doc')
  })

  it('shows sizes in MB with two decimals and reads extensions case-insensitively', () => {
    expect(fileSizeMb(1_572_864)).toBe(1.5)
    expect(fileSizeMb(1000)).toBe(0)
    expect(extensionOf('PV.2026.PDF')).toBe('pdf')
    expect(extensionOf('README')).toBe('')
  })
})
