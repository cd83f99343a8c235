/**
 * `make edge-serve`: the built Workers on one port in workerd, wired like production. Settings
 * come from the environment under EnvSchema's names (DATABASE_URL, JWT_SECRET, ...), and
 * EDGE_HYPERDRIVE=<postgres url> binds a HYPERDRIVE on every resource Worker. Also the
 * workerd side of the VPS runtime measurement (docs/adr/0011-vps-runtime.md).
 */
import { EnvSchema } from '../../functions/_shared/env.ts'
import { buildWorkers } from './build.ts'
import { startEdge } from './miniflare.ts'

const settings: Record<string, string> = {}
for (const key of Object.keys(EnvSchema.shape)) {
  const value = process.env[key]
  if (value !== undefined) settings[key] = value
}
// EDGE_DIRECT=1: the gateway Worker answers on EDGE_PORT itself (a workerd socket of its own) and
// Miniflare's entry Worker, which production does not have, moves to a port of its choosing.
const direct = process.env.EDGE_DIRECT === '1'
const port = Number(process.env.EDGE_PORT ?? 8787)
const mf = startEdge(await buildWorkers(), settings, {
  host: process.env.EDGE_HOST ?? '127.0.0.1',
  port: direct ? 0 : port,
  ...(direct ? { directPort: port } : {}),
  ...(process.env.EDGE_R2_DIR ? { r2Dir: process.env.EDGE_R2_DIR } : {}),
  // A local Postgres or pooler bound as HYPERDRIVE (user and password required): the production
  // path; the bench points it at PgBouncer in transaction mode (docs/adr/0049).
  ...(process.env.EDGE_HYPERDRIVE ? { hyperdrive: process.env.EDGE_HYPERDRIVE } : {}),
})
const url = await mf.ready
process.stdout.write(`edge Workers (workerd) listening on ${url.toString()}\n`)
if (direct) process.stdout.write(`gateway Worker without Miniflare's entry on port ${port}\n`)
const stop = () => {
  mf.dispose().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
