import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

// Issue #14 item 1, the post: owners without written consent to e-mail get a printable convocation
// (Civil Code art. 3.87 §3) in their language, filed as a document addressed to them alone, and the
// syndic prints them all from one PDF.
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

async function download(url: string, token: string) {
  const res = await api.app.request(url, { headers: { authorization: `Bearer ${token}` } })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}

type Doc = { id: string; title: string; addressee_owner_id: string | null }

describe('printable convocations for the owners reached by post', () => {
  it('renders each in the owner’s language, files it addressed to that owner, and joins them for printing', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const token = t.syndic.token
    const building = await fx.building(token, { total_tantiemes: 1000 })
    const userDe = await api.user('owner', t.org.id)
    const people = [
      { first_name: 'Marie', last_name: 'Dubois', preferred_language: 'fr' },
      { first_name: 'Hans', last_name: 'Schmitz', preferred_language: 'de' },
      {
        first_name: 'Jan',
        last_name: 'Peeters',
        preferred_language: 'nl',
        email: 'jan.peeters.post@example.test',
        email_consent: true,
        email_consent_date: '2026-01-10',
      },
    ]
    const owners = []
    for (const p of people) {
      const unit = await fx.unit(token, building.id, { quota: 100 })
      const owner = await fx.owner(token, p)
      expect(
        (await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, { token })).status,
      ).toBe(200)
      owners.push(owner)
    }
    const [marie, hans, jan] = owners as unknown as [{ id: string }, { id: string }, { id: string }]
    for (const [owner, user] of [
      [marie, t.owner],
      [hans, userDe],
    ] as const) {
      const link = await api.request('PUT', `/api/v1/owners/${owner.id}/link-user`, {
        token,
        body: { user_id: user.id },
      })
      expect(link.status, JSON.stringify(link.body)).toBe(200)
    }
    const meeting = await api.request('POST', '/api/v1/meetings', {
      token,
      body: {
        building_id: building.id,
        meeting_type: 'Ordinary',
        title: 'AG 2027',
        scheduled_date: new Date(Date.now() + 30 * DAY).toISOString(),
        location: 'Salle communale de Wavre',
      },
    })
    expect(meeting.status).toBe(201)
    const letters = `/api/v1/meetings/${meeting.body.id}/convocation/postal-letters`
    // Before any convocation: nobody is convened by post.
    expect((await api.request('GET', letters, { token })).body.code).toBe('no_postal_letters')

    const sent = await api.request('POST', `/api/v1/meetings/${meeting.body.id}/convocation`, { token })
    expect(sent.status, JSON.stringify(sent.body)).toBe(202)
    // Not yet rendered: the job runs after the commit.
    const early = await api.request('GET', letters, { token })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('postal_letters_pending')
    await runJobs()

    const combined = await download(letters, token)
    expect(combined.status).toBe(200)
    expect(combined.type).toBe('application/pdf')
    const text = await pdfText(combined.bytes)
    expect(text).toContain('Convocation à l’assemblée générale')
    expect(text).toContain('Marie Dubois')
    expect(text).toContain('Einberufung zur Generalversammlung')
    expect(text).toContain('Hans Schmitz')
    expect(text).toContain('Salle communale de Wavre')
    expect(text).not.toContain('Jan Peeters') // reached by e-mail, not printed
    expect((await download(letters, other.syndic.token)).status).toBe(404)
    expect((await download(letters, t.owner.token)).status).toBe(403)

    // Each letter is a document addressed to its owner; the e-mailed one is filed too.
    const docs = await api.request('GET', `/api/v1/meetings/${meeting.body.id}/documents`, { token })
    expect(docs.status).toBe(200)
    const byOwner = new Map((docs.body.data as Doc[]).map((d) => [d.addressee_owner_id, d]))
    expect([...byOwner.keys()].sort()).toEqual([marie.id, hans.id, jan.id].sort())
    const hansDoc = byOwner.get(hans.id) as Doc
    const marieDoc = byOwner.get(marie.id) as Doc
    expect(hansDoc.title).toContain('Hans Schmitz')

    // Hans reads his own letter, in German, and neither lists nor reads Marie's (404).
    const own = await download(`/api/v1/documents/${hansDoc.id}/download`, userDe.token)
    expect(own.status).toBe(200)
    const ownText = await pdfText(own.bytes)
    expect(ownText).toContain('Einberufung zur Generalversammlung')
    expect(ownText).toContain('Hans Schmitz')
    expect(ownText).not.toContain('Marie Dubois')
    expect(
      (await api.request('GET', `/api/v1/documents/${marieDoc.id}`, { token: userDe.token })).status,
    ).toBe(404)
    expect((await download(`/api/v1/documents/${marieDoc.id}/download`, userDe.token)).status).toBe(404)
    const seen = await api.request('GET', `/api/v1/meetings/${meeting.body.id}/documents`, {
      token: userDe.token,
    })
    expect(seen.status).toBe(200)
    expect((seen.body.data as Doc[]).map((d) => d.addressee_owner_id)).toEqual([hans.id])

    // Sending again files nothing twice.
    const again = await api.request('POST', `/api/v1/meetings/${meeting.body.id}/convocation`, { token })
    expect(again.body.created).toBe(0)
    await runJobs()
    const after = await api.request('GET', `/api/v1/meetings/${meeting.body.id}/documents`, { token })
    expect(after.body.data).toHaveLength(3)

    // An owner added later is convened alone; the letters of the others linked to the meeting are
    // not among the documents HIS letter lists as attached (another owner's letter is not his).
    const unit = await fx.unit(token, building.id, { quota: 100 })
    const late = await fx.owner(token, { first_name: 'Luc', last_name: 'Lambert', preferred_language: 'fr' })
    expect(
      (await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${late.id}`, { token })).status,
    ).toBe(200)
    const third = await api.request('POST', `/api/v1/meetings/${meeting.body.id}/convocation`, { token })
    expect(third.body.created).toBe(1)
    await runJobs()
    const all = await pdfText((await download(letters, token)).bytes)
    expect(all).toContain('Luc Lambert')
    const lucPart = all.slice(all.indexOf('Luc Lambert'))
    expect(lucPart).not.toContain(marieDoc.title)
    expect(lucPart).not.toContain(hansDoc.title)
  })
})
