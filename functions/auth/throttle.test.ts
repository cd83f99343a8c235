import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../test/harness.ts'

/**
 * Login throttling under concurrency and against lock-outs (docs/security.md § Sessions and
 * login, ADR 0016): attempts are reserved before the password is checked, so a burst checks at
 * most the limit; the tight limit is per (e-mail, client address), so a stranger's failures do
 * not lock the user out from elsewhere; the per-address and e-mail-wide limits still hold.
 */
const PER_PAIR = 5
const PER_IP = 12
const PER_EMAIL = 15
const BURST = 40
let api: TestApi
beforeAll(async () => {
  api = await createTestApi({
    LOGIN_MAX_FAILURES_PER_EMAIL_IP: String(PER_PAIR),
    LOGIN_MAX_FAILURES_PER_IP: String(PER_IP),
    LOGIN_MAX_FAILURES_PER_EMAIL: String(PER_EMAIL),
    LOGIN_WINDOW_SECONDS: '900',
  })
})
afterAll(() => api.close())

const login = (email: string, password: string, ip: string) =>
  api.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-test-ip': ip } })

/** How many passwords the login route checked while `work` ran. */
async function countPasswordChecks(work: () => Promise<unknown>): Promise<number> {
  const verify = vi.spyOn(api.runtime.passwords, 'verify')
  const dummy = vi.spyOn(api.runtime.passwords, 'verifyDummy')
  try {
    await work()
    return verify.mock.calls.length + dummy.mock.calls.length
  } finally {
    verify.mockRestore()
    dummy.mockRestore()
  }
}

describe('a burst of concurrent logins checks at most the limit of passwords', () => {
  it(`${BURST} concurrent wrong passwords for one account: ${PER_PAIR} checked, the rest 429, and the right one after is 429`, async () => {
    const u = await api.user('syndic', (await api.organization()).id)
    let statuses: number[] = []
    const checks = await countPasswordChecks(async () => {
      const results = await Promise.all(
        Array.from({ length: BURST }, (_, i) => login(u.email, `wrong-password-${i}`, '198.18.0.1')),
      )
      statuses = results.map((r) => r.status)
    })
    console.info(
      `login burst: ${BURST} concurrent wrong passwords, ${checks} checked, ${statuses.filter((s) => s === 429).length} × 429`,
    )
    expect(checks).toBeLessThanOrEqual(PER_PAIR)
    expect(statuses.filter((s) => s === 401)).toHaveLength(checks)
    expect(statuses.filter((s) => s === 429)).toHaveLength(BURST - checks)
    const right = await login(u.email, TEST_PASSWORD, '198.18.0.1')
    expect(right.status).toBe(429)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it(`the right password inside a burst of ${BURST - 1} wrong ones gets in only if it was among the first ${PER_PAIR}`, async () => {
    const u = await api.user('owner', (await api.organization()).id)
    let statuses: number[] = []
    const checks = await countPasswordChecks(async () => {
      const results = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          login(u.email, i === BURST - 1 ? TEST_PASSWORD : `wrong-password-${i}`, '198.18.0.2'),
        ),
      )
      statuses = results.map((r) => r.status)
    })
    expect(checks).toBeLessThanOrEqual(PER_PAIR)
    expect(statuses.filter((s) => s !== 429).length).toBe(checks)
  })
})

describe('a stranger cannot lock a user out', () => {
  it('failures from client A lock A only: the right password from client B gets in (a superadmin too)', async () => {
    for (const u of [
      await api.user('syndic', (await api.organization()).id),
      await api.user('superadmin', null),
    ]) {
      for (let i = 0; i < PER_PAIR; i++)
        expect((await login(u.email, `stranger-guess-${i}`, '198.18.1.1')).status).toBe(401)
      expect((await login(u.email, 'stranger-guess-x', '198.18.1.1')).status).toBe(429)
      expect((await login(u.email, TEST_PASSWORD, '198.18.1.1')).status).toBe(429)
      const elsewhere = await login(u.email, TEST_PASSWORD, '198.18.2.2')
      expect(elsewhere.status).toBe(200)
    }
  })

  it('one client address is limited across e-mails', async () => {
    const org = await api.organization()
    const users = await Promise.all(Array.from({ length: 4 }, () => api.user('owner', org.id)))
    let refused = 0
    for (let i = 0; i < PER_IP + 2; i++) {
      const u = users[i % users.length]
      if (!u) throw new Error('no user')
      const res = await login(u.email, `spray-${i}`, '198.18.3.3')
      if (res.status === 429) refused++
      else expect(res.status).toBe(401)
    }
    expect(refused).toBe(2)
    // Its right password from there is refused too, from another address it works.
    const first = users[0]
    if (!first) throw new Error('no user')
    expect((await login(first.email, TEST_PASSWORD, '198.18.3.3')).status).toBe(429)
    expect((await login(first.email, TEST_PASSWORD, '198.18.4.4')).status).toBe(200)
  })

  it(`the e-mail-wide limit (${PER_EMAIL}) still bounds guessing spread over many addresses`, async () => {
    const u = await api.user('owner', (await api.organization()).id)
    for (let i = 0; i < PER_EMAIL; i++)
      expect((await login(u.email, `botnet-${i}`, `198.19.${i}.1`)).status).toBe(401)
    expect((await login(u.email, TEST_PASSWORD, '198.19.200.1')).status).toBe(429)
  })

  it('a success clears its own pair: after 4 failures and the right password, 5 more tries are allowed', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    for (let i = 0; i < PER_PAIR - 1; i++)
      expect((await login(u.email, `typo-${i}`, '198.18.5.5')).status).toBe(401)
    expect((await login(u.email, TEST_PASSWORD, '198.18.5.5')).status).toBe(200)
    for (let i = 0; i < PER_PAIR; i++)
      expect((await login(u.email, `typo-again-${i}`, '198.18.5.5')).status).toBe(401)
  })
})
