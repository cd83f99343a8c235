import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'
import { rowCountMismatches } from './row-count-check.ts'
import { type JsonSchema, resolveRef } from './sample-request.ts'

/**
 * Hostile-input fuzzing of every operation in the OpenAPI document (docs/security.md). Each
 * generated request starts from the operation's own schemas (path and query parameters, JSON
 * body) and then breaks it: wrong types, huge strings and arrays, unicode edge cases, extreme
 * numbers, extra fields, traversal and SQL-looking strings, malformed JSON, wrong content types,
 * oversized bodies, bad tokens. For every answer:
 *   - never a 5xx;
 *   - every 4xx is application/problem+json with a string `error`;
 *   - a 4xx changed no row: the row count of every table (audit log included) is unchanged.
 * FUZZ_RUNS scales the run (default 10,000 on PGlite, 3,000 on Postgres: see RUNS);
 * FUZZ_SEED=random explores, FUZZ_SEED=<n> replays one.
 */
/**
 * The default suite sends 10,000 requests on PGlite (every run, with or without a Postgres) and,
 * in CI, the FIRST 3,000 of the same seeded sequence again on Postgres (fc.sample draws each
 * request from its own index: a shorter run is a prefix of the longer one, so every request
 * Postgres sees PGlite saw too). The fuzzer's findings so far were the app's, not a driver's
 * (docs/security.md; 3,000 is the Postgres run of its first figures, 2026-11-23): the Postgres
 * pass checks the pg driver's error mapping on the same inputs. FUZZ_RUNS=10000 (or more) sets
 * both (docs/testing.md).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.TEST_DB === 'postgres' ? 3_000 : 10_000))
// A fixed default seed keeps `make test` reproducible (a CI run must not fail on a new random
// draw); FUZZ_SEED=random explores new inputs, FUZZ_SEED=<n> replays a reported run.
const DEFAULT_SEED = 20_261_123
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Date.now() % 2_147_483_647
    : Number(process.env.FUZZ_SEED || DEFAULT_SEED)
/** Tables a refused request may legitimately write: failed logins are counted; 4xx answers to an
 * idempotent POST are stored for replay. */
const MAY_CHANGE_ON_4XX = new Set(['login_throttle', 'idempotency_keys'])

type Param = { name: string; in: string; schema?: JsonSchema; required?: boolean }
type Op = {
  method: string
  path: string
  params: Param[]
  body?: JsonSchema | undefined
  contentTypes: string[]
}
type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Param[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
    >
  >
  components?: { schemas?: Record<string, JsonSchema> }
}
type FuzzRequest = {
  op: Op
  method: string
  url: string
  headers: Record<string, string>
  body?: string | Uint8Array | undefined
}

let api: TestApi
let doc: Doc
const ops: Op[] = []
let tokens: { syndic: string; other: string }
const ids: string[] = []
let countRows: () => Promise<Record<string, number>>

beforeAll(async () => {
  api = await createTestApi({ LOGIN_MAX_FAILURES_PER_IP: '1000000' })
  const fx = propertyFixtures(api)
  doc = (await api.request('GET', '/api/v1/openapi.json')).body
  const t = await api.tenant()
  const other = await api.tenant()
  tokens = { syndic: t.syndic.token, other: other.syndic.token }
  const building = await fx.building(t.syndic.token)
  const unit = await fx.unit(t.syndic.token, building.id)
  const owner = await fx.owner(t.syndic.token)
  await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, { token: t.syndic.token })
  const otherBuilding = await fx.building(other.syndic.token)
  // Never the fuzzing syndic itself: deactivating it would turn the rest of the run into 401s.
  ids.push(t.org.id, t.accountant.id, t.owner.id, building.id, unit.id, owner.id, otherBuilding.id)
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {}
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema,
        contentTypes: Object.keys(content),
      })
    }
  }
  countRows = await rowCounter(t.org.id)
})
afterAll(() => api.close())

/**
 * One query counting every table. On PGlite the database is this file's alone, so every row
 * counts; on the shared Postgres of CI other files write concurrently, so tenant tables are
 * counted for the fuzzed organization and global tables are left out.
 */
async function rowCounter(orgId: string) {
  const cols = (await api.inspect.execute(sql`
    select table_name, bool_or(column_name = 'organization_id') as tenant
    from information_schema.columns where table_schema = 'public' group by table_name order by table_name`)) as {
    rows: { table_name: string; tenant: boolean }[]
  }
  const shared = process.env.TEST_DB === 'postgres'
  const parts = cols.rows
    .filter((r) => !MAY_CHANGE_ON_4XX.has(r.table_name) && (!shared || r.tenant))
    .map((r) => {
      const where = shared ? ` where organization_id = '${orgId}'` : ''
      return `(select count(*) from "${r.table_name}"${where})::int as "${r.table_name}"`
    })
  const query = sql.raw(`select ${parts.join(', ')}`)
  return async () => {
    const r = (await api.inspect.execute(query)) as { rows: Record<string, number>[] }
    return r.rows[0] ?? {}
  }
}

// ── generators ──────────────────────────────────────────────────────────────────────────────

const hostileStrings = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', "' OR 1=1 --", '../../etc/passwd'),
  },
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202eevil\u202c',
    'مرحبا بالعالم',
    '🏠🔑👨‍👩‍👧‍👦',
    '\ufeffBOM',
    'e\u0301\u0301\u0301',
    '../../../../etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '%00',
    "'; DROP TABLE users; --",
    "1' OR '1'='1",
    '$1',
    '<script>alert(1)</script>',
    '{{7*7}}',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    ' 42 ',
    '2026-02-30',
    '0000-01-01',
    '99999-12-31T25:61:61Z',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-a-uuid',
    'true',
    'null',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(1_000, 10_000, 100_000).map((n) => 'x'.repeat(n)),
)

const hostileNumbers = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    1.5,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53 + 1,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    1e-320,
    0.1 + 0.2,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 2, arbitrary: hostileNumbers },
  fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, ['a', 1, null]),
  fc.constantFrom(10, 1000, 100_000).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.constantFrom(50, 500).map((depth) => {
    let v: unknown = 1
    for (let i = 0; i < depth; i++) v = [v]
    return v
  }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Row ids: mostly real ones (this tenant's and another's), else random uuids or garbage. */
const idValue = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileStrings },
  )

/** A value that satisfies the schema most of the time (so validation is passed and handlers run). */
function validish(name: string, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveRef(doc, schema) as JsonSchema & {
    minLength?: number
    maxLength?: number
    maximum?: number
    pattern?: string
  }
  const variants = s.anyOf ?? s.oneOf
  if (variants) return fc.oneof(...variants.map((v) => validish(name, v, depth)))
  if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum)
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'null') : s.type
  if (name.endsWith('_id') || s.format === 'uuid') return idValue()
  switch (type) {
    case 'object': {
      const props = s.properties ?? {}
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, v] of Object.entries(props))
        record[k] = depth > 4 ? fc.constant(null) : field(k, v, depth + 1)
      return fc.record(record, { requiredKeys: s.required?.filter((k) => k in props) ?? [] })
    }
    case 'array':
      return fc.array(field(name, s.items ?? {}, depth + 1), { maxLength: 3 })
    case 'integer':
    case 'number': {
      const hint = NUMBER_HINTS[name]
      if (hint)
        return type === 'integer' || Number.isInteger(hint[0] + hint[1])
          ? fc.integer({ min: Math.ceil(hint[0]), max: Math.floor(hint[1]) })
          : fc.double({ min: hint[0], max: hint[1], noNaN: true })
      break
    }
    default:
      break
  }
  switch (type) {
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -5, -1e6), max: Math.min(s.maximum ?? 5_000, 1e9) })
    case 'number':
      return fc.double({ min: s.minimum ?? -5, max: Math.min(s.maximum ?? 5_000, 1e9), noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      break
  }
  if (s.format === 'email' || name.includes('email')) return fc.emailAddress().map((e) => e.slice(0, 100))
  if (s.format === 'date' || name.endsWith('_date')) return fc.constantFrom('2026-03-01', '2025-12-31')
  if (s.format === 'date-time') return fc.constant('2027-06-01T18:00:00Z')
  if (name === 'password') return fc.constantFrom('Sturdy-Pass-2026', 'short')
  if (s.pattern)
    return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 100))
  return fc.string({ minLength: Math.min(s.minLength ?? 1, 5), maxLength: Math.min(s.maxLength ?? 20, 30) })
}

function field(name: string, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  return validish(name, schema, depth)
}

/** Replaces the value at one place (chosen by `pick`) of a JSON value with `hostile`. */
function mutateOne(value: unknown, hostile: unknown, pick: number): unknown {
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []
  const walk = (v: unknown) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        places.push({ parent: v, key: i })
        walk(x)
      })
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        places.push({ parent: v as Record<string, unknown>, key: k })
        walk(x)
      }
  }
  const copy: unknown = structuredClone(value)
  walk(copy)
  const place = places[pick % Math.max(places.length, 1)]
  if (!place) return hostile
  if (Array.isArray(place.parent)) place.parent[Number(place.key)] = hostile
  else place.parent[String(place.key)] = hostile
  return copy
}

/** Fields a client should not control: ignored or refused, never obeyed. */
const extraFields = fc.dictionary(
  fc.constantFrom(
    'organization_id',
    'id',
    'version',
    'role',
    'is_active',
    'password_hash',
    'constructor',
    'x',
  ),
  fc.oneof(fc.uuid(), fc.constantFrom('superadmin', true, 1, 'x', null)),
  { maxKeys: 3 },
)

/** Realistic ranges for numbers whose limits are business rules rather than schema bounds. */
const NUMBER_HINTS: Record<string, [number, number]> = {
  construction_year: [1900, 2025],
  quota: [1, 100],
  total_tantiemes: [1000, 10_000],
  total_units: [1, 50],
  surface_area: [10, 200],
  amount: [1, 5000],
  floor: [-2, 20],
  ownership_share: [0.01, 1],
  percentage: [0.01, 1],
  page: [1, 3],
  per_page: [1, 100],
}

const malformedJson = fc.constantFrom(
  '{"email": ',
  '{',
  '[',
  '{"a":1,}',
  "{'a':1}",
  'NaN',
  '\ufeff{}',
  '{"__proto__":{"role":"superadmin"},"name":"x"}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e99999}',
  '{"a":-}',
  '"just a string"',
  'null',
  '12',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
)

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zzz',
  'application/xml',
  'application/json; charset=utf-16',
  '',
)

type RawBody = { body?: string | Uint8Array; contentType?: string }

function bodyFor(op: Op): fc.Arbitrary<RawBody> {
  const schema = op.body
  const clean = schema
    ? fc
        .tuple(validish('body', schema), extraFields, fc.boolean())
        .map(([v, extra, addExtra]) =>
          addExtra && v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, ...extra } : v,
        )
    : fc.constant({})
  // Mostly one hostile field in an otherwise valid body, so the value gets past the other checks.
  const valid = fc.oneof(
    { weight: 1, arbitrary: clean },
    {
      weight: 3,
      arbitrary: fc.tuple(clean, hostileValue, fc.nat()).map(([v, h, pick]) => mutateOne(v, h, pick)),
    },
  )
  return fc.oneof(
    {
      weight: 12,
      arbitrary: valid.map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: hostileValue.map((v) => ({
        body: JSON.stringify(v) ?? 'null',
        contentType: 'application/json',
      })),
    },
    { weight: 2, arbitrary: malformedJson.map((b) => ({ body: b, contentType: 'application/json' })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, contentTypes)
        .map(([v, ct]) => ({ body: JSON.stringify(v), contentType: ct })),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ body: b, contentType: 'application/json' })),
    },
    // Over the 1 MiB JSON limit.
    {
      weight: 1,
      arbitrary: fc.constant({
        body: `{"name":"${'x'.repeat(1_100_000)}"}`,
        contentType: 'application/json',
      }),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  )
}

function paramValue(p: Param): fc.Arbitrary<string> {
  const v = fc.oneof(
    { weight: 2, arbitrary: validish(p.name, p.schema ?? {}) },
    { weight: 1, arbitrary: hostileValue },
  )
  return v.map((x) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? '')))
}

const tokenArb = fc.oneof(
  { weight: 16, arbitrary: fc.constant<string | undefined>('syndic') },
  { weight: 2, arbitrary: fc.constant<string | undefined>('other') },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Bearer',
      'Bearer x.y.z',
      'Basic YWRtaW46YWRtaW4=',
      'Bearer a b',
      `Bearer ${'a'.repeat(8000)}`,
    ),
  },
)

/** encodeURIComponent, but lone surrogates go out as U+FFFD's bytes instead of throwing. */
function percentEncode(v: string): string {
  return Array.from(new TextEncoder().encode(v), (b) =>
    /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).padStart(2, '0')}`,
  ).join('')
}

function requestFor(op: Op): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path')
  const queryParams = op.params.filter((p) => p.in === 'query')
  return fc
    .record({
      path: fc.tuple(
        ...pathParams.map((p) => (p.name.endsWith('id') ? idValue() : paramValue(p)).map(String)),
      ),
      rawPath: fc.boolean(),
      query: fc.tuple(
        ...queryParams.map((p) =>
          fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: paramValue(p) }),
        ),
      ),
      extraQuery: fc.option(
        fc.tuple(fc.constantFrom('page', 'per_page', 'sort_by', 'x', 'page[]'), hostileStrings),
      ),
      body: op.method === 'GET' || op.method === 'DELETE' ? fc.constant<RawBody>({}) : bodyFor(op),
      token: tokenArb,
      method: fc.oneof(
        { weight: 30, arbitrary: fc.constant(op.method) },
        { weight: 1, arbitrary: fc.constantFrom('PATCH', 'PUT', 'DELETE', 'POST', 'HEAD') },
      ),
      idempotencyKey: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.uuid().map((u) => `fuzz-${u}`) },
        { weight: 1, arbitrary: fc.constantFrom('fuzz-key-0001', 'x', 'key with spaces!', 'k'.repeat(200)) },
      ),
      ifMatch: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('1', '"1"', 'W/"1"', '-1', 'abc', '99999999999999999999', '1e3'),
        },
      ),
    })
    .map((g) => {
      let i = 0
      const url = op.path.replace(/\{[a-z_]+\}/g, () => {
        const v = g.path[i++] ?? ''
        // Raw: traversal and slashes reach the router as they are; else one path segment.
        return g.rawPath ? v.replaceAll('?', '%3F').replaceAll('#', '%23') : percentEncode(v)
      })
      const qs = new URLSearchParams()
      queryParams.forEach((p, k) => {
        const v = g.query[k]
        if (v !== undefined) qs.append(p.name, v)
      })
      if (g.extraQuery) qs.append(g.extraQuery[0], g.extraQuery[1])
      const headers: Record<string, string> = {}
      if (g.token === 'syndic') headers.authorization = `Bearer ${tokens.syndic}`
      else if (g.token === 'other') headers.authorization = `Bearer ${tokens.other}`
      else if (g.token !== undefined) headers.authorization = g.token
      if (g.body.contentType) headers['content-type'] = g.body.contentType
      if (g.idempotencyKey) headers['idempotency-key'] = g.idempotencyKey
      if (g.ifMatch) headers['if-match'] = g.ifMatch
      const query = qs.toString()
      return {
        op,
        method: g.method,
        url: `${url}${query ? `?${query}` : ''}`,
        headers,
        body: g.method === 'GET' || g.method === 'HEAD' ? undefined : g.body.body,
      }
    })
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────

describe('hostile input (fast-check, every operation of the OpenAPI document)', () => {
  it(`${RUNS} generated requests: no 5xx, every 4xx a problem, no row changed by a refusal`, {
    timeout: 600_000,
  }, async () => {
    expect(ops.length).toBeGreaterThan(30)
    const arb = fc.constantFrom(...ops).chain(requestFor)
    const samples = fc.sample(arb, { numRuns: RUNS, seed: SEED })
    const findings = new Map<string, string>()
    const statuses: Record<string, number> = {}
    const unsendable = new Map<string, number>()
    const byOp: Record<string, Record<number, number>> = {}
    let before = await countRows()
    const started = performance.now()
    for (const r of samples) {
      let headerBag: Headers | undefined
      const init: RequestInit = { method: r.method, headers: r.headers }
      if (r.body !== undefined) init.body = typeof r.body === 'string' ? r.body : new Uint8Array(r.body)
      let res: Response
      try {
        res = await api.app.request(r.url, init)
      } catch (error) {
        // A URL the Request constructor itself refuses never reaches a server.
        if (error instanceof TypeError) {
          unsendable.set(error.message, (unsendable.get(error.message) ?? 0) + 1)
          continue
        }
        throw error
      }
      headerBag = res.headers
      const text = await res.text()
      const key = `${r.op.method} ${r.op.path}`
      const bucket = `${Math.floor(res.status / 100)}xx`
      statuses[bucket] = (statuses[bucket] ?? 0) + 1
      const perOp = byOp[key] ?? {}
      byOp[key] = perOp
      perOp[res.status] = (perOp[res.status] ?? 0) + 1
      if (process.env.FUZZ_DEBUG && r.op.path === process.env.FUZZ_DEBUG && r.op.method === r.method)
        console.info(
          res.status,
          r.url.slice(0, 100),
          typeof r.body === 'string' ? r.body.slice(0, 300) : '',
          text.slice(0, 400),
        )
      const after = await countRows()
      const problems: string[] = []
      if (res.status >= 500) problems.push(`${res.status}`)
      if (res.status >= 400 && r.method !== 'HEAD') {
        if (!headerBag.get('content-type')?.startsWith('application/problem+json'))
          problems.push(`${res.status} not problem+json (${headerBag.get('content-type')})`)
        let parsed: unknown = null
        try {
          parsed = JSON.parse(text)
        } catch {
          parsed = null
        }
        const error =
          parsed !== null && typeof parsed === 'object' && 'error' in parsed ? parsed.error : undefined
        if (typeof error !== 'string') problems.push(`${res.status} without an error member`)
        const changed = Object.keys(after).filter((t) => after[t] !== before[t])
        if (changed.length > 0) problems.push(`${res.status} changed ${changed.join(', ')}`)
      }
      for (const p of problems) {
        const id = `${key} → ${p}`
        if (!findings.has(id) && findings.size < 40) {
          const body =
            typeof r.body === 'string' ? r.body.slice(0, 200) : r.body ? `<${r.body.length} bytes>` : ''
          findings.set(
            id,
            `${r.method} ${r.url.slice(0, 200)} ${JSON.stringify(r.headers).slice(0, 200)} ${body} ⇒ ${text.slice(0, 300)}`,
          )
        }
      }
      before = after
    }
    const seconds = (performance.now() - started) / 1000
    if (process.env.FUZZ_VERBOSE) console.info(byOp, [...unsendable])
    console.info(
      `fuzz: ${samples.length} requests over ${ops.length} operations in ${seconds.toFixed(1)} s (seed ${SEED}): ${JSON.stringify(statuses)}`,
    )
    expect(
      [...findings].map(([k, v]) => `${k}\n    ${v}`),
      `replay with FUZZ_SEED=${SEED}`,
    ).toEqual([])
    // The accepted requests created and deleted rows: the list totals' counters must still agree.
    expect(await rowCountMismatches(api.inspect)).toEqual([])
  })
})

describe('hostile input: regressions found by the fuzzer', () => {
  const building = {
    name: 'Résidence',
    address: 'Rue de la Loi 16',
    city: 'Bruxelles',
    postal_code: '1000',
    country: 'Belgium',
    total_units: 10,
    total_tantiemes: 1000,
    construction_year: 1972,
  }

  it.each([
    ['a NUL in a JSON string', JSON.stringify({ ...building, name: 'a\u0000b' })],
    ['a NUL in a JSON key', JSON.stringify({ ...building, 'x\u0000': 1 })],
    [
      'a lone surrogate (jsonb refuses it after the row committed)',
      JSON.stringify({ ...building, address: '\ud800' }),
    ],
  ])('refuses %s with 400 and writes nothing', async (_what, body) => {
    const before = await countRows()
    const res = await api.request('POST', '/api/v1/buildings', {
      token: tokens.syndic,
      rawBody: body,
      headers: { 'content-type': 'application/json', 'idempotency-key': `k-${crypto.randomUUID()}` },
    })
    expect(res.status, res.text).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await countRows()).toEqual(before)
  })

  it('accepts what only looks like an escape (a backslash then "u0000") and real pairs', async () => {
    const res = await api.request('POST', '/api/v1/buildings', {
      token: tokens.syndic,
      body: { ...building, name: 'C:\\u0000 🏠', address: 'עברית RTL \u202e' },
    })
    expect(res.status, res.text).toBe(201)
    expect(res.body.name).toBe('C:\\u0000 🏠')
  })

  it.each([
    '/api/v1/owners?last_name=a%00b',
    '/api/v1/buildings?city=%00',
    '/api/v1/buildings?construction_year=99999999999',
    '/api/v1/units?floor=-99999999999',
  ])('answers GET %s with 400, not a SQL error', async (url) => {
    const res = await api.request('GET', url, { token: tokens.syndic })
    expect(res.status, res.text).toBe(400)
    expect(res.body.error).toEqual(expect.any(String))
  })
})
