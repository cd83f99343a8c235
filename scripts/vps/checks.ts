/**
 * What make test-vps proves through Caddy over HTTPS (issue #18 item 2): health, the demo seed,
 * login, a write, a document upload and download through the files volume, and the web app with
 * its service worker under the right headers.
 */
import { expectStatus, field, type HttpsClient, multipart, type Reply } from './client.ts'

export type Step = (name: string, run: () => Promise<void>) => Promise<boolean>
export type Session = { token: string }
export const DEMO_SYNDIC = { email: 'syndic@demo.koprogo.be', password: 'demo-syndic-2026' }

export async function login(api: HttpsClient, email: string, password: string): Promise<Session> {
  const r = await api.call('POST', '/api/v1/auth/login', { json: { email, password } })
  expectStatus(r, 200, `login ${email}`)
  return { token: field(r, 'token') }
}

export async function createBuilding(api: HttpsClient, token: string, name: string): Promise<string> {
  const r = await api.call('POST', '/api/v1/buildings', {
    token,
    json: {
      name,
      address: 'Rue de la Loi 16',
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
      total_units: 4,
    },
  })
  expectStatus(r, 201, 'create building')
  return field(r, 'id')
}

export const samplePdf = (label: string) =>
  Buffer.from(`%PDF-1.7\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`)

export async function uploadDocument(
  api: HttpsClient,
  token: string,
  building: string,
  pdf: Buffer,
): Promise<string> {
  const upload = multipart(
    { building_id: building, document_type: 'Invoice', title: 'Facture VPS' },
    pdf,
    'facture.pdf',
  )
  const r = await api.call('POST', '/api/v1/documents', { token, raw: upload })
  expectStatus(r, 201, 'upload document')
  return field(r, 'id')
}

export async function download(api: HttpsClient, token: string, id: string): Promise<Buffer> {
  const r = await api.call('GET', `/api/v1/documents/${id}/download`, { token })
  expectStatus(r, 200, 'download document')
  return r.bytes
}

const header = (r: Reply, name: string) => String(r.headers[name] ?? '')

export async function runChecks(
  api: HttpsClient,
  step: Step,
  admin: { email: string; password: string },
  httpPort: number,
) {
  await step('plain HTTP is redirected to HTTPS by Caddy', async () => {
    const res = await fetch(`http://localhost:${httpPort}/health`, { redirect: 'manual' })
    const location = res.headers.get('location') ?? ''
    // Same host and path over https. Caddy 2.6 leaves out a non-default https_port (the test's):
    // in production the port is 443 and the redirect is exact.
    const target = URL.parse(location)
    if (
      res.status !== 308 ||
      target?.protocol !== 'https:' ||
      target.hostname !== 'localhost' ||
      target.pathname !== '/health'
    )
      throw new Error(`HTTP ${res.status} → ${location || 'no location'}`)
  })
  await step('/health through Caddy over HTTPS (local CA trusted, database ok)', async () => {
    const r = await api.call('GET', '/health')
    expectStatus(r, 200, '/health')
    if (r.body.database !== 'ok') throw new Error(`database: ${String(r.body.database)}`)
    if (!header(r, 'strict-transport-security').includes('max-age=31536000'))
      throw new Error(`HSTS: ${header(r, 'strict-transport-security')}`)
    if (r.headers.server) throw new Error(`Server header leaks: ${header(r, 'server')}`)
  })
  let superadmin: Session | undefined
  await step('superadmin from the .env logs in', async () => {
    superadmin = await login(api, admin.email, admin.password)
  })
  await step('POST /api/v1/seed/demo as the superadmin loads the demo; its syndic logs in', async () => {
    if (!superadmin) throw new Error('no superadmin session')
    const r = await api.call('POST', '/api/v1/seed/demo', { token: superadmin.token })
    expectStatus(r, 200, 'seed demo')
    await login(api, DEMO_SYNDIC.email, DEMO_SYNDIC.password)
  })
  await step('a write (building), a document upload and its download through the files volume', async () => {
    const syndic = await login(api, DEMO_SYNDIC.email, DEMO_SYNDIC.password)
    const building = await createBuilding(api, syndic.token, `VPS ${crypto.randomUUID().slice(0, 6)}`)
    const read = await api.call('GET', `/api/v1/buildings/${building}`, { token: syndic.token })
    expectStatus(read, 200, 'read building back')
    const pdf = samplePdf(crypto.randomUUID())
    const id = await uploadDocument(api, syndic.token, building, pdf)
    if (!(await download(api, syndic.token, id)).equals(pdf)) throw new Error('downloaded bytes differ')
  })
  await step('the web app through Caddy: index.html with CSP, HSTS, revalidated', async () => {
    const r = await api.call('GET', '/', { accept: 'text/html' })
    expectStatus(r, 200, 'GET /')
    if (!header(r, 'content-type').startsWith('text/html'))
      throw new Error(`content-type ${header(r, 'content-type')}`)
    if (!r.bytes.toString('utf8').includes('<div id="app"') && !r.bytes.toString('utf8').includes('<script'))
      throw new Error('not the app shell')
    const csp = header(r, 'content-security-policy')
    if (!csp.includes("default-src 'self'") || !/script-src 'self'/.test(csp)) throw new Error(`CSP: ${csp}`)
    if (!header(r, 'strict-transport-security')) throw new Error('no HSTS on the app')
    if (!header(r, 'cache-control').includes('no-cache'))
      throw new Error(`cache-control ${header(r, 'cache-control')}`)
  })
  await step('the service worker through Caddy: JavaScript, revalidated, CSP, scope allowed', async () => {
    const shell = (await api.call('GET', '/', { accept: 'text/html' })).bytes.toString('utf8')
    const registered = shell.match(/["'](\/[\w/.-]*sw\.js)["']/)?.[1] ?? '/sw.js'
    const r = await api.call('GET', registered, { accept: '*/*' })
    expectStatus(r, 200, registered)
    if (!/javascript/.test(header(r, 'content-type')))
      throw new Error(`content-type ${header(r, 'content-type')}`)
    if (!header(r, 'cache-control').includes('no-cache'))
      throw new Error(`cache-control ${header(r, 'cache-control')}`)
    if (!header(r, 'content-security-policy')) throw new Error('no CSP on the service worker')
    // A worker outside the root must be allowed the root scope; one at the root needs nothing.
    const dir = registered.slice(0, registered.lastIndexOf('/') + 1)
    if (dir !== '/' && header(r, 'service-worker-allowed') !== '/')
      throw new Error(`${registered} lacks Service-Worker-Allowed: /`)
    const manifest = await api.call('GET', '/manifest.webmanifest', { accept: '*/*' })
    expectStatus(manifest, 200, 'manifest')
  })
}
