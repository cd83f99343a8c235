// The ONLY module that talks to /api/v1. It owns the session tokens: it sends the Bearer access
// token, refreshes it shortly before it expires (and once after a 401), rotates the refresh
// token, and turns every failure into an ApiError (problem+json parsed) or a NetworkError.
import { ApiError, NetworkError, parseProblem } from './api-error'
import type {
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
  User,
  UserInput,
} from './api-types'

export { ApiError, NetworkError } from './api-error'

export interface Session {
  token: string
  refreshToken: string
  /** Access-token expiry, epoch ms (from the JWT `exp`). */
  expiresAt: number
  user: User
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>
type SessionListener = (session: Session | null, reason: 'login' | 'refresh' | 'logout' | 'expired') => void

interface ApiConfig {
  baseUrl: string
  fetch: FetchLike
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  /** Refresh this long before the access token expires, so a request never leaves with a dead one. */
  refreshMarginMs: number
  now: () => number
}

const SESSION_KEY = 'koprogo.session'

const config: ApiConfig = {
  baseUrl: '/api/v1',
  fetch: (input, init) => globalThis.fetch(input, init),
  storage: typeof localStorage === 'undefined' ? null : localStorage,
  refreshMarginMs: 30_000,
  now: () => Date.now(),
}

let session: Session | null = null
let refreshing: Promise<void> | null = null
const listeners = new Set<SessionListener>()

/** Tests and the e2e harness swap the fetch, storage or base URL. */
export function configureApi(overrides: Partial<ApiConfig>): void {
  Object.assign(config, overrides)
  session = null
}

// ---------------------------------------------------------------- session

function readStoredSession(): Session | null {
  const raw = config.storage?.getItem(SESSION_KEY)
  if (!raw) return null
  try {
    const s = JSON.parse(raw) as Session
    return typeof s.token === 'string' && typeof s.refreshToken === 'string' && s.user ? s : null
  } catch {
    return null
  }
}

export function getSession(): Session | null {
  session ??= readStoredSession()
  return session
}

export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function setSession(next: Session | null, reason: Parameters<SessionListener>[1]): void {
  session = next
  if (next) config.storage?.setItem(SESSION_KEY, JSON.stringify(next))
  else config.storage?.removeItem(SESSION_KEY)
  for (const l of listeners) l(next, reason)
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
    refreshToken: tokens.refresh_token,
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
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) body = opts.body
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (token) headers.Authorization = `Bearer ${token}`
  if (opts.ifMatch !== undefined) headers['If-Match'] = String(opts.ifMatch)
  if (method === 'POST') headers['Idempotency-Key'] = opts.idempotencyKey ?? newIdempotencyKey()
  try {
    return await config.fetch(config.baseUrl + buildPath(path, opts.query), {
      method,
      headers,
      body,
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new NetworkError(e)
  }
}

/** Ensures a usable access token: refreshes when it expires within the margin. */
async function freshToken(): Promise<string | undefined> {
  const s = getSession()
  if (!s) return undefined
  if (s.expiresAt - config.now() < config.refreshMarginMs) await refreshSession()
  return getSession()?.token
}

/** One refresh at a time: concurrent requests wait for the same rotation. */
export function refreshSession(): Promise<void> {
  refreshing ??= (async () => {
    const s = getSession()
    if (!s) throw new ApiError(401, { title: 'Unauthorized', detail: 'Not signed in' })
    const res = await rawFetch('POST', '/auth/refresh', { body: { refresh_token: s.refreshToken } })
    const body = await readBody(res)
    if (!res.ok) {
      const err = parseProblem(res.status, body, res.statusText)
      // A rejected refresh token ends the session; a 5xx keeps it for a later try.
      if (res.status === 401 || res.status === 403) setSession(null, 'expired')
      throw err
    }
    setSession(sessionFrom(body as AuthTokens), 'refresh')
  })().finally(() => {
    refreshing = null
  })
  return refreshing
}

async function requestResponse(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const auth = opts.auth ?? true
  const token = auth ? await freshToken() : undefined
  let res = await rawFetch(method, path, opts, token)
  if (res.status === 401 && auth && getSession()) {
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

/** Revokes the refresh token server-side when reachable; the local session ends regardless. */
export async function logout(): Promise<void> {
  const s = getSession()
  try {
    if (s) await rawFetch('POST', '/auth/logout', { body: { refresh_token: s.refreshToken } }, s.token)
  } catch {
    // offline: the token expires on its own; nothing else to do
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
  owners: (unitId: string) =>
    request<Page<UnitOwnership> | UnitOwnership[]>('GET', `/units/${unitId}/owners`),
  addOwner: (
    unitId: string,
    input: Pick<UnitOwnership, 'owner_id' | 'ownership_share' | 'is_primary_contact' | 'start_date'>,
  ) => request<UnitOwnership>('POST', `/units/${unitId}/owners`, { body: input }),
  removeOwner: (unitId: string, ownerId: string) =>
    request<undefined>('DELETE', `/units/${unitId}/owners/${ownerId}`),
}

export const owners = {
  ...crud<Owner, OwnerInput>('/owners'),
  me: () => request<Owner>('GET', '/owners/me'),
  linkUser: (id: string, userId: string) =>
    request<Owner>('PUT', `/owners/${id}/link-user`, { body: { user_id: userId } }),
  units: (id: string) => request<Page<UnitOwnership> | UnitOwnership[]>('GET', `/owners/${id}/units`),
  charges: (id: string) => request<OwnerCharges>('GET', `/owners/${id}/charges`),
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
    form.set('file', input.file, input.file_name)
    for (const [k, v] of Object.entries(input)) {
      if (k !== 'file' && k !== 'file_name' && typeof v === 'string' && v !== '') form.set(k, v)
    }
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

export const seed = {
  demo: () => request<SeedResult>('POST', '/seed/demo'),
  realistic: () => request<SeedResult>('POST', '/seed/realistic'),
  clear: () => request<SeedResult>('POST', '/seed/clear'),
}
