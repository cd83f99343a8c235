import { appendAct } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

// Issue #14 item 1: the convocation (Civil Code art. 3.87 §3) as a PDF per owner, e-mailed through
// the outbox to owners who consented, the others listed for the post; safe to repeat.
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const DAY = 86_400_000

async function runJobs() {
  while ((await runDueJobs(api.runtime)) > 0) {}
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

async function ownerOfLot(
  t: Awaited<ReturnType<TestApi['tenant']>>,
  buildingId: string,
  over: Record<string, unknown>,
) {
  const unit = await fx.unit(t.syndic.token, buildingId, { quota: 100 })
  const owner = await fx.owner(t.syndic.token, over)
  const res = await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, {
    token: t.syndic.token,
  })
  expect(res.status).toBe(200)
  return owner
}

describe('POST /meetings/{id}/convocation', () => {
  it('e-mails a PDF in each consenting owner’s language, lists the others for the post, never twice', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const building = await fx.building(t.syndic.token, { total_tantiemes: 1000 })
    const nl = await ownerOfLot(t, building.id, {
      first_name: 'Jan',
      last_name: 'Peeters',
      email: 'jan.peeters@example.test',
      email_consent: true,
      email_consent_date: '2026-01-10',
      preferred_language: 'nl',
    })
    const post = await ownerOfLot(t, building.id, {
      first_name: 'Marie',
      last_name: 'Dubois',
      preferred_language: 'fr',
    })
    const meeting = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG 2027',
        scheduled_date: new Date(Date.now() + 30 * DAY).toISOString(),
        location: 'Gemeentezaal Leuven',
      },
    })
    expect(meeting.status).toBe(201)
    const resolution = await api.request('POST', `/api/v1/meetings/${meeting.body.id}/resolutions`, {
      token: t.syndic.token,
      body: {
        title: 'Dakwerken',
        proposed_decision: 'Herstelling van het dak, budget 40 000 €',
        decision_type: 'common_works',
      },
    })
    expect(resolution.status, JSON.stringify(resolution.body)).toBe(201)

    const url = `/api/v1/meetings/${meeting.body.id}/convocation`
    expect((await api.request('POST', url, { token: other.syndic.token })).status).toBe(404)
    expect((await api.request('POST', url, { token: t.accountant.token })).status).toBe(403)
    const sent = await api.request('POST', url, { token: t.syndic.token })
    expect(sent.status, JSON.stringify(sent.body)).toBe(202)
    expect(sent.body.created).toBe(2)
    const byOwner = Object.fromEntries(sent.body.data.map((d: { owner_id: string }) => [d.owner_id, d]))
    expect(byOwner[nl.id]).toMatchObject({ channel: 'email', status: 'pending', language: 'nl' })
    expect(byOwner[post.id]).toMatchObject({ channel: 'post', status: 'to_post' })
    await runJobs()

    const again = await api.request('POST', url, { token: t.syndic.token })
    expect(again.body.created).toBe(0)
    await runJobs()
    const mails = (await api.inspect.execute(
      sql`select job_id, subject, locale from captured_mail where to_address = 'jan.peeters@example.test'`,
    )) as { rows: { job_id: string; subject: string; locale: string }[] }
    expect(mails.rows).toHaveLength(1)
    expect(mails.rows[0]?.locale).toBe('nl')
    expect(mails.rows[0]?.subject).toMatch(/^Oproeping — algemene vergadering van /)
    const files = (await api.inspect.execute(
      sql`select filename, content_type, content from captured_mail_attachments where job_id = ${mails.rows[0]?.job_id}`,
    )) as { rows: { filename: string; content_type: string; content: Uint8Array }[] }
    expect(files.rows).toHaveLength(1)
    expect(files.rows[0]?.content_type).toBe('application/pdf')
    const text = await pdfText(files.rows[0]?.content as Uint8Array)
    expect(text).toContain('Oproeping tot de algemene vergadering')
    expect(text).toContain('Gemeentezaal Leuven')
    expect(text).toContain('Dakwerken')
    expect(text).toContain('Herstelling van het dak, budget 40 000 €')
    expect(text).toContain('twee derde van de stemmen')
    expect(text).toContain('Volmacht')
    expect(text).toContain('Jan Peeters')
    expect(text).toContain('BW art. 3.87 §3')
    expect(text).not.toContain('Op afstand') // remote participation not offered by the statutes

    // The superadmin reads the same PDF through the captured-mail API (what the e2e scenario checks).
    const admin = await api.user('superadmin', null)
    const list = await api.request('GET', '/api/v1/mail/captured?per_page=100', { token: admin.token })
    const entry = list.body.data.find((m: { job_id: string }) => m.job_id === mails.rows[0]?.job_id)
    const detail = await api.request('GET', `/api/v1/mail/captured/${entry.id}`, { token: admin.token })
    expect(detail.body.attachments).toEqual([
      { index: 0, filename: files.rows[0]?.filename, content_type: 'application/pdf' },
    ])
    const fileUrl = `/api/v1/mail/captured/${entry.id}/attachments/0`
    const file = await api.app.request(fileUrl, { headers: { authorization: `Bearer ${admin.token}` } })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(await pdfText(new Uint8Array(await file.arrayBuffer()))).toContain('Gemeentezaal Leuven')
    expect((await api.request('GET', `${fileUrl.slice(0, -1)}1`, { token: admin.token })).status).toBe(404)
    expect((await api.request('GET', fileUrl, { token: t.syndic.token })).status).toBe(403)

    const postal = await api.request('GET', `${url}/postal-list`, { token: t.syndic.token })
    expect(postal.status).toBe(200)
    expect(postal.headers.get('content-type')).toContain('text/csv')
    expect(postal.text).toContain('Marie Dubois')
    expect(postal.text).not.toContain('Jan Peeters')
    expect((await api.request('GET', `${url}/postal-list`, { token: other.syndic.token })).status).toBe(404)
    const listed = await api.request('GET', url, { token: t.syndic.token })
    expect(listed.body.data.find((d: { owner_id: string }) => d.owner_id === nl.id)).toMatchObject({
      status: 'sent',
    })
    const audit = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where entity_id = ${meeting.body.id} and action = 'meeting.convocation_send'`,
    )) as { rows: { n: number }[] }
    expect(audit.rows[0]?.n).toBe(2)
  })

  it('refuses to convene a meeting closer than the notice', async () => {
    const t = await api.tenant()
    const building = await fx.building(t.syndic.token)
    const m = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: new Date(Date.now() + 20 * DAY).toISOString(),
        location: 'Salle',
      },
    })
    // Time passes: the meeting is now 10 days away.
    await api.inspect.execute(
      sql`update meetings set scheduled_date = now() + interval '10 days' where id = ${m.body.id}`,
    )
    const res = await api.request('POST', `/api/v1/meetings/${m.body.id}/convocation`, {
      token: t.syndic.token,
      headers: { 'accept-language': 'nl' },
    })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('convocation_notice_too_short')
    expect(res.body.detail).toMatch(/^De vergadering moet minstens 15 dagen vooraf/)
  })
})

describe('POST /meetings/{id}/second-assembly (art. 3.87 §5)', () => {
  it('after an opening without quorum: refuses 14 days later, convenes 15+ days later with the same agenda, once', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const building = await fx.building(t.syndic.token, { total_tantiemes: 1000 })
    await ownerOfLot(t, building.id, { first_name: 'A', last_name: 'Absent' })
    const firstDate = new Date(Date.now() + 20 * DAY)
    const first = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: firstDate.toISOString(),
        location: 'Salle',
      },
    })
    await api.request('POST', `/api/v1/meetings/${first.body.id}/resolutions`, {
      token: t.syndic.token,
      body: { title: 'Comptes', proposed_decision: 'Approuver les comptes', decision_type: 'ordinary' },
    })
    const url = `/api/v1/meetings/${first.body.id}/second-assembly`
    const at = (days: number) => new Date(firstDate.getTime() + days * DAY).toISOString()
    // Nothing recorded yet: no quorum failed.
    const early = await api.request('POST', url, { token: t.syndic.token, body: { scheduled_date: at(20) } })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('quorum_not_failed')
    // The meeting opens with nobody present: the log says the quorum failed.
    const opened = appendAct([], 'opened', {}, new Date().toISOString())
    const sync = await api.request('POST', `/api/v1/meetings/${first.body.id}/acts`, {
      token: t.syndic.token,
      body: { acts: [opened] },
    })
    expect(sync.status, JSON.stringify(sync.body)).toBeLessThan(300)
    const fourteen = await api.request('POST', url, {
      token: t.syndic.token,
      body: { scheduled_date: at(14) },
    })
    expect(fourteen.status).toBe(409)
    expect(fourteen.body.code).toBe('second_assembly_too_early')
    expect(
      (await api.request('POST', url, { token: other.syndic.token, body: { scheduled_date: at(20) } }))
        .status,
    ).toBe(404)
    const second = await api.request('POST', url, { token: t.syndic.token, body: { scheduled_date: at(15) } })
    expect(second.status, JSON.stringify(second.body)).toBe(201)
    expect(second.body).toMatchObject({
      building_id: building.id,
      status: 'Scheduled',
      scheduled_date: at(15),
    })
    const items = await api.request('GET', `/api/v1/meetings/${second.body.id}/resolutions`, {
      token: t.syndic.token,
    })
    expect(JSON.stringify(items.body)).toContain('Approuver les comptes')
    const again = await api.request('POST', url, { token: t.syndic.token, body: { scheduled_date: at(30) } })
    expect(again.body.id).toBe(second.body.id)
  })
})

describe('a second assembly deliberates whatever the attendance (art. 3.87 §5)', () => {
  it('with two owners of four present: the first assembly refuses the vote, its second assembly adopts', async () => {
    const t = await api.tenant()
    const building = await fx.building(t.syndic.token, { total_tantiemes: 400 })
    const present = await ownerOfLot(t, building.id, { first_name: 'P', last_name: 'Present' })
    const grantor = await ownerOfLot(t, building.id, { first_name: 'S', last_name: 'Second' })
    await ownerOfLot(t, building.id, { first_name: 'A', last_name: 'Absent' })
    await ownerOfLot(t, building.id, { first_name: 'B', last_name: 'Away' })
    const firstDate = new Date(Date.now() + 20 * DAY)
    const first = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: firstDate.toISOString(),
        location: 'Salle',
      },
    })
    await api.request('POST', `/api/v1/meetings/${first.body.id}/resolutions`, {
      token: t.syndic.token,
      body: { title: 'Comptes', proposed_decision: 'Approuver les comptes', decision_type: 'ordinary' },
    })
    /**
     * The same attendance in both meetings: two owners check in (2 of 4 owners, not more than half;
     * 200 of 400 votes), the meeting opens, a vote.
     */
    const hold = async (meetingId: string) => {
      const items = await api.request('GET', `/api/v1/meetings/${meetingId}/resolutions`, {
        token: t.syndic.token,
      })
      expect(items.status, JSON.stringify(items.body)).toBe(200)
      const resolutionId = items.body.items[0].id as string
      const acts: ReturnType<typeof appendAct>[] = []
      const add = (kind: Parameters<typeof appendAct>[1], payload: Record<string, unknown>) =>
        acts.push(appendAct(acts, kind, payload as never, new Date(Date.now() + acts.length).toISOString()))
      add('checked_in', { ownerId: present.id })
      add('checked_in', { ownerId: grantor.id })
      add('opened', {})
      const opening = await api.request('POST', `/api/v1/meetings/${meetingId}/acts`, {
        token: t.syndic.token,
        body: { acts },
      })
      expect(opening.status, JSON.stringify(opening.body)).toBe(200)
      add('vote_opened', { resolutionId, excludedOwnerIds: [] })
      add('ballot', { resolutionId, ownerId: present.id, choice: 'for' })
      add('ballot', { resolutionId, ownerId: grantor.id, choice: 'for' })
      add('vote_closed', { resolutionId })
      return api.request('POST', `/api/v1/meetings/${meetingId}/acts?include=state`, {
        token: t.syndic.token,
        body: { acts: acts.slice(3) },
      })
    }
    const refused = await hold(first.body.id)
    expect(refused.status).toBe(422)
    expect(refused.body.code).toBe('quorum_not_reached')
    const firstSession = await api.request('GET', `/api/v1/meetings/${first.body.id}/session`, {
      token: t.syndic.token,
    })
    expect(firstSession.body.second_assembly).toBe(false)
    expect(firstSession.body.state.quorum).toMatchObject({
      reached: false,
      ownersPresent: 2,
      votesPresent: 200,
    })

    const second = await api.request('POST', `/api/v1/meetings/${first.body.id}/second-assembly`, {
      token: t.syndic.token,
      body: { scheduled_date: new Date(firstDate.getTime() + 16 * DAY).toISOString() },
    })
    expect(second.status, JSON.stringify(second.body)).toBe(201)
    const adopted = await hold(second.body.id)
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200)
    expect(adopted.body.state.quorum).toMatchObject({
      reached: true,
      rule: 'second_assembly',
      votesPresent: 200,
    })
    expect(adopted.body.state.resolutions[0]).toMatchObject({ status: 'adopted', for: 200, cast: 200 })
    const session = await api.request('GET', `/api/v1/meetings/${second.body.id}/session`, {
      token: t.syndic.token,
    })
    expect(session.body.second_assembly).toBe(true)
    expect(session.body.state.resolutions[0]).toMatchObject({ status: 'adopted' })
  })
})

describe('POST /meetings/{id}/minutes (art. 3.87 §10-12)', () => {
  it('generates the PV from the log: attendance, quorum, decision, names against, signatures, root hash', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const building = await fx.building(t.syndic.token, { total_tantiemes: 300 })
    const a = await ownerOfLot(t, building.id, {
      first_name: 'Anne',
      last_name: 'Martin',
      email: 'anne.martin@example.test',
      email_consent: true,
      email_consent_date: '2026-01-10',
      preferred_language: 'nl',
    })
    const b = await ownerOfLot(t, building.id, { first_name: 'Bruno', last_name: 'Lambert' })
    const c = await ownerOfLot(t, building.id, { first_name: 'Chloé', last_name: 'Simon' })
    await api.request('PUT', `/api/v1/buildings/${building.id}/assembly-settings`, {
      token: t.syndic.token,
      body: { minutes_languages: ['fr', 'nl'] },
    })
    const m = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG 2027',
        scheduled_date: new Date(Date.now() + 16 * DAY).toISOString(),
        location: 'Salle communale',
      },
    })
    const r = await api.request('POST', `/api/v1/meetings/${m.body.id}/resolutions`, {
      token: t.syndic.token,
      body: { title: 'Comptes 2026', proposed_decision: 'Approuver les comptes', decision_type: 'ordinary' },
    })
    const url = `/api/v1/meetings/${m.body.id}/minutes`
    const before = await api.request('GET', url, { token: t.syndic.token })
    expect(before.body).toMatchObject({ status: 'on_time', root_hash: null })
    const none = await api.request('POST', url, { token: t.syndic.token })
    expect(none.status).toBe(409)
    expect(none.body.code).toBe('minutes_without_log')

    const acts: Parameters<typeof appendAct>[0][number][] = []
    let time = Date.now()
    const add = (kind: string, payload: Record<string, unknown>) => {
      time += 1000
      acts.push(appendAct(acts, kind as never, payload as never, new Date(time).toISOString()))
    }
    // Quorum is taken at the opening (art. 3.87 §5): the owners check in first.
    for (const o of [a, b, c]) add('checked_in', { ownerId: o.id })
    add('opened', {})
    add('vote_opened', { resolutionId: r.body.id, excludedOwnerIds: [] })
    add('ballot', { resolutionId: r.body.id, ownerId: a.id, choice: 'for' })
    add('ballot', { resolutionId: r.body.id, ownerId: b.id, choice: 'for' })
    add('ballot', { resolutionId: r.body.id, ownerId: c.id, choice: 'against' })
    add('vote_closed', { resolutionId: r.body.id })
    add('signed', { role: 'chair', name: 'Anne Martin', ownerId: a.id })
    add('signed', { role: 'secretary', name: 'Bruno Lambert', ownerId: b.id })
    add('closed', {})
    const sync = await api.request('POST', `/api/v1/meetings/${m.body.id}/acts`, {
      token: t.syndic.token,
      body: { acts },
    })
    expect(sync.status, JSON.stringify(sync.body)).toBeLessThan(300)

    expect((await api.request('POST', url, { token: other.syndic.token })).status).toBe(404)
    expect((await api.request('POST', url, { token: t.accountant.token })).status).toBe(403)
    const pv = await api.request('POST', url, { token: t.syndic.token })
    expect(pv.status, JSON.stringify(pv.body)).toBe(201)
    const rootHash = acts.at(-1)?.hash as string
    expect(pv.body.root_hash).toBe(rootHash)
    expect(pv.body.document_ids).toHaveLength(2)
    expect(new Date(pv.body.deadline).getTime()).toBe(new Date(m.body.scheduled_date).getTime() + 30 * DAY)
    const docs = await api.request('GET', `/api/v1/meetings/${m.body.id}/documents`, {
      token: t.syndic.token,
    })
    expect(docs.body.data.map((d: { document_type: string }) => d.document_type)).toEqual([
      'MeetingMinutes',
      'MeetingMinutes',
    ])
    const file = await api.app.request(`/api/v1/documents/${pv.body.document_ids[0]}/download`, {
      headers: { authorization: `Bearer ${t.syndic.token}` },
    })
    expect(file.status).toBe(200)
    const text = await pdfText(new Uint8Array(await file.arrayBuffer()))
    expect(text).toContain('Procès-verbal de l’assemblée générale')
    expect(text).toContain('Anne Martin')
    expect(text).toContain('Comptes 2026')
    expect(text).toContain('adoptée')
    expect(text).toContain('Ont voté contre : Chloé Simon')
    expect(text).toContain('Président : Anne Martin')
    expect(text).toContain('Secrétaire : Bruno Lambert')
    expect(text.replace(/\s/g, '')).toContain(rootHash)

    // Sent through the outbox to the consenting owner, in her language (Dutch copy), once.
    expect(pv.body.emailed).toBe(1)
    await runJobs()
    expect((await api.request('POST', url, { token: t.syndic.token })).body.emailed).toBe(0)
    await runJobs()
    const mails = (await api.inspect.execute(
      sql`select m.subject, a.filename from captured_mail m join captured_mail_attachments a on a.job_id = m.job_id
          where m.to_address = 'anne.martin@example.test'`,
    )) as { rows: { subject: string; filename: string }[] }
    expect((await api.request('GET', url, { token: t.syndic.token })).body).toMatchObject({
      status: 'done',
      root_hash: rootHash,
    })
    expect(mails.rows).toEqual([
      {
        subject: 'Notulen van de algemene vergadering — AG 2027',
        filename: expect.stringMatching(/-nl\.pdf$/),
      },
    ])
  })
})
