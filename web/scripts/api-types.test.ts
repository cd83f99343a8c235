// The "done when" of issue #13, item 9: the web's typecheck fails when the API renames a response
// field the web reads. The API's OpenAPI document is copied with Building.city renamed, the types
// are regenerated from it into a copy of web/src, and tsc runs on that copy: it must fail naming
// the field. The same run on the unmodified document passes (ADR 0026).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const web = resolve(import.meta.dirname, '..')
const repo = resolve(web, '..')
const node = process.execPath
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc')

let dir = ''
let document: {
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> }
}

function run(args: string[]) {
  const r = spawnSync(node, args, { cwd: repo, encoding: 'utf8' })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

/** Regenerates the web's types from `doc` into the copy of web/src, then typechecks the copy. */
function typecheckAgainst(doc: unknown): { code: number | null; out: string } {
  const docFile = join(dir, 'openapi.json')
  writeFileSync(docFile, JSON.stringify(doc))
  const gen = run([
    'scripts/api-types.ts',
    '--document',
    docFile,
    '--out',
    join(dir, 'src/lib/api-schema.gen.ts'),
  ])
  expect(gen.code, gen.out).toBe(0)
  // Incremental: the second typecheck rechecks only what the regenerated types reach and keeps the
  // first one's verdict for the rest (≈ 25 % less CPU than a full tsc; either order works).
  return run([tsc, '-p', dir, '--incremental', '--tsBuildInfoFile', join(dir, 'tsbuildinfo')])
}

beforeAll(() => {
  // Inside web/ so the copy resolves web/node_modules (solid-js, openapi-fetch, vite types).
  dir = mkdtempSync(join(web, '.typecheck-proof-'))
  // The app's code only: unit tests may reach outside web/src by relative paths one level shallower.
  cpSync(join(web, 'src'), join(dir, 'src'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  })
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', include: ['src'], compilerOptions: { noEmit: true } }),
  )
  const emitted = run(['scripts/api-types.ts', '--emit-document', join(dir, 'original.json')])
  expect(emitted.code, emitted.out).toBe(0)
  document = JSON.parse(readFileSync(join(dir, 'original.json'), 'utf8'))
  // Copying web/src and starting the API to emit its document take > 10 s on a loaded CI machine.
}, 180_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('a renamed response field fails the web typecheck', () => {
  it('passes on the API document as it is', () => {
    const r = typecheckAgainst(document)
    expect(r.out).toBe('')
    expect(r.code).toBe(0)
  }, 180_000)

  it('fails, naming the field, when Building.city is renamed to town', () => {
    const renamed = structuredClone(document)
    const building = renamed.components.schemas.Building
    if (!building) throw new Error('no Building schema in the document')
    const { city, ...rest } = building.properties
    building.properties = { ...rest, town: city }
    building.required = building.required?.map((f) => (f === 'city' ? 'town' : f))
    const r = typecheckAgainst(renamed)
    expect(r.code).not.toBe(0)
    expect(r.out).toMatch(/Property 'city' does not exist/)
  }, 180_000)
})
