import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { PUBLIC_BODY_ROUTES } from '../_shared/app.ts'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'

/**
 * Hostile bodies (issue #12 items 3 and 6; docs/security.md § Hostile bodies and expensive
 * requests): a body is admitted from its headers before a byte of it is read, uploads are
 * streamed to the file store, and malformed text, versions and dates are 400s, not 500s.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())
afterEach(() => vi.restoreAllMocks())

const CHUNK = 64 * 1024

/**
 * A body that never ends (each pull hands out one more 64 KiB chunk of `fill`), recording how many
 * chunks the server pulled. An answer at all proves the server did not wait for the whole body.
 */
function endlessBody(fill = 0x20) {
  const chunk = new Uint8Array(CHUNK).fill(fill)
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled: () => pulled }
}

function send(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return api.app.request(path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
}

describe('a body is admitted from its headers before any of it is read', () => {
  const FORTY_FIVE_MB = String(45 * 1024 * 1024)

  it.each([
    ['declared 45 MB', { 'content-length': FORTY_FIVE_MB }],
    ['chunked, never ending', {}],
  ])('unauthenticated JSON to /api/v1/documents (%s) → 401, body unread', async (_name, extra) => {
    const body = endlessBody()
    const res = await send('/api/v1/documents', body.stream, { 'content-type': 'application/json', ...extra })
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    // A ReadableStream may pre-fill its queue (high-water mark 1) before anyone reads it.
    expect(body.pulled()).toBeLessThanOrEqual(1)
  })

  it.each([
    ['application/json', { 'content-length': FORTY_FIVE_MB }],
    ['application/json', {}],
    ['text/plain', {}],
    ['application/x-www-form-urlencoded', {}],
    ['application/octet-stream', {}],
  ])('with a valid token, %s to the upload route → 415, body unread (%#)', async (type, extra) => {
    const { syndic } = await api.tenant()
    const body = endlessBody()
    const res = await send('/api/v1/documents', body.stream, {
      authorization: `Bearer ${syndic.token}`,
      'content-type': type,
      ...extra,
    })
    expect(res.status).toBe(415)
    expect(body.pulled()).toBeLessThanOrEqual(1)
  })

  it('an invalid token gets a 401 before its body is read, on a public route too', async () => {
    for (const path of ['/api/v1/buildings', '/api/v1/auth/login']) {
      const body = endlessBody()
      const res = await send(path, body.stream, {
        authorization: 'Bearer not-a-token',
        'content-type': 'application/json',
      })
      expect(res.status, path).toBe(401)
      expect(body.pulled()).toBeLessThanOrEqual(1)
    }
  })

  it('unauthenticated bodies on any other /api/v1 route → 401 unread (DELETE, PUT, unknown paths)', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/buildings'],
      ['PUT', `/api/v1/buildings/${crypto.randomUUID()}`],
      ['POST', '/api/v1/seed/demo'],
      ['POST', '/api/v1/nope'],
    ] as const) {
      const body = endlessBody()
      const res = await api.app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit)
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(body.pulled()).toBeLessThanOrEqual(1)
    }
  })

  it('with a valid token, a declared 45 MB JSON body anywhere → 413 unread; a chunked one stops at 1 MiB', async () => {
    const { syndic } = await api.tenant()
    const auth = { authorization: `Bearer ${syndic.token}`, 'content-type': 'application/json' }
    const declared = endlessBody()
    const res = await send('/api/v1/buildings', declared.stream, { ...auth, 'content-length': FORTY_FIVE_MB })
    expect(res.status).toBe(413)
    expect(declared.pulled()).toBeLessThanOrEqual(1)
    const chunked = endlessBody()
    expect((await send('/api/v1/buildings', chunked.stream, auth)).status).toBe(413)
    expect(chunked.pulled() * CHUNK).toBeLessThanOrEqual(1024 * 1024 + 2 * CHUNK)
  })

  it('the public body routes are exactly the OpenAPI document’s write routes without security', async () => {
    const doc = (await (await api.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>
    }
    const unsecured: string[] = []
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (['post', 'put', 'patch', 'delete'].includes(method) && !op.security?.length)
          unsecured.push(`${method.toUpperCase()} ${path}`)
      }
    }
    expect(unsecured.sort()).toEqual([...PUBLIC_BODY_ROUTES].sort())
  })
})

const encode = (text: string) => new TextEncoder().encode(text)
const PDF_HEAD = encode('%PDF-1.4\n')

/** A multipart body as bytes, its parts in the given order. */
function multipart(
  parts: ({ name: string; value: string } | { name: 'file'; bytes: Uint8Array; filename: string })[],
) {
  const boundary = `----koprogo${crypto.randomUUID()}`
  const pieces: Uint8Array[] = []
  for (const p of parts) {
    const head =
      'bytes' in p
        ? `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${p.filename}"\r\nContent-Type: application/pdf\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`
    pieces.push(encode(head), 'bytes' in p ? p.bytes : encode(p.value), encode('\r\n'))
  }
  pieces.push(encode(`--${boundary}--\r\n`))
  const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of pieces) {
    all.set(p, offset)
    offset += p.length
  }
  return { bytes: all, contentType: `multipart/form-data; boundary=${boundary}` }
}

/** `bytes` as a chunked stream of `size`-byte pieces; `gate(i)` may hold piece i back. */
function chunked(bytes: Uint8Array, size: number, gate?: (index: number) => Promise<void>) {
  let index = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const start = index * size
      if (start >= bytes.length) return controller.close()
      await gate?.(index)
      controller.enqueue(bytes.slice(start, start + size))
      index += 1
    },
  })
}

/** A PDF-looking file of `n` bytes with varied content, so a shifted or dropped byte shows. */
function pdfOf(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  for (let i = 0; i < n; i++) bytes[i] = (i * 31 + 7) % 251
  bytes.set(PDF_HEAD)
  return bytes
}

async function uploadSetup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  const fields = [
    { name: 'building_id', value: building.id },
    { name: 'document_type', value: 'Other' },
    { name: 'title', value: 'Plans' },
  ]
  const post = (body: ReadableStream<Uint8Array> | Uint8Array, contentType: string) =>
    api.app.request('/api/v1/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.syndic.token}`, 'content-type': contentType },
      body,
      duplex: 'half',
    } as RequestInit)
  const download = async (id: string) =>
    new Uint8Array(
      await (
        await api.app.request(`/api/v1/documents/${id}/download`, {
          headers: { authorization: `Bearer ${t.syndic.token}` },
        })
      ).arrayBuffer(),
    )
  const count = async () =>
    (await api.request('GET', `/api/v1/documents?building_id=${building.id}`, { token: t.syndic.token })).body
      .pagination.total_items as number
  return { t, building, fields, post, download, count }
}

describe('uploads are streamed to the file store', () => {
  it('stores a file sent in 7-byte pieces byte for byte (the parser across chunk boundaries)', async () => {
    const u = await uploadSetup()
    const file = pdfOf(10_000)
    const form = multipart([...u.fields, { name: 'file', bytes: file, filename: 'plans.pdf' }])
    const res = await u.post(chunked(form.bytes, 7), form.contentType)
    expect(res.status).toBe(201)
    const doc = (await res.json()) as { id: string; file_size: number; mime_type: string }
    expect(doc).toMatchObject({ file_size: 10_000, mime_type: 'application/pdf' })
    expect(await u.download(doc.id)).toEqual(file)
  })

  it('writes the file while the request is still arriving (never buffered whole)', async () => {
    const u = await uploadSetup()
    const file = pdfOf(2 * 1024 * 1024)
    const form = multipart([...u.fields, { name: 'file', bytes: file, filename: 'gros.pdf' }])
    let putStarted!: () => void
    const started = new Promise<void>((ok) => {
      putStarted = ok
    })
    const store = api.runtime.files
    const put = store.put.bind(store)
    vi.spyOn(store, 'put').mockImplementation((...args) => {
      putStarted()
      return put(...args)
    })
    // The second half of the body is held back until the store has begun: a server that read the
    // whole body first would never get it and never answer (the test would time out).
    const half = Math.ceil(form.bytes.length / 2 / CHUNK)
    const body = chunked(form.bytes, CHUNK, (i) => (i === half ? started : Promise.resolve()))
    const res = await u.post(body, form.contentType)
    expect(res.status).toBe(201)
    const doc = (await res.json()) as { id: string; file_size: number }
    expect(doc.file_size).toBe(file.length)
    expect(await u.download(doc.id)).toEqual(file)
  })

  it('finds the closing delimiter wherever the network splits the body (multipasta 0.2.8)', async () => {
    const u = await uploadSetup()
    const form = multipart([...u.fields, { name: 'file', bytes: pdfOf(200), filename: 'a.pdf' }])
    const tries = 48
    for (let back = 1; back <= tries; back++) {
      const at = form.bytes.length - back
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(form.bytes.slice(0, at))
          controller.enqueue(form.bytes.slice(at))
          controller.close()
        },
      })
      const res = await u.post(body, form.contentType)
      expect(res.status, `split ${back} bytes before the end`).toBe(201)
    }
    expect(await u.count()).toBe(tries)
  })

  it('takes the parts in any order: fields around the file, a description after it', async () => {
    const u = await uploadSetup()
    const file = pdfOf(9000)
    const mixed = multipart([
      u.fields[2] as { name: string; value: string },
      { name: 'file', bytes: file, filename: 'a.pdf' },
      ...u.fields.slice(0, 2),
      { name: 'description', value: 'après' },
    ])
    const res = await u.post(chunked(mixed.bytes, 1000), mixed.contentType)
    expect(res.status).toBe(201)
    const doc = (await res.json()) as { id: string; description: string; title: string }
    expect(doc).toMatchObject({ title: 'Plans', description: 'après' })
    expect(await u.download(doc.id)).toEqual(file)
  })

  it('refuses a second file part and a cut body, storing nothing', async () => {
    const u = await uploadSetup()
    const file = { name: 'file' as const, bytes: pdfOf(9000), filename: 'a.pdf' }
    const twice = multipart([file, ...u.fields, file])
    const res = await u.post(chunked(twice.bytes, 1000), twice.contentType)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/more than one file/)
    const form = multipart([...u.fields, file])
    const cut = form.bytes.subarray(0, 8000)
    expect((await u.post(cut, form.contentType.replace(/boundary=.*/, 'boundary=x'))).status).toBe(400)
    expect((await u.post(cut, form.contentType)).status).toBe(400)
    expect(await u.count()).toBe(0)
    expect(storedFiles(api, u.t.org.id)).toEqual([])
  })
})

/** Every file (temporary ones included) the local store holds for an organization. */
function storedFiles(target: TestApi, organizationId: string): string[] {
  const folder = join(target.filesRoot, organizationId)
  return existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String) : []
}

async function rowsOf(target: TestApi, organizationId: string): Promise<number> {
  const r = (await target.inspect.execute(
    sql`select count(*)::int as n from documents where organization_id = ${organizationId}`,
  )) as { rows: { n: number }[] }
  return r.rows[0]?.n ?? -1
}

/**
 * KoproGo v1's web client appends the file first and `uploaded_by` last (docs/adr/0014): the file
 * is streamed to the store before its fields are known, and deleted again if they are refused.
 */
describe('the file before its fields (KoproGo v1’s order)', () => {
  /** The FormData exactly as v1's `uploadDocument` builds it, serialized the way a browser sends it. */
  async function v1Form(fields: Record<string, string>, file: File, uploadedBy: string) {
    const formData = new FormData()
    formData.append('file', file)
    if (fields.building_id !== undefined) formData.append('building_id', fields.building_id)
    if (fields.document_type !== undefined) formData.append('document_type', fields.document_type)
    if (fields.title !== undefined) formData.append('title', fields.title)
    if (fields.description) formData.append('description', fields.description)
    formData.append('uploaded_by', uploadedBy)
    const encoded = new Response(formData)
    return {
      bytes: new Uint8Array(await encoded.arrayBuffer()),
      contentType: encoded.headers.get('content-type') ?? '',
    }
  }

  it.each([
    ['a file longer than the sniffed head', 10_000],
    ['a file shorter than the sniffed head', 300],
  ])('v1’s exact order and fields → 201, the same bytes downloaded (%s)', async (_name, size) => {
    const u = await uploadSetup()
    const bytes = pdfOf(size)
    const stranger = await api.user('syndic', u.t.org.id)
    const form = await v1Form(
      { building_id: u.building.id, document_type: 'Invoice', title: 'Facture', description: 'Toiture' },
      new File([bytes.slice()], 'facture.pdf', { type: 'application/pdf' }),
      stranger.id,
    )
    const res = await u.post(chunked(form.bytes, 7), form.contentType)
    const doc = (await res.json()) as Record<string, unknown>
    expect(res.status, JSON.stringify(doc)).toBe(201)
    expect(doc).toMatchObject({
      building_id: u.building.id,
      document_type: 'Invoice',
      title: 'Facture',
      description: 'Toiture',
      file_size: size,
      mime_type: 'application/pdf',
      original_filename: 'facture.pdf',
      // uploaded_by is accepted and ignored: the uploader is the token's user.
      uploaded_by: u.t.syndic.id,
    })
    expect(await u.download(doc.id as string)).toEqual(bytes)
    expect(storedFiles(api, u.t.org.id)).toEqual([doc.id])
  })

  it('refused fields after a stored file → 400/404/415, the file deleted and no row', async () => {
    const u = await uploadSetup()
    const other = await uploadSetup()
    const valid = { building_id: u.building.id, document_type: 'Other', title: 'Plans' }
    const pdf = () => new File([pdfOf(10_000).slice()], 'plans.pdf', { type: 'application/pdf' })
    const cases: [string, Record<string, string>, File, number, string?][] = [
      ['malformed building_id', { ...valid, building_id: 'nope' }, pdf(), 400, 'building_id'],
      ['no building_id', { document_type: 'Other', title: 'Plans' }, pdf(), 400, 'building_id'],
      ['unknown building', { ...valid, building_id: crypto.randomUUID() }, pdf(), 404],
      ['another tenant’s building', { ...valid, building_id: other.building.id }, pdf(), 404],
      ['unknown document_type', { ...valid, document_type: 'Poem' }, pdf(), 400, 'document_type'],
      ['blank title', { ...valid, title: '   ' }, pdf(), 400, 'title'],
      ['NUL in the title', { ...valid, title: 'PV\0AG' }, pdf(), 400, 'title'],
      [
        'an executable named .pdf',
        valid,
        new File([new Uint8Array(10_000).fill(0x90, 0, 2).fill(0x4d, 0, 1)], 'x.pdf', {
          type: 'application/pdf',
        }),
        415,
      ],
      ['an empty file', valid, new File([], 'vide.pdf', { type: 'application/pdf' }), 400, 'file'],
    ]
    for (const [name, fields, file, status, path] of cases) {
      const form = await v1Form(fields, file, u.t.syndic.id)
      const res = await u.post(chunked(form.bytes, 4096), form.contentType)
      expect(res.status, name).toBe(status)
      expect(res.headers.get('content-type'), name).toBe('application/problem+json')
      if (path) {
        const problem = (await res.json()) as { errors: { path: string }[] }
        expect(
          problem.errors.map((e) => e.path),
          name,
        ).toContain(path)
      }
      expect(storedFiles(api, u.t.org.id), name).toEqual([])
    }
    expect(await rowsOf(api, u.t.org.id)).toBe(0)
    expect(storedFiles(api, other.t.org.id)).toEqual([])
    expect(await rowsOf(api, other.t.org.id)).toBe(0)
  })

  it('a file first over the upload limit → 413 while streaming, nothing stored', async () => {
    const small = await createTestApi({ UPLOAD_LIMIT_BYTES: '16384' })
    try {
      const t = await small.tenant()
      const building = await propertyFixtures(small).building(t.syndic.token)
      const put = vi.spyOn(small.runtime.files, 'put')
      const form = await v1Form(
        { building_id: building.id, document_type: 'Other', title: 'Gros fichier' },
        new File([pdfOf(64 * 1024).slice()], 'gros.pdf', { type: 'application/pdf' }),
        t.syndic.id,
      )
      // Chunked (no Content-Length): the limit is met while the file is being stored.
      const res = await small.app.request('/api/v1/documents', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.syndic.token}`, 'content-type': form.contentType },
        body: chunked(form.bytes, 1024),
        duplex: 'half',
      } as RequestInit)
      expect(res.status).toBe(413)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(put).toHaveBeenCalledTimes(1)
      expect(storedFiles(small, t.org.id)).toEqual([])
      expect(await rowsOf(small, t.org.id)).toBe(0)
    } finally {
      await small.close()
    }
  })
})

describe('malformed text, versions and dates are 400s (issue #12 item 6)', () => {
  it.each(['title', 'description'])('a NUL in the multipart %s → 400, nothing stored', async (field) => {
    const u = await uploadSetup()
    const fields = [...u.fields.filter((f) => f.name !== field), { name: field, value: 'PV\0AG' }]
    const form = multipart([...fields, { name: 'file', bytes: pdfOf(100), filename: 'pv.pdf' }])
    const res = await u.post(form.bytes, form.contentType)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(field)
    expect(await u.count()).toBe(0)
  })

  it('If-Match must be a version: 5 or "5" (or W/"5"); anything else is a 400 and writes nothing', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    for (const bad of ['W/"abc"', '0x2', '1.5', '-1', 'abc', '0', '"1", "2"', '1e0', ' ']) {
      const res = await api.request('PUT', `/api/v1/buildings/${b.id}`, {
        token: syndic.token,
        headers: { 'if-match': bad },
        body: { city: 'Namur' },
      })
      expect(res.status, JSON.stringify(bad)).toBe(400)
      expect(res.body.errors[0].path).toBe('If-Match')
    }
    const del = await api.request('DELETE', `/api/v1/buildings/${b.id}`, {
      token: syndic.token,
      headers: { 'if-match': '0x1' },
    })
    expect(del.status).toBe(400)
    const got = await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })
    expect(got.body).toMatchObject({ version: 1 })
    expect(got.body.city).not.toBe('Namur')
    for (const [good, version] of [
      ['1', 2],
      ['"2"', 3],
    ] as const) {
      const res = await api.request('PUT', `/api/v1/buildings/${b.id}`, {
        token: syndic.token,
        headers: { 'if-match': good },
        body: { city: 'Namur' },
      })
      expect(res.status, good).toBe(200)
      expect(res.body.version).toBe(version)
    }
  })

  it('expense_date must be a real instant: no 25:61:61, no offset beyond ±14:00', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const create = (expense_date: string) =>
      api.request('POST', '/api/v1/expenses', {
        token: syndic.token,
        body: {
          building_id: b.id,
          category: 'Maintenance',
          description: 'Entretien',
          amount: 100,
          expense_date,
        },
      })
    for (const bad of [
      '2024-02-29T25:61:61Z',
      '2024-02-29T10:00:00-99:99',
      '2024-02-29T10:00:00+14:30',
      '2024-02-29T23:59:60Z',
      '2023-02-29',
    ]) {
      const res = await create(bad)
      expect(res.status, bad).toBe(400)
      expect(res.body.errors[0].path, bad).toBe('expense_date')
    }
    const ok = await create('2024-02-29T23:30:00+14:00')
    expect(ok.status).toBe(201)
    expect(ok.body.expense_date).toBe('2024-02-29')
  })
})
