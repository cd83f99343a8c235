/**
 * Issue #18 item 6: the bench mix (scripts/lib/request-mix.ts: 70 % reads, 30 % writes) through Caddy over
 * HTTPS against the compose stack under its resource limits, with each container's memory sampled
 * by `docker stats` during the run (peak kept). A figure, not a gate: it fails only when requests
 * fail or a container is OOM-killed. VPS_LOAD_SECONDS (default 20), VPS_LOAD_CONNECTIONS (32).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type autocannon from 'autocannon'
import { createMix } from '../lib/request-mix.ts'
import { DEMO_SYNDIC, login } from './checks.ts'
import { expectStatus, field } from './client.ts'
import type { DrillContext } from './drills.ts'
import { sh, sleep } from './stack.ts'

const run = promisify(execFile)
const MIB: Record<string, number> = { B: 1 / 1048576, KiB: 1 / 1024, MiB: 1, GiB: 1024 }
const mib = (usage: string) => {
  const m = usage.match(/^([\d.]+)(B|KiB|MiB|GiB)/)
  return m ? Number(m[1]) * (MIB[m[2] ?? 'MiB'] ?? 1) : 0
}

/** Asynchronous: `docker stats --no-stream` takes a second or more and must not stall autocannon. */
async function memory(ids: Record<string, string>): Promise<Record<string, { used: number; limit: number }>> {
  const { stdout: out } = await run('docker', [
    'stats',
    '--no-stream',
    '--format',
    '{{.ID}}\t{{.MemUsage}}',
    ...Object.values(ids),
  ])
  const byId = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split('\t') as [string, string]),
  )
  return Object.fromEntries(
    Object.entries(ids).map(([service, id]) => {
      const [used = '', limit = ''] = (Object.entries(byId).find(([k]) => id.startsWith(k))?.[1] ?? '').split(
        ' / ',
      )
      return [service, { used: mib(used), limit: mib(limit) }]
    }),
  )
}

export async function measureLoad({ stack, api, admin, step }: DrillContext): Promise<void> {
  await step(
    'load: bench mix through Caddy under the compose limits (peak memory per container, req/s)',
    async () => {
      const su = await login(api, admin.email, admin.password)
      expectStatus(await api.call('POST', '/api/v1/seed/demo', { token: su.token }), 200, 'seed demo')
      const token = (await login(api, DEMO_SYNDIC.email, DEMO_SYNDIC.password)).token
      const me = await api.call('GET', '/api/v1/auth/me', { token })
      await api.call('PUT', `/api/v1/organizations/${field(me, 'organization_id')}`, {
        token: su.token,
        json: { max_buildings: 1_000_000 },
      })
      const buildingIds: string[] = []
      for (let i = 0; i < 10; i++) {
        const r = await api.call('POST', '/api/v1/buildings', {
          token,
          json: {
            name: `Résidence Load ${i + 1}`,
            address: `Rue de la Loi ${i + 1}`,
            city: 'Bruxelles',
            postal_code: '1000',
            country: 'Belgium',
            total_units: 50,
            total_tantiemes: 100_000_000,
          },
        })
        expectStatus(r, 201, 'target building')
        buildingIds.push(field(r, 'id'))
      }
      const expenses = (await api.call('GET', '/api/v1/expenses', { token })).status === 200
      const ids = Object.fromEntries(['postgres', 'api', 'caddy', 'backup'].map((s) => [s, stack.id(s)]))
      const peak: Record<string, { used: number; limit: number }> = await memory(ids)
      let sampling = true
      const sampler = (async () => {
        while (sampling) {
          for (const [s, m] of Object.entries(await memory(ids)))
            if (m.used > (peak[s]?.used ?? 0)) peak[s] = m
          await sleep(500)
        }
      })()
      const { default: autocannonRun } = await import('autocannon')
      const next = createMix({ buildingIds, expenses, tag: `vps${Date.now().toString(36)}` })
      // Fresh header objects per request: autocannon writes content-length into the one it is given,
      // and a GET carrying a stale content-length hangs its connection.
      const auth = `Bearer ${token}`
      const status = { ok: 0, client: 0, server: 0 }
      const seconds = Number(process.env.VPS_LOAD_SECONDS ?? 20)
      const instance = autocannonRun({
        url: api.origin,
        connections: Number(process.env.VPS_LOAD_CONNECTIONS ?? 32),
        duration: seconds,
        tlsOptions: { ca: stack.caCert },
        requests: [
          {
            setupRequest: (req: autocannon.Request) => {
              const r = next()
              return r.method === 'GET'
                ? { ...req, method: 'GET', path: r.path, headers: { authorization: auth }, body: undefined }
                : {
                    ...req,
                    method: 'POST',
                    path: r.path,
                    headers: { authorization: auth, 'content-type': 'application/json' },
                    body: Buffer.from(r.body ?? ''),
                  }
            },
          },
        ],
      } as autocannon.Options) as unknown as autocannon.Instance & Promise<autocannon.Result>
      instance.on('response', (_c: unknown, code: number) => {
        if (code < 400) status.ok++
        else if (code < 500) status.client++
        else status.server++
      })
      const result = await instance
      sampling = false
      await sampler
      const oom = Object.entries(ids).filter(
        ([, id]) => sh('docker', ['inspect', '-f', '{{.State.OOMKilled}}', id]).trim() === 'true',
      )
      const rps = Math.round((status.ok + status.client + status.server) / result.duration)
      const mem = Object.entries(peak)
        .map(([s, m]) => `${s} ${m.used.toFixed(0)}/${m.limit.toFixed(0)} MiB`)
        .join(', ')
      process.stdout.write(
        `  · ${rps} req/s through Caddy (${result.duration} s, ${status.ok} ok, ${status.client} 4xx, ${status.server} 5xx, ${result.errors} errors, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms)\n  · peak memory: ${mem}\n`,
      )
      if (oom.length > 0) throw new Error(`OOM-killed: ${oom.map(([s]) => s).join(', ')}`)
      if (status.server > 0 || result.errors > 0)
        throw new Error(`${status.server} 5xx, ${result.errors} errors`)
    },
  )
}
