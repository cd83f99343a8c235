// Issue #14, done-when: a general assembly by the book, end to end. The agenda editor never offers
// a majority below the law's; a first assembly fails its quorum and a second one is convened; the
// second is held OFFLINE on a tablet (check-in with signatures, proxies — one refused with its
// reason —, a vote adopted only because of the vote reduction), its log is sent once back online
// and verified by the server; the minutes carry the root hash; a tampered act is refused.
import type { Page } from '@playwright/test'
import { expectNoHorizontalScroll, expectNoSeriousAxe, PHONE } from './axe-scan'
import { type ApiClient, expect, test, uiLogin, type World, waitForServiceWorker } from './fixtures'

const TABLET_LANDSCAPE = { width: 1024, height: 768 }
const TABLET_PORTRAIT = { width: 768, height: 1024 }

interface Act {
  seq: number
  kind: string
  payload: Record<string, unknown>
  at: string
  prevHash: string
  hash: string
}

/**
 * A building of 1000 quote-parts and six owners: Albert 300, Gilles 60, Berthe 240, and Dora 150,
 * Emil 150, Fanny 100 who never come. Albert and Berthe present with Gilles's proxy are 3 of 6
 * owners (not more than half) holding 600 (not more than three quarters): no quorum (art. 3.87 §5),
 * so only a second assembly can deliberate with them. With Gilles's proxy Albert carries 360 — more
 * than Berthe's 240 — so he is reduced to 240 in every vote (art. 3.87 §7).
 */
async function building(world: World, tag: string) {
  const b = await world.building(`Résidence Agora ${tag}`)
  const lots = {
    albert: await world.unit(b.id, 'A1', 300),
    gilles: await world.unit(b.id, 'G1', 60),
    berthe: await world.unit(b.id, 'B1', 240),
    dora: await world.unit(b.id, 'D1', 150),
    emil: await world.unit(b.id, 'E1', 150),
    fanny: await world.unit(b.id, 'F1', 100),
  }
  const owners = {
    albert: await world.owner(`Albert${tag}`),
    gilles: await world.owner(`Gilles${tag}`),
    berthe: await world.owner(`Berthe${tag}`),
    dora: await world.owner(`Dora${tag}`),
    emil: await world.owner(`Emil${tag}`),
    fanny: await world.owner(`Fanny${tag}`),
  }
  for (const k of Object.keys(lots) as (keyof typeof lots)[]) await world.ownership(lots[k].id, owners[k].id)
  return { building: b, lots, owners }
}

async function resolution(api: ApiClient, meetingId: string, title: string, decisionType = 'ordinary') {
  return api.post<{ id: string; title: string; majority: string }>(`/meetings/${meetingId}/resolutions`, {
    title,
    proposed_decision: `${title}: approved as presented.`,
    decision_type: decisionType,
  })
}

const sendNow = (page: Page) =>
  page.getByRole('button', { name: /^(Send the log now|Envoyer le journal maintenant)$/ })

/** Opens the meeting page online: it saves the register, agenda and log for the room (prefetch). */
async function prepareRoom(page: Page, meetingId: string) {
  await page.goto(`/meetings/${meetingId}`)
  await expect(page.getByTestId('room-ready')).toHaveAttribute('data-ready', 'true')
}

function line(page: Page, ownerName: string) {
  return page.getByTestId('attendance-line').filter({ hasText: ownerName })
}

async function checkIn(page: Page, ownerName: string, draw = false) {
  await line(page, ownerName)
    .getByRole('button', { name: new RegExp(`^Arrives: ${ownerName}`) })
    .click()
  const form = page.getByTestId('arrival-form')
  if (draw) {
    const canvas = form.getByTestId('signature-canvas')
    const box = await canvas.boundingBox()
    if (box) {
      await page.mouse.move(box.x + 20, box.y + 40)
      await page.mouse.down()
      await page.mouse.move(box.x + 120, box.y + 90, { steps: 5 })
      await page.mouse.move(box.x + 200, box.y + 30, { steps: 5 })
      await page.mouse.up()
    }
  }
  await form.getByRole('button', { name: 'Record the arrival' }).click()
  await expect(line(page, ownerName)).toHaveAttribute('data-status', 'present')
}

test.describe('general assembly in the room', () => {
  test.use({ viewport: TABLET_LANDSCAPE })

  test('agenda editor: the decision type fixes the majority and no lower one can be chosen', async ({
    page,
    world,
  }) => {
    const tag = Date.now().toString(36)
    const { building: b } = await building(world, tag)
    const meeting = await world.meeting(b.id, `AG ${tag}`)
    await uiLogin(page, world.syndic, '/syndic')
    await page.goto(`/meetings/${meeting.id}`)
    const editor = page.getByTestId('resolutions')
    await expect(editor).toBeVisible()

    const type = page.locator('#res-new-type')
    const majority = page.locator('#res-new-majority')
    await page.locator('#res-new-title').fill('Facade works')
    await type.selectOption('common_works')
    // Works on the common parts: 2/3 at least (art. 3.88 §1, 1°, b)); absolute is not offered.
    await expect(majority.locator('option')).toHaveText([
      'two-thirds majority',
      'four-fifths majority',
      'unanimity of all votes',
    ])
    await expect(majority).toHaveValue('two_thirds')
    await expect(page.locator('#res-new-required')).toContainText('two-thirds majority')
    await expect(page.locator('#res-new-required')).toContainText('art. 3.88')
    await type.selectOption('quote_parts_change')
    await expect(majority.locator('option')).toHaveText(['unanimity of all votes'])
    await type.selectOption('common_works')
    await majority.selectOption('four_fifths')
    await editor.getByRole('button', { name: 'Add the item' }).click()
    await expect(editor.getByTestId('resolution')).toHaveCount(1)
    await expect(editor.getByTestId('resolution').locator('input').first()).toHaveValue('Facade works')
    await expect(editor.getByTestId('resolution').locator('select').nth(1)).toHaveValue('four_fifths')

    // The server stored the stricter majority chosen, and it refuses a lower one than the law's.
    const stored = await world.syndicApi.get<{ items: { title: string; majority: string }[] }>(
      `/meetings/${meeting.id}/resolutions`,
    )
    expect(stored.items.find((r) => r.title === 'Facade works')?.majority).toBe('four_fifths')
    const res = await page.request.post(`/api/v1/meetings/${meeting.id}/resolutions`, {
      headers: { Authorization: `Bearer ${world.syndic.token}`, 'Idempotency-Key': crypto.randomUUID() },
      data: { title: 'Cheap trick', decision_type: 'common_works', majority: 'absolute' },
    })
    // Refused as invalid input (400) or unprocessable (422): never stored.
    expect([400, 422]).toContain(res.status())
    expect(await res.text()).toMatch(/majority/i)
    await expectNoSeriousAxe(page)
  })

  test('done-when: quorum fails, second assembly held offline on a tablet with proxies and a reduced vote, log verified, tampering refused', async ({
    page,
    context,
    world,
  }) => {
    test.setTimeout(180_000)
    const tag = Date.now().toString(36)
    const { building: b, owners } = await building(world, tag)
    const names = {
      albert: `Anne Albert${tag}`,
      gilles: `Anne Gilles${tag}`,
      berthe: `Anne Berthe${tag}`,
    }
    const first = await world.meeting(b.id, `AG ${tag}`)
    const accounts = await resolution(world.syndicApi, first.id, 'Accounts 2026')

    await test.step('convocation: e-mailed to the owners who consented, the other listed for the post', async () => {
      // Albert and Berthe gave written consent to e-mail; Gilles did not (art. 3.87 §3). Berthe
      // reads Dutch, Albert French (the default).
      for (const o of [owners.albert, owners.berthe])
        await world.syndicApi.put(
          `/owners/${o.id}`,
          { email_consent: true, ...(o === owners.berthe ? { preferred_language: 'nl' } : {}) },
          (o as { version?: number }).version,
        )
      await uiLogin(page, world.syndic, '/syndic')
      await waitForServiceWorker(page)
      await page.goto(`/meetings/${first.id}`)
      await page.getByRole('button', { name: 'Send the convocation' }).click()
      await expect(page.getByTestId('convocation-result')).toHaveText(
        'Convocation: 2 by e-mail, 4 to send by post.',
      )
      const sent = await world.syndicApi.get<{ data: { owner_id: string; channel: string }[] }>(
        `/meetings/${first.id}/convocation`,
      )
      const channelOf = (id: string) => sent.data.find((d) => d.owner_id === id)?.channel
      expect(channelOf(owners.albert.id)).toBe('email')
      expect(channelOf(owners.berthe.id)).toBe('email')
      expect(channelOf(owners.gilles.id)).toBe('post')
      // The job runner mails each letter (captured by the embedded profile), once, with its PDF in
      // the owner's language: date, place, the agenda item with its proposed decision and majority.
      const expected = {
        albert: [
          'Convocation à l’assemblée générale',
          'jeudi 20 mai 2027',
          'Majorité requise',
          'majorité absolue',
        ],
        berthe: [
          'Oproeping tot de algemene vergadering',
          'donderdag 20 mei 2027',
          'Vereiste meerderheid',
          'volstrekte meerderheid',
        ],
      }
      const { extractText, getDocumentProxy } = await import('unpdf')
      for (const k of ['albert', 'berthe'] as const) {
        const to = `${owners[k].last_name.toLowerCase()}@e2e.test`
        let mailId = ''
        await expect
          .poll(
            async () => {
              const list = await world.admin.get<{ data: { id: string; to: string; subject: string }[] }>(
                '/mail/captured?per_page=100&order=desc',
              )
              const mine = list.data.filter((m) => m.to === to)
              mailId = mine[0]?.id ?? ''
              return mine.map((m) => m.subject)
            },
            { timeout: 20_000 },
          )
          .toEqual([expect.stringContaining(b.name)])
        const mail = await world.admin.get<{ attachments: { index: number; content_type: string }[] }>(
          `/mail/captured/${mailId}`,
        )
        expect(mail.attachments.map((a) => a.content_type)).toEqual(['application/pdf'])
        const pdf = await getDocumentProxy(await world.admin.bytes(`/mail/captured/${mailId}/attachments/0`))
        const text = ((await extractText(pdf, { mergePages: true })).text as string).replace(/\s+/g, ' ')
        const common = [
          'Salle des fêtes',
          accounts.title,
          `${accounts.title}: approved as presented.`,
          names[k],
        ]
        for (const phrase of [...expected[k], ...common])
          expect(text, `${k}'s convocation PDF`).toContain(phrase)
      }
      const again = await world.syndicApi.post<{ created: number }>(`/meetings/${first.id}/convocation`, {})
      expect(again.created).toBe(0)
    })

    // ---- the first assembly: only Berthe (1 owner of 6, 240/1000) — no quorum (art. 3.87 §5)
    await test.step('first assembly: quorum not reached', async () => {
      await prepareRoom(page, first.id)
      await page.getByRole('link', { name: 'Run the meeting in the room' }).click()
      await expect(page.getByTestId('room')).toBeVisible()
      await expect(page).toHaveTitle(/Meeting room/)
      await checkIn(page, names.berthe)
      await page.getByRole('button', { name: 'Open the meeting' }).click()
      await expect(page.getByTestId('quorum')).toHaveAttribute('data-reached', 'false')
      await expect(page.getByTestId('quorum')).toContainText('1 of 6 owners present or represented')
      await page.getByRole('button', { name: `Open the vote: ${accounts.title}` }).click()
      // The domain refuses a vote without quorum, with the reason; nothing is recorded.
      await expect(page.getByRole('alert').filter({ hasText: /quorum/i })).toBeVisible()
      await page.getByRole('button', { name: 'Close the meeting' }).click()
      await expect(page.getByTestId('room-phase')).toHaveAttribute('data-phase', 'closed')
      await expect(page.getByTestId('log-unsynced')).toHaveAttribute('data-count', '0')
      await expect(page.getByTestId('log-verified')).toHaveAttribute('data-verified', 'true')
    })

    // ---- the second assembly (convened ≥ 15 days later); it deliberates whatever the attendance
    // Convened by assembly-convocation's API only because the first log shows no quorum.
    const second = await world.syndicApi.post<{ id: string; title: string }>(
      `/meetings/${first.id}/second-assembly`,
      { scheduled_date: '2027-06-10T18:00:00Z' },
    )
    const copied = await world.syndicApi.get<{ items: { title: string }[] }>(
      `/meetings/${second.id}/resolutions`,
    )
    expect(copied.items.map((r) => r.title)).toEqual([accounts.title])
    const works = await resolution(world.syndicApi, second.id, 'Roof repair')

    await test.step('second assembly held offline on a tablet', async () => {
      await prepareRoom(page, second.id)
      await context.setOffline(true)
      await page.getByRole('link', { name: 'Run the meeting in the room' }).click()
      await expect(page.getByTestId('room')).toBeVisible()
      await expect(page.getByTestId('room-offline')).toBeVisible()

      await checkIn(page, names.albert, true)
      await expect(line(page, names.albert).getByTestId('signature')).toContainText(names.albert)
      await checkIn(page, names.berthe)

      // Proxies: Gilles → Albert is fine; Berthe is in the room, so her proxy is refused.
      await page.locator('#proxy-grantor').selectOption({ label: names.gilles })
      await page.locator('#proxy-holder').selectOption({ label: names.albert })
      await page.getByRole('button', { name: 'Record the proxy' }).click()
      await expect(page.getByTestId('proxy-line')).toHaveCount(1)
      await expect(line(page, names.gilles)).toHaveAttribute('data-status', 'represented')
      await page.locator('#proxy-grantor').selectOption({ label: names.berthe })
      await page.locator('#proxy-holder').selectOption({ label: names.albert })
      await page.getByRole('button', { name: 'Record the proxy' }).click()
      await expect(page.getByRole('alert').filter({ hasText: /in the room/i })).toBeVisible()
      await expect(page.getByTestId('proxy-line')).toHaveCount(1)

      // Below the quorum (3 of 6 owners, 600/1000), yet a second assembly deliberates (art. 3.87 §5):
      // the room knows it from the server's session (second_assembly), offline too.
      await page.getByRole('button', { name: 'Open the meeting' }).click()
      await expect(page.getByTestId('quorum')).toHaveAttribute('data-reached', 'true')
      await expect(page.getByTestId('quorum')).toContainText('3 of 6 owners present or represented')
      await expect(page.getByTestId('quorum')).toContainText(
        'Second assembly: it deliberates whatever the attendance',
      )

      // One vote at a time: Albert against, Gilles (by Albert's proxy) for, Berthe for.
      // Without reduction 300 for / 300 against: rejected. Albert carries 360 > 240 (Berthe):
      // reduced to 240 (Albert 200, Gilles 40), so 240 + 40 = 280 for / 200 against: adopted.
      await page.getByRole('button', { name: `Open the vote: ${works.title}` }).click()
      const ballots = page.getByTestId('ballots')
      await ballots.getByRole('button', { name: `Against: ${names.albert}` }).click()
      await ballots.getByRole('button', { name: `For: ${names.gilles}` }).click()
      await ballots.getByRole('button', { name: `For: ${names.berthe}` }).click()
      await expect(ballots.getByTestId('ballot-choice')).toHaveText(['Against', 'For', 'For'])
      const tally = page.getByTestId('tally')
      await expect(tally.getByTestId('reduction')).toContainText(names.albert)
      await expect(tally.getByTestId('reduction')).toContainText('360 → 240')

      // The projector (another window of this device, offline too) follows the vote.
      const projector = await context.newPage()
      await projector.setViewportSize(TABLET_LANDSCAPE)
      await projector.goto(`/meetings/${second.id}/projector`)
      await expect(projector.getByTestId('projector-title')).toHaveText(works.title)
      await expect(projector.getByTestId('tally-for')).toContainText(/\b280\b/)

      await page.getByRole('button', { name: 'Close the vote' }).click()
      const item = page.getByTestId('vote-item').filter({ hasText: works.title })
      await expect(item).toHaveAttribute('data-status', 'adopted')
      await expect(item.getByTestId('tally-for')).toHaveText(/\b280\b/)
      await expect(item.getByTestId('tally-against')).toHaveText(/\b200\b/)
      await expect(projector.getByTestId('verdict')).toHaveText('adopted')
      await projector.close()

      await page.locator('#sign-role').selectOption('chair')
      await page.locator('#sign-name').fill(names.berthe)
      await page.getByRole('button', { name: 'Record the signature' }).click()
      await page.getByRole('button', { name: 'Close the meeting' }).click()

      // Everything is on this device only: nothing reached the server.
      const unsent = Number(await page.getByTestId('log-unsynced').getAttribute('data-count'))
      expect(unsent).toBeGreaterThan(8)
      await expect(page.getByTestId('log-verified')).toHaveAttribute('data-verified', 'false')
      await expectNoHorizontalScroll(page)
    })

    await test.step('back online: the log is sent once and verified by the server', async () => {
      await context.setOffline(false)
      await sendNow(page).click()
      await expect(page.getByTestId('log-unsynced')).toHaveAttribute('data-count', '0')
      await expect(page.getByTestId('log-verified')).toHaveAttribute('data-verified', 'true')
      const root = (await page.getByTestId('root-hash').textContent()) ?? ''
      const verify = await world.syndicApi.get<{ valid: boolean; root_hash: string; count: number }>(
        `/meetings/${second.id}/log/verify`,
      )
      expect(verify.valid).toBe(true)
      expect(verify.root_hash).toBe(root)
      const count = Number(await page.getByTestId('log-count').getAttribute('data-count'))
      expect(verify.count).toBe(count)
      // A second send stores nothing twice.
      await sendNow(page).click()
      const session = await world.syndicApi.get<{ acts: Act[] }>(`/meetings/${second.id}/session`)
      expect(session.acts).toHaveLength(count)
    })

    await test.step('minutes generated from the recorded log, with its root hash', async () => {
      const verify = await world.syndicApi.get<{ root_hash: string }>(`/meetings/${second.id}/log/verify`)
      await page.goto(`/meetings/${second.id}`)
      await page.getByRole('button', { name: 'Generate the minutes' }).click()
      await expect(page.getByTestId('minutes-result')).toContainText(verify.root_hash)
      const docs = await world.syndicApi.get<{ data: { id: string; document_type: string }[] }>(
        `/meetings/${second.id}/documents`,
      )
      const minutes = {
        document_ids: docs.data.filter((d) => d.document_type === 'MeetingMinutes').map((d) => d.id),
      }
      expect(minutes.document_ids.length).toBeGreaterThan(0)
      const res = await page.request.get(`/api/v1/documents/${minutes.document_ids[0]}/download`, {
        headers: { Authorization: `Bearer ${world.syndic.token}` },
      })
      expect(res.ok()).toBe(true)
      const { extractText, getDocumentProxy } = await import('unpdf')
      const pdf = await getDocumentProxy(new Uint8Array(await res.body()))
      const text = (await extractText(pdf, { mergePages: true })).text as string
      const flat = text.replace(/\s+/g, '')
      expect(flat).toContain(verify.root_hash)
      expect(text).toContain(works.title)
      // Those who voted against are named (art. 3.87 §10): Albert.
      expect(text).toContain(`Albert${tag}`)
    })

    await test.step('a tampered log is refused', async () => {
      const session = await world.syndicApi.get<{ acts: Act[] }>(`/meetings/${second.id}/session`)
      const ballot = session.acts.find((a) => a.kind === 'ballot') as Act
      const post = (acts: unknown[]) =>
        page.request.post(`/api/v1/meetings/${second.id}/acts`, {
          headers: { Authorization: `Bearer ${world.syndic.token}`, 'Idempotency-Key': crypto.randomUUID() },
          data: { acts },
        })
      // A stored ballot turned into "against", with its hash altered to match nothing stored: refused.
      const altered = { ...ballot, payload: { ...ballot.payload, choice: 'against' }, hash: 'a'.repeat(64) }
      expect([409, 422]).toContain((await post([altered])).status())
      // The same change keeping the old hash is never stored: the log still holds the true ballot.
      await post([{ ...ballot, payload: { ...ballot.payload, choice: 'against' } }])
      const after = await world.syndicApi.get<{ acts: Act[] }>(`/meetings/${second.id}/session`)
      expect(after.acts.find((a) => a.seq === ballot.seq)?.payload).toEqual(ballot.payload)
      // A new act whose hash does not match its content.
      const last = session.acts.at(-1) as Act
      const forged = {
        seq: last.seq + 1,
        kind: 'signed',
        payload: { role: 'owner', name: 'Forger' },
        at: new Date().toISOString(),
        prevHash: last.hash,
        hash: 'f'.repeat(64),
      }
      expect((await post([forged])).status()).toBe(422)
      const verify = await world.syndicApi.get<{ valid: boolean; count: number }>(
        `/meetings/${second.id}/log/verify`,
      )
      expect(verify.valid).toBe(true)
      expect(verify.count).toBe(last.seq)
    })
    void owners
  })

  test.describe('tablet portrait', () => {
    test.use({ viewport: TABLET_PORTRAIT })
    test('the room fits a tablet in portrait and is axe clean', async ({ page, world }) => {
      test.setTimeout(90_000)
      const tag = Date.now().toString(36)
      const { building: b } = await building(world, tag)
      const meeting = await world.meeting(b.id, `AG ${tag}`)
      await resolution(world.syndicApi, meeting.id, 'Budget 2027')
      await uiLogin(page, world.syndic, '/syndic')
      await prepareRoom(page, meeting.id)
      await expectNoSeriousAxe(page)
      await page.getByRole('link', { name: 'Run the meeting in the room' }).click()
      await expect(page.getByTestId('attendance-line')).toHaveCount(6)
      await expectNoHorizontalScroll(page)
      await expectNoSeriousAxe(page)
      await page.goto(`/meetings/${meeting.id}/projector`)
      await expect(page.getByTestId('projector')).toBeVisible()
      await expectNoSeriousAxe(page)
    })
  })
})

test.describe('owner portal: assemblies @phone', () => {
  test.use({ viewport: PHONE })
  test('an owner sees the agenda with majorities, gives a proxy online and revokes it @phone', async ({
    page,
    world,
  }) => {
    const tag = Date.now().toString(36)
    const b = await world.building(`Les Glycines ${tag}`)
    const { account, owner } = await world.ownerAccount(`Martin${tag}`)
    const lot = await world.unit(b.id, '1A', 300)
    await world.ownership(lot.id, owner.id)
    const other = await world.owner(`Dubois${tag}`)
    const lot2 = await world.unit(b.id, '1B', 700)
    await world.ownership(lot2.id, other.id)
    const meeting = await world.meeting(b.id, `AG ${tag}`)
    await resolution(world.syndicApi, meeting.id, 'Elevator renovation', 'common_works')

    await uiLogin(page, account, '/owner')
    await page.getByTestId('owner-agenda').getByRole('link', { name: meeting.title }).click()
    const items = page.getByTestId('resolutions')
    await expect(items.getByTestId('resolution')).toContainText('Elevator renovation')
    await expect(items.getByTestId('resolution-majority')).toContainText('two-thirds majority')

    const proxy = page.getByTestId('owner-proxy')
    await proxy.locator('#proxy-holder-name').fill('Claire Notaire')
    await proxy.getByRole('button', { name: 'Give the proxy' }).click()
    await expect(proxy.getByRole('status')).toContainText('Proxy given to Claire Notaire')
    const stored = await world.syndicApi.get<{
      items: { grantor_owner_id: string; holder_name: string | null }[]
    }>(`/meetings/${meeting.id}/proxies`)
    expect(stored.items.map((p) => [p.grantor_owner_id, p.holder_name])).toEqual([
      [owner.id, 'Claire Notaire'],
    ])
    // Revocable until the meeting's log starts: the button names the holder and removes the proxy.
    await expect(proxy.getByTestId('owner-proxy-current')).toContainText('Claire Notaire')
    await expectNoHorizontalScroll(page)
    await expectNoSeriousAxe(page)
    await proxy.getByRole('button', { name: 'Revoke the proxy' }).click()
    await expect(proxy.getByRole('status')).toContainText('Proxy to Claire Notaire revoked')
    await expect(proxy.getByTestId('owner-proxy-current')).toHaveCount(0)
    const after = await world.syndicApi.get<{ items: unknown[] }>(`/meetings/${meeting.id}/proxies`)
    expect(after.items).toEqual([])
  })
})

test.describe('convocation side: statutes, board, deliveries @phone', () => {
  test('the building page shows the assembly settings and the board in four languages; the meeting page lists the deliveries @phone', async ({
    page,
    world,
  }) => {
    test.setTimeout(90_000)
    const tag = Date.now().toString(36)
    const { building: b, owners } = await building(world, tag)
    await world.syndicApi.put(`/owners/${owners.albert.id}`, { email_consent: true })
    const meeting = await world.meeting(b.id, `AG ${tag}`)
    // Albert (300 of 1000, more than a fifth) asked for an assembly 35 days ago: overdue (30 days, art. 3.87 §2).
    await world.syndicApi.post(`/buildings/${b.id}/assembly-requests`, {
      owner_ids: [owners.albert.id],
      received_at: new Date(Date.now() - 35 * 86_400_000).toISOString(),
    })
    await uiLogin(page, world.syndic, '/syndic')
    await page.goto(`/buildings/${b.id}`)
    const request = page.getByTestId('assembly-request')
    await expect(request).toHaveAttribute('data-status', 'overdue')
    await expect(request).toContainText(`Anne Albert${tag}`)
    await expect(request).toContainText('overdue')
    const settings = page.getByTestId('assembly-settings')
    const board = page.getByTestId('assembly-board')
    // The header's language menu is a desktop control (the phone's is in the menu): four languages
    // on the desktop run, English on the phone.
    const languages = [
      ['fr', 'Paramètres d’assemblée (statuts)', 'Conseil de copropriété'],
      ['nl', 'Instellingen van de vergadering (statuten)', 'Raad van mede-eigendom'],
      ['de', 'Versammlungseinstellungen (Satzung)', 'Miteigentümerbeirat'],
      ['en', 'Assembly settings (statutes)', 'Board of co-owners'],
    ] as const
    const phone = (page.viewportSize()?.width ?? 1280) < 600
    for (const [code, title, boardTitle] of phone ? languages.slice(3) : languages) {
      if (!phone) await page.locator('#lang-header').selectOption(code)
      await expect(settings.getByRole('heading', { level: 2 })).toHaveText(title)
      await expect(board.getByRole('heading', { level: 2 })).toHaveText(boardTitle)
      await expectNoHorizontalScroll(page)
    }
    // Six lots: a board is not mandatory (art. 3.90 §1, from 20).
    await expect(board).toContainText('Not mandatory: 6 lots counted')
    await settings.locator('#agc-notice-days').fill('21')
    await settings.getByRole('button', { name: 'Save' }).click()
    await expect(settings.getByText('Legal defaults (nothing recorded)')).toHaveCount(0)
    await page.reload()
    await expect(page.getByTestId('assembly-settings').locator('#agc-notice-days')).toHaveValue('21')
    await expectNoSeriousAxe(page)

    await page.goto(`/meetings/${meeting.id}`)
    const deliveries = page.getByTestId('convocation-deliveries')
    await expect(deliveries).toContainText('Not convened yet.')
    await page.getByRole('button', { name: 'Send the convocation' }).click()
    await expect(deliveries.getByTestId('delivery')).toHaveCount(6)
    await expect(deliveries.locator('[data-testid="delivery"][data-channel="post"]')).toHaveCount(5)
    await expect(deliveries).toContainText(`Anne Albert${tag}`)
    await expectNoHorizontalScroll(page)
    await expectNoSeriousAxe(page)
  })
})
