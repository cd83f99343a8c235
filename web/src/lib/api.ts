// THE client of /api/v1 (ADR 0026). Every call is an openapi-fetch call typed by the generated
// api-schema.gen.ts (`make api-types`), so a route whose schema changes fails the web's
// typecheck where the web uses it. This module also owns the session (ADR 0017): the access
// token lives in memory only; the refresh token lives in an httpOnly cookie the server sets on
// login/refresh, which no script here can read. Its one transport (`send`) adds the Bearer
// token, refreshes it through the cookie shortly before it expires (and once after a 401, and
// after a page load), and turns every failure into an ApiError (problem+json parsed) or a
// NetworkError. Reads can be served from the offline cache and writes queued in the outbox
// (lib/offline/), both reached only through the typed functions below.
import createClient from 'openapi-fetch'
import { ApiError, NetworkError, parseProblem } from './api-error'
import { type Locale, locale, t } from './i18n'
import type { ReadResult, WriteRequest, WriteResult } from './offline/sync-engine'
import type {
  AddUnitOwnerInput,
  ApproveBudgetInput,
  ArrearsSettingsInput,
  BankAccountInput,
  BudgetInput,
  Building,
  BuildingInput,
  BuildingUpdate,
  CorrectExpense,
  DistributionKeyInput,
  DocumentMeta,
  DocumentUpload,
  EditDraftExpense,
  Expense,
  ExpenseInput,
  IssueCallInput,
  Job,
  ListQuery,
  Meeting,
  MeetingInput,
  MeetingUpdate,
  OrganizationInput,
  OrganizationUpdate,
  Owner,
  OwnerInput,
  OwnerPaymentInput,
  OwnerUpdate,
  Page,
  paths,
  Supplier,
  SupplierInput,
  Unit,
  UnitInput,
  UnitRepresentativesInput,
  UnitTransferInput,
  UnitUpdate,
  User,
  UserInput,
  UserUpdate,
  Session as WireSession,
} from './wire-types'
import { xhrFetch } from './xhr-fetch'

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
  /** Where /api/v1 is: relative (same origin, the usual case) or absolute (a KoproGo v1 API). */
  baseUrl: string
  fetch: FetchLike
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  /** Refresh this long before the access token expires, so a request never leaves with a dead one. */
  refreshMarginMs: number
  now: () => number
  /** Serialises refreshes across tabs (each rotates the shared cookie); navigator.locks when there. */
  lock: <T>(name: string, run: () => Promise<T>) => Promise<T>
  /** The language answers should be in (Accept-Language), when the app knows one. */
  language: () => string | undefined
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
  language: () => locale(),
}

let session: Session | null = null
let profile: User | null | undefined
/** Told whether each request got an answer: the offline engine's connectivity comes from real
 * requests, not only navigator.onLine (which says "online" behind a dead Wi-Fi). */
let reachability: (reachable: boolean) => void = () => {}

export function onReachability(listener: (reachable: boolean) => void): void {
  reachability = listener
}
let refreshing: Promise<void> | null = null
const listeners = new Set<SessionListener>()

/** Tests and the e2e harness swap the fetch, storage or base URL. */
export function configureApi(overrides: Partial<ApiConfig>): void {
  Object.assign(config, overrides)
  session = null
  profile = undefined
  client = makeClient()
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

function sessionFrom(tokens: WireSession): Session {
  return {
    token: tokens.token,
    expiresAt: jwtExpiry(tokens.token, config.now() + 15 * 60_000),
    user: tokens.user,
  }
}

// ---------------------------------------------------------------- transport

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

type Query = ListQuery | Record<string, unknown>

/** Flat, sorted query string without empty values: also the key of the offline read cache. */
function queryString(query?: Query): string {
  if (!query) return ''
  const flat: Record<string, unknown> = { ...query }
  const filters = flat.filters
  delete flat.filters
  if (filters && typeof filters === 'object') Object.assign(flat, filters)
  const params = new URLSearchParams()
  for (const key of Object.keys(flat).sort()) {
    const v = flat[key]
    if (v !== undefined && v !== null && v !== '') params.set(key, String(v))
  }
  return params.toString()
}

/** Path + sorted query string: the key of the offline read cache. */
export function buildPath(path: string, query?: Query): string {
  const qs = queryString(query)
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

interface RawOptions {
  /** JSON text or a multipart form, already serialized by the typed call. */
  body?: string | FormData
  headers?: Record<string, string>
  token?: string
  signal?: AbortSignal | null
  /** Called while the body goes out (uploads with a progress bar): sent over an XHR, not fetch. */
  onUploadProgress?: (sent: number, total: number) => void
}

/** One HTTP exchange with the API: headers, cookie scope, network failures as NetworkError. */
async function rawFetch(method: string, pathAndQuery: string, opts: RawOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...opts.headers,
  }
  if (typeof opts.body === 'string') headers['Content-Type'] = 'application/json'
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  const language = config.language()
  if (language) headers['Accept-Language'] = language
  // Not on /auth/*: a replayed answer there would be a spent token pair, and none may be stored.
  if (method === 'POST' && !pathAndQuery.startsWith('/auth/'))
    headers['Idempotency-Key'] ??= newIdempotencyKey()
  try {
    const send = opts.onUploadProgress ? xhrFetch(opts.onUploadProgress) : config.fetch
    const res = await send(config.baseUrl + pathAndQuery, {
      method,
      headers,
      body: opts.body,
      signal: opts.signal ?? undefined,
      // Same-origin requests carry the refresh cookie (it is scoped to /api/v1/auth anyway).
      credentials: 'same-origin',
    })
    reachability(true)
    return res
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    reachability(false)
    // Said in the user's language, never the browser's "Failed to fetch".
    throw new NetworkError(e, t('offline.needsConnection'))
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
      const res = await rawFetch('POST', '/auth/refresh', {
        body: JSON.stringify(legacy ? { refresh_token: legacy } : {}),
        headers: { [CSRF_HEADER]: '1' },
      })
      const body = await readBody(res)
      if (!res.ok) {
        const err = parseProblem(res.status, body, res.statusText)
        // A rejected refresh (expired, revoked) ends the session; a 5xx keeps it for a later try.
        if (res.status === 401 || res.status === 403) setSession(null, 'expired')
        throw err
      }
      setSession(sessionFrom(body as WireSession), 'refresh')
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

/** An authenticated exchange: a fresh token, one refresh and retry after a 401, errors thrown. */
async function authed(
  method: string,
  pathAndQuery: string,
  opts: Omit<RawOptions, 'token'>,
  auth = true,
): Promise<Response> {
  const token = auth ? await freshToken() : undefined
  let res = await rawFetch(method, pathAndQuery, { ...opts, token })
  if (res.status === 401 && auth && currentUser()) {
    // The token may have been revoked or the clocks disagree: refresh once, then retry once.
    await refreshSession()
    res = await rawFetch(method, pathAndQuery, { ...opts, token: getSession()?.token })
  }
  if (!res.ok) throw parseProblem(res.status, await readBody(res), res.statusText)
  return res
}

/** Marks the calls made before there is a session (login): sent without a token. */
const NO_AUTH = 'X-KoproGo-No-Auth'
/** Headers the typed calls may set; everything else about a request is decided in rawFetch. */
const PASSED_HEADERS = ['If-Match', 'Idempotency-Key']

/**
 * openapi-fetch's fetch: it built a Request from the typed call (URL, query, JSON or multipart
 * body); `authed` sends it with the session. So every typed call shares one transport.
 */
async function send(req: Request, onUploadProgress?: RawOptions['onUploadProgress']): Promise<Response> {
  const url = new URL(req.url)
  const base = new URL(clientBase())
  const pathAndQuery = url.pathname.slice(base.pathname.replace(/\/$/, '').length) + url.search
  let body: string | FormData | undefined
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const type = req.headers.get('content-type') ?? ''
    if (type.startsWith('multipart/form-data')) body = await req.formData()
    else body = (await req.text()) || undefined
  }
  const headers: Record<string, string> = {}
  for (const name of PASSED_HEADERS) {
    const v = req.headers.get(name)
    if (v !== null) headers[name] = v
  }
  return authed(
    req.method,
    pathAndQuery,
    { body, headers, signal: req.signal, ...(onUploadProgress ? { onUploadProgress } : {}) },
    !req.headers.has(NO_AUTH),
  )
}

/** openapi-fetch builds a Request, which needs an absolute URL: a relative base is this origin's. */
function clientBase(): string {
  const origin = globalThis.location?.origin ?? 'http://localhost'
  return new URL(config.baseUrl, origin).href
}

function makeClient() {
  return createClient<paths>({
    baseUrl: clientBase(),
    fetch: send,
    querySerializer: (q) => queryString(q as Query),
  })
}

let client = makeClient()

/** A typed call's answer: errors were thrown by `send`, so here it succeeded. */
async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T
}

const ifMatch = (version?: number): Record<string, string> =>
  version === undefined ? {} : { 'If-Match': String(version) }
const withKey = (key?: string): Record<string, string> => (key ? { 'Idempotency-Key': key } : {})
/** A list view's state as the typed query of a list endpoint (filters flattened, empties dropped). */
const listQuery = <Q>(q: ListQuery = {}) => {
  const { filters, ...rest } = q
  return { ...rest, ...filters } as Q
}
type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never

// ---------------------------------------------------------------- offline reads and writes

export type Loaded<T> = ReadResult<T>

/** What the offline engine offers (lib/offline/store.ts registers it for the signed-in user). */
export interface OfflineEngine {
  read<T>(key: string, fetcher: () => Promise<T>): Promise<ReadResult<T>>
  write(req: WriteRequest): Promise<WriteResult>
}

let offlineEngine: () => Promise<OfflineEngine | null> = async () => null

export function useOfflineEngine(provider: () => Promise<OfflineEngine | null>): void {
  offlineEngine = provider
}

/** A read served by the network and cached per URL, or from the cache when offline. */
async function cached<T>(key: string, fetcher: () => Promise<T>): Promise<Loaded<T>> {
  const engine = await offlineEngine()
  return engine ? engine.read<T>(key, fetcher) : { data: await fetcher(), fromCache: false }
}

/**
 * A create (POST collection) or edit (PUT item, If-Match version) of an offline-capable
 * resource: queued in the outbox when offline (it keeps its Idempotency-Key for life), a 409
 * on replay kept as a conflict. `direct` is the typed call used when there is no engine.
 */
async function saved<T extends object>(
  collection: string,
  body: object,
  existing: Existing | undefined,
  direct: () => Promise<T>,
): Promise<WriteResult> {
  const engine = await offlineEngine()
  if (!engine) return { queued: false, data: (await direct()) as Record<string, unknown> }
  return engine.write(
    existing
      ? {
          method: 'PUT',
          path: `${collection}/${existing.id}`,
          body: body as Record<string, unknown>,
          baseVersion: existing.version,
          ...(existing.base ? { base: existing.base } : {}),
          ...(existing.label ? { label: existing.label } : {}),
        }
      : {
          method: 'POST',
          path: collection,
          body: body as Record<string, unknown>,
          ...(existing === undefined && labelOf(body) ? { label: labelOf(body) } : {}),
        },
  )
}

/** A create's name for people (shown when signing out would discard it). */
function labelOf(body: object): string | undefined {
  const b = body as Record<string, unknown>
  for (const k of ['name', 'title', 'description', 'unit_number', 'company_name', 'last_name'])
    if (typeof b[k] === 'string' && b[k]) return b[k] as string
  return undefined
}

/**
 * A delete or an action on a row (mark-paid, cancel…) through the outbox like creates and
 * edits (issue #19, item 5): sent now when online, queued with its Idempotency-Key and If-Match
 * otherwise, shown at once (the row gone, or `patch` applied). `direct` when signed out.
 */
async function queued(req: WriteRequest, direct: () => Promise<unknown>): Promise<WriteResult> {
  const engine = await offlineEngine()
  if (!engine) {
    const d = await direct()
    return { queued: false, data: typeof d === 'object' && d !== null ? (d as Record<string, unknown>) : {} }
  }
  return engine.write(req)
}

const removal = (path: string, version: number | undefined, label: string | undefined) =>
  ({ method: 'DELETE', path, body: {}, baseVersion: version, ...(label ? { label } : {}) }) as const

/**
 * The outbox's way to the server: an entry queued by one of the typed writes below, replayed
 * with its own Idempotency-Key and If-Match, through the same transport as every call.
 */
export async function replay(req: {
  method: string
  path: string
  body?: Record<string, unknown>
  idempotencyKey?: string
  ifMatch?: number
}): Promise<unknown> {
  const headers = { ...withKey(req.idempotencyKey), ...ifMatch(req.ifMatch) }
  const body = req.body === undefined || req.method === 'DELETE' ? undefined : JSON.stringify(req.body)
  return readBody(await authed(req.method, req.path, { body, headers }))
}

/** Whether the server answers (the outbox's retry when nothing is queued). */
export async function probe(): Promise<unknown> {
  return readBody(await authed('GET', '/health', {}, false))
}

/** A cached GET of the path (the outbox's conflict handling re-reads the current row with it). */
export async function fetchPath(path: string): Promise<unknown> {
  return readBody(await authed('GET', path, {}))
}

// ---------------------------------------------------------------- auth

export async function login(email: string, password: string): Promise<User> {
  const tokens = await data(
    client.POST('/auth/login', { body: { email, password }, headers: { [NO_AUTH]: '1' } }),
  )
  setSession(sessionFrom(tokens), 'login')
  return tokens.user
}

/** Forgot password: the server answers the same whatever the e-mail (no account enumeration). */
export async function forgotPassword(email: string, locale: Locale): Promise<void> {
  await data(client.POST('/auth/forgot-password', { body: { email, locale }, headers: { [NO_AUTH]: '1' } }))
}

/** Uses an invitation or reset link's token to set the password; the answer is a session. */
export async function resetPassword(token: string, password: string): Promise<User> {
  const tokens = await data(
    client.POST('/auth/reset-password', { body: { token, password }, headers: { [NO_AUTH]: '1' } }),
  )
  setSession(sessionFrom(tokens), 'login')
  return tokens.user
}

/** Changes the caller's password; every other session ends and this one is replaced. */
export async function changePassword(current: string, next: string, locale: Locale): Promise<void> {
  const tokens = await data(
    client.POST('/auth/change-password', { body: { current_password: current, new_password: next, locale } }),
  )
  setSession(sessionFrom(tokens), 'login')
}

export const capturedMail = {
  list: (page: number) => data(client.GET('/mail/captured', { params: { query: { page, per_page: 20 } } })),
  get: (mailId: string) => data(client.GET('/mail/captured/{id}', id(mailId))),
}

export async function me(): Promise<User> {
  const user = await data(client.GET('/auth/me'))
  const s = getSession()
  if (s) setSession({ ...s, user }, 'refresh')
  return user
}

/** Revokes the session server-side (the cookie's refresh token, and the cookie) when reachable;
 * the local session ends regardless. */
export async function logout(): Promise<void> {
  try {
    await rawFetch('POST', '/auth/logout', {
      body: '{}',
      token: getSession()?.token,
      headers: { [CSRF_HEADER]: '1' },
    })
  } catch {
    // offline: the refresh token expires on its own (the cookie is cleared at the next sign-in)
  } finally {
    setSession(null, 'logout')
  }
}

// ---------------------------------------------------------------- resources

export interface WriteOptions {
  idempotencyKey?: string
}
type Existing = {
  id: string
  version?: number
  /** The changed fields as the user saw them before editing: a 409 is merged against it. */
  base?: Record<string, unknown>
  label?: string
}
const id = (value: string) => ({ params: { path: { id: value } } })

export const organizations = {
  list: (q?: ListQuery) =>
    cached(buildPath('/organizations', q), () =>
      data(client.GET('/organizations', { params: { query: listQuery<QueryOf<'/organizations'>>(q) } })),
    ),
  get: (orgId: string) => data(client.GET('/organizations/{id}', id(orgId))),
  create: (body: OrganizationInput) => data(client.POST('/organizations', { body })),
  update: (orgId: string, body: OrganizationUpdate, version?: number) =>
    data(client.PUT('/organizations/{id}', { ...id(orgId), body, headers: ifMatch(version) })),
  save: (body: OrganizationInput | OrganizationUpdate, existing?: Existing) =>
    saved('/organizations', body, existing, () =>
      existing
        ? organizations.update(existing.id, body as OrganizationUpdate, existing.version)
        : organizations.create(body as OrganizationInput),
    ),
}

export const users = {
  list: (q?: ListQuery) =>
    cached(buildPath('/users', q), () =>
      data(client.GET('/users', { params: { query: listQuery<QueryOf<'/users'>>(q) } })),
    ),
  create: (body: UserInput) => data(client.POST('/users', { body })),
  update: (userId: string, body: UserUpdate, version?: number) =>
    data(client.PUT('/users/{id}', { ...id(userId), body, headers: ifMatch(version) })),
  save: (body: UserInput | UserUpdate, existing?: Existing) =>
    saved('/users', body, existing, () =>
      existing
        ? users.update(existing.id, body as UserUpdate, existing.version)
        : users.create(body as UserInput),
    ),
  activate: (userId: string) => data(client.PUT('/users/{id}/activate', id(userId))),
  deactivate: (userId: string) => data(client.PUT('/users/{id}/deactivate', id(userId))),
}

const buildingPath = (buildingId: string) => ({ params: { path: { building_id: buildingId } } })

export const buildings = {
  list: (q?: ListQuery): Promise<Loaded<Page<Building>>> =>
    cached(buildPath('/buildings', q), () =>
      data(client.GET('/buildings', { params: { query: listQuery<QueryOf<'/buildings'>>(q) } })),
    ),
  get: (buildingId: string) => data(client.GET('/buildings/{id}', id(buildingId))),
  /** Cached like the lists: the building page opens offline once it has been seen. */
  read: (buildingId: string) => cached(`/buildings/${buildingId}`, () => buildings.get(buildingId)),
  create: (body: BuildingInput, opts: WriteOptions = {}) =>
    data(client.POST('/buildings', { body, headers: withKey(opts.idempotencyKey) })),
  update: (buildingId: string, body: BuildingUpdate, version?: number) =>
    data(client.PUT('/buildings/{id}', { ...id(buildingId), body, headers: ifMatch(version) })),
  /** Create or edit, through the outbox when offline. */
  save: (body: BuildingInput | BuildingUpdate, existing?: Existing) =>
    saved('/buildings', body, existing, () =>
      existing
        ? buildings.update(existing.id, body as BuildingUpdate, existing.version)
        : buildings.create(body as BuildingInput),
    ),
  remove: (buildingId: string, version?: number, label?: string) =>
    queued(removal(`/buildings/${buildingId}`, version, label), () =>
      data(client.DELETE('/buildings/{id}', { ...id(buildingId), headers: ifMatch(version) })),
    ),
  units: (buildingId: string, q?: ListQuery) =>
    data(
      client.GET('/buildings/{building_id}/units', {
        params: {
          ...buildingPath(buildingId).params,
          query: listQuery<QueryOf<'/buildings/{building_id}/units'>>(q),
        },
      }),
    ),
}

export const units = {
  list: (q?: ListQuery): Promise<Loaded<Page<Unit>>> =>
    cached(buildPath('/units', q), () =>
      data(client.GET('/units', { params: { query: listQuery<QueryOf<'/units'>>(q) } })),
    ),
  get: (unitId: string) => data(client.GET('/units/{id}', id(unitId))),
  /** The lot, from the offline cache when offline. */
  read: (unitId: string) => cached(`/units/${unitId}`, () => units.get(unitId)),
  create: (body: UnitInput) => data(client.POST('/units', { body })),
  update: (unitId: string, body: UnitUpdate, version?: number) =>
    data(client.PUT('/units/{id}', { ...id(unitId), body, headers: ifMatch(version) })),
  save: (body: UnitInput | UnitUpdate, existing?: Existing) =>
    saved('/units', body, existing, () =>
      existing
        ? units.update(existing.id, body as UnitUpdate, existing.version)
        : units.create(body as UnitInput),
    ),
  remove: (unitId: string, version?: number, label?: string) =>
    queued(removal(`/units/${unitId}`, version, label), () =>
      data(client.DELETE('/units/{id}', { ...id(unitId), headers: ifMatch(version) })),
    ),
  assignOwner: (unitId: string, ownerId: string) =>
    data(
      client.PUT('/units/{unit_id}/assign-owner/{owner_id}', {
        params: { path: { unit_id: unitId, owner_id: ownerId } },
      }),
    ),
  /** The links holding the lot on `date` (default: today in Brussels), or every link with history. */
  owners: (unitId: string, opts: { date?: string; includeHistory?: boolean } = {}) => {
    const query = { date: opts.date, include_history: opts.includeHistory ? 'true' : undefined }
    return cached(buildPath(`/units/${unitId}/owners`, query), () =>
      data(client.GET('/units/{id}/owners', { params: { path: { id: unitId }, query } })),
    )
  },
  addOwner: (unitId: string, body: AddUnitOwnerInput, opts: WriteOptions = {}) =>
    data(client.POST('/units/{id}/owners', { ...id(unitId), body, headers: withKey(opts.idempotencyKey) })),
  /** Ends the owner's open link on `endDate` (exclusive: the deed day is no longer theirs). */
  removeOwner: (unitId: string, ownerId: string, endDate?: string) =>
    data(
      client.DELETE('/units/{id}/owners/{owner_id}', {
        params: { path: { id: unitId, owner_id: ownerId }, query: { end_date: endDate } },
      }),
    ),
  transfer: (unitId: string, body: UnitTransferInput, opts: WriteOptions = {}) =>
    data(client.POST('/units/{id}/transfer', { ...id(unitId), body, headers: withKey(opts.idempotencyKey) })),
  setRepresentatives: (unitId: string, body: UnitRepresentativesInput) =>
    data(client.PUT('/units/{id}/representatives', { ...id(unitId), body })),
}

/** The account's page size (the API's default, ADR 0048): entries, lines and payments per page. */
export const ACCOUNT_PER_PAGE = 50

export const owners = {
  list: (q?: ListQuery): Promise<Loaded<Page<Owner>>> =>
    cached(buildPath('/owners', q), () =>
      data(client.GET('/owners', { params: { query: listQuery<QueryOf<'/owners'>>(q) } })),
    ),
  get: (ownerId: string) => data(client.GET('/owners/{id}', id(ownerId))),
  read: (ownerId: string) => cached(`/owners/${ownerId}`, () => owners.get(ownerId)),
  me: () => cached('/owners/me', () => data(client.GET('/owners/me'))),
  create: (body: OwnerInput) => data(client.POST('/owners', { body })),
  update: (ownerId: string, body: OwnerUpdate, version?: number) =>
    data(client.PUT('/owners/{id}', { ...id(ownerId), body, headers: ifMatch(version) })),
  save: (body: OwnerInput | OwnerUpdate, existing?: Existing) =>
    saved('/owners', body, existing, () =>
      existing
        ? owners.update(existing.id, body as OwnerUpdate, existing.version)
        : owners.create(body as OwnerInput),
    ),
  linkUser: (ownerId: string, userId: string | null) =>
    data(client.PUT('/owners/{id}/link-user', { ...id(ownerId), body: { user_id: userId } })),
  /** The owner's lots on `date` (default today in Brussels), or every link over time. */
  units: (ownerId: string, opts: { date?: string; includeHistory?: boolean } = {}) => {
    const query = { date: opts.date, include_history: opts.includeHistory ? 'true' : undefined }
    return cached(buildPath(`/owners/${ownerId}/units`, query), () =>
      data(client.GET('/owners/{id}/units', { params: { path: { id: ownerId }, query } })),
    )
  },
  /**
   * The caller's own account (owner portal): balance, due lines with IBAN, communication, EPC
   * payload, and one page of its history (ADR 0048). Each page is cached under its own key (the
   * first under the plain path, as before), so pages read once stay readable offline.
   */
  account: (page = 1) => {
    const query = page > 1 ? { page, per_page: ACCOUNT_PER_PAGE } : {}
    return cached(buildPath('/owners/me/account', query), () =>
      data(client.GET('/owners/me/account', { params: { query } })),
    )
  },
  charges: (ownerId: string, page = 1, perPage = 100) => {
    const query = { page, per_page: perPage }
    return cached(buildPath(`/owners/${ownerId}/charges`, query), () =>
      data(client.GET('/owners/{id}/charges', { params: { path: { id: ownerId }, query } })),
    )
  },
}

export const expenses = {
  list: (q?: ListQuery): Promise<Loaded<Page<Expense>>> =>
    cached(buildPath('/expenses', q), () =>
      data(client.GET('/expenses', { params: { query: listQuery<QueryOf<'/expenses'>>(q) } })),
    ),
  get: (expenseId: string) => data(client.GET('/expenses/{id}', id(expenseId))),
  create: (body: ExpenseInput) => data(client.POST('/expenses', { body })),
  /** Expenses are created, never edited (the API has no PUT): an existing row is refused. */
  save: (body: ExpenseInput, existing?: Existing) => {
    if (existing) throw new Error('an expense cannot be edited')
    return saved('/expenses', body, undefined, () => expenses.create(body))
  },
  markPaid: (expenseId: string, version?: number, paidDate?: string) =>
    queued(
      {
        method: 'PUT',
        path: `/expenses/${expenseId}/mark-paid`,
        body: paidDate ? { paid_date: paidDate } : {},
        baseVersion: version,
        target: expenseId,
        patch: { payment_status: 'Paid' },
      },
      () =>
        data(
          client.PUT('/expenses/{id}/mark-paid', {
            ...id(expenseId),
            body: paidDate ? { paid_date: paidDate } : {},
            headers: ifMatch(version),
          }),
        ),
    ),
  distribution: (expenseId: string) => data(client.GET('/expenses/{id}/distribution', id(expenseId))),
  /** Queues the PDF and CSV of the distribution; they exist once GET /documents/{id} answers 200. */
  distributionDocuments: (expenseId: string, language: Locale) =>
    data(client.POST('/expenses/{id}/distribution-documents', { ...id(expenseId), body: { language } })),
}

/** The organization's suppliers (ADR 0037): the expense form's picker reads the first page by name. */
export const suppliers = {
  list: (search?: string) =>
    data(client.GET('/suppliers', { params: { query: { per_page: 100, ...(search ? { search } : {}) } } })),
  /** The suppliers' page: a cached page (opens offline once seen). */
  page: (q?: ListQuery): Promise<Loaded<Page<Supplier>>> =>
    cached(buildPath('/suppliers', q), () =>
      data(client.GET('/suppliers', { params: { query: listQuery<QueryOf<'/suppliers'>>(q) } })),
    ),
  get: (supplierId: string) => data(client.GET('/suppliers/{id}', id(supplierId))),
  create: (body: SupplierInput) => data(client.POST('/suppliers', { body })),
  update: (supplierId: string, body: SupplierInput, version?: number) =>
    data(client.PUT('/suppliers/{id}', { ...id(supplierId), body, headers: ifMatch(version) })),
  /**
   * Online only (the suppliers are not in the offline outbox): a refusal is said at once. An edit
   * sends only the changed fields but PUT replaces the record: the rest comes from a fresh read,
   * and If-Match (the version the user edited) refuses it if someone changed it meanwhile.
   */
  save: async (body: Partial<SupplierInput>, existing?: Existing): Promise<WriteResult> => {
    if (!existing) return { queued: false, data: await suppliers.create(body as SupplierInput) }
    const { name, enterprise_number, vat_number, iban, address, email, language } = await suppliers.get(
      existing.id,
    )
    const full = {
      name,
      enterprise_number,
      vat_number,
      iban,
      address,
      email,
      ...(language ? { language: language as SupplierInput['language'] } : {}),
      ...body,
    }
    return { queued: false, data: await suppliers.update(existing.id, full, existing.version) }
  },
  /** Its 440 lines over every building (or one), with the running balance. */
  account: (supplierId: string) =>
    data(client.GET('/suppliers/{id}/account', { params: { path: { id: supplierId }, query: {} } })),
}

export const meetings = {
  list: (q?: ListQuery): Promise<Loaded<Page<Meeting>>> =>
    cached(buildPath('/meetings', q), () =>
      data(client.GET('/meetings', { params: { query: listQuery<QueryOf<'/meetings'>>(q) } })),
    ),
  get: (meetingId: string) => data(client.GET('/meetings/{id}', id(meetingId))),
  read: (meetingId: string) => cached(`/meetings/${meetingId}`, () => meetings.get(meetingId)),
  create: (body: MeetingInput) => data(client.POST('/meetings', { body })),
  update: (meetingId: string, body: MeetingUpdate, version?: number) =>
    data(client.PUT('/meetings/{id}', { ...id(meetingId), body, headers: ifMatch(version) })),
  save: (body: MeetingInput | MeetingUpdate, existing?: Existing) =>
    saved('/meetings', body, existing, () =>
      existing
        ? meetings.update(existing.id, body as MeetingUpdate, existing.version)
        : meetings.create(body as MeetingInput),
    ),
  remove: (meetingId: string, version?: number, label?: string) =>
    queued(removal(`/meetings/${meetingId}`, version, label), () =>
      data(client.DELETE('/meetings/{id}', { ...id(meetingId), headers: ifMatch(version) })),
    ),
  /** `agenda`: the items already there, so the queued item shows at once offline. */
  addAgendaItem: (meetingId: string, item: string, agenda: readonly string[] = []) =>
    queued(
      {
        method: 'POST',
        path: `/meetings/${meetingId}/agenda`,
        body: { item },
        target: meetingId,
        patch: { agenda: [...agenda, item] },
      },
      () => data(client.POST('/meetings/{id}/agenda', { ...id(meetingId), body: { item } })),
    ),
  complete: (meetingId: string, attendeesCount: number) =>
    queued(
      {
        method: 'POST',
        path: `/meetings/${meetingId}/complete`,
        body: { attendees_count: attendeesCount },
        target: meetingId,
        patch: { status: 'Completed', attendees_count: attendeesCount },
      },
      () =>
        data(
          client.POST('/meetings/{id}/complete', {
            ...id(meetingId),
            body: { attendees_count: attendeesCount },
          }),
        ),
    ),
  cancel: (meetingId: string) =>
    queued(
      {
        method: 'POST',
        path: `/meetings/${meetingId}/cancel`,
        body: {},
        target: meetingId,
        patch: { status: 'Cancelled' },
      },
      () => data(client.POST('/meetings/{id}/cancel', { ...id(meetingId), body: {} })),
    ),
  documents: (meetingId: string) => data(client.GET('/meetings/{id}/documents', id(meetingId))),
}

/** The file as a Blob plus the server's file name (Content-Disposition). */
async function download(
  call: Promise<{ data?: Blob; response: Response }>,
  fallback: string,
): Promise<{ blob: Blob; fileName: string }> {
  const { data: blob, response } = await call
  const disposition = response.headers.get('content-disposition') ?? ''
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)
  return { blob: blob as Blob, fileName: match?.[1] ? decodeURIComponent(match[1]) : fallback }
}

export const documents = {
  list: (q?: ListQuery): Promise<Loaded<Page<DocumentMeta>>> =>
    cached(buildPath('/documents', q), () =>
      data(client.GET('/documents', { params: { query: listQuery<QueryOf<'/documents'>>(q) } })),
    ),
  get: (documentId: string) => data(client.GET('/documents/{id}', id(documentId))),
  remove: (documentId: string, label?: string) =>
    queued(removal(`/documents/${documentId}`, undefined, label), () =>
      data(client.DELETE('/documents/{id}', id(documentId))),
    ),
  linkMeeting: (documentId: string, meetingId: string) =>
    data(client.PUT('/documents/{id}/link-meeting', { ...id(documentId), body: { meeting_id: meetingId } })),
  linkExpense: (documentId: string, expenseId: string) =>
    data(client.PUT('/documents/{id}/link-expense', { ...id(documentId), body: { expense_id: expenseId } })),
  /** `onProgress(sent, total)` drives the upload's progress bar (bytes of the multipart body). */
  upload: (
    input: DocumentUpload,
    opts: WriteOptions & { onProgress?: (sent: number, total: number) => void } = {},
  ) => {
    const { file, file_name, ...fields } = input
    return data(
      client.POST('/documents', {
        // The typed fields, then the file as a Blob: serialized as multipart in this order.
        body: { ...fields, file: file as unknown as string },
        bodySerializer: () => {
          const form = new FormData()
          for (const [k, v] of Object.entries(fields)) if (typeof v === 'string' && v !== '') form.set(k, v)
          // Last: with the fields first the server checks everything before storing a byte (ADR 0014).
          form.set('file', file, file_name)
          return form
        },
        headers: withKey(opts.idempotencyKey),
        ...(opts.onProgress ? { fetch: (req: Request) => send(req, opts.onProgress) } : {}),
      }),
    )
  },
  download: (documentId: string) =>
    download(
      client.GET('/documents/{id}/download', { ...id(documentId), parseAs: 'blob' }),
      `document-${documentId}`,
    ),
}

/** Onboarding a building from a spreadsheet (docs/property-register.md). Online only, like uploads. */
export const register = {
  /** dryRun true: checks and counts only. false: imports all or nothing. */
  importFile: (buildingId: string, file: File, dryRun: boolean) =>
    // A refused import (400) becomes an ApiError whose `errors` name "row N: column" each.
    data(
      client.POST('/buildings/{building_id}/register-import', {
        params: { path: { building_id: buildingId }, query: { dry_run: dryRun ? 'true' : 'false' } },
        body: { file: file as unknown as string },
        bodySerializer: () => {
          const form = new FormData()
          form.set('file', file, file.name)
          return form
        },
      }),
    ),
  template: (format: 'csv' | 'xlsx', lang: 'fr' | 'nl' | 'de' | 'en') =>
    download(
      client.GET('/buildings/register-template', { params: { query: { format, lang } }, parseAs: 'blob' }),
      `register-template.${format}`,
    ),
  export: (buildingId: string, format: 'csv' | 'xlsx', lang: 'fr' | 'nl' | 'de' | 'en') =>
    download(
      client.GET('/buildings/{building_id}/register-export', {
        params: { path: { building_id: buildingId }, query: { format, lang } },
        parseAs: 'blob',
      }),
      `register.${format}`,
    ),
}

export const stats = {
  dashboard: () => cached('/stats/dashboard', () => data(client.GET('/stats/dashboard'))),
  /** The charts' sums (by category or month, all buildings or one); cached so charts open offline. */
  expenses: (group: 'category' | 'month', buildingId?: string) => {
    const query = { group, ...(buildingId ? { building_id: buildingId } : {}) }
    return cached(buildPath('/stats/expenses', query), () =>
      data(client.GET('/stats/expenses', { params: { query } })),
    )
  },
}

/** The header's search box: online only (a search over a stale copy would mislead). */
export const search = (q: string, limit = 8) =>
  data(client.GET('/stats/search', { params: { query: { q, limit } } }))

/**
 * The association's books (ADR 0031): trial balance, one account's ledger, the entries. Online
 * reads (the books are an accountant's desk, not a phone-in-a-cellar page).
 */
export const ledger = {
  trialBalance: (buildingId: string, fiscalYear?: number) =>
    data(
      client.GET('/buildings/{building_id}/ledger/trial-balance', {
        params: { path: { building_id: buildingId }, query: fiscalYear ? { fiscal_year: fiscalYear } : {} },
      }),
    ),
  account: (buildingId: string, code: string, fiscalYear?: number) =>
    data(
      client.GET('/buildings/{building_id}/ledger/accounts/{code}', {
        params: {
          path: { building_id: buildingId, code },
          query: fiscalYear ? { fiscal_year: fiscalYear } : {},
        },
      }),
    ),
  entries: (buildingId: string, fiscalYear?: number, page = 1) =>
    data(
      client.GET('/buildings/{building_id}/ledger/entries', {
        params: {
          path: { building_id: buildingId },
          query: { page, per_page: 20, ...(fiscalYear ? { fiscal_year: fiscalYear } : {}) },
        },
      }),
    ),
}
export type TrialBalance = Awaited<ReturnType<typeof ledger.trialBalance>>
export type AccountLedger = Awaited<ReturnType<typeof ledger.account>>

/** The expense lifecycle's moves (ADR 0031): online, each posts in the books. */
export const expenseLifecycle = {
  approve: (expenseId: string) => data(client.POST('/expenses/{id}/approve', { ...id(expenseId), body: {} })),
  cancel: (expenseId: string, reason?: string) =>
    data(client.POST('/expenses/{id}/cancel', { ...id(expenseId), body: reason ? { reason } : {} })),
  /** A draft is edited in place (PATCH, If-Match); 409 expense_not_draft once approved. */
  editDraft: (expenseId: string, body: EditDraftExpense, version?: number) =>
    data(client.PATCH('/expenses/{id}', { ...id(expenseId), body, headers: ifMatch(version) })),
  /** An approved, unpaid expense: the server reverses it and posts this one in its place. */
  correct: (expenseId: string, body: CorrectExpense) =>
    data(client.POST('/expenses/{id}/corrections', { ...id(expenseId), body })),
}

/** The association's fiscal-year start month (1 = calendar year); 409 once postings would move. */
export const ledgerSettings = {
  get: (buildingId: string) =>
    data(
      client.GET('/buildings/{building_id}/ledger/settings', {
        params: { path: { building_id: buildingId } },
      }),
    ),
  put: (buildingId: string, month: number) =>
    data(
      client.PUT('/buildings/{building_id}/ledger/settings', {
        params: { path: { building_id: buildingId } },
        body: { fiscal_year_start_month: month },
      }),
    ),
}

/** The superadmin's job queue (ADR 0019). */
export type AdminJob = Job
export type JobStatus = AdminJob['status']

export const jobs = {
  list: (status: JobStatus, page = 1) =>
    data(client.GET('/admin/jobs', { params: { query: { status, page, per_page: 50 } } })),
  retry: (jobId: string) => data(client.POST('/admin/jobs/{id}/retry', id(jobId))),
}

export const seed = {
  demo: () => data(client.POST('/seed/demo')),
  realistic: () => data(client.POST('/seed/realistic')),
  clear: () => data(client.POST('/seed/clear')),
}

// ---------------------------------------------------------------- general assemblies (issue #14)

type Schemas = import('./api-schema.gen').components['schemas']
/** An agenda item with its decision type and majority. */
export type Resolution = Schemas['Resolution']
/** Everything the room needs to work offline (register, agenda, stored acts, server's state). */
export type AssemblySession = Schemas['MeetingSession']
export type MeetingProxy = Schemas['MeetingProxy']
type ResolutionBody = Schemas['CreateResolution']
type ActWire = Schemas['MeetingAct']

const resolutionPath = (meetingId: string, resolutionId: string) => ({
  params: { path: { id: meetingId, resolution_id: resolutionId } },
})

export const assembly = {
  /** Cached: the portal and the room read the agenda offline. */
  resolutions: (meetingId: string): Promise<Loaded<Resolution[]>> =>
    cached(
      `/meetings/${meetingId}/resolutions`,
      async () => (await data(client.GET('/meetings/{id}/resolutions', id(meetingId)))).items,
    ),
  createResolution: (meetingId: string, body: ResolutionBody) =>
    data(client.POST('/meetings/{id}/resolutions', { ...id(meetingId), body })),
  updateResolution: (meetingId: string, resolutionId: string, body: ResolutionBody, version?: number) =>
    data(
      client.PATCH('/meetings/{id}/resolutions/{resolution_id}', {
        ...resolutionPath(meetingId, resolutionId),
        body,
        headers: ifMatch(version),
      }),
    ),
  removeResolution: (meetingId: string, resolutionId: string) =>
    data(
      client.DELETE('/meetings/{id}/resolutions/{resolution_id}', resolutionPath(meetingId, resolutionId)),
    ),
  /** Who votes with how many votes (the server's quote-parts); owners read it to name a co-owner. */
  register: (meetingId: string) =>
    cached(`/meetings/${meetingId}/register`, () =>
      data(client.GET('/meetings/{id}/register', id(meetingId))),
    ),
  /** Register + agenda + stored acts: cached so the room opens with no network (ADR 0033). */
  session: (meetingId: string): Promise<Loaded<AssemblySession>> =>
    cached(`/meetings/${meetingId}/session`, () => data(client.GET('/meetings/{id}/session', id(meetingId)))),
  /** The device's acts the server does not hold yet; acts it holds with the same hash are no-ops. */
  postActs: (meetingId: string, acts: readonly import('@koprogo/domain/assembly').MeetingAct[]) =>
    data(
      client.POST('/meetings/{id}/acts', {
        ...id(meetingId),
        body: { acts: acts as unknown as ActWire[] },
      }),
    ),
  /** An owner's proxy given online before the meeting (the server applies art. 3.87 §7). */
  giveProxy: (meetingId: string, body: { holder_owner_id?: string; holder_name?: string }) =>
    data(client.POST('/meetings/{id}/proxies', { ...id(meetingId), body })),
  proxies: (meetingId: string) => data(client.GET('/meetings/{id}/proxies', id(meetingId))),
  /** Revokes a proxy given online (its grantor or the syndic), until the meeting's log starts. */
  revokeProxy: (meetingId: string, proxyId: string) =>
    data(
      client.DELETE('/meetings/{id}/proxies/{proxy_id}', {
        params: { path: { id: meetingId, proxy_id: proxyId } },
      }),
    ),
  verifyLog: (meetingId: string) => data(client.GET('/meetings/{id}/log/verify', id(meetingId))),
  /** Convocation (art. 3.87 §3): e-mails through the outbox, a post list; safe to repeat. */
  sendConvocation: (meetingId: string) => data(client.POST('/meetings/{id}/convocation', id(meetingId))),
  /** After an opening without quorum (art. 3.87 §5): same agenda, ≥ 15 days later. */
  conveneSecondAssembly: (meetingId: string, scheduledDate: string) =>
    data(
      client.POST('/meetings/{id}/second-assembly', {
        ...id(meetingId),
        body: { scheduled_date: scheduledDate },
      }),
    ),
  /** The minutes (PDF per minutes language) from the recorded log, with its root hash. */
  generateMinutes: (meetingId: string) => data(client.POST('/meetings/{id}/minutes', id(meetingId))),
}

/** Issue #14, convocation side: statutes settings, board, convocation, second assembly, minutes. */
export const assemblyConvocation = {
  settings: (buildingId: string) => data(client.GET('/buildings/{id}/assembly-settings', id(buildingId))),
  saveSettings: (
    buildingId: string,
    body: {
      notice_days?: number
      remote_participation?: boolean
      minutes_languages?: ('fr' | 'nl' | 'de' | 'en')[]
      statutory_majorities?: Schemas['UpdateAssemblySettings']['statutory_majorities']
    },
  ) => data(client.PUT('/buildings/{id}/assembly-settings', { ...id(buildingId), body })),
  board: (buildingId: string) => data(client.GET('/buildings/{id}/board', id(buildingId))),
  requests: (buildingId: string) => data(client.GET('/buildings/{id}/assembly-requests', id(buildingId))),
  deliveries: (meetingId: string) => data(client.GET('/meetings/{id}/convocation', id(meetingId))),
  /** Every owner reached by post's convocation, joined in one PDF to print (staff). */
  postalLetters: (meetingId: string) =>
    download(
      client.GET('/meetings/{id}/convocation/postal-letters', { ...id(meetingId), parseAs: 'blob' }),
      'convocations-post.pdf',
    ),
  convene: (meetingId: string) => data(client.POST('/meetings/{id}/convocation', id(meetingId))),
  minutes: (meetingId: string) => data(client.POST('/meetings/{id}/minutes', id(meetingId))),
  secondAssembly: (meetingId: string, scheduledDate: string) =>
    data(
      client.POST('/meetings/{id}/second-assembly', {
        ...id(meetingId),
        body: { scheduled_date: scheduledDate },
      }),
    ),
  /** The minutes (PDF per minutes language) from the recorded log, with its root hash. */
  generateMinutes: (meetingId: string) => data(client.POST('/meetings/{id}/minutes', id(meetingId))),
}

// ---------------------------------------------------------------- distribution keys and budgets
// Online only (assembly decisions the syndic records at the desk, never queued offline).

const keyPath = (buildingId: string, keyId: string) => ({
  params: { path: { building_id: buildingId, key_id: keyId } },
})
const budgetPath = (buildingId: string, budgetId: string) => ({
  params: { path: { building_id: buildingId, budget_id: budgetId } },
})

export const distributionKeys = {
  list: (buildingId: string) =>
    data(client.GET('/buildings/{building_id}/distribution-keys', buildingPath(buildingId))),
  create: (buildingId: string, body: DistributionKeyInput) =>
    data(client.POST('/buildings/{building_id}/distribution-keys', { ...buildingPath(buildingId), body })),
  remove: (buildingId: string, keyId: string) =>
    data(client.DELETE('/buildings/{building_id}/distribution-keys/{key_id}', keyPath(buildingId, keyId))),
}

export const budgets = {
  list: (buildingId: string) =>
    data(client.GET('/buildings/{building_id}/budgets', buildingPath(buildingId))),
  create: (buildingId: string, body: BudgetInput) =>
    data(client.POST('/buildings/{building_id}/budgets', { ...buildingPath(buildingId), body })),
  approve: (buildingId: string, budgetId: string, body: ApproveBudgetInput) =>
    data(
      client.POST('/buildings/{building_id}/budgets/{budget_id}/approve', {
        ...budgetPath(buildingId, budgetId),
        body,
      }),
    ),
}

// ---------------------------------------------------------------- calls for funds (syndic)
// Online only: issuing a call numbers it and its structured communications on the server.

const buildingId = (value: string) => ({ params: { path: { id: value } } })

/** Bank statements and their matching (ADR 0038): online only, every match posts in the books. */
export const bank = {
  importFile: (building: string, file: File) =>
    data(
      client.POST('/buildings/{id}/bank-statements', {
        ...buildingId(building),
        body: { file: file as unknown as string },
        bodySerializer: () => {
          const form = new FormData()
          form.set('file', file, file.name)
          return form
        },
      }),
    ),
  statements: (building: string) => data(client.GET('/buildings/{id}/bank-statements', buildingId(building))),
  movements: (building: string, status?: 'unmatched' | 'matched' | 'batch') =>
    data(
      client.GET('/buildings/{id}/bank-movements', {
        params: { path: { id: building }, query: status ? { status } : {} },
      }),
    ),
  movement: (movementId: string) => data(client.GET('/bank-movements/{id}', id(movementId))),
  match: (movementId: string, body: { owner_id?: string; line_ids?: string[]; expense_id?: string }) =>
    data(client.POST('/bank-movements/{id}/match', { ...id(movementId), body })),
  unmatch: (movementId: string) => data(client.DELETE('/bank-movements/{id}/match', id(movementId))),
}
export type BankMovement = Awaited<ReturnType<typeof bank.movement>>

export const calls = {
  list: (building: string) => data(client.GET('/buildings/{id}/calls', buildingId(building))),
  get: (callId: string) => data(client.GET('/calls/{id}', id(callId))),
  /** A provision or reserve call computed by the server from the approved budget's period. */
  issue: (building: string, body: IssueCallInput) =>
    data(client.POST('/buildings/{id}/calls', { ...buildingId(building), body })),
  postalList: (callId: string) => data(client.GET('/calls/{id}/postal-list', id(callId))),
  recordPayment: (building: string, body: OwnerPaymentInput) =>
    data(client.POST('/buildings/{id}/payments', { ...buildingId(building), body })),
  /**
   * An owner's account (syndic view), one page of its history (ADR 0048); cached per page like
   * the portal's. `perPage` up to 500 (the lines a payment's allocations point at).
   */
  ownerAccount: (ownerId: string, opts: { page?: number; perPage?: number; buildingId?: string } = {}) => {
    const query = {
      ...(opts.page && opts.page > 1 ? { page: opts.page } : {}),
      ...(opts.perPage || (opts.page && opts.page > 1) ? { per_page: opts.perPage ?? ACCOUNT_PER_PAGE } : {}),
      ...(opts.buildingId ? { building_id: opts.buildingId } : {}),
    }
    return cached(buildPath(`/owners/${ownerId}/account`, query), () =>
      data(client.GET('/owners/{id}/account', { params: { path: { id: ownerId }, query } })),
    )
  },
  bankAccounts: (building: string) => data(client.GET('/buildings/{id}/bank-accounts', buildingId(building))),
  saveBankAccount: (building: string, purpose: 'working_capital' | 'reserve', body: BankAccountInput) =>
    data(
      client.PUT('/buildings/{id}/bank-accounts/{purpose}', {
        params: { path: { id: building, purpose } },
        body,
      }),
    ),
}

/** The year-end close (ADR 0040): statements, annual accounts, the close itself (online only). */
export const closing = {
  statements: (buildingId: string, year: number) =>
    data(
      client.GET('/buildings/{id}/fiscal-years/{year}/statements', {
        params: { path: { id: buildingId, year } },
      }),
    ),
  accounts: (buildingId: string, year: number) =>
    data(
      client.GET('/buildings/{id}/fiscal-years/{year}/accounts', {
        params: { path: { id: buildingId, year } },
      }),
    ),
  close: (buildingId: string, year: number) =>
    data(
      client.POST('/buildings/{id}/fiscal-years/{year}/close', {
        params: { path: { id: buildingId, year } },
      }),
    ),
  /** The annual accounts as a PDF in a language (ADR 0042): rendered by the server, online only. */
  accountsPdf: (buildingId: string, year: number, lang: 'fr' | 'nl' | 'de' | 'en') =>
    download(
      client.GET('/buildings/{id}/fiscal-years/{year}/accounts.pdf', {
        params: { path: { id: buildingId, year }, query: { lang } },
        parseAs: 'blob',
      }),
      `annual-accounts-${year}.pdf`,
    ),
  /** The building's account auditors (art. 3.91): list, grant, withdraw (syndic; online only). */
  auditors: (buildingId: string) => data(client.GET('/buildings/{id}/auditors', id(buildingId))),
  grantAuditor: (buildingId: string, userId: string) =>
    data(client.POST('/buildings/{id}/auditors', { ...id(buildingId), body: { user_id: userId } })),
  withdrawAuditor: (buildingId: string, userId: string) =>
    data(
      client.DELETE('/buildings/{id}/auditors/{user_id}', {
        params: { path: { id: buildingId, user_id: userId } },
      }),
    ),
}

// ---------------------------------------------------------------- arrears (ADR 0039)
// Online only: a run numbers nothing but posts interest and fees; the server decides what is due.

export const reminders = {
  settings: (building: string) => data(client.GET('/buildings/{id}/arrears-settings', buildingId(building))),
  saveSettings: (building: string, body: ArrearsSettingsInput) =>
    data(client.PUT('/buildings/{id}/arrears-settings', { ...buildingId(building), body })),
  run: (building: string, asOf?: string) =>
    data(
      client.POST('/buildings/{id}/reminders/run', {
        ...buildingId(building),
        body: asOf ? { as_of: asOf } : {},
      }),
    ),
  list: (building: string) => data(client.GET('/buildings/{id}/reminders', buildingId(building))),
  /** The caller's own reminders (owner portal). */
  mine: () => cached('/owners/me/reminders', () => data(client.GET('/owners/me/reminders'))),
}
/** Issue #16 items 6–8 (docs/bank-and-closing.md): PCN exports, état daté, e-invoice import. Online only. */
export const saleDocuments = {
  importEInvoice: (building: string, file: File) =>
    data(
      client.POST('/buildings/{building_id}/expenses/import', {
        params: { path: { building_id: building } },
        body: { file: file as unknown as string },
        bodySerializer: () => {
          const form = new FormData()
          form.set('file', file, file.name)
          return form
        },
      }),
    ),
  etatDates: (unit: string) => data(client.GET('/units/{id}/etat-date', id(unit))),
  requestEtatDate: (unit: string, body: Schemas['EtatDateRequestInput']) =>
    data(client.POST('/units/{id}/etat-date', { ...id(unit), body })),
  pcnPdf: (building: string, lang: 'fr' | 'nl' | 'de' | 'en') =>
    download(
      client.GET('/pcn/export/pdf/{building_id}', {
        params: { path: { building_id: building }, query: { lang } },
        parseAs: 'blob',
      }),
      'rapport-pcn.pdf',
    ),
  pcnExcel: (building: string, lang: 'fr' | 'nl' | 'de' | 'en') =>
    download(
      client.GET('/pcn/export/excel/{building_id}', {
        params: { path: { building_id: building }, query: { lang } },
        parseAs: 'blob',
      }),
      'rapport-pcn.xlsx',
    ),
}
