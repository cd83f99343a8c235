// The ONLY module that talks to /api/v1. It owns the session (ADR 0017): the access token lives
// in memory only; the refresh token lives in an httpOnly cookie the server sets on login/refresh,
// which no script here can read. It sends the Bearer access token, refreshes it through the cookie
// shortly before it expires (and once after a 401, and after a page load), and turns every failure
// into an ApiError (problem+json parsed) or a NetworkError. What survives a reload is a non-secret
// profile (who is signed in: id, name, role), so the offline mode knows whose data to open.
import { ApiError, NetworkError, parseProblem } from './api-error'
import type {
  AddUnitOwnerInput,
  AuthTokens,
  Building,
  BuildingInput,
  DashboardStats,
  DocumentMeta,
  DocumentUpload,
  Expense,
  ExpenseDistribution,
  ExpenseInput,
  ListQuery,
  Meeting,
  MeetingInput,
  Organization,
  OrganizationInput,
  Owner,
  OwnerCharges,
  OwnerInput,
  Page,
  SeedResult,
  Unit,
  UnitInput,
  UnitOwnership,
  UnitOwnershipOnDate,
  UnitRepresentation,
  UnitRepresentativesInput,
  UnitTransferInput,
  UnitTransferResult,
  User,
  UserInput,
} from './api-types'

export { ApiError, NetworkError } from './api-error'

export interface Session {
  /** The access token: in memory only, never in localStorage or IndexedDB. */
  token: string
  /** Access-token expiry, epoch ms (from the JWT `exp`). */
  expiresAt: number
  user: User
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>
type SessionListener = (user: User | null, reason: 'login' | 'refresh' | 'logout' | 'expired') => void

interface ApiConfig {
  baseUrl: string
  fetch: FetchLike
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  /** Refresh this long before the access token expires, so a request never leaves with a dead one. */
  refreshMarginMs: number
  now: () => number
  /** Serialises refreshes across tabs (each rotates the shared cookie); navigator.locks when there. */
  lock: <T>(name: string, run: () => Promise<T>) => Promise<T>
}

/** Who is signed in (no token): lets a reload, offline too, reopen that user's offline data. */
const PROFILE_KEY = 'koprogo.profile'
/** Before ADR 0017 the whole session, tokens included, was stored here: migrated, then removed. */
const LEGACY_SESSION_KEY = 'koprogo.session'
/** The server refuses a cookie refresh without it (CSRF, functions/auth/refresh-cookie.ts). */
const CSRF_HEADER = 'X-KoproGo-CSRF'

const webLocks = (): LockManager | undefined =>
  typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined

const config: ApiConfig = {
  // Set by the build (web/vite.config.ts, from a KoproGo v1 PUBLIC_API_URL when given).
  baseUrl: (import.meta.env.VITE_API_BASE as string | undefined) ?? '/api/v1',
  fetch: (input, init) => globalThis.fetch(input, init),
  storage: typeof localStorage === 'undefined' ? null : localStorage,
  refreshMarginMs: 30_000,
  now: () => Date.now(),
  lock: (name, run) => {
    const locks = webLocks()
    return locks ? (locks.request(name, run) as Promise<Awaited<ReturnType<typeof run>>>) : run()
  },
}

let session: Session | null = null
let profile: User | null | undefined
let refreshing: Promise<void> | null = null
const listeners = new Set<SessionListener>()

/** Tests and the e2e harness swap the fetch, storage or base URL. */
export function configureApi(overrides: Partial<ApiConfig>): void {
  Object.assign(config, overrides)
  session = null
  profile = undefined
}

// ---------------------------------------------------------------- session

function readProfile(): User | null {
  const parse = (key: string, pick: (v: unknown) => unknown) => {
    const raw = config.storage?.getItem(key)
    if (!raw) return null
    try {
      const u = pick(JSON.parse(raw)) as User | undefined
      return u && typeof u.id === 'string' && typeof u.role === 'string' ? u : null
    } catch {
      return null
    }
  }
  return (
    parse(PROFILE_KEY, (v) => v) ?? parse(LEGACY_SESSION_KEY, (v) => (v as { user?: unknown } | null)?.user)
  )
}

/** The access token's session, in memory: null after a page load until the cookie refresh. */
export function getSession(): Session | null {
  return session
}

/** The signed-in user: the session's, else the stored profile (a reload, or offline). */
export function currentUser(): User | null {
  profile ??= readProfile()
  return session?.user ?? profile
}

export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function setSession(next: Session | null, reason: Parameters<SessionListener>[1]): void {
  session = next
  profile = next?.user ?? null
  // Only the profile is stored (User: id, e-mail, names, role, organization), never a token.
  if (next) config.storage?.setItem(PROFILE_KEY, JSON.stringify(next.user))
  else config.storage?.removeItem(PROFILE_KEY)
  config.storage?.removeItem(LEGACY_SESSION_KEY)
  for (const l of listeners) l(profile, reason)
}

/** Reads `exp` from a JWT without verifying it (the server verifies; we only schedule refreshes). */
export function jwtExpiry(token: string, fallbackMs: number): number {
  const payload = token.split('.')[1]
  if (!payload) return fallbackMs
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'))
    const exp = (JSON.parse(json) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp * 1000 : fallbackMs
  } catch {
    return fallbackMs
  }
}

function sessionFrom(tokens: AuthTokens): Session {
  return {
    token: tokens.token,
    expiresAt: jwtExpiry(tokens.token, config.now() + 15 * 60_000),
    user: tokens.user,
  }
}

// ---------------------------------------------------------------- transport

export interface RequestOptions {
  query?: ListQuery | Record<string, string | number | boolean | undefined>
  body?: unknown
  /** Sent as If-Match: the row version the edit is based on (409 if stale). */
  ifMatch?: number
  /** POSTs always carry one; pass it to make a retry of the same action idempotent. */
  idempotencyKey?: string
  auth?: boolean
  signal?: AbortSignal
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

/** Path + sorted query string: also the key of the offline read cache. */
export function buildPath(path: string, query?: RequestOptions['query']): string {
  if (!query) return path
  const flat: Record<string, unknown> = { ...query }
  const filters = flat.filters
  delete flat.filters
  if (filters && typeof filters === 'object') Object.assign(flat, filters)
  const params = new URLSearchParams()
  for (const key of Object.keys(flat).sort()) {
    const v = flat[key]
    if (v !== undefined && v !== null && v !== '') params.set(key, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined
  const text = await res.text()
  if (!text) return undefined
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return text
}

async function rawFetch(
  method: string,
  path: string,
  opts: RequestOptions,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...extraHeaders,
  }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) body = opts.body
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (token) headers.Authorization = `Bearer ${token}`
  if (opts.ifMatch !== undefined) headers['If-Match'] = String(opts.ifMatch)
  // Not on /auth/*: a replayed answer there would be a spent token pair, and none may be stored.
  if (method === 'POST' && !path.startsWith('/auth/'))
    headers['Idempotency-Key'] = opts.idempotencyKey ?? newIdempotencyKey()
  try {
    return await config.fetch(config.baseUrl + buildPath(path, opts.query), {
      method,
      headers,
      body,
      signal: opts.signal,
      // Same-origin requests carry the refresh cookie (it is scoped to /api/v1/auth anyway).
      credentials: 'same-origin',
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new NetworkError(e)
  }
}

/** Ensures a usable access token: refreshes (through the cookie) when there is none in memory
 * yet (after a page load) or when it expires within the margin. Signed out: none. */
async function freshToken(): Promise<string | undefined> {
  if (!currentUser()) return undefined
  const s = getSession()
  if (!s || s.expiresAt - config.now() < config.refreshMarginMs) await refreshSession()
  return getSession()?.token
}

/**
 * A new access token from the refresh cookie (which the answer rotates). One refresh at a time:
 * concurrent requests of this tab wait for the same one, other tabs for the Web Lock. Offline it
 * throws a NetworkError and keeps the profile, so the offline mode goes on.
 */
export function refreshSession(): Promise<void> {
  refreshing ??= config
    .lock('koprogo-refresh', async () => {
      if (!currentUser()) throw new ApiError(401, { title: 'Unauthorized', detail: 'Not signed in' })
      // An old stored session (before ADR 0017) holds a refresh token: spend it once, which sets
      // the cookie, and forget it (setSession removes it).
      const legacy = legacyRefreshToken()
      const res = await rawFetch(
        'POST',
        '/auth/refresh',
        { body: legacy ? { refresh_token: legacy } : {} },
        undefined,
        { [CSRF_HEADER]: '1' },
      )
      const body = await readBody(res)
      if (!res.ok) {
        const err = parseProblem(res.status, body, res.statusText)
        // A rejected refresh (expired, revoked) ends the session; a 5xx keeps it for a later try.
        if (res.status === 401 || res.status === 403) setSession(null, 'expired')
        throw err
      }
      setSession(sessionFrom(body as AuthTokens), 'refresh')
    })
    .finally(() => {
      refreshing = null
    })
  return refreshing
}

function legacyRefreshToken(): string | undefined {
  const raw = config.storage?.getItem(LEGACY_SESSION_KEY)
  if (!raw) return undefined
  try {
    const token = (JSON.parse(raw) as { refreshToken?: unknown }).refreshToken
    return typeof token === 'string' ? token : undefined
  } catch {
    return undefined
  }
}

async function requestResponse(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const auth = opts.auth ?? true
  const token = auth ? await freshToken() : undefined
  let res = await rawFetch(method, path, opts, token)
  if (res.status === 401 && auth && currentUser()) {
    // The token may have been revoked or the clocks disagree: refresh once, then retry once.
    await refreshSession()
    res = await rawFetch(method, path, opts, getSession()?.token)
  }
  if (!res.ok) throw parseProblem(res.status, await readBody(res), res.statusText)
  return res
}

/** Generic JSON request; every typed function below goes through it. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await requestResponse(method, path, opts)
  return (await readBody(res)) as T
}

// ---------------------------------------------------------------- auth

export async function login(email: string, password: string): Promise<User> {
  const tokens = await request<AuthTokens>('POST', '/auth/login', { body: { email, password }, auth: false })
  setSession(sessionFrom(tokens), 'login')
  return tokens.user
}

export async function me(): Promise<User> {
  const user = await request<User>('GET', '/auth/me')
  const s = getSession()
  if (s) setSession({ ...s, user }, 'refresh')
  return user
}

/** Revokes the session server-side (the cookie's refresh token, and the cookie) when reachable;
 * the local session ends regardless. */
export async function logout(): Promise<void> {
  try {
    await rawFetch('POST', '/auth/logout', { body: {} }, getSession()?.token, { [CSRF_HEADER]: '1' })
  } catch {
    // offline: the refresh token expires on its own (the cookie is cleared at the next sign-in)
  } finally {
    setSession(null, 'logout')
  }
}

// ---------------------------------------------------------------- CRUD helper

export interface WriteOptions {
  idempotencyKey?: string
}

function crud<T, I>(base: string) {
  return {
    list: (query?: ListQuery) => request<Page<T>>('GET', base, { query }),
    get: (id: string) => request<T>('GET', `${base}/${id}`),
    create: (input: I, opts: WriteOptions = {}) =>
      request<T>('POST', base, { body: input, idempotencyKey: opts.idempotencyKey }),
    update: (id: string, input: Partial<I>, version?: number) =>
      request<T>('PUT', `${base}/${id}`, { body: input, ifMatch: version }),
    remove: (id: string, version?: number) =>
      request<undefined>('DELETE', `${base}/${id}`, { ifMatch: version }),
  }
}

// ---------------------------------------------------------------- resources

export const organizations = crud<Organization, OrganizationInput>('/organizations')

export const users = {
  ...crud<User, UserInput>('/users'),
  activate: (id: string) => request<User>('PUT', `/users/${id}/activate`),
  deactivate: (id: string) => request<User>('PUT', `/users/${id}/deactivate`),
}

export const buildings = {
  ...crud<Building, BuildingInput>('/buildings'),
  units: (id: string, query?: ListQuery) => request<Page<Unit>>('GET', `/buildings/${id}/units`, { query }),
  expenses: (id: string, query?: ListQuery) =>
    request<Page<Expense>>('GET', `/buildings/${id}/expenses`, { query }),
  meetings: (id: string, query?: ListQuery) =>
    request<Page<Meeting>>('GET', `/buildings/${id}/meetings`, { query }),
  documents: (id: string, query?: ListQuery) =>
    request<Page<DocumentMeta>>('GET', `/buildings/${id}/documents`, { query }),
}

export const units = {
  ...crud<Unit, UnitInput>('/units'),
  assignOwner: (unitId: string, ownerId: string) =>
    request<Unit>('PUT', `/units/${unitId}/assign-owner/${ownerId}`),
  /** The links holding the lot on `date` (default: today in Brussels), or every link with history. */
  owners: (unitId: string, opts: { date?: string; includeHistory?: boolean } = {}) =>
    request<UnitOwnershipOnDate[]>('GET', `/units/${unitId}/owners`, {
      query: { date: opts.date, include_history: opts.includeHistory ? 'true' : undefined },
    }),
  addOwner: (unitId: string, input: AddUnitOwnerInput, opts: WriteOptions = {}) =>
    request<UnitOwnership>('POST', `/units/${unitId}/owners`, {
      body: input,
      idempotencyKey: opts.idempotencyKey,
    }),
  /** Ends the owner's open link on `endDate` (exclusive: the deed day is no longer theirs). */
  removeOwner: (unitId: string, ownerId: string, endDate?: string) =>
    request<UnitOwnership>('DELETE', `/units/${unitId}/owners/${ownerId}`, {
      query: { end_date: endDate },
    }),
  transfer: (unitId: string, input: UnitTransferInput, opts: WriteOptions = {}) =>
    request<UnitTransferResult>('POST', `/units/${unitId}/transfer`, {
      body: input,
      idempotencyKey: opts.idempotencyKey,
    }),
  setRepresentatives: (unitId: string, input: UnitRepresentativesInput) =>
    request<UnitRepresentation>('PUT', `/units/${unitId}/representatives`, { body: input }),
}

export const owners = {
  ...crud<Owner, OwnerInput>('/owners'),
  me: () => request<Owner>('GET', '/owners/me'),
  linkUser: (id: string, userId: string) =>
    request<Owner>('PUT', `/owners/${id}/link-user`, { body: { user_id: userId } }),
  /** The owner's lots on `date` (default today in Brussels), or every link over time. */
  units: (id: string, opts: { date?: string; includeHistory?: boolean } = {}) =>
    request<UnitOwnership[]>('GET', `/owners/${id}/units`, {
      query: { date: opts.date, include_history: opts.includeHistory ? 'true' : undefined },
    }),
  charges: (id: string, page = 1, perPage = 100) =>
    request<OwnerCharges>('GET', `/owners/${id}/charges?page=${page}&per_page=${perPage}`),
}

export const expenses = {
  ...crud<Expense, ExpenseInput>('/expenses'),
  markPaid: (id: string, version?: number, paidDate?: string) =>
    request<Expense>('PUT', `/expenses/${id}/mark-paid`, {
      ifMatch: version,
      body: paidDate ? { paid_date: paidDate } : undefined,
    }),
  distribution: (id: string) => request<ExpenseDistribution>('GET', `/expenses/${id}/distribution`),
}

export const meetings = {
  ...crud<Meeting, MeetingInput>('/meetings'),
  addAgendaItem: (id: string, item: string) =>
    request<Meeting>('POST', `/meetings/${id}/agenda`, { body: { item } }),
  complete: (id: string, attendeesCount: number) =>
    request<Meeting>('POST', `/meetings/${id}/complete`, { body: { attendees_count: attendeesCount } }),
  cancel: (id: string) => request<Meeting>('POST', `/meetings/${id}/cancel`),
  documents: (id: string) => request<Page<DocumentMeta>>('GET', `/meetings/${id}/documents`),
}

export const documents = {
  list: (query?: ListQuery) => request<Page<DocumentMeta>>('GET', '/documents', { query }),
  get: (id: string) => request<DocumentMeta>('GET', `/documents/${id}`),
  remove: (id: string) => request<undefined>('DELETE', `/documents/${id}`),
  linkMeeting: (id: string, meetingId: string) =>
    request<DocumentMeta>('PUT', `/documents/${id}/link-meeting`, { body: { meeting_id: meetingId } }),
  linkExpense: (id: string, expenseId: string) =>
    request<DocumentMeta>('PUT', `/documents/${id}/link-expense`, { body: { expense_id: expenseId } }),
  upload: (input: DocumentUpload, opts: WriteOptions = {}) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(input)) {
      if (k !== 'file' && k !== 'file_name' && typeof v === 'string' && v !== '') form.set(k, v)
    }
    // Last: with the fields first the server checks everything before storing a byte (ADR 0014).
    form.set('file', input.file, input.file_name)
    return request<DocumentMeta>('POST', '/documents', { body: form, idempotencyKey: opts.idempotencyKey })
  },
  /** The file as a Blob plus the server's file name (Content-Disposition). */
  download: async (id: string): Promise<{ blob: Blob; fileName: string }> => {
    const res = await requestResponse('GET', `/documents/${id}/download`)
    const disposition = res.headers.get('content-disposition') ?? ''
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)
    return { blob: await res.blob(), fileName: match?.[1] ? decodeURIComponent(match[1]) : `document-${id}` }
  },
}

/** What the register import answers: the preview counts, or every error by sheet row and column. */
export interface RegisterImportReport {
  dry_run: boolean
  imported: boolean
  lots: number
  owners_new: number
  owners_matched: number
  links: number
  errors: { row: number; column: string; message: string }[]
}

async function downloadFile(path: string, query: Record<string, string>, fallback: string) {
  const res = await requestResponse('GET', path, { query })
  const disposition = res.headers.get('content-disposition') ?? ''
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)
  return { blob: await res.blob(), fileName: match?.[1] ? decodeURIComponent(match[1]) : fallback }
}

/** Onboarding a building from a spreadsheet (docs/property-register.md). Online only, like uploads. */
export const register = {
  /** dryRun true: checks and counts only. false: imports all or nothing. */
  importFile: async (buildingId: string, file: File, dryRun: boolean): Promise<RegisterImportReport> => {
    const form = new FormData()
    form.set('file', file, file.name)
    // A refused import (400) becomes an ApiError whose `errors` name "row N: column" each.
    return request<RegisterImportReport>('POST', `/buildings/${buildingId}/register-import`, {
      body: form,
      query: { dry_run: String(dryRun) },
    })
  },
  template: (format: 'csv' | 'xlsx', lang: string) =>
    downloadFile('/buildings/register-template', { format, lang }, `register-template.${format}`),
  export: (buildingId: string, format: 'csv' | 'xlsx', lang: string) =>
    downloadFile(`/buildings/${buildingId}/register-export`, { format, lang }, `register.${format}`),
}

export const stats = {
  dashboard: () => request<DashboardStats>('GET', '/stats/dashboard'),
}

/** The superadmin's job queue (ADR 0019). */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed'
export interface AdminJob {
  id: string
  kind: string
  organization_id: string | null
  status: JobStatus
  attempts: number
  last_error: string | null
  run_after: string
  locked_until: string | null
  created_at: string
  done_at: string | null
}

export const jobs = {
  list: (status: JobStatus, page = 1) =>
    request<Page<AdminJob>>('GET', '/admin/jobs', { query: { status, page, per_page: 50 } }),
  retry: (id: string) => request<AdminJob>('POST', `/admin/jobs/${id}/retry`),
}

export const seed = {
  demo: () => request<SeedResult>('POST', '/seed/demo'),
  realistic: () => request<SeedResult>('POST', '/seed/realistic'),
  clear: () => request<SeedResult>('POST', '/seed/clear'),
}
