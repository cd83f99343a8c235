import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AGENDA_MAX_ITEMS,
  appendAgendaItem,
  checkDeletable,
  type Meeting,
  type MeetingStatus,
  markMeetingCancelled,
  markMeetingCompleted,
  parseInstant,
  reviseMeeting,
  validateMeeting,
} from './meeting.entity.ts'

const NOW = new Date('2026-03-01T10:00:00.000Z')

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    organizationId: 'o1',
    buildingId: 'b1',
    meetingType: 'Ordinary',
    title: 'AG 2026',
    description: null,
    scheduledDate: new Date('2026-04-20T18:00:00.000Z'),
    location: 'Salle',
    status: 'Scheduled',
    agenda: [],
    attendeesCount: null,
    version: 3,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  }
}

const base = {
  meetingType: 'Ordinary' as const,
  title: '  AG ordinaire  ',
  scheduledDate: '2026-04-20T20:00:00+02:00',
  location: ' Salle communale ',
}

describe('validateMeeting', () => {
  it('trims, turns a blank description into null and reads the instant with its offset', () => {
    const r = validateMeeting({ ...base, description: '   ' })
    expect(r).toEqual({
      ok: true,
      value: {
        meetingType: 'Ordinary',
        title: 'AG ordinaire',
        description: null,
        scheduledDate: new Date('2026-04-20T18:00:00.000Z'),
        location: 'Salle communale',
        agenda: [],
      },
    })
  })

  it('reports every problem at once with snake_case paths', () => {
    const r = validateMeeting({
      meetingType: 'Annual' as 'Ordinary',
      title: '',
      scheduledDate: '2026-02-30',
      location: ' ',
      agenda: ['ok', ''],
    })
    expect(r.ok).toBe(false)
    if (r.ok || r.error.kind !== 'validation') throw new Error('expected a validation error')
    expect(r.error.issues.map((i) => i.path)).toEqual([
      'meeting_type',
      'title',
      'scheduled_date',
      'location',
      'agenda.1',
    ])
  })

  it('bounds the title and the agenda', () => {
    expect(validateMeeting({ ...base, title: 'x'.repeat(200) }).ok).toBe(true)
    expect(validateMeeting({ ...base, title: 'x'.repeat(201) }).ok).toBe(false)
    expect(validateMeeting({ ...base, agenda: Array(AGENDA_MAX_ITEMS).fill('point') }).ok).toBe(true)
    expect(validateMeeting({ ...base, agenda: Array(AGENDA_MAX_ITEMS + 1).fill('point') }).ok).toBe(false)
    expect(validateMeeting({ ...base, agenda: ['x'.repeat(501)] }).ok).toBe(false)
  })
})

describe('parseInstant', () => {
  it('accepts a day (midnight UTC), a timestamp without offset (UTC) and offsets', () => {
    expect(parseInstant('2026-04-20', 'd')).toEqual({ ok: true, value: new Date('2026-04-20T00:00:00Z') })
    expect(parseInstant('2026-04-20T18:30', 'd')).toEqual({
      ok: true,
      value: new Date('2026-04-20T18:30:00Z'),
    })
    expect(parseInstant('2026-04-20T18:30:00.5+0100', 'd')).toEqual({
      ok: true,
      value: new Date('2026-04-20T17:30:00.500Z'),
    })
  })

  it('refuses impossible days and times and free text', () => {
    for (const v of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-20T24:00',
      'next tuesday',
      '20/04/2026',
      '1800-01-01',
      '2024-02-29T25:61:61Z',
      '2024-02-29T10:00:00-99:99',
      '2024-02-29T10:00:00+14:30',
    ]) {
      expect(parseInstant(v, 'scheduled_date').ok, v).toBe(false)
    }
    expect(parseInstant(new Date(Number.NaN), 'd').ok).toBe(false)
  })

  it('round-trips any instant written as ISO', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          expect(parseInstant(d.toISOString(), 'd')).toEqual({ ok: true, value: d })
        },
      ),
    )
  })
})

describe('meeting state machine', () => {
  const later = new Date('2026-03-02T00:00:00.000Z')

  it('completes a Scheduled meeting with an attendance count and bumps the version', () => {
    const r = markMeetingCompleted(meeting(), 42, later)
    expect(r).toEqual({
      ok: true,
      value: meeting({ status: 'Completed', attendeesCount: 42, version: 4, updatedAt: later }),
    })
  })

  it('refuses a negative, fractional or absurd attendance count', () => {
    for (const n of [-1, 1.5, Number.NaN, 2_000_000]) {
      const r = markMeetingCompleted(meeting(), n, later)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.kind).toBe('validation')
    }
    expect(markMeetingCompleted(meeting(), 0, later).ok).toBe(true)
  })

  it('cancels and appends agenda items only while Scheduled', () => {
    expect(markMeetingCancelled(meeting(), later)).toMatchObject({ ok: true, value: { status: 'Cancelled' } })
    expect(appendAgendaItem(meeting({ agenda: ['a'] }), ' b ', later)).toMatchObject({
      ok: true,
      value: { agenda: ['a', 'b'], version: 4 },
    })
  })

  it('answers meeting_not_scheduled for every transition out of Completed or Cancelled', () => {
    const done: MeetingStatus[] = ['Completed', 'Cancelled']
    for (const status of done) {
      const m = meeting({ status })
      const attempts = [
        markMeetingCompleted(m, 1, later),
        markMeetingCancelled(m, later),
        appendAgendaItem(m, 'x', later),
        reviseMeeting(m, { ...m }, later),
      ]
      for (const r of attempts) {
        expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'meeting_not_scheduled' } })
      }
    }
  })

  it('refuses an empty or too long agenda item and a full agenda', () => {
    expect(appendAgendaItem(meeting(), '  ', later)).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'item' }] },
    })
    expect(appendAgendaItem(meeting(), 'x'.repeat(501), later).ok).toBe(false)
    const full = meeting({ agenda: Array(AGENDA_MAX_ITEMS).fill('p') })
    expect(appendAgendaItem(full, 'one more', later)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'agenda_full' },
    })
  })

  it('lets Scheduled and Cancelled meetings be deleted but keeps Completed ones', () => {
    expect(checkDeletable(meeting()).ok).toBe(true)
    expect(checkDeletable(meeting({ status: 'Cancelled' })).ok).toBe(true)
    expect(checkDeletable(meeting({ status: 'Completed' }))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'meeting_completed' },
    })
  })
})
