/**
 * Budget: a phone that queued 500 writes offline comes back online (issue #17 item 3). In the
 * system Chromium, against a fresh embedded server serving the web build: the syndic signs in
 * through the login form, the network is cut (DevTools network emulation, as Playwright's
 * setOffline), and 500 mixed writes are queued through the web app's own typed API functions —
 * `buildings.save`, `units.save`, `owners.save` of web/src/lib/api.ts, the functions the forms
 * call, which hand them to the sync engine's `write()` (outbox in IndexedDB, Idempotency-Key per
 * entry). Then the network comes back and the app's sync engine replays the outbox by itself
 * (the window's `online` event): timed until the outbox is empty, then every write is checked on
 * the server through the API (counts of creates, final values and versions of edits: once each).
 *
 * The typed functions are not exported on `window` (no test hook in the app): the bench finds the
 * module's objects in the page's heap with the DevTools protocol (`Runtime.queryObjects` on
 * `Object.prototype`, then the object whose `create` posts to `/buildings`...), so nothing in the
 * production bundle exists for the bench's sake.
 *
 * Budget: 500 writes replayed in ≤ 30 s. Someone who worked offline in a basement or a plant room
 * and walks back into coverage should see "synced" within half a minute, and the writes reach the
 * server before other people read the lists; minutes would mean people close the app mid-replay.
 */
import { CdpPage, launchChromium } from './chromium.ts'

export const OFFLINE_REPLAY_BUDGET_MS = 30_000

type Who = { email: string; password: string }

export type OfflineReplayBudget = {
  writes: number
  mix: Record<string, number>
  chromium: string
  queueMs: number
  replayMs: number
  writesPerSecond: number
  /** Time between one write's answer and the next (engine work + round trip), per write. */
  perWrite: { p50: number; p95: number; p99: number; max: number }
  /** The requests' own round trip as the browser saw it (request sent → response headers). */
  roundTrip: { p50: number; p95: number; p99: number; max: number }
  /** The page's main thread during the replay (DevTools Performance.getMetrics deltas). */
  mainThread: { taskMs: number; scriptMs: number }
  server: { buildings: number; units: number; owners: number; editsVerified: number }
  budgetMs: number
  withinBudget: boolean
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0
const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  const r = (v: number) => Math.round(v * 10) / 10
  return { p50: r(pct(s, 50)), p95: r(pct(s, 95)), p99: r(pct(s, 99)), max: r(s.at(-1) ?? 0) }
}

/**
 * In the page: the web app's `buildings`, `units`, `owners` API objects and the sync engine, found
 * in the heap (see the top of this file), kept on `window.__bench` for the next evaluations.
 */
const FIND_IN_PAGE = `function () {
  const objects = this
  const posts = (o, path) => {
    try { return typeof o.save === 'function' && typeof o.create === 'function' && String(o.create).includes('POST("' + path + '"') } catch { return false }
  }
  const pick = (path) => objects.find((o) => o && posts(o, path))
  // The class's prototype owns its methods; an engine instance only inherits them (the heap may
  // list the instance first: queryObjects on it would then find no engine).
  const owns = (o, names) => names.every((n) => Object.prototype.hasOwnProperty.call(o, n) && typeof o[n] === 'function')
  const engineProto = objects.find((o) => { try { return o && owns(o, ['enqueue', 'replay', 'outbox', 'noteNetwork']) } catch { return false } })
  window.__bench = { api: { buildings: pick('/buildings'), units: pick('/units'), owners: pick('/owners') }, engineProto }
  return Object.entries({ ...window.__bench.api, engineProto }).filter(([, v]) => !v).map(([k]) => k)
}`

/**
 * In the page, offline: 500 writes as the forms make them. Creates: 100 buildings, 150 units
 * (100 in buildings created in this same offline session, so their temp ids are rewritten by the
 * replay; 50 in a building that exists), 100 owners. Edits: the 25 existing buildings twice each
 * (the second edit is re-based on the first's new version by the replay), the 50 existing owners
 * once, and 50 of the buildings created offline (an edit of a temp id).
 */
const QUEUE_IN_PAGE = `async (existing) => {
  const { api } = window.__bench
  const t0 = performance.now()
  const made = []
  for (let i = 0; i < 100; i++) {
    const r = await api.buildings.save({ name: 'Offline B' + i, address: 'Rue Hors-Ligne ' + i, city: 'Namur', postal_code: '5000', country: 'Belgium', declared_units: 4, total_tantiemes: 1000 })
    if (!r.queued) throw new Error('building ' + i + ' was not queued: the page is online')
    made.push(r.data)
  }
  for (let i = 0; i < 150; i++) {
    const building_id = i < 100 ? made[i].id : existing.unitBuilding
    await api.units.save({ building_id, unit_number: 'U' + i, unit_type: 'Apartment', surface_area: 70, quota: 10 })
  }
  for (let i = 0; i < 100; i++) {
    await api.owners.save({ first_name: 'Hors', last_name: 'Ligne' + i, email: 'offline-' + i + '@bench.test', address: 'Rue 1', city: 'Namur', postal_code: '5000', country: 'Belgium' })
  }
  for (const round of [1, 2]) {
    for (const b of existing.buildings) {
      const before = round === 1 ? b.name : b.name + ' edit 1'
      await api.buildings.save({ name: b.name + ' edit ' + round }, { id: b.id, version: b.version, base: { name: before }, label: before })
    }
  }
  for (const o of existing.owners) {
    await api.owners.save({ city: 'Liège' }, { id: o.id, version: o.version, base: { city: o.city }, label: o.last_name })
  }
  for (let i = 0; i < 50; i++) {
    await api.buildings.save({ city: 'Dinant' }, { id: made[i].id, base: { city: 'Namur' }, label: made[i].name })
  }
  return performance.now() - t0
}`

/** '' when the API objects and exactly one open sync engine were found, else what is missing. */
async function findInPage(page: CdpPage): Promise<string> {
  const heap = async (expression: string) => {
    const proto = await page.send<{ result: { objectId?: string } }>('Runtime.evaluate', { expression })
    if (!proto.result.objectId) return null
    const { objects } = await page.send<{ objects: { objectId: string } }>('Runtime.queryObjects', {
      prototypeObjectId: proto.result.objectId,
    })
    return objects.objectId
  }
  const call = async <T>(objectId: string, functionDeclaration: string) =>
    (
      await page.send<{ result: { value: T } }>('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration,
        returnByValue: true,
      })
    ).result.value
  const plain = await heap('Object.prototype')
  const missing = plain ? await call<string[]>(plain, FIND_IN_PAGE) : ['Object.prototype']
  if (missing.length) return `not found in the page: ${missing.join(', ')}`
  const engines = await heap('window.__bench.engineProto')
  const open = engines
    ? await call<number>(
        engines,
        'function () { const open = this.filter((e) => e.closed === false); window.__bench.engine = open[0]; return open.length }',
      )
    : 0
  return open === 1 ? '' : `${open} open sync engines in the page, 1 expected`
}

export async function measureOfflineReplay(opts: {
  /** The embedded API serving the web build. */
  base: string
  superadmin: Who
  log: (msg: string) => void
}): Promise<OfflineReplayBudget> {
  const { base, log } = opts
  const call = async <T = Record<string, unknown> & { id: string; version: number }>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`)
    return JSON.parse(text) as T
  }
  const login = async (who: Who) =>
    (await call<{ token: string }>('POST', '/auth/login', undefined, who)).token

  // Setup through the API (not timed): an organization, its syndic, the rows the offline edits change.
  const admin = await login(opts.superadmin)
  const org = await call('POST', '/organizations', admin, {
    name: `Bench Offline ${Date.now()}`,
    contact_email: 'offline@bench.test',
    subscription_plan: 'Enterprise',
  })
  const syndicWho = { email: `offline-syndic-${Date.now()}@bench.test`, password: 'Bench-Syndic-2026' }
  await call('POST', '/users', admin, {
    ...syndicWho,
    first_name: 'Bench',
    last_name: 'Syndic',
    role: 'syndic',
    organization_id: org.id,
  })
  const syndic = await login(syndicWho)
  const building = (i: number) => ({
    name: `Online B${i}`,
    address: `Rue En-Ligne ${i}`,
    city: 'Namur',
    postal_code: '5000',
    country: 'Belgium',
    declared_units: 60,
    total_tantiemes: 1000,
  })
  const buildings = []
  for (let i = 0; i < 26; i++) buildings.push(await call('POST', '/buildings', syndic, building(i)))
  const unitBuilding = buildings.pop()?.id
  const owners = []
  for (let i = 0; i < 50; i++)
    owners.push(
      await call('POST', '/owners', syndic, {
        first_name: 'En',
        last_name: `Ligne${i}`,
        address: 'Rue 2',
        city: 'Namur',
        postal_code: '5000',
        country: 'Belgium',
      }),
    )
  const existing = {
    unitBuilding,
    buildings: buildings.map((b) => ({ id: b.id, version: b.version, name: b.name })),
    owners: owners.map((o) => ({ id: o.id, version: o.version, city: o.city, last_name: o.last_name })),
  }

  const chromium = await launchChromium()
  try {
    const page = await CdpPage.open(chromium.port)
    // Sign in through the login form, as a person does (the app stores its session its own way).
    await page.goto(`${base}/login`)
    await page.evaluate(`(async () => {
      for (let i = 0; i < 200 && !document.querySelector('#login-email'); i++) await new Promise((r) => setTimeout(r, 50))
      const set = (sel, v) => { const el = document.querySelector(sel); el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })) }
      set('#login-email', ${JSON.stringify(syndicWho.email)})
      set('#login-password', ${JSON.stringify(syndicWho.password)})
      document.querySelector('form button[type="submit"]').click()
      for (let i = 0; i < 400 && location.pathname !== '/syndic'; i++) await new Promise((r) => setTimeout(r, 50))
      if (location.pathname !== '/syndic') throw new Error('login did not reach /syndic: ' + location.pathname)
    })()`)
    // The heap search sees the engine once the sign-in opened it (asynchronously: retried).
    let found = ''
    for (let attempt = 0; attempt < 240; attempt++) {
      found = await findInPage(page)
      if (!found) break
      await new Promise((r) => setTimeout(r, 250))
    }
    if (found)
      throw new Error(`${found} (after 60 s, on ${await page.evaluate<string>('location.pathname')})`)

    await page.send('Network.enable')
    await page.send('Performance.enable')
    const offline = (on: boolean) =>
      page.send('Network.emulateNetworkConditions', {
        offline: on,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      })
    await offline(true)
    const reachable = await page.evaluate<boolean>(`fetch('/api/v1/health').then(() => true, () => false)`)
    if (reachable) throw new Error('the page still reaches the API with the network emulated offline')
    const queueMs = await page.evaluate<number>(`(${QUEUE_IN_PAGE})(${JSON.stringify(existing)})`)
    const queued = await page.evaluate<{ pending: number; entries: number }>(
      `window.__bench.engine.outbox().then((e) => ({ pending: window.__bench.engine.getStatus().pending, entries: e.length }))`,
    )
    log(`offline replay: ${queued.entries} writes queued in ${Math.round(queueMs)} ms`)
    const writes = queued.entries
    if (writes !== 500) throw new Error(`${writes} entries in the outbox, 500 expected`)

    // The browser's view of each replayed request.
    const sent = new Map<string, number>()
    const answered: { at: number; rtt: number }[] = []
    const onRequest = page.on('Network.requestWillBeSent', (p) => {
      const r = p as { requestId: string; timestamp: number; request: { method: string; url: string } }
      if (r.request.method !== 'GET' && r.request.url.includes('/api/v1/')) sent.set(r.requestId, r.timestamp)
    })
    const onResponse = page.on('Network.responseReceived', (p) => {
      const r = p as { requestId: string; timestamp: number }
      const t = sent.get(r.requestId)
      if (t !== undefined) answered.push({ at: r.timestamp * 1000, rtt: (r.timestamp - t) * 1000 })
    })

    // Online: the app's `online` listener starts the replay; the bench watches the engine's status.
    await page.evaluate(`(() => {
      const b = window.__bench
      b.done = new Promise((resolve) => {
        window.addEventListener('online', () => {
          b.start = performance.now()
          const off = b.engine.subscribe((s) => {
            if (s.pending === 0 && !s.syncing) { b.end = performance.now(); setTimeout(() => off(), 0); resolve() }
          })
        }, { once: true })
      })
      return true
    })()`)
    const metric = async () => {
      const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>(
        'Performance.getMetrics',
      )
      const m = (n: string) => (metrics.find((x) => x.name === n)?.value ?? 0) * 1000
      return { task: m('TaskDuration'), script: m('ScriptDuration') }
    }
    const before = await metric()
    const t = performance.now()
    await offline(false)
    const replay = await page.evaluate<{ ms: number; status: Record<string, unknown>; left: number }>(
      `Promise.race([window.__bench.done, new Promise((_, no) => setTimeout(() => no(new Error('replay not done in 300 s')), 300000))])
        .then(() => window.__bench.engine.outbox().then((left) => ({ ms: window.__bench.end - window.__bench.start, status: window.__bench.engine.getStatus(), left: left.length })))`,
    )
    const after = await metric()
    log(
      `offline replay: ${writes} writes replayed in ${Math.round(replay.ms)} ms (wall ${Math.round(performance.now() - t)} ms)`,
    )
    onRequest()
    onResponse()
    if (replay.left !== 0 || replay.status.failed !== 0 || replay.status.conflicts !== 0)
      throw new Error(`replay left ${JSON.stringify(replay)}`)

    // Every write on the server exactly once.
    const total = async (path: string) =>
      (await call<{ pagination: { total_items: number } }>('GET', `${path}?per_page=1`, syndic)).pagination
        .total_items
    const server = {
      buildings: await total('/buildings'),
      units: await total('/units'),
      owners: await total('/owners'),
      editsVerified: 0,
    }
    const expect = { buildings: 126, units: 150, owners: 150 }
    for (const k of ['buildings', 'units', 'owners'] as const)
      if (server[k] !== expect[k]) throw new Error(`${k}: ${server[k]} on the server, ${expect[k]} expected`)
    for (const b of existing.buildings) {
      const now = await call('GET', `/buildings/${b.id}`, syndic)
      if (now.name !== `${b.name} edit 2` || now.version !== b.version + 2)
        throw new Error(`building ${b.id}: ${now.name} v${now.version}, two edits expected`)
      server.editsVerified += 2
    }
    for (const o of existing.owners) {
      const now = await call('GET', `/owners/${o.id}`, syndic)
      if (now.city !== 'Liège' || now.version !== o.version + 1)
        throw new Error(`owner ${o.id}: ${now.city} v${now.version}, one edit expected`)
      server.editsVerified += 1
    }
    const offlineMade = await call<{ data: { name: string; city: string; version: number }[] }>(
      'GET',
      '/buildings?per_page=200',
      syndic,
    )
    const edited = offlineMade.data.filter((b) => b.name.startsWith('Offline B') && b.city === 'Dinant')
    if (edited.length !== 50 || edited.some((b) => b.version !== 2))
      throw new Error(`${edited.length} offline-made buildings edited once, 50 expected`)
    server.editsVerified += 50

    // Per write: from the `online` event (or the previous answer) to this write's answer.
    const gaps: number[] = []
    const times = answered.map((a) => a.at).sort((a, b) => a - b)
    for (let i = 1; i < times.length; i++) gaps.push((times[i] ?? 0) - (times[i - 1] ?? 0))
    return {
      writes,
      mix: {
        'create building': 100,
        'create unit (100 in buildings created offline)': 150,
        'create owner': 100,
        'edit building (25 twice)': 50,
        'edit owner': 50,
        'edit building created offline': 50,
      },
      chromium: chromium.version,
      queueMs: Math.round(queueMs),
      replayMs: Math.round(replay.ms),
      writesPerSecond: Math.round((writes / replay.ms) * 10_000) / 10,
      perWrite: stats(gaps),
      roundTrip: stats(answered.map((a) => a.rtt)),
      mainThread: {
        taskMs: Math.round(after.task - before.task),
        scriptMs: Math.round(after.script - before.script),
      },
      server,
      budgetMs: OFFLINE_REPLAY_BUDGET_MS,
      withinBudget: replay.ms <= OFFLINE_REPLAY_BUDGET_MS,
    }
  } finally {
    await chromium.close()
  }
}

export function offlineReplayRows(m: OfflineReplayBudget | { state: string; note: string }): string[] {
  if ('state' in m) return [`| offline replay (500 queued writes) | ${m.state}: ${m.note} |`]
  return [
    `| offline replay: ${m.writes} queued writes (${Object.values(m.mix).join('/')} creates and edits) replayed by the PWA, Chromium, embedded server | ${(m.replayMs / 1000).toFixed(1)} s (${m.writesPerSecond} writes/s; per write P50 ${m.perWrite.p50} / P95 ${m.perWrite.p95} ms, round trip P95 ${m.roundTrip.p95} ms; main thread ${m.mainThread.taskMs} ms) — budget ≤ ${m.budgetMs / 1000} s ${m.withinBudget ? '✓' : '✗'} |`,
  ]
}
