import { PASSWORD_LINK_JOB } from '@koprogo/domain'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, capturedMail, outbox, passwordLinks } from '../_shared/db/schema/index.ts'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../test/harness.ts'
import { passwordLinkJob } from './password-link.job.ts'
import { FORGOT_PASSWORD_ANSWER } from './routes.ts'

/**
 * Invitation, forgot-password and password change, end to end through the outbox and the capture
 * mailer (docs/security.md § Password links, ADR 0023).
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const NEW_PASSWORD = 'Fresh-Start-2026!'
let ipCounter = 0
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

async function runJobs() {
  while ((await runDueJobs(api.runtime)) > 0) {}
}
async function mailTo(email: string) {
  return api.inspect
    .select()
    .from(capturedMail)
    .where(eq(capturedMail.toAddress, email))
    .orderBy(capturedMail.createdAt)
}
function tokenIn(text: string): string {
  const m = /\/(?:set|reset)-password\?token=([0-9a-f]{64})/.exec(text)
  if (!m?.[1]) throw new Error(`no link in: ${text}`)
  return m[1]
}
const login = (email: string, password: string) =>
  api.request('POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-test-ip': freshIp() },
  })
const usePassword = (token: string, password = NEW_PASSWORD) =>
  api.request('POST', '/api/v1/auth/reset-password', { body: { token, password } })
const forgot = (email: string, locale?: string) =>
  api.request('POST', '/api/v1/auth/forgot-password', {
    body: { email, ...(locale ? { locale } : {}) },
    headers: { 'x-test-ip': freshIp() },
  })
async function auditActions(entityId: string) {
  const rows = await api.inspect.select().from(auditLog).where(eq(auditLog.entityId, entityId))
  return rows.map((r) => r.action)
}

describe('inviting a user', () => {
  it('mails a set-password link in the chosen language; the link works once and logs in', async () => {
    const t = await api.tenant()
    const email = `invitee-${Date.now()}@example.test`
    const created = await api.request('POST', '/api/v1/users', {
      token: t.syndic.token,
      body: { email, first_name: 'Anke', last_name: 'Peeters', role: 'owner', locale: 'nl' },
    })
    expect(created.status).toBe(201)
    // Until the link is used nobody can log in as the invitee.
    expect((await login(email, TEST_PASSWORD)).status).toBe(401)

    await runJobs()
    const [mail, ...others] = await mailTo(email)
    expect(others).toEqual([])
    expect(mail?.locale).toBe('nl')
    expect(mail?.subject).toBe(`${t.org.name} nodigt u uit op KoproGo`)
    expect(mail?.textBody).toContain('Beste Anke,')
    expect(mail?.textBody).toContain('https://app.example.test/set-password?token=')
    expect(mail?.messageId).toMatch(/^<[0-9a-f-]{36}@koprogo\.invalid>$/)
    const token = tokenIn(mail?.textBody ?? '')

    const used = await usePassword(token)
    expect(used.status).toBe(200)
    expect(used.body.user.email).toBe(email)
    expect((await api.request('GET', '/api/v1/auth/me', { token: used.body.token })).status).toBe(200)
    expect((await login(email, NEW_PASSWORD)).status).toBe(200)

    const again = await usePassword(token, 'Another-Pass-2026!')
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('link_used')
    expect(await auditActions(created.body.id)).toEqual(
      expect.arrayContaining([
        'user.create',
        'user.invite',
        'user.invitation_send',
        'user.invitation_accept',
      ]),
    )
  })

  it('still creates a user with a password (v1) and mails nothing', async () => {
    const t = await api.tenant()
    const email = `direct-${Date.now()}@example.test`
    const created = await api.request('POST', '/api/v1/users', {
      token: t.syndic.token,
      body: { email, password: NEW_PASSWORD, first_name: 'D', last_name: 'Irect', role: 'accountant' },
    })
    expect(created.status).toBe(201)
    expect((await login(email, NEW_PASSWORD)).status).toBe(200)
    await runJobs()
    expect(await mailTo(email)).toEqual([])
  })

  it('applies the password policy on the set-password page and keeps the link usable', async () => {
    const t = await api.tenant()
    const email = `policy-${Date.now()}@example.test`
    await api.request('POST', '/api/v1/users', {
      token: t.syndic.token,
      body: { email, first_name: 'P', last_name: 'Olicy', role: 'owner' },
    })
    await runJobs()
    const [mail] = await mailTo(email)
    expect(mail?.locale).toBe('fr')
    const token = tokenIn(mail?.textBody ?? '')
    const weak = await usePassword(token, 'short')
    expect(weak.status).toBe(400)
    expect((await usePassword(token)).status).toBe(200)
  })

  it('escapes what people typed in the HTML part', async () => {
    const t = await api.tenant()
    const email = `html-${Date.now()}@example.test`
    await api.request('POST', '/api/v1/users', {
      token: t.syndic.token,
      body: { email, first_name: '<b>Eve</b>', last_name: 'X', role: 'owner', locale: 'en' },
    })
    await runJobs()
    const [mail] = await mailTo(email)
    expect(mail?.htmlBody).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;,')
    expect(mail?.htmlBody).not.toContain('<b>Eve</b>')
    expect(mail?.textBody).toContain('Hello <b>Eve</b>,')
  })
})

describe('forgot password', () => {
  it('answers the same for an unknown and a known e-mail, and mails only the account', async () => {
    const t = await api.tenant()
    const unknown = `nobody-${Date.now()}@example.test`
    const a = await forgot(unknown)
    const b = await forgot(t.accountant.email, 'de')
    expect([a.status, b.status]).toEqual([202, 202])
    expect(a.text).toBe(b.text)
    expect(a.body.message).toBe(FORGOT_PASSWORD_ANSWER)
    await runJobs()
    expect(await mailTo(unknown)).toEqual([])
    const [mail] = await mailTo(t.accountant.email)
    expect(mail?.subject).toBe('Setzen Sie Ihr KoproGo-Passwort zurück')
    expect(mail?.textBody).toContain('/reset-password?token=')
  })

  it('never writes the token in the outbox; the database holds only its hash', async () => {
    const t = await api.tenant()
    await forgot(t.owner.email)
    await runJobs()
    const [mail] = await mailTo(t.owner.email)
    const token = tokenIn(mail?.textBody ?? '')
    const rows = await api.inspect.select().from(outbox).where(eq(outbox.kind, PASSWORD_LINK_JOB))
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(JSON.stringify(r)).not.toContain(token)
    const links = await api.inspect.select().from(passwordLinks).where(eq(passwordLinks.userId, t.owner.id))
    for (const l of links) expect(JSON.stringify(l)).not.toContain(token)
  })

  it('resets once, ends every other session, and refuses a wrong, reused or expired link clearly', async () => {
    const t = await api.tenant()
    const before = await login(t.syndic.email, TEST_PASSWORD)
    expect(before.status).toBe(200)
    await forgot(t.syndic.email, 'en')
    await runJobs()
    const token = tokenIn((await mailTo(t.syndic.email))[0]?.textBody ?? '')

    const wrong = await usePassword('0'.repeat(64))
    expect([wrong.status, wrong.body.code]).toEqual([409, 'link_invalid'])

    const reset = await usePassword(token)
    expect(reset.status).toBe(200)
    expect((await api.request('GET', '/api/v1/auth/me', { token: before.body.token })).status).toBe(401)
    const oldRefresh = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: before.body.refresh_token },
    })
    expect(oldRefresh.status).toBe(401)
    expect((await login(t.syndic.email, TEST_PASSWORD)).status).toBe(401)
    expect((await login(t.syndic.email, NEW_PASSWORD)).status).toBe(200)

    const reused = await usePassword(token, 'Yet-Another-2026!')
    expect([reused.status, reused.body.code]).toEqual([409, 'link_used'])

    await forgot(t.syndic.email, 'en')
    await runJobs()
    const mails = await mailTo(t.syndic.email)
    const second = tokenIn(mails[mails.length - 1]?.textBody ?? '')
    await api.inspect
      .update(passwordLinks)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordLinks.userId, t.syndic.id))
    const expired = await usePassword(second)
    expect([expired.status, expired.body.code]).toEqual([409, 'link_expired'])
    expect(await auditActions(t.syndic.id)).toEqual(
      expect.arrayContaining(['user.password_reset_request', 'user.password_reset']),
    )
  })

  it('keeps only the newest link alive', async () => {
    const t = await api.tenant()
    await forgot(t.accountant.email)
    await runJobs()
    await forgot(t.accountant.email)
    await runJobs()
    const [first, second] = await mailTo(t.accountant.email)
    const old = await usePassword(tokenIn(first?.textBody ?? ''))
    expect([old.status, old.body.code]).toEqual([409, 'link_used'])
    expect((await usePassword(tokenIn(second?.textBody ?? ''))).status).toBe(200)
  })

  it('is throttled per e-mail like login', async () => {
    const email = `flood-${Date.now()}@example.test`
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await forgot(email)).status)
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
  })

  it('a retried job mails the same link once (idempotent by job id)', async () => {
    const t = await api.tenant()
    const jobId = await api.repos.outbox.enqueue({
      kind: PASSWORD_LINK_JOB,
      organizationId: null,
      payload: { purpose: 'reset', email: t.owner.email, locale: 'fr' },
    })
    const job = { id: jobId, kind: PASSWORD_LINK_JOB, organizationId: null, attempt: 1 }
    const payload = { purpose: 'reset', email: t.owner.email, locale: 'fr' }
    await passwordLinkJob({ ...job, payload }, api.runtime)
    await passwordLinkJob({ ...job, payload, attempt: 2 }, api.runtime)
    const mails = await mailTo(t.owner.email)
    expect(mails.map((m) => m.jobId)).toEqual([jobId])
    const links = await api.inspect.select().from(passwordLinks).where(eq(passwordLinks.userId, t.owner.id))
    expect(links.map((l) => l.id)).toEqual([jobId])
  })
})

describe('changing one’s own password', () => {
  it('needs the current password, ends the other sessions, keeps the caller in and mails a confirmation', async () => {
    const t = await api.tenant()
    const other = await login(t.owner.email, TEST_PASSWORD)
    const mine = await login(t.owner.email, TEST_PASSWORD)
    const change = (current: string) =>
      api.request('POST', '/api/v1/auth/change-password', {
        token: mine.body.token,
        body: { current_password: current, new_password: NEW_PASSWORD, locale: 'en' },
      })
    const wrong = await change('not-my-password')
    expect(wrong.status).toBe(400)
    expect(wrong.body.issues?.[0]?.path ?? wrong.text).toContain('current_password')

    const ok = await change(TEST_PASSWORD)
    expect(ok.status).toBe(200)
    expect((await api.request('GET', '/api/v1/auth/me', { token: ok.body.token })).status).toBe(200)
    expect((await api.request('GET', '/api/v1/auth/me', { token: other.body.token })).status).toBe(401)
    const otherRefresh = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: other.body.refresh_token },
    })
    expect(otherRefresh.status).toBe(401)
    expect((await login(t.owner.email, NEW_PASSWORD)).status).toBe(200)

    await runJobs()
    const [mail] = await mailTo(t.owner.email)
    expect(mail?.subject).toBe('Your KoproGo password was changed')
    expect(mail?.textBody).toContain('https://app.example.test/forgot-password')
    expect(await auditActions(t.owner.id)).toContain('user.password_change')
  })

  it('requires a session', async () => {
    const res = await api.request('POST', '/api/v1/auth/change-password', {
      body: { current_password: 'x', new_password: NEW_PASSWORD },
    })
    expect(res.status).toBe(401)
  })
})

describe('the captured mail page', () => {
  it('lists captured mail newest first for the superadmin only, with the bodies on the detail', async () => {
    const t = await api.tenant()
    await forgot(t.syndic.email, 'fr')
    await runJobs()
    const admin = await api.user('superadmin', null)
    const list = await api.request('GET', '/api/v1/mail/captured?per_page=100', { token: admin.token })
    expect(list.status).toBe(200)
    const entry = list.body.data.find((m: { to: string }) => m.to === t.syndic.email)
    expect(entry.subject).toBe('Réinitialisez votre mot de passe KoproGo')
    const detail = await api.request('GET', `/api/v1/mail/captured/${entry.id}`, { token: admin.token })
    expect(detail.status).toBe(200)
    expect(detail.body.html).toContain('<html lang="fr">')
    expect(detail.body.text).toContain('Bonjour')
    expect((await api.request('GET', '/api/v1/mail/captured', { token: t.syndic.token })).status).toBe(403)
    expect(
      (await api.request('GET', `/api/v1/mail/captured/${entry.id}`, { token: t.syndic.token })).status,
    ).toBe(403)
  })
})
