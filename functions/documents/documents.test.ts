import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())
afterEach(() => vi.restoreAllMocks())

const encode = (text: string) => new TextEncoder().encode(text)
const PDF = encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
)
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
])
const TEXT = encode('Procès-verbal de l’AG\nPoint 1 : comptes approuvés.\n')
// A Windows executable's "MZ" header, dressed up as a PDF by name and declared type.
const EXE = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00,
])

type Upload = { bytes: Uint8Array; name: string; type?: string }
type DocumentDto = {
  id: string
  version: number
  organization_id: string
  building_id: string
  mime_type: string
  original_filename: string
  related_meeting_id: string | null
}

function form(fields: Record<string, string>, file?: Upload): FormData {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.set(k, v)
  if (file) f.set('file', new File([file.bytes.slice()], file.name, { type: file.type ?? '' }))
  return f
}

/**
 * Sent as bytes, like a browser does: undici's own FormData body stream throws from a pull that
 * races a cancel (an unhandled rejection in the test process, not a server fault), and the
 * server cancels an upload it refuses part-way. Streamed, chunked uploads are covered by
 * functions/test/hostile-bodies.test.ts.
 */
async function upload(target: TestApi, token: string, fields: Record<string, string>, file?: Upload) {
  const encoded = new Response(form(fields, file))
  return target.request('POST', '/api/v1/documents', {
    token,
    rawBody: await encoded.arrayBuffer(),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  })
}

/** Bytes and headers of a download (the harness helper decodes bodies as text). */
async function download(token: string, id: string) {
  const res = await api.app.request(`/api/v1/documents/${id}/download`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  const fields = (over: Record<string, string> = {}) => ({
    building_id: building.id,
    document_type: 'MeetingMinutes',
    title: 'PV AG 2026',
    description: 'Procès-verbal signé',
    ...over,
  })
  const store = async (file: Upload = { bytes: PDF, name: 'pv.pdf', type: 'application/pdf' }, over = {}) => {
    const res = await upload(api, t.syndic.token, fields(over), file)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as DocumentDto
  }
  return { ...t, building, fields, store }
}

async function documentCount(buildingId: string): Promise<number> {
  const r = (await api.inspect.execute(
    sql`select count(*)::int as n from documents where building_id = ${buildingId}`,
  )) as { rows: { n: number }[] }
  return r.rows[0]?.n ?? -1
}

async function auditActions(entityId: string): Promise<string[]> {
  const r = (await api.inspect.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as { rows: { action: string }[] }
  return r.rows.map((row) => row.action)
}

describe('POST /documents', () => {
  it('stores a PDF, a PNG and a text file with the type detected from their bytes', async () => {
    const t = await setup()
    const pdf = await upload(api, t.syndic.token, t.fields(), {
      bytes: PDF,
      name: 'pv.pdf',
      type: 'application/pdf',
    })
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201)
    expect(pdf.body).toMatchObject({
      organization_id: t.org.id,
      building_id: t.building.id,
      document_type: 'MeetingMinutes',
      title: 'PV AG 2026',
      description: 'Procès-verbal signé',
      file_size: PDF.length,
      file_size_mb: 0,
      mime_type: 'application/pdf',
      original_filename: 'pv.pdf',
      uploaded_by: t.syndic.id,
      related_meeting_id: null,
      related_expense_id: null,
      version: 1,
    })
    // A generic declared type is fine: the bytes decide.
    const png = await t.store(
      { bytes: PNG, name: 'facade', type: 'application/octet-stream' },
      { document_type: 'Other' },
    )
    expect(png).toMatchObject({ mime_type: 'image/png', original_filename: 'facade.png' })
    const txt = await t.store({ bytes: TEXT, name: 'pv.txt', type: 'text/plain' })
    expect(txt.mime_type).toBe('text/plain')
    const got = await api.request('GET', `/api/v1/documents/${pdf.body.id}`, { token: t.accountant.token })
    expect(got.body).toEqual(pdf.body)
    expect(await auditActions(pdf.body.id)).toEqual(['document.upload'])
  })

  it('refuses an executable disguised as a PDF (415) and an empty file (400), storing nothing', async () => {
    const t = await setup()
    const put = vi.spyOn(api.runtime.files, 'put')
    const exe = await upload(api, t.syndic.token, t.fields(), {
      bytes: EXE,
      name: 'facture.pdf',
      type: 'application/pdf',
    })
    expect(exe.status).toBe(415)
    const exeAsIs = await upload(api, t.syndic.token, t.fields(), { bytes: EXE, name: 'setup.exe' })
    expect(exeAsIs.status).toBe(415)
    const pngAsPdf = await upload(api, t.syndic.token, t.fields(), {
      bytes: PNG,
      name: 'x.pdf',
      type: 'application/pdf',
    })
    expect(pngAsPdf.status).toBe(415)
    const empty = await upload(api, t.syndic.token, t.fields(), { bytes: new Uint8Array(), name: 'vide.pdf' })
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0].path).toBe('file')
    expect(put).not.toHaveBeenCalled()
    expect(await documentCount(t.building.id)).toBe(0)
  })

  it('validates the form fields with the standard 400 problem', async () => {
    const t = await setup()
    const file = { bytes: PDF, name: 'pv.pdf' }
    const cases: [Record<string, string>, Upload | undefined, string][] = [
      [t.fields({ title: '   ' }), file, 'title'],
      [t.fields({ document_type: 'Poem' }), file, 'document_type'],
      [t.fields({ building_id: 'nope' }), file, 'building_id'],
      [t.fields({ related_meeting_id: 'nope' }), file, 'related_meeting_id'],
      [t.fields(), undefined, 'file'],
    ]
    for (const [fields, f, path] of cases) {
      const res = await upload(api, t.syndic.token, fields, f)
      expect(res.status, path).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        path,
      ).toContain(path)
    }
    // Only multipart/form-data is read on the upload route: JSON is refused unread (issue #12).
    const json = await api.request('POST', '/api/v1/documents', { token: t.syndic.token, body: t.fields() })
    expect(json.status).toBe(415)
    expect(await documentCount(t.building.id)).toBe(0)
  })

  it('401 without a token, 403 for accountant and owner, 404 for another tenant’s building', async () => {
    const t = await setup()
    const other = await setup()
    const file = { bytes: PDF, name: 'pv.pdf' }
    expect((await api.request('POST', '/api/v1/documents', { rawBody: form(t.fields(), file) })).status).toBe(
      401,
    )
    for (const token of [t.accountant.token, t.owner.token])
      expect((await upload(api, token, t.fields(), file)).status).toBe(403)
    expect((await upload(api, other.syndic.token, t.fields(), file)).status).toBe(404)
    expect(await documentCount(t.building.id)).toBe(0)
  })

  it('an Idempotency-Key replay of the same multipart bytes stores one document', async () => {
    const t = await setup()
    // Serialized once: a FormData re-sent gets a new random boundary, hence another body hash.
    const serialized = new Request('http://localhost/', {
      method: 'POST',
      body: form(t.fields(), { bytes: PDF, name: 'pv.pdf' }),
    })
    const rawBody = new Uint8Array(await serialized.arrayBuffer())
    const headers = {
      'content-type': serialized.headers.get('content-type') ?? '',
      'idempotency-key': `doc-${crypto.randomUUID()}`,
    }
    const put = vi.spyOn(api.runtime.files, 'put')
    const first = await api.request('POST', '/api/v1/documents', { token: t.syndic.token, headers, rawBody })
    const second = await api.request('POST', '/api/v1/documents', { token: t.syndic.token, headers, rawBody })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body.id).toBe(first.body.id)
    expect(put).toHaveBeenCalledTimes(1)
    expect(await documentCount(t.building.id)).toBe(1)
  })

  it('refuses a body over the upload limit with 413 before storing anything', async () => {
    const small = await createTestApi({ UPLOAD_LIMIT_BYTES: '2048' })
    try {
      const t = await small.tenant()
      const building = await propertyFixtures(small).building(t.syndic.token)
      const put = vi.spyOn(small.runtime.files, 'put')
      const big = new Uint8Array(4096).fill(0x20)
      big.set(PDF)
      const fields = { building_id: building.id, document_type: 'Other', title: 'Gros fichier' }
      const res = await upload(small, t.syndic.token, fields, { bytes: big, name: 'gros.pdf' })
      expect(res.status).toBe(413)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(put).not.toHaveBeenCalled()
      const rows = (await small.inspect.execute(
        sql`select count(*)::int as n from documents where organization_id = ${t.org.id}`,
      )) as {
        rows: { n: number }[]
      }
      expect(rows.rows[0]?.n).toBe(0)
      const ok = await upload(small, t.syndic.token, fields, { bytes: PDF, name: 'petit.pdf' })
      expect(ok.status).toBe(201)
    } finally {
      await small.close()
    }
  })
})

describe('GET /documents/{id}/download', () => {
  it('returns the same bytes as an attachment with a safe header', async () => {
    const t = await setup()
    const d = await t.store({ bytes: PNG, name: 'Façade été 2026.png', type: 'image/png' })
    const res = await download(t.accountant.token, d.id)
    expect(res.status).toBe(200)
    expect(res.bytes).toEqual(PNG)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-length')).toBe(String(PNG.length))
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Fa_ade _t_ 2026.png"; filename*=UTF-8''Fa%C3%A7ade%20%C3%A9t%C3%A9%202026.png`,
    )
  })

  it('sanitizes path tricks, quotes and line breaks in the client’s file name', async () => {
    const t = await setup()
    const traversal = await t.store({ bytes: TEXT, name: '../../etc/passwd', type: 'text/plain' })
    expect(traversal.original_filename).toBe('passwd.txt')
    const quoted = await t.store({ bytes: PDF, name: 'rapport "final"\r\nX-Evil: 1.pdf' })
    expect(quoted.original_filename).not.toMatch(/["\r\n]/)
    const res = await download(t.syndic.token, quoted.id)
    const header = res.headers.get('content-disposition') ?? ''
    expect(header).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/)
    expect(res.headers.get('x-evil')).toBeNull()
    expect(res.bytes).toEqual(PDF)
  })
})

describe('links, listing and deletion', () => {
  it('links to a meeting or an expense of the same building only', async () => {
    const t = await setup()
    const other = await setup()
    const second = await fx.building(t.syndic.token)
    const meeting = (buildingId: string, token = t.syndic.token) =>
      api.request('POST', '/api/v1/meetings', {
        token,
        body: {
          building_id: buildingId,
          meeting_type: 'Ordinary',
          title: 'AG',
          scheduled_date: '2030-06-01',
          location: 'Ici',
        },
      })
    const expense = (buildingId: string, token = t.syndic.token) =>
      api.request('POST', '/api/v1/expenses', {
        token,
        body: {
          building_id: buildingId,
          category: 'Other',
          description: 'Facture',
          amount: 10,
          expense_date: '2026-01-01',
        },
      })
    const sameMeeting = (await meeting(t.building.id)).body.id
    const otherBuildingMeeting = (await meeting(second.id)).body.id
    const foreignMeeting = (await meeting(other.building.id, other.syndic.token)).body.id
    const sameExpense = (await expense(t.building.id)).body.id
    const otherBuildingExpense = (await expense(second.id)).body.id
    const foreignExpense = (await expense(other.building.id, other.syndic.token)).body.id
    const d = await t.store()

    const link = (kind: 'meeting' | 'expense', id: string, headers: Record<string, string> = {}) =>
      api.request('PUT', `/api/v1/documents/${d.id}/link-${kind}`, {
        token: t.syndic.token,
        headers,
        body: kind === 'meeting' ? { meeting_id: id } : { expense_id: id },
      })
    expect((await link('meeting', otherBuildingMeeting)).status).toBe(400)
    expect((await link('meeting', foreignMeeting)).status).toBe(404)
    expect((await link('expense', otherBuildingExpense)).status).toBe(400)
    expect((await link('expense', foreignExpense)).status).toBe(404)
    const linked = await link('meeting', sameMeeting, { 'if-match': '1' })
    expect(linked.status).toBe(200)
    expect(linked.body).toMatchObject({ related_meeting_id: sameMeeting, version: 2 })
    const stale = await link('expense', sameExpense, { 'if-match': '1' })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(2)
    const withExpense = await link('expense', sameExpense)
    expect(withExpense.body).toMatchObject({
      related_meeting_id: sameMeeting,
      related_expense_id: sameExpense,
      version: 3,
    })
    expect(await auditActions(d.id)).toEqual([
      'document.upload',
      'document.link_meeting',
      'document.link_expense',
    ])

    const ofMeeting = await api.request('GET', `/api/v1/meetings/${sameMeeting}/documents`, {
      token: t.accountant.token,
    })
    expect(ofMeeting.body.data.map((x: { id: string }) => x.id)).toEqual([d.id])
    // A meeting with linked documents is kept until they are relinked or deleted.
    const del = await api.request('DELETE', `/api/v1/meetings/${sameMeeting}`, { token: t.syndic.token })
    expect(del.status).toBe(409)
    expect(del.body.code).toBe('meeting_has_documents')

    // Related ids given at upload are checked the same way, and nothing is stored on refusal.
    const put = vi.spyOn(api.runtime.files, 'put')
    const refused = await upload(
      api,
      t.syndic.token,
      t.fields({ related_meeting_id: otherBuildingMeeting }),
      {
        bytes: PDF,
        name: 'x.pdf',
      },
    )
    expect(refused.status).toBe(400)
    expect(put).not.toHaveBeenCalled()
    const withLinks = await upload(
      api,
      t.syndic.token,
      t.fields({ related_meeting_id: sameMeeting, related_expense_id: sameExpense, description: '' }),
      { bytes: PDF, name: 'x.pdf' },
    )
    expect(withLinks.status).toBe(201)
    expect(withLinks.body).toMatchObject({ related_meeting_id: sameMeeting, description: null })
  })

  it('lists with pagination and filters; a building’s list 404s for a foreign building', async () => {
    const t = await setup()
    const other = await setup()
    await other.store()
    const second = await fx.building(t.syndic.token)
    const a = await t.store(undefined, { document_type: 'Invoice' })
    const b = await t.store(undefined, { document_type: 'Contract' })
    const c = await t.store(undefined, { document_type: 'Invoice', building_id: second.id })
    const ids = async (path: string) => {
      const res = await api.request('GET', path, { token: t.accountant.token })
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200)
      return res.body.data.map((x: { id: string }) => x.id)
    }
    expect(await ids('/api/v1/documents')).toEqual([a.id, b.id, c.id])
    expect(await ids('/api/v1/documents?document_type=Invoice')).toEqual([a.id, c.id])
    expect(await ids(`/api/v1/documents?building_id=${second.id}`)).toEqual([c.id])
    expect(await ids(`/api/v1/buildings/${t.building.id}/documents?document_type=Contract`)).toEqual([b.id])
    const page = await api.request('GET', '/api/v1/documents?per_page=2&page=2', { token: t.syndic.token })
    expect(page.body.data.map((x: { id: string }) => x.id)).toEqual([c.id])
    expect(page.body.pagination).toMatchObject({ total_items: 3, total_pages: 2, has_previous: true })
    expect(
      (await api.request('GET', '/api/v1/documents?document_type=Poem', { token: t.syndic.token })).status,
    ).toBe(400)
    const foreign = await api.request('GET', `/api/v1/buildings/${t.building.id}/documents`, {
      token: other.syndic.token,
    })
    expect(foreign.status).toBe(404)
  })

  it('an owner sees and downloads only the documents of their buildings', async () => {
    const t = await setup()
    const { building, user } = await fx.ownerWithUnit(t.syndic.token, t.org.id)
    const theirs = await t.store(undefined, { building_id: building.id })
    const notTheirs = await t.store()
    const list = await api.request('GET', '/api/v1/documents', { token: user.token })
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([theirs.id])
    expect((await download(user.token, theirs.id)).status).toBe(200)
    expect((await download(user.token, notTheirs.id)).status).toBe(404)
    expect(
      (await api.request('GET', `/api/v1/documents/${notTheirs.id}`, { token: user.token })).status,
    ).toBe(404)
    const nested = await api.request('GET', `/api/v1/buildings/${t.building.id}/documents`, {
      token: user.token,
    })
    expect(nested.status).toBe(404)
    expect(
      (await api.request('DELETE', `/api/v1/documents/${theirs.id}`, { token: user.token })).status,
    ).toBe(403)
  })

  it('404 on every id route for another tenant; 403 for roles that may not write', async () => {
    const t = await setup()
    const other = await setup()
    const d = await t.store()
    const routes: [string, string, unknown][] = [
      ['GET', '', undefined],
      ['GET', '/download', undefined],
      ['PUT', '/link-meeting', { meeting_id: null }],
      ['PUT', '/link-expense', { expense_id: null }],
      ['DELETE', '', undefined],
    ]
    for (const [method, suffix, body] of routes) {
      const path = `/api/v1/documents/${d.id}${suffix}`
      expect(
        (await api.request(method, path, { token: other.syndic.token, body })).status,
        `${method} ${suffix}`,
      ).toBe(404)
      expect((await api.request(method, path, { body })).status, `${method} ${suffix}`).toBe(401)
      if (method !== 'GET')
        expect(
          (await api.request(method, path, { token: t.accountant.token, body })).status,
          `${method} ${suffix}`,
        ).toBe(403)
    }
    expect(
      (await api.request('GET', `/api/v1/documents/${d.id}`, { token: t.syndic.token })).body.version,
    ).toBe(1)
  })

  it('delete removes the row and the stored file, audited; stale If-Match → 409', async () => {
    const t = await setup()
    const d = await t.store()
    const key = `${d.organization_id}/${d.id}`
    expect(await api.runtime.files.get(key)).not.toBeNull()
    const stale = await api.request('DELETE', `/api/v1/documents/${d.id}`, {
      token: t.syndic.token,
      headers: { 'if-match': '2' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(1)
    expect((await api.request('DELETE', `/api/v1/documents/${d.id}`, { token: t.syndic.token })).status).toBe(
      204,
    )
    expect((await api.request('GET', `/api/v1/documents/${d.id}`, { token: t.syndic.token })).status).toBe(
      404,
    )
    expect(await api.runtime.files.get(key)).toBeNull()
    expect(await documentCount(t.building.id)).toBe(0)
    expect(await auditActions(d.id)).toEqual(['document.upload', 'document.delete'])
  })
})
