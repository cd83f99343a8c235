import { beforeEach, describe, expect, it } from 'vitest'
import {
  ApiError,
  buildings,
  buildPath,
  configureApi,
  currentUser,
  documents,
  getSession,
  login,
  logout,
  NetworkError,
  type OfflineEngine,
  owners,
  units,
  useOfflineEngine,
} from './api'
import { parseProblem } from './api-error'
import { locale } from './i18n'

const jwt = (expSeconds: number) =>
  `h.${btoa(JSON.stringify({ sub: 'u1', exp: expSeconds })).replaceAll('=', '')}.s`
const user = {
  id: 'u1',
  email: 'a@b.be',
  first_name: 'A',
  last_name: 'B',
  role: 'syndic',
  organization_id: 'o1',
  is_active: true,
}

type Call = {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
  form?: FormData
}

function memoryStorage() {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  }
}

type MemoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function harness(handler: (call: Call, n: number) => Response, storage: MemoryStorage = memoryStorage()) {
  const calls: Call[] = []
  let clock = 1_000_000_000_000
  configureApi({
    baseUrl: '/api/v1',
    storage,
    now: () => clock,
    language: () => undefined,
    fetch: async (url, init) => {
      const call: Call = {
        url,
        method: init?.method ?? 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: typeof init?.body === 'string' ? init.body : undefined,
        form: init?.body instanceof FormData ? init.body : undefined,
      }
      calls.push(call)
      return handler(call, calls.length)
    },
  })
  return { calls, advance: (ms: number) => (clock += ms), nowS: () => Math.floor(clock / 1000) }
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })

describe('parseProblem', () => {
  it('reads problem+json with field errors and current_version', () => {
    const e = parseProblem(409, {
      type: 'https://koprogo.dev/problems/stale-version',
      title: 'Conflict',
      status: 409,
      detail: 'The row changed',
      error: 'stale version',
      errors: [
        { path: 'name', message: 'too short' },
        { path: '/address/city', message: 'required' },
      ],
      current_version: 4,
    })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.isConflict).toBe(true)
    expect(e.currentVersion).toBe(4)
    expect(e.message).toBe('The row changed')
    expect(e.fieldErrors).toEqual({ name: 'too short', 'address.city': 'required' })
  })

  it('falls back to the v1 {error} shape, text bodies and empty bodies', () => {
    expect(parseProblem(401, { error: 'Invalid credentials' }).message).toBe('Invalid credentials')
    expect(parseProblem(502, '<html>Bad gateway</html>', 'Bad Gateway').title).toBe('Bad Gateway')
    expect(parseProblem(500, undefined).title).toBe('HTTP 500')
  })
})

describe('buildPath', () => {
  it('flattens filters and sorts params so cache keys are stable', () => {
    expect(
      buildPath('/units', { per_page: 20, page: 1, filters: { building_id: 'b1', floor: undefined } }),
    ).toBe('/units?building_id=b1&page=1&per_page=20')
  })
})

describe('api client', () => {
  beforeEach(() => configureApi({}))

  it('logs in, sends the Bearer token and an Idempotency-Key on POST', async () => {
    const h = harness((call) => {
      if (call.url.endsWith('/auth/login'))
        return json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
      return json(201, { id: 'b1' })
    })
    await login('a@b.be', 'pw')
    await buildings.create({
      name: 'X',
      address: 'a',
      city: 'c',
      postal_code: '1000',
      country: 'BE',
      total_units: 1,
    })
    const post = h.calls[1]
    expect(post?.headers.Authorization).toBe(`Bearer ${getSession()?.token}`)
    expect(post?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('sends the UI language as Accept-Language on every request, so API errors match the screen', async () => {
    const h = harness((call) =>
      call.url.endsWith('/auth/login')
        ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
        : json(200, {}),
    )
    // The harness turns the language off for the other tests; the app's own setting is the UI's.
    configureApi({ language: () => locale() })
    await login('a@b.be', 'pw')
    expect(h.calls[0]?.headers['Accept-Language']).toBe(locale())
    configureApi({ language: () => 'nl' })
    await login('a@b.be', 'pw')
    await buildings.update('b1', { name: 'Y' }, 7)
    expect(h.calls.slice(1).map((c) => c.headers['Accept-Language'])).toEqual(['nl', 'nl'])
    configureApi({ language: () => locale() })
  })

  it('sends If-Match on PUT', async () => {
    const h = harness((call) =>
      call.url.endsWith('/auth/login')
        ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
        : json(200, {}),
    )
    await login('a@b.be', 'pw')
    await buildings.update('b1', { name: 'Y' }, 7)
    expect(h.calls[1]?.headers['If-Match']).toBe('7')
  })

  it('refreshes through the cookie shortly before expiry: no token in the body, the CSRF header', async () => {
    const h = harness((call) => {
      if (call.url.endsWith('/auth/login'))
        return json(200, { token: jwt(h.nowS() + 60), refresh_token: 'r1', user })
      if (call.url.endsWith('/auth/refresh'))
        return json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r2', user })
      return json(200, { data: [], pagination: {} })
    })
    await login('a@b.be', 'pw')
    h.advance(45_000) // 15 s left < 30 s margin
    await buildings.list()
    expect(h.calls.map((c) => c.url)).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/buildings',
    ])
    expect(JSON.parse(h.calls[1]?.body ?? '')).toEqual({})
    expect(h.calls[1]?.headers['X-KoproGo-CSRF']).toBe('1')
    expect(h.calls[1]?.headers['Idempotency-Key']).toBeUndefined()
    expect(getSession()?.token).toBe(jwt(h.nowS() + 900))
  })

  it('refreshes once on a 401 and retries once', async () => {
    let listCalls = 0
    const h = harness((call) => {
      if (call.url.endsWith('/auth/login'))
        return json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
      if (call.url.endsWith('/auth/refresh'))
        return json(200, { token: jwt(h.nowS() + 901), refresh_token: 'r2', user })
      listCalls++
      return listCalls === 1
        ? json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json')
        : json(200, { data: [], pagination: {} })
    })
    await login('a@b.be', 'pw')
    await buildings.list()
    expect(listCalls).toBe(2)
    expect(h.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1)
  })

  it('ends the session when the refresh token is rejected', async () => {
    const h = harness((call) => {
      if (call.url.endsWith('/auth/login'))
        return json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
      return json(401, { title: 'Unauthorized' }, 'application/problem+json')
    })
    await login('a@b.be', 'pw')
    await expect(buildings.list()).rejects.toMatchObject({ status: 401 })
    expect(getSession()).toBeNull()
  })

  it('throws a NetworkError when fetch fails, and logout still clears the session offline', async () => {
    let offline = false
    const h = harness((call) => {
      if (offline) throw new TypeError('Failed to fetch')
      return json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user, c: call.url })
    })
    await login('a@b.be', 'pw')
    offline = true
    await expect(buildings.list()).rejects.toBeInstanceOf(NetworkError)
    await logout()
    expect(getSession()).toBeNull()
  })

  it('turns problem+json validation errors into field errors', async () => {
    harness(() =>
      json(
        400,
        { title: 'Bad Request', status: 400, errors: [{ path: 'total_units', message: 'must be > 0' }] },
        'application/problem+json',
      ),
    )
    const err = await buildings
      .create({ name: 'X', address: 'a', city: 'c', postal_code: '1', country: 'BE', total_units: 0 })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).fieldErrors.total_units).toBe('must be > 0')
  })

  it('stores no token anywhere: only a profile; a reload restores the session through the cookie', async () => {
    const storage = memoryStorage()
    const store = new Map<string, string>()
    const spy = {
      ...storage,
      setItem: (k: string, v: string) => {
        store.set(k, v)
        storage.setItem(k, v)
      },
    }
    const h = harness((call) => {
      if (call.url.endsWith('/auth/login'))
        return json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
      if (call.url.endsWith('/auth/refresh'))
        return json(200, { token: jwt(h.nowS() + 901), refresh_token: 'r2', user })
      return json(200, { data: [], pagination: {} })
    }, spy)
    await login('a@b.be', 'pw')
    expect([...store.values()].join()).not.toMatch(/r1|h\./)
    expect(JSON.parse(store.get('koprogo.profile') ?? '')).toEqual(user)

    // A reload: a new module state over the same storage.
    const calls = h.calls.length
    configureApi({ storage: spy })
    expect(getSession()).toBeNull()
    expect(currentUser()).toEqual(user)
    await buildings.list()
    expect(h.calls.slice(calls).map((c) => c.url)).toEqual(['/api/v1/auth/refresh', '/api/v1/buildings'])
    expect(h.calls.at(-1)?.headers.Authorization).toBe(`Bearer ${jwt(h.nowS() + 901)}`)
  })

  it('offline after a reload: the refresh fails on the network and the profile stays', async () => {
    const storage = memoryStorage()
    storage.setItem('koprogo.profile', JSON.stringify(user))
    harness(() => {
      throw new TypeError('Failed to fetch')
    }, storage)
    await expect(buildings.list()).rejects.toBeInstanceOf(NetworkError)
    expect(currentUser()).toEqual(user)
  })

  it('a refused cookie refresh signs out and forgets the profile', async () => {
    const storage = memoryStorage()
    storage.setItem('koprogo.profile', JSON.stringify(user))
    harness(() => json(401, { title: 'Unauthorized' }, 'application/problem+json'), storage)
    await expect(buildings.list()).rejects.toMatchObject({ status: 401 })
    expect(currentUser()).toBeNull()
    expect(storage.getItem('koprogo.profile')).toBeNull()
  })

  it('migrates a session stored before ADR 0017: its refresh token is spent once, then deleted', async () => {
    const storage = memoryStorage()
    storage.setItem(
      'koprogo.session',
      JSON.stringify({ token: 'old', refreshToken: 'legacy', expiresAt: 0, user }),
    )
    const h = harness(
      (call) =>
        call.url.endsWith('/auth/refresh')
          ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r2', user })
          : json(200, { data: [], pagination: {} }),
      storage,
    )
    expect(currentUser()).toEqual(user)
    await buildings.list()
    expect(JSON.parse(h.calls[0]?.body ?? '')).toEqual({ refresh_token: 'legacy' })
    expect(storage.getItem('koprogo.session')).toBeNull()
    expect(storage.getItem('koprogo.profile')).not.toBeNull()
  })

  it('logout spends the cookie (CSRF header, no token in the body) and forgets the profile', async () => {
    const storage = memoryStorage()
    const h = harness(
      (call) =>
        call.url.endsWith('/auth/login')
          ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
          : new Response(null, { status: 204 }),
      storage,
    )
    await login('a@b.be', 'pw')
    await logout()
    const call = h.calls.at(-1)
    expect(call?.url).toBe('/api/v1/auth/logout')
    expect(JSON.parse(call?.body ?? '')).toEqual({})
    expect(call?.headers['X-KoproGo-CSRF']).toBe('1')
    expect(currentUser()).toBeNull()
    expect(storage.getItem('koprogo.profile')).toBeNull()
  })

  it('sends the ownership calls the dated API expects', async () => {
    const h = harness((call) =>
      call.url.endsWith('/auth/login')
        ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
        : json(200, []),
    )
    await login('a@b.be', 'pw')
    await units.owners('u1', { date: '2027-02-15' })
    await units.owners('u1', { includeHistory: true })
    await owners.units('o1', { includeHistory: true })
    await units.removeOwner('u1', 'o1', '2027-02-15')
    await units.transfer(
      'u1',
      { deed_date: '2027-02-15', buyers: [{ owner_id: 'o2', ownership_share: '0.333333' }], version: 3 },
      { idempotencyKey: 'k-1' },
    )
    await units.setRepresentatives('u1', {
      start_date: '2027-01-01',
      voter_owner_id: 'o2',
      calls_owner_id: null,
    })
    const sent = h.calls.slice(1).map((c) => `${c.method} ${c.url}`)
    expect(sent).toEqual([
      'GET /api/v1/units/u1/owners?date=2027-02-15',
      'GET /api/v1/units/u1/owners?include_history=true',
      'GET /api/v1/owners/o1/units?include_history=true',
      'DELETE /api/v1/units/u1/owners/o1?end_date=2027-02-15',
      'POST /api/v1/units/u1/transfer',
      'PUT /api/v1/units/u1/representatives',
    ])
    expect(h.calls[5]?.headers['Idempotency-Key']).toBe('k-1')
    expect(JSON.parse(h.calls[5]?.body ?? '{}').buyers[0].ownership_share).toBe('0.333333')
  })

  it('keeps the code of a 409 and reads buyers[0] paths as buyers.0', () => {
    const e = parseProblem(409, { detail: 'exceed 1 from 2026-09-01', code: 'ownership_share_exceeded' })
    expect(e.code).toBe('ownership_share_exceeded')
    const v = parseProblem(400, { errors: [{ path: 'buyers[0].ownership_share', message: 'bad' }] })
    expect(v.fieldErrors).toEqual({ 'buyers.0.ownership_share': 'bad' })
  })

  it('reads lists through the offline engine, keyed by the sorted URL, and queues edits with their version', async () => {
    const h = harness((call) =>
      call.url.endsWith('/auth/login')
        ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
        : json(200, { data: [], pagination: {} }),
    )
    await login('a@b.be', 'pw')
    const reads: string[] = []
    const writes: unknown[] = []
    const engine: OfflineEngine = {
      read: async (key, fetcher) => {
        reads.push(key)
        return { data: await fetcher(), fromCache: false }
      },
      write: async (req) => {
        writes.push(req)
        return { queued: true, data: {} }
      },
    }
    useOfflineEngine(async () => engine)
    try {
      await buildings.list({ sort_by: 'name', page: 2, filters: { city: 'Gent' } })
      await buildings.save({ name: 'Y' }, { id: 'b1', version: 4 })
      await owners.save({ address: 'a', city: 'c', postal_code: '1', country: 'BE' })
    } finally {
      useOfflineEngine(async () => null)
    }
    expect(reads).toEqual(['/buildings?city=Gent&page=2&sort_by=name'])
    expect(h.calls[1]?.url).toBe('/api/v1/buildings?city=Gent&page=2&sort_by=name')
    expect(writes).toEqual([
      { method: 'PUT', path: '/buildings/b1', body: { name: 'Y' }, baseVersion: 4 },
      { method: 'POST', path: '/owners', body: { address: 'a', city: 'c', postal_code: '1', country: 'BE' } },
    ])
  })

  it('uploads the fields first and the file last, as multipart', async () => {
    const h = harness((call) =>
      call.url.endsWith('/auth/login')
        ? json(200, { token: jwt(h.nowS() + 900), refresh_token: 'r1', user })
        : json(201, { id: 'd1' }),
    )
    await login('a@b.be', 'pw')
    await documents.upload(
      {
        file: new Blob(['%PDF-1.4']),
        file_name: 'pv.pdf',
        building_id: 'b1',
        document_type: 'MeetingMinutes',
        title: 'PV',
      },
      { idempotencyKey: 'k-up' },
    )
    const post = h.calls[1]
    expect(post?.url).toBe('/api/v1/documents')
    expect([...(post?.form?.keys() ?? [])]).toEqual(['building_id', 'document_type', 'title', 'file'])
    expect((post?.form?.get('file') as File | undefined)?.name).toBe('pv.pdf')
    expect(post?.headers['Idempotency-Key']).toBe('k-up')
    expect(post?.headers['Content-Type']).toBeUndefined()
  })

  it('sends Accept-Language when the app sets a language', async () => {
    const h = harness(() => json(200, { data: [], pagination: {} }))
    configureApi({ language: () => 'nl' })
    await buildings.list()
    expect(h.calls[0]?.headers['Accept-Language']).toBe('nl')
  })
})
