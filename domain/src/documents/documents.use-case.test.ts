import { beforeEach, describe, expect, it } from 'vitest'
import { ACTORS, FIRST_PAGE, ORG_A, ORG_B, TestWorld } from '../governance/testing/test-world.ts'
import type { Building } from '../property/building.entity.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok } from '../shared/result.ts'
import type { Document } from './document.entity.ts'
import { deleteDocument, linkDocumentToExpense, linkDocumentToMeeting } from './manage-documents.use-case.ts'
import {
  downloadDocument,
  getDocument,
  listBuildingDocuments,
  listDocuments,
  listMeetingDocuments,
} from './read-documents.use-case.ts'
import { FakeByteStream } from './testing/in-memory-documents.ts'
import {
  type StreamedUploadInput,
  type UploadDocumentInput,
  uploadDocument,
  uploadStreamedDocument,
} from './upload-document.use-case.ts'

const PAGE = { ...FIRST_PAGE, sortBy: 'created_at' } as const
const PDF = new Uint8Array(Array.from('%PDF-1.7\nminutes of the AG\n%%EOF\n', (c) => c.charCodeAt(0)))

let world: TestWorld
let a1: Building
let a2: Building
let b1: Building

beforeEach(() => {
  world = new TestWorld()
  a1 = world.addBuilding(ORG_A, [ACTORS.ownerA.userId])
  a2 = world.addBuilding(ORG_A)
  b1 = world.addBuilding(ORG_B)
})

function input(buildingId: string, overrides: Partial<UploadDocumentInput> = {}): UploadDocumentInput {
  return {
    buildingId,
    documentType: 'MeetingMinutes',
    title: 'PV AG 2026',
    file: {
      filename: 'C:\\fakepath\\PV AG 2026.pdf',
      declaredMime: 'application/pdf',
      size: PDF.length,
      head: PDF,
      body: new FakeByteStream(PDF),
    },
    ...overrides,
  }
}

async function uploaded(buildingId = a1.id, overrides: Partial<UploadDocumentInput> = {}): Promise<Document> {
  const r = await uploadDocument({ ctx: world.ctx(ACTORS.syndicA), input: input(buildingId, overrides) })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('uploadDocument', () => {
  it('stores the bytes under a server key, then the row and its audit entry', async () => {
    const m = world.addMeeting(a1)
    const doc = await uploaded(a1.id, { relatedMeetingId: m.id, description: 'Signé' })
    expect(doc).toMatchObject({
      organizationId: ORG_A,
      buildingId: a1.id,
      mimeType: 'application/pdf',
      originalFilename: 'PV AG 2026.pdf',
      fileSize: PDF.length,
      storageKey: `${ORG_A}/${doc.id}`,
      uploadedBy: ACTORS.syndicA.userId,
      relatedMeetingId: m.id,
      relatedExpenseId: null,
      description: 'Signé',
      version: 1,
    })
    expect(world.files.files.get(doc.storageKey)).toEqual({
      bytes: PDF,
      contentType: 'application/pdf',
      size: PDF.length,
    })
    expect(world.documents.rows.get(doc.id)).toEqual(doc)
    expect(world.audit).toEqual([expect.objectContaining({ action: 'document.upload', entityId: doc.id })])
  })

  it('validates metadata, type and size before storing anything', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const bad = [
      input(a1.id, { title: '' }),
      input(a1.id, { file: { ...input(a1.id).file, declaredMime: 'image/png' } }),
      input(a1.id, { file: { ...input(a1.id).file, size: 60 * 1024 * 1024 } }),
      input('missing'),
      input(b1.id),
    ]
    const kinds = []
    for (const i of bad) {
      const r = await uploadDocument({ ctx, input: i })
      kinds.push(r.ok ? 'ok' : r.error.kind)
    }
    expect(kinds).toEqual([
      'validation',
      'unsupported_media_type',
      'payload_too_large',
      'not_found',
      'not_found',
    ])
    expect(world.files.files.size).toBe(0)
    expect(world.transactions).toBe(0)
  })

  it('requires documents:write', async () => {
    for (const actor of [ACTORS.accountantA, ACTORS.ownerA]) {
      expect(await uploadDocument({ ctx: world.ctx(actor), input: input(a1.id) })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
  })

  it('links only to a meeting or an expense of the same building', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const otherMeeting = world.addMeeting(a2)
    const foreignMeeting = world.addMeeting(b1)
    const otherExpense = world.addExpense(a2)
    expect(
      await uploadDocument({ ctx, input: input(a1.id, { relatedMeetingId: otherMeeting.id }) }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'related_meeting_id' }] },
    })
    expect(
      await uploadDocument({ ctx, input: input(a1.id, { relatedMeetingId: foreignMeeting.id }) }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Meeting' },
    })
    expect(
      await uploadDocument({ ctx, input: input(a1.id, { relatedExpenseId: otherExpense.id }) }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'related_expense_id' }] },
    })
    expect(
      await uploadDocument({ ctx, input: input(a2.id, { relatedExpenseId: otherExpense.id }) }),
    ).toMatchObject({
      ok: true,
    })
  })

  it('removes the stored file when the row cannot be recorded', async () => {
    world.documents.failNextInsert = true
    await expect(uploadDocument({ ctx: world.ctx(ACTORS.syndicA), input: input(a1.id) })).rejects.toThrow(
      'insert failed',
    )
    expect(world.files.files.size).toBe(0)
    expect(world.files.deleted).toHaveLength(1)
    expect(world.documents.rows.size).toBe(0)
    expect(world.audit).toEqual([])
  })

  it('reports the original failure even when the clean-up fails too', async () => {
    world.documents.failNextInsert = true
    world.files.failDelete = true
    await expect(uploadDocument({ ctx: world.ctx(ACTORS.syndicA), input: input(a1.id) })).rejects.toThrow(
      'insert failed',
    )
  })

  it('cleans up when the store itself fails mid-write', async () => {
    world.files.failPut = true
    await expect(uploadDocument({ ctx: world.ctx(ACTORS.syndicA), input: input(a1.id) })).rejects.toThrow(
      'store unavailable',
    )
    expect(world.documents.rows.size).toBe(0)
  })

  it('lets a superadmin upload into any tenant, keyed by that tenant', async () => {
    const r = await uploadDocument({ ctx: world.ctx(ACTORS.superadmin), input: input(b1.id) })
    expect(r).toMatchObject({ ok: true, value: { organizationId: ORG_B } })
    if (r.ok) expect(r.value.storageKey.startsWith(`${ORG_B}/`)).toBe(true)
  })
})

describe('uploadStreamedDocument (the file before its fields, KoproGo v1’s order)', () => {
  const streamed = (fields: () => ReturnType<StreamedUploadInput['allFields']>): StreamedUploadInput => ({
    file: input(a1.id).file,
    fieldsBeforeFile: undefined,
    allFields: fields,
  })

  it('stores the file under the caller’s organization, then records the row with the late fields', async () => {
    const r = await uploadStreamedDocument({
      ctx: world.ctx(ACTORS.syndicA),
      input: streamed(() => ok(input(a1.id, { title: 'Facture' }))),
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toMatchObject({ organizationId: ORG_A, title: 'Facture', mimeType: 'application/pdf' })
    expect(r.value.storageKey).toBe(`${ORG_A}/${r.value.id}`)
    expect(world.files.files.has(r.value.storageKey)).toBe(true)
  })

  it('deletes the stored file when the late fields are refused (compensation)', async () => {
    const refusals = [
      () => err(DomainErrors.validation('Invalid form', [{ path: 'building_id', message: 'required' }])),
      () => ok(input(b1.id)),
      () => ok(input('missing')),
      () => ok(input(a1.id, { title: ' ' })),
    ]
    const kinds = []
    for (const fields of refusals) {
      const r = await uploadStreamedDocument({ ctx: world.ctx(ACTORS.syndicA), input: streamed(fields) })
      kinds.push(r.ok ? 'ok' : r.error.kind)
    }
    expect(kinds).toEqual(['validation', 'not_found', 'not_found', 'validation'])
    expect(world.files.files.size).toBe(0)
    expect(world.files.deleted).toHaveLength(4)
    expect(world.documents.rows.size).toBe(0)
    expect(world.audit).toEqual([])
  })

  it('refuses the role and the file’s kind before storing anything', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00])
    const forbidden = await uploadStreamedDocument({
      ctx: world.ctx(ACTORS.accountantA),
      input: streamed(() => ok(input(a1.id))),
    })
    const wrongKind = await uploadStreamedDocument({
      ctx: world.ctx(ACTORS.syndicA),
      input: {
        ...streamed(() => ok(input(a1.id))),
        file: { ...input(a1.id).file, head: exe, size: exe.length, body: new FakeByteStream(exe) },
      },
    })
    expect([forbidden, wrongKind].map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual([
      'forbidden',
      'unsupported_media_type',
    ])
    expect(world.files.deleted).toEqual([])
    expect(world.files.files.size).toBe(0)
  })
})

describe('reading and downloading', () => {
  it('serves the bytes with the stored type and the sanitized name to whoever may read', async () => {
    const doc = await uploaded()
    for (const actor of [ACTORS.syndicA, ACTORS.accountantA, ACTORS.ownerA, ACTORS.superadmin]) {
      const r = await downloadDocument({ ctx: world.ctx(actor), input: { id: doc.id } })
      if (!r.ok) throw new Error(`${actor.role}: ${r.error.message}`)
      expect(r.value).toMatchObject({
        contentType: 'application/pdf',
        filename: 'PV AG 2026.pdf',
        size: PDF.length,
      })
      expect(r.value.body).toBeInstanceOf(FakeByteStream)
    }
  })

  it('answers 404 to other tenants and to owners of other buildings, before touching the store', async () => {
    const doc = await uploaded(a2.id)
    const before = world.files.files.size
    for (const actor of [ACTORS.syndicB, ACTORS.ownerA]) {
      expect(await downloadDocument({ ctx: world.ctx(actor), input: { id: doc.id } })).toMatchObject({
        ok: false,
        error: { kind: 'not_found', entity: 'Document' },
      })
      expect(await getDocument({ ctx: world.ctx(actor), input: { id: doc.id } })).toMatchObject({
        ok: false,
        error: { kind: 'not_found' },
      })
    }
    expect(world.files.files.size).toBe(before)
  })

  it('treats a row without its file as a server fault', async () => {
    const doc = await uploaded()
    world.files.files.clear()
    await expect(downloadDocument({ ctx: world.ctx(ACTORS.syndicA), input: { id: doc.id } })).rejects.toThrow(
      'Stored file missing',
    )
  })

  it('lists with filters, restricted to an owner’s buildings', async () => {
    const m = world.addMeeting(a1)
    const minutes = await uploaded(a1.id, { relatedMeetingId: m.id })
    const invoice = await uploaded(a2.id, { documentType: 'Invoice', title: 'Facture' })
    await uploadDocument({ ctx: world.ctx(ACTORS.syndicB), input: input(b1.id) })
    const syndic = world.ctx(ACTORS.syndicA)
    expect(await listDocuments({ ctx: syndic, input: { query: {}, page: PAGE } })).toMatchObject({
      value: { total: 2 },
    })
    expect(
      await listDocuments({ ctx: syndic, input: { query: { documentType: 'Invoice' }, page: PAGE } }),
    ).toEqual({
      ok: true,
      value: { items: [invoice], total: 1 },
    })
    expect(
      await listDocuments({ ctx: syndic, input: { query: { relatedMeetingId: m.id }, page: PAGE } }),
    ).toMatchObject({
      value: { items: [minutes] },
    })
    expect(await listDocuments({ ctx: world.ctx(ACTORS.ownerA), input: { query: {}, page: PAGE } })).toEqual({
      ok: true,
      value: { items: [minutes], total: 1 },
    })
    expect(
      await listDocuments({ ctx: world.ctx(ACTORS.superadmin), input: { query: {}, page: PAGE } }),
    ).toMatchObject({ value: { total: 3 } })
  })

  it('lists a building’s or a meeting’s documents only when that parent is visible', async () => {
    const m = world.addMeeting(a1)
    const minutes = await uploaded(a1.id, { relatedMeetingId: m.id })
    const owner = world.ctx(ACTORS.ownerA)
    expect(
      await listBuildingDocuments({ ctx: owner, input: { buildingId: a1.id, query: {}, page: PAGE } }),
    ).toEqual({
      ok: true,
      value: { items: [minutes], total: 1 },
    })
    expect(
      await listBuildingDocuments({ ctx: owner, input: { buildingId: a2.id, query: {}, page: PAGE } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await listMeetingDocuments({ ctx: owner, input: { meetingId: m.id, query: {}, page: PAGE } }),
    ).toEqual({
      ok: true,
      value: { items: [minutes], total: 1 },
    })
    expect(
      await listMeetingDocuments({
        ctx: world.ctx(ACTORS.syndicB),
        input: { meetingId: m.id, query: {}, page: PAGE },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Meeting' },
    })
  })
})

describe('deleting and linking', () => {
  it('deletes the row with an audit entry, then the file', async () => {
    const doc = await uploaded()
    const r = await deleteDocument({
      ctx: world.ctx(ACTORS.syndicA),
      input: { id: doc.id, expectedVersion: 1 },
    })
    expect(r).toEqual({ ok: true, value: { fileRemoved: true, storageKey: doc.storageKey } })
    expect(world.documents.rows.size).toBe(0)
    expect(world.files.files.size).toBe(0)
    expect(world.audit.map((e) => e.action)).toEqual(['document.upload', 'document.delete'])
  })

  it('keeps the deletion when only the file removal fails, and says so', async () => {
    const doc = await uploaded()
    world.files.failDelete = true
    const r = await deleteDocument({
      ctx: world.ctx(ACTORS.syndicA),
      input: { id: doc.id, expectedVersion: undefined },
    })
    expect(r).toEqual({ ok: true, value: { fileRemoved: false, storageKey: doc.storageKey } })
    expect(world.documents.rows.size).toBe(0)
  })

  it('refuses stale versions, other tenants and read-only roles without touching the file', async () => {
    const doc = await uploaded()
    expect(
      await deleteDocument({ ctx: world.ctx(ACTORS.syndicA), input: { id: doc.id, expectedVersion: 4 } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict', currentVersion: 1 },
    })
    expect(
      await deleteDocument({
        ctx: world.ctx(ACTORS.syndicB),
        input: { id: doc.id, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await deleteDocument({
        ctx: world.ctx(ACTORS.accountantA),
        input: { id: doc.id, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(world.files.files.has(doc.storageKey)).toBe(true)
    expect(world.audit).toHaveLength(1)
  })

  it('links to a meeting and an expense of the same building, and unlinks', async () => {
    const doc = await uploaded()
    const m = world.addMeeting(a1)
    const e = world.addExpense(a1)
    const ctx = world.ctx(ACTORS.syndicA)
    expect(
      await linkDocumentToMeeting({ ctx, input: { id: doc.id, meetingId: m.id, expectedVersion: 1 } }),
    ).toMatchObject({
      ok: true,
      value: { relatedMeetingId: m.id, version: 2 },
    })
    expect(await linkDocumentToExpense({ ctx, input: { id: doc.id, expenseId: e.id } })).toMatchObject({
      ok: true,
      value: { relatedExpenseId: e.id, version: 3 },
    })
    expect(await linkDocumentToMeeting({ ctx, input: { id: doc.id, meetingId: null } })).toMatchObject({
      ok: true,
      value: { relatedMeetingId: null },
    })
    expect(world.audit.map((x) => x.action)).toEqual([
      'document.upload',
      'document.link_meeting',
      'document.link_expense',
      'document.link_meeting',
    ])
  })

  it('refuses links across buildings (validation) and tenants (404)', async () => {
    const doc = await uploaded()
    const ctx = world.ctx(ACTORS.syndicA)
    expect(
      await linkDocumentToMeeting({ ctx, input: { id: doc.id, meetingId: world.addMeeting(a2).id } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'meeting_id' }] },
    })
    expect(
      await linkDocumentToExpense({ ctx, input: { id: doc.id, expenseId: world.addExpense(b1).id } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Expense' },
    })
    expect(
      await linkDocumentToMeeting({
        ctx,
        input: { id: doc.id, meetingId: world.addMeeting(a1).id, expectedVersion: 5 },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict' },
    })
    expect(world.documents.rows.get(doc.id)).toEqual(doc)
  })
})
