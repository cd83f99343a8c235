import { beforeEach, describe, expect, it } from 'vitest'
import type { Building } from '../property/building.entity.ts'
import { createMeeting } from './create-meeting.use-case.ts'
import {
  addMeetingAgendaItem,
  cancelMeeting,
  completeMeeting,
  deleteMeeting,
  updateMeeting,
} from './manage-meetings.use-case.ts'
import {
  getMeeting,
  listBuildingMeetings,
  listMeetings,
  parseMeetingDateBound,
} from './read-meetings.use-case.ts'
import { ACTORS, FIRST_PAGE, ORG_A, ORG_B, TestWorld } from './testing/test-world.ts'

const PAGE = { ...FIRST_PAGE, sortBy: 'scheduled_date' } as const

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

const input = (buildingId: string) => ({
  buildingId,
  meetingType: 'Ordinary' as const,
  title: 'AG ordinaire 2026',
  scheduledDate: '2026-04-20T18:00:00Z',
  location: 'Salle communale',
  agenda: ['Approbation des comptes'],
})

describe('createMeeting', () => {
  it('schedules a meeting in the actor’s organization and audits it in the transaction', async () => {
    const r = await createMeeting({ ctx: world.ctx(ACTORS.syndicA), input: input(a1.id) })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toMatchObject({
      organizationId: ORG_A,
      buildingId: a1.id,
      status: 'Scheduled',
      attendeesCount: null,
      version: 1,
      agenda: ['Approbation des comptes'],
    })
    expect(world.meetings.rows.get(r.value.id)).toEqual(r.value)
    expect(world.audit).toEqual([
      expect.objectContaining({
        action: 'meeting.create',
        entity: 'meeting',
        entityId: r.value.id,
        organizationId: ORG_A,
        actorUserId: ACTORS.syndicA.userId,
        requestId: 'req-test',
      }),
    ])
    expect(world.transactions).toBe(1)
  })

  it('refuses a date closer than the 15-day notice (Civil Code art. 3.87 §3), accepts day 15', async () => {
    // now = 2026-03-01T10:00Z: a meeting the next day could not be convened lawfully.
    const r = await createMeeting({
      ctx: world.ctx(ACTORS.syndicA),
      input: { ...input(a1.id), scheduledDate: '2026-03-02' },
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        code: 'convocation_notice_too_short',
        params: { days: 15, earliest: '2026-03-16' },
      },
    })
    const tooClose = await createMeeting({
      ctx: world.ctx(ACTORS.syndicA),
      input: { ...input(a1.id), scheduledDate: '2026-03-16T09:59:59Z' },
    })
    expect(tooClose.ok).toBe(false)
    const onTime = await createMeeting({
      ctx: world.ctx(ACTORS.syndicA),
      input: { ...input(a1.id), scheduledDate: '2026-03-16T10:00:00Z' },
    })
    expect(onTime.ok).toBe(true)
    expect(world.meetings.rows.size).toBe(1)
  })

  it('refuses to reschedule inside the notice, but still edits the title of a near meeting', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const near = world.addMeeting(a1, { scheduledDate: new Date('2026-03-05T18:00:00Z') })
    const title = await updateMeeting({
      ctx,
      input: { id: near.id, changes: { title: 'AG' }, expectedVersion: 1 },
    })
    expect(title.ok).toBe(true)
    const moved = await updateMeeting({
      ctx,
      input: { id: near.id, changes: { scheduledDate: '2026-03-06T18:00:00Z' }, expectedVersion: 2 },
    })
    expect(moved).toMatchObject({ ok: false, error: { code: 'convocation_notice_too_short' } })
  })

  it('lets a superadmin schedule in any tenant, in the building’s organization', async () => {
    const r = await createMeeting({ ctx: world.ctx(ACTORS.superadmin), input: input(b1.id) })
    expect(r).toMatchObject({ ok: true, value: { organizationId: ORG_B } })
  })

  it('refuses roles without governance:write with 403, before looking anything up', async () => {
    for (const actor of [ACTORS.accountantA, ACTORS.ownerA]) {
      expect(await createMeeting({ ctx: world.ctx(actor), input: input(a1.id) })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
    expect(world.meetings.rows.size).toBe(0)
  })

  it('treats another tenant’s building exactly like a missing one', async () => {
    const foreign = await createMeeting({ ctx: world.ctx(ACTORS.syndicA), input: input(b1.id) })
    const missing = await createMeeting({ ctx: world.ctx(ACTORS.syndicA), input: input('nope') })
    expect(foreign).toEqual(missing)
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'not_found', entity: 'Building' } })
    expect(world.audit).toEqual([])
  })

  it('validates before anything is written', async () => {
    const r = await createMeeting({ ctx: world.ctx(ACTORS.syndicA), input: { ...input(a1.id), title: ' ' } })
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'title' }] } })
    expect(world.transactions).toBe(0)
  })
})

describe('meeting transitions', () => {
  it('updates a Scheduled meeting, checks the version and audits the changed fields', async () => {
    const m = world.addMeeting(a1)
    const stale = await updateMeeting({
      ctx: world.ctx(ACTORS.syndicA),
      input: { id: m.id, changes: { title: 'AG 2026 bis' }, expectedVersion: 7 },
    })
    expect(stale).toMatchObject({ ok: false, error: { kind: 'version_conflict', currentVersion: 1 } })
    const r = await updateMeeting({
      ctx: world.ctx(ACTORS.syndicA),
      input: {
        id: m.id,
        changes: { title: 'AG 2026 bis', description: null, location: undefined },
        expectedVersion: 1,
      },
    })
    expect(r).toMatchObject({ ok: true, value: { title: 'AG 2026 bis', version: 2, location: m.location } })
    expect(world.audit.at(-1)).toMatchObject({
      action: 'meeting.update',
      details: { fields: ['title', 'description'] },
    })
  })

  it('refuses to update, complete, cancel or extend a meeting that is no longer Scheduled', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const done = world.addMeeting(a1, { status: 'Completed', attendeesCount: 12 })
    const results = [
      await updateMeeting({
        ctx,
        input: { id: done.id, changes: { title: 'x' }, expectedVersion: undefined },
      }),
      await completeMeeting({ ctx, input: { id: done.id, attendeesCount: 3 } }),
      await cancelMeeting({ ctx, input: { id: done.id } }),
      await addMeetingAgendaItem({ ctx, input: { id: done.id, item: 'Divers' } }),
    ]
    for (const r of results) {
      expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'meeting_not_scheduled' } })
    }
    expect(world.meetings.rows.get(done.id)).toEqual(done)
    expect(world.audit).toEqual([])
  })

  it('refuses to complete a meeting before its date, or with more attendees than owners', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const m = world.addMeeting(a1) // 2026-04-20T18:00Z, now 2026-03-01
    expect(await completeMeeting({ ctx, input: { id: m.id, attendeesCount: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'meeting_not_yet_held', params: { date: '2026-04-20' } },
    })
    world.now = new Date('2026-04-20T21:00:00Z')
    // The register holds 10 owners that day: 50 attendees is impossible.
    expect(
      await completeMeeting({ ctx: world.ctx(ACTORS.syndicA), input: { id: m.id, attendeesCount: 50 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'attendees_exceed_owners', params: { attendees: 50, owners: 10 } },
    })
    expect(world.meetings.rows.get(m.id)?.status).toBe('Scheduled')
  })

  it('adds agenda items, then completes with the attendance', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const m = world.addMeeting(a1)
    await addMeetingAgendaItem({ ctx, input: { id: m.id, item: 'Budget 2026' } })
    await addMeetingAgendaItem({ ctx, input: { id: m.id, item: 'Travaux toiture' } })
    world.now = new Date('2026-04-20T21:00:00Z')
    const r = await completeMeeting({
      ctx: world.ctx(ACTORS.syndicA),
      input: { id: m.id, attendeesCount: 10, expectedVersion: 3 },
    })
    expect(r).toMatchObject({
      ok: true,
      value: {
        status: 'Completed',
        attendeesCount: 10,
        agenda: ['Budget 2026', 'Travaux toiture'],
        version: 4,
      },
    })
    expect(world.audit.map((e) => e.action)).toEqual([
      'meeting.agenda_add',
      'meeting.agenda_add',
      'meeting.complete',
    ])
  })

  it('rolls the transaction back when the conditional write loses a race', async () => {
    const m = world.addMeeting(a1)
    const ctx = world.ctx(ACTORS.syndicA)
    // Someone else bumps the row between our read and our write.
    const original = world.meetings.update.bind(world.meetings)
    world.meetings.update = async (scope, next) => {
      world.meetings.rows.set(m.id, { ...m, version: 2 })
      return original(scope, next)
    }
    const r = await cancelMeeting({ ctx, input: { id: m.id } })
    expect(r).toMatchObject({ ok: false, error: { kind: 'version_conflict' } })
    expect(world.audit).toEqual([])
  })

  it('keeps writes out of reach of other tenants, accountants and owners', async () => {
    const m = world.addMeeting(a1)
    expect(await cancelMeeting({ ctx: world.ctx(ACTORS.syndicB), input: { id: m.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Meeting' },
    })
    expect(await cancelMeeting({ ctx: world.ctx(ACTORS.accountantA), input: { id: m.id } })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await cancelMeeting({ ctx: world.ctx(ACTORS.superadmin), input: { id: m.id } })).toMatchObject({
      ok: true,
      value: { status: 'Cancelled' },
    })
  })
})

describe('deleteMeeting', () => {
  it('deletes Scheduled and Cancelled meetings, audited', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const s = world.addMeeting(a1)
    const c = world.addMeeting(a1, { status: 'Cancelled' })
    expect(await deleteMeeting({ ctx, input: { id: s.id, expectedVersion: undefined } })).toEqual({
      ok: true,
      value: null,
    })
    expect(await deleteMeeting({ ctx, input: { id: c.id, expectedVersion: 1 } })).toEqual({
      ok: true,
      value: null,
    })
    expect(world.meetings.rows.size).toBe(0)
    expect(world.audit.map((e) => [e.action, e.entityId])).toEqual([
      ['meeting.delete', s.id],
      ['meeting.delete', c.id],
    ])
  })

  it('keeps a Completed meeting, a meeting with linked documents, and checks the version', async () => {
    const ctx = world.ctx(ACTORS.syndicA)
    const done = world.addMeeting(a1, { status: 'Completed', attendeesCount: 5 })
    expect(await deleteMeeting({ ctx, input: { id: done.id, expectedVersion: undefined } })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'meeting_completed' },
    })
    const linked = world.addMeeting(a1)
    world.documents.rows.set('d1', {
      id: 'd1',
      organizationId: ORG_A,
      buildingId: a1.id,
      documentType: 'MeetingMinutes',
      title: 'Convocation',
      description: null,
      fileSize: 10,
      mimeType: 'application/pdf',
      originalFilename: 'convocation.pdf',
      storageKey: `${ORG_A}/d1`,
      uploadedBy: ACTORS.syndicA.userId,
      relatedMeetingId: linked.id,
      relatedExpenseId: null,
      addresseeOwnerId: null,
      version: 1,
      createdAt: world.now,
      updatedAt: world.now,
    })
    expect(await deleteMeeting({ ctx, input: { id: linked.id, expectedVersion: undefined } })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'meeting_has_documents' },
    })
    const stale = world.addMeeting(a1)
    expect(await deleteMeeting({ ctx, input: { id: stale.id, expectedVersion: 9 } })).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict' },
    })
    expect(world.meetings.rows.size).toBe(3)
    expect(world.audit).toEqual([])
  })
})

describe('reading meetings', () => {
  it('gives syndics and accountants their organization, and hides other tenants as 404', async () => {
    const m = world.addMeeting(a1)
    expect(await getMeeting({ ctx: world.ctx(ACTORS.accountantA), input: { id: m.id } })).toEqual({
      ok: true,
      value: m,
    })
    const foreign = await getMeeting({ ctx: world.ctx(ACTORS.syndicB), input: { id: m.id } })
    expect(foreign).toEqual(await getMeeting({ ctx: world.ctx(ACTORS.syndicB), input: { id: 'missing' } }))
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    expect(await getMeeting({ ctx: world.ctx(ACTORS.superadmin), input: { id: m.id } })).toEqual({
      ok: true,
      value: m,
    })
  })

  it('shows an owner only the meetings of buildings where they own a unit', async () => {
    const own = world.addMeeting(a1)
    const other = world.addMeeting(a2)
    const ctx = world.ctx(ACTORS.ownerA)
    expect(await getMeeting({ ctx, input: { id: own.id } })).toEqual({ ok: true, value: own })
    expect(await getMeeting({ ctx, input: { id: other.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    const list = await listMeetings({ ctx, input: { query: {}, page: PAGE } })
    expect(list).toEqual({ ok: true, value: { items: [own], total: 1 } })
    // Asking for another building's meetings through the filter still yields nothing.
    expect(await listMeetings({ ctx, input: { query: { buildingId: a2.id }, page: PAGE } })).toEqual({
      ok: true,
      value: { items: [], total: 0 },
    })
    expect(
      await listBuildingMeetings({ ctx, input: { buildingId: a2.id, query: {}, page: PAGE } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Building' },
    })
  })

  it('ignores a caller-supplied buildingIds restriction', async () => {
    world.addMeeting(a1)
    world.addMeeting(a2)
    const sneaky = { buildingIds: [a1.id] } as Parameters<typeof listMeetings>[0]['input']['query']
    const r = await listMeetings({ ctx: world.ctx(ACTORS.syndicA), input: { query: sneaky, page: PAGE } })
    expect(r).toMatchObject({ ok: true, value: { total: 2 } })
  })

  it('filters by building, status, type and date range, sorted and paginated', async () => {
    const early = world.addMeeting(a1, { scheduledDate: new Date('2026-04-01T18:00:00Z'), title: 'B' })
    const late = world.addMeeting(a1, {
      scheduledDate: new Date('2026-06-30T19:00:00Z'),
      title: 'A',
      meetingType: 'Extraordinary',
    })
    world.addMeeting(a2, { status: 'Cancelled', scheduledDate: new Date('2026-05-01T10:00:00Z') })
    world.addMeeting(b1)
    const ctx = world.ctx(ACTORS.syndicA)
    expect(await listMeetings({ ctx, input: { query: {}, page: PAGE } })).toMatchObject({
      ok: true,
      value: { total: 3 },
    })
    expect(
      await listMeetings({
        ctx,
        input: { query: { buildingId: a1.id }, page: { ...PAGE, sortBy: 'title' } },
      }),
    ).toEqual({
      ok: true,
      value: { items: [late, early], total: 2 },
    })
    expect(
      await listMeetings({ ctx, input: { query: { meetingType: 'Extraordinary' }, page: PAGE } }),
    ).toMatchObject({
      value: { items: [late] },
    })
    expect(await listMeetings({ ctx, input: { query: { status: 'Cancelled' }, page: PAGE } })).toMatchObject({
      value: { total: 1 },
    })
    const to = parseMeetingDateBound('2026-06-30', 'to', 'date_to')
    if (!to.ok) throw new Error('bound')
    expect(
      await listMeetings({
        ctx,
        input: { query: { dateFrom: new Date('2026-05-01T00:00:00Z'), dateTo: to.value }, page: PAGE },
      }),
    ).toMatchObject({
      value: { total: 2 },
    })
    expect(
      await listMeetings({ ctx, input: { query: {}, page: { ...PAGE, perPage: 1, page: 2 } } }),
    ).toMatchObject({
      value: { total: 3, items: [{ status: 'Cancelled' }] },
    })
    expect(
      await listMeetings({ ctx: world.ctx(ACTORS.superadmin), input: { query: {}, page: PAGE } }),
    ).toMatchObject({ value: { total: 4 } })
    expect(
      await listMeetings({
        ctx: world.ctx(ACTORS.superadmin),
        input: { query: {}, page: PAGE, tenant: { organizationId: ORG_B } },
      }),
    ).toMatchObject({
      value: { total: 1 },
    })
    // organization_id is ignored for everyone but a superadmin.
    expect(
      await listMeetings({ ctx, input: { query: {}, page: PAGE, tenant: { organizationId: ORG_B } } }),
    ).toMatchObject({
      value: { total: 3 },
    })
  })

  it('refuses an inverted date range', async () => {
    const r = await listMeetings({
      ctx: world.ctx(ACTORS.syndicA),
      input: { query: { dateFrom: new Date('2026-06-01'), dateTo: new Date('2026-05-01') }, page: PAGE },
    })
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'date_to' }] } })
  })

  it('lists a building’s meetings only when the building is visible', async () => {
    const m = world.addMeeting(b1)
    expect(
      await listBuildingMeetings({
        ctx: world.ctx(ACTORS.syndicA),
        input: { buildingId: b1.id, query: {}, page: PAGE },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await listBuildingMeetings({
        ctx: world.ctx(ACTORS.superadmin),
        input: { buildingId: b1.id, query: {}, page: PAGE },
      }),
    ).toEqual({
      ok: true,
      value: { items: [m], total: 1 },
    })
    expect(
      await listBuildingMeetings({
        ctx: world.ctx(ACTORS.ownerA),
        input: { buildingId: a1.id, query: {}, page: PAGE },
      }),
    ).toEqual({
      ok: true,
      value: { items: [], total: 0 },
    })
  })

  it('reads a day-only date_to as the end of that day and keeps full timestamps', () => {
    expect(parseMeetingDateBound('2026-06-30', 'to', 'date_to')).toEqual({
      ok: true,
      value: new Date('2026-06-30T23:59:59.999Z'),
    })
    expect(parseMeetingDateBound('2026-06-30', 'from', 'date_from')).toEqual({
      ok: true,
      value: new Date('2026-06-30T00:00:00Z'),
    })
    expect(parseMeetingDateBound('yesterday', 'from', 'date_from').ok).toBe(false)
  })
})
