// Each test makes its own data through the API (superadmin → organization → users → rows), so
// tests never depend on each other or on seed contents, and nothing waits on timers.
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test'

export const SUPERADMIN = { email: 'admin@koprogo.com', password: 'admin123' }
const API = '/api/v1'

type Role = 'superadmin' | 'syndic' | 'accountant' | 'owner' | 'auditor'
export interface Account {
  email: string
  password: string
  role: Role
  token: string
  id: string
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

export class ApiClient {
  private readonly request: APIRequestContext
  private readonly token: string

  constructor(request: APIRequestContext, token: string) {
    this.request = request
    this.token = token
  }

  private headers(extra: Record<string, string> = {}) {
    return { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json', ...extra }
  }

  async post<T>(path: string, data: unknown): Promise<T> {
    const res = await this.request.post(API + path, {
      data,
      headers: this.headers({ 'Idempotency-Key': crypto.randomUUID() }),
    })
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBeTruthy()
    return (await res.json()) as T
  }

  async put<T>(path: string, data: unknown, version?: number): Promise<T> {
    const res = await this.request.put(API + path, {
      data,
      headers: this.headers(version === undefined ? {} : { 'If-Match': String(version) }),
    })
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBeTruthy()
    return (await res.json()) as T
  }

  async postForm<T>(
    path: string,
    multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>,
  ): Promise<T> {
    const res = await this.request.post(API + path, {
      multipart,
      headers: { Authorization: `Bearer ${this.token}`, 'Idempotency-Key': crypto.randomUUID() },
    })
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBeTruthy()
    return (await res.json()) as T
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.request.get(API + path, { headers: this.headers() })
    expect(res.ok(), `${path}: ${res.status()}`).toBeTruthy()
    return (await res.json()) as T
  }

  /** A binary answer (a PDF, an attachment) as bytes. */
  async bytes(path: string): Promise<Uint8Array> {
    const res = await this.request.get(API + path, { headers: this.headers() })
    expect(res.ok(), `${path}: ${res.status()}`).toBeTruthy()
    return new Uint8Array(await res.body())
  }
}

export async function apiLogin(request: APIRequestContext, email: string, password: string) {
  const res = await request.post(`${API}/auth/login`, { data: { email, password } })
  expect(res.ok(), `login ${email}: ${res.status()}`).toBeTruthy()
  return (await res.json()) as { token: string; refresh_token: string; user: { id: string; role: Role } }
}

export interface World {
  admin: ApiClient
  orgId: string
  syndic: Account
  syndicApi: ApiClient
  /** Creates another user of the test's organization. */
  user(role: 'accountant' | 'owner' | 'auditor'): Promise<Account>
  building(name?: string): Promise<{ id: string; name: string; version: number }>
  unit(buildingId: string, unitNumber: string, quota: number): Promise<{ id: string; unit_number: string }>
  owner(lastName?: string, email?: string): Promise<{ id: string; first_name: string; last_name: string }>
  /** Gives an owner a share of a unit (1 = the whole lot). */
  ownership(unitId: string, ownerId: string, share?: number): Promise<unknown>
  /** An owner-role account linked to an owner record (what /owners/me answers). */
  ownerAccount(lastName?: string): Promise<{ account: Account; owner: { id: string; last_name: string } }>
  expense(
    buildingId: string,
    amountCents: number,
    description?: string,
  ): Promise<{ id: string; description: string; version: number }>
  meeting(buildingId: string, title?: string): Promise<{ id: string; title: string }>
  document(buildingId: string, title?: string): Promise<{ id: string; title: string }>
}

export const test = base.extend<{ world: World }>({
  // One server per worker (scripts/test-e2e.ts starts E2E_WORKERS of them): a worker's pages, API
  // requests and new browser contexts all go to its own. parallelIndex is the worker's slot, kept
  // by the worker that replaces one after a failure.
  baseURL: async ({ baseURL }, use, testInfo) => {
    const bases = process.env.E2E_BASE_URLS?.split(',').filter(Boolean) ?? []
    await use(bases.length > 0 ? bases[testInfo.parallelIndex % bases.length] : baseURL)
  },
  world: async ({ request }, use) => {
    const adminLogin = await apiLogin(request, SUPERADMIN.email, SUPERADMIN.password)
    const admin = new ApiClient(request, adminLogin.token)
    const tag = unique()
    const org = await admin.post<{ id: string }>('/organizations', {
      name: `E2E ${tag}`,
      slug: `e2e-${tag}`,
      contact_email: `org-${tag}@e2e.test`,
      subscription_plan: 'Professional',
      max_buildings: 50,
      max_users: 50,
    })
    const makeUser = async (role: Role): Promise<Account> => {
      const email = `${role}-${unique()}@e2e.test`
      const password = 'Passw0rd!e2e'
      await admin.post('/users', {
        email,
        password,
        first_name: 'E2E',
        last_name: role,
        role,
        organization_id: org.id,
      })
      const l = await apiLogin(request, email, password)
      return { email, password, role, token: l.token, id: l.user.id }
    }
    const syndic = await makeUser('syndic')
    const syndicApi = new ApiClient(request, syndic.token)
    const owner = (lastName = `Owner${unique()}`, email = `${lastName.toLowerCase()}@e2e.test`) =>
      syndicApi.post<{ id: string; first_name: string; last_name: string }>('/owners', {
        first_name: 'Anne',
        last_name: lastName,
        email,
        address: 'Rue Haute 1',
        city: 'Liège',
        postal_code: '4000',
        country: 'Belgium',
      })
    await use({
      admin,
      orgId: org.id,
      syndic,
      syndicApi,
      user: makeUser,
      building: (name = `Résidence ${unique()}`) =>
        syndicApi.post('/buildings', {
          name,
          address: 'Rue de la Loi 16',
          city: 'Bruxelles',
          postal_code: '1000',
          country: 'Belgium',
          total_units: 10,
          total_tantiemes: 1000,
        }),
      unit: (buildingId, unitNumber, quota) =>
        syndicApi.post('/units', {
          building_id: buildingId,
          unit_number: unitNumber,
          unit_type: 'Apartment',
          floor: 1,
          surface_area: 80,
          quota,
        }),
      owner,
      ownership: (unitId, ownerId, share = 1) =>
        syndicApi.post(`/units/${unitId}/owners`, {
          owner_id: ownerId,
          ownership_share: share,
          is_primary_contact: true,
          start_date: '2020-01-01',
        }),
      ownerAccount: async (lastName = `Owner${unique()}`) => {
        const account = await makeUser('owner')
        const row = await owner(lastName, account.email)
        await syndicApi.put(`/owners/${row.id}/link-user`, { user_id: account.id })
        return { account, owner: row }
      },
      expense: (buildingId, amountCents, description = `Invoice ${unique()}`) =>
        syndicApi.post('/expenses', {
          building_id: buildingId,
          category: 'Maintenance',
          description,
          amount_cents: amountCents,
          expense_date: '2026-03-31',
          supplier: 'Ascenseurs Dupont',
        }),
      meeting: (buildingId, title = `AG ${unique()}`) =>
        syndicApi.post('/meetings', {
          building_id: buildingId,
          meeting_type: 'Ordinary',
          title,
          scheduled_date: '2027-05-20T18:00:00Z',
          location: 'Salle des fêtes',
          agenda: ['Approval of the accounts'],
        }),
      document: (buildingId, title = `Minutes ${unique()}`) =>
        syndicApi.postForm('/documents', {
          building_id: buildingId,
          document_type: 'MeetingMinutes',
          title,
          file: {
            name: 'minutes.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('%PDF-1.7\nminutes of the AG\n%%EOF\n'),
          },
        }),
    })
  },
})

export { expect }

/** Signs in through the UI (the real login form) and waits for the role's dashboard. */
export async function uiLogin(page: Page, account: { email: string; password: string }, dashboard: string) {
  await page.goto('/login')
  await page.locator('#login-email').fill(account.email)
  await page.locator('#login-password').fill(account.password)
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(new RegExp(`${dashboard}$`))
}

/** Signs out through the header button and waits for the login page (signing out is async). */
export async function uiLogout(page: Page) {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^(Sign out|Se déconnecter|Afmelden|Abmelden)$/ })
    .click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.locator('#login-email')).toBeVisible()
}

/** The service worker must control the page before going offline, or reloads cannot work. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
}

type Captured = { id: string; to: string; subject: string }

/** The link of the newest captured mail to `to`, once the job has run (the server polls the outbox). */
export async function capturedLink(admin: ApiClient, to: string, path: string): Promise<string> {
  let mail: Captured | undefined
  await expect
    .poll(
      async () => {
        const list = await admin.get<{ data: Captured[] }>('/mail/captured?per_page=100&order=desc')
        mail = list.data.find((m) => m.to === to)
        return mail?.id
      },
      { timeout: 15_000 },
    )
    .toBeTruthy()
  const detail = await admin.get<{ text: string }>(`/mail/captured/${mail?.id}`)
  const link = new RegExp(`/${path}\\?token=[0-9a-f]{64}`).exec(detail.text)?.[0]
  expect(link, detail.text).toBeTruthy()
  return link ?? ''
}
