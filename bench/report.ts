/** The markdown table of the load profiles, beside the Rust KoproGo's published figures. */
import { ANCHOR } from './config.ts'
import type { ProfileResult } from './profile.ts'

export const ms = (x: number | undefined) => (x === undefined ? '—' : `${x}`)

export function table(
  results: (ProfileResult | { profile: string; state: 'failed'; note: string })[],
): string {
  const rows = [
    '| Profile | req/s | P50 ms | P90 ms | P95 ms | P99 ms | P99.9 ms | 2xx | 4xx | 5xx | errors % | API CPU % | API CPU ms/req | API peak RSS MB | CPUs busy % |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| Rust KoproGo (published, 1 vCPU VPS, 180 s) | ${ANCHOR.rps} | ${ANCHOR.p50} | — | ${ANCHOR.p95} | ${ANCHOR.p99} | — | — | — | — | ${ANCHOR.errorPct} | — | — |`,
  ]
  for (const r of results) {
    if (r.state !== 'ok' || !('latencyMs' in r)) {
      rows.push(
        `| ${r.profile} | ${'note' in r ? `failed: ${r.note}` : 'failed'} | | | | | | | | | | | | | |`,
      )
      continue
    }
    const l = r.latencyMs
    rows.push(
      `| ${r.profile}${r.scale > 1 ? ` ×${r.scale}` : ''} (${r.generator}, ${Math.round(r.seconds)} s) | ${r.rps} | ${ms(l.p50)} | ${ms(l.p90)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.p999)} | ${r.status['2xx']} | ${r.status['4xx']} | ${r.status['5xx']} | ${r.errorPct} | ${r.server.cpuPct} | ${r.server.cpuMsPerRequest} | ${r.server.peakRssMb} | ${r.coresBusyPct.join(' / ')} |`,
    )
  }
  return rows.join('\n')
}
