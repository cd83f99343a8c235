// Every error the code can raise has a text in every language: the domain's and the handlers'
// DomainErrors calls are read from the sources (a new conflict code, 404 entity or message without
// a catalogue entry fails here). Lives in functions/ because the domain's tests may not read files.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ERROR_MESSAGES, matchMessage } from '@koprogo/domain/i18n'
import { describe, expect, it } from 'vitest'

const errorEn = ERROR_MESSAGES.en
const ROOT = join(import.meta.dirname, '..', '..')
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (['node_modules', 'test', 'testing', 'i18n'].includes(f)) return []
    if (statSync(p).isDirectory()) return sources(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

/** The top-level arguments of each `DomainErrors.name(...)` call, as source text. */
function calls(src: string): { name: string; args: string[] }[] {
  const out: { name: string; args: string[] }[] = []
  for (const m of src.matchAll(/DomainErrors\.(\w+)\(/g)) {
    const args: string[] = []
    let depth = 0
    let cur = ''
    let quote: string | null = null
    for (let i = (m.index ?? 0) + m[0].length; i < src.length; i++) {
      const ch = src[i] as string
      if (quote) {
        cur += ch
        if (ch === '\\') cur += src[++i]
        else if (ch === quote) quote = null
        continue
      }
      if (ch === "'" || ch === '`') quote = ch
      else if ('([{'.includes(ch)) depth++
      else if (')]}'.includes(ch)) {
        if (depth === 0) break
        depth--
      } else if (ch === ',' && depth === 0) {
        args.push(cur.trim())
        cur = ''
        continue
      }
      cur += ch
    }
    if (cur.trim()) args.push(cur.trim())
    out.push({ name: m[1] as string, args })
  }
  return out
}

/** A string literal's text with each `${…}` replaced by a sample value; null for non-literals. */
const literal = (arg: string | undefined) =>
  arg && /^(['`]).*\1$/s.test(arg) ? arg.slice(1, -1).replace(/\$\{[^}]*\}/g, '7') : null

const FILES = [...sources(join(ROOT, 'domain', 'src')), ...sources(join(ROOT, 'functions'))].map((p) => ({
  path: p,
  src: readFileSync(p, 'utf8'),
}))
/** `const NAME = '…'` in the same file: messages kept in a constant (INVALID, REUSE…). */
const constant = (src: string, name: string | undefined) =>
  name && /^[A-Z_]+$/.test(name) ? (new RegExp(`const ${name} =\\s*('[^']*')`).exec(src)?.[1] ?? null) : null

describe('every error the code can raise is translated', () => {
  // The register import's row-by-row report keeps its own (English) messages for now.
  const REGISTER = /register-(plan|sheet)\.ts$|import-register\.use-case\.ts$/
  // Files whose `message:` are no API error text: the DomainErrors factories themselves, startup
  // configuration checks, and the seed endpoint's success message.
  const NOT_ERRORS = /domain-error\.ts$|_shared[\\/]env\.ts$|seed\.service\.ts$/

  it('finds the calls (the scan itself works)', () => {
    expect(FILES.length).toBeGreaterThan(50)
    expect(FILES.flatMap((f) => calls(f.src)).length).toBeGreaterThan(150)
  })

  it('has a text for every conflict code', () => {
    const codes = new Set<string>()
    for (const f of FILES)
      for (const c of calls(f.src))
        if (c.name === 'conflict') {
          const code = literal(c.args[0]) ?? literal(constant(f.src, c.args[0]) ?? undefined)
          if (code) codes.add(code)
        }
    // The unique-constraint table of the error mapper: [code, message] pairs.
    const problem = FILES.find((f) => f.path.endsWith(join('_shared', 'problem.ts')))?.src ?? ''
    const table = /UNIQUE_CONSTRAINTS[^=]*=\s*\{([^}]*)\}/.exec(problem)?.[1] ?? ''
    for (const m of table.matchAll(/\[\s*'([a-z_]+)',/g)) codes.add(m[1] as string)
    expect(codes.size).toBeGreaterThan(20)
    const keys = Object.keys(errorEn)
    expect(
      [...codes].filter(
        (c) => !keys.some((k) => k === `error.code.${c}` || k.startsWith(`error.code.${c}.`)),
      ),
    ).toEqual([])
  })

  it('has a name for every entity of a 404 or a stale version', () => {
    const entities = new Set<string>()
    for (const f of FILES)
      for (const c of calls(f.src))
        if (c.name === 'notFound' || c.name === 'versionConflict') {
          const e = literal(c.args[0])
          if (e) entities.add(e)
        }
    expect([...entities].filter((e) => !(`error.entity.${e}` in errorEn))).toEqual([])
  })

  it('matches every free-text message and field message written in the code', () => {
    const messages = new Set<string>()
    for (const f of FILES) {
      if (REGISTER.test(f.path)) continue
      for (const c of calls(f.src)) {
        const at = ['forbidden', 'unauthenticated', 'unsupportedMediaType', 'validation'].includes(c.name)
          ? 0
          : ['invalidField', 'serverBusy'].includes(c.name)
            ? 1
            : -1
        if (at < 0) continue
        const text = literal(c.args[at]) ?? literal(constant(f.src, c.args[at]) ?? undefined)
        if (text) messages.add(text)
      }
      if (NOT_ERRORS.test(f.path)) continue
      for (const m of f.src.matchAll(/\bmessage: ('[^']*'|`[^`]*`)/g)) {
        const text = literal(m[1])
        if (text) messages.add(text)
      }
    }
    expect(messages.size).toBeGreaterThan(80)
    const unmatched = [...messages].filter((m) => !matchMessage(m) && m !== errorEn['error.server_busy'])
    expect(unmatched).toEqual([])
  })
})
