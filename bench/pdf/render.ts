/**
 * The distribution PDF's cost (ADR 0024): CPU per document on Node, then the same code built with
 * wrangler and run in workerd (checked by extracting its text). Not part of `make bench`.
 * Usage: node bench/pdf/render.ts [lots=120] [runs=20]
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { extractText, getDocumentProxy } from 'unpdf'
import { pdfLibRenderer } from '../../functions/_shared/pdf/pdf-lib-renderer.ts'
import { ROOT } from '../../scripts/edge/route-table.ts'
import { COMPATIBILITY_DATE, COMPATIBILITY_FLAGS } from '../../scripts/edge/workers.ts'
import { sampleReport } from './sample-report.ts'

const lots = Number(process.argv[2] ?? 120)
const runs = Number(process.argv[3] ?? 20)
const model = sampleReport(lots)

const firstStart = performance.now()
const first = await pdfLibRenderer.render(model)
const firstMs = performance.now() - firstStart
const cpu0 = process.cpuUsage()
const wall0 = performance.now()
for (let i = 0; i < runs; i++) await pdfLibRenderer.render(model)
const cpu = process.cpuUsage(cpu0)
const node = {
  lots,
  pages: (await getDocumentProxy(first.slice())).numPages,
  pdfBytes: first.length,
  firstRenderMs: Math.round(firstMs),
  wallMsPerDocument: +((performance.now() - wall0) / runs).toFixed(1),
  cpuMsPerDocument: +((cpu.user + cpu.system) / 1000 / runs).toFixed(1),
}
console.log('node', node)

const out = join(ROOT, 'dist', 'pdf-bench')
const build = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
    'deploy',
    'bench/pdf/worker-entry.ts',
    '--dry-run',
    '--outdir',
    out,
    '--name',
    'koprogo-pdf-bench',
  ],
  {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true' },
    encoding: 'utf8',
  },
)
if (build.status !== 0) throw new Error(`wrangler: ${build.stdout}${build.stderr}`)
const bundle = join(out, 'worker-entry.js')
console.log('bundle', {
  raw: statSync(bundle).size,
  gzip: gzipSync(readFileSync(bundle), { level: 9 }).length,
})

// Miniflare 5 takes the documented v4 option shape through its converter (scripts/edge/miniflare.ts).
const mf = new Miniflare(
  convertV4MiniflareOptions({
    workers: [
      {
        name: 'pdf',
        modules: [{ type: 'ESModule', path: bundle }],
        modulesRoot: out,
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: [...COMPATIBILITY_FLAGS],
      },
    ],
  }),
)
try {
  const res = await mf.dispatchFetch(`http://pdf.test/?lots=${lots}`)
  const bytes = new Uint8Array(await res.arrayBuffer())
  const { text, totalPages } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
  const ok = text.includes('Gérance Château & Fils SRL') && text.includes(`${totalPages} / ${totalPages}`)
  const t0 = performance.now()
  for (let i = 0; i < runs; i++) await (await mf.dispatchFetch(`http://pdf.test/?lots=${lots}`)).arrayBuffer()
  console.log('workerd', {
    pages: totalPages,
    textChecked: ok,
    wallMsPerDocument: +((performance.now() - t0) / runs).toFixed(1),
  })
  if (!ok) process.exitCode = 1
} finally {
  await mf.dispose()
}
