/**
 * `make seed`: loads a dataset into a running server through the API, as the superadmin.
 * API_URL (default http://127.0.0.1:8080), SEED_KIND (demo | realistic | clear; default demo),
 * SUPERADMIN_EMAIL / SUPERADMIN_PASSWORD (default: the development account).
 */
const base = (process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`).replace(/\/$/, '')
const kind = process.env.SEED_KIND ?? 'demo'
const email = process.env.SUPERADMIN_EMAIL ?? 'admin@koprogo.com'
const password = process.env.SUPERADMIN_PASSWORD ?? 'admin123'

async function call(path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(
    (error: unknown) => {
      throw new Error(`cannot reach ${base} (is the server running? make start): ${String(error)}`)
    },
  )
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
  if (!res.ok) throw new Error(`${path}: ${res.status} ${String(json.error ?? json.detail ?? '')}`)
  return json
}

try {
  const { token } = await call('/api/v1/auth/login', { email, password })
  if (typeof token !== 'string') throw new Error('login returned no token')
  const result = await call(`/api/v1/seed/${kind}`, {}, token)
  process.stdout.write(`${String(result.message ?? `seed ${kind} done`)}\n`)
  if (Array.isArray(result.users))
    for (const u of result.users as Array<Record<string, string>>)
      process.stdout.write(`  ${u.role?.padEnd(11)} ${u.email}  ${u.password}\n`)
} catch (error) {
  process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
