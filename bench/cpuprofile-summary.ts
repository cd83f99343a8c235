/**
 * Where a V8 CPU profile of the API (`BENCH_CPU_PROF=1 make bench`, bench/results/profiles/*.cpuprofile)
 * spent its time: self time summed by package (node_modules/<name>, the project's own folders,
 * Node's internals, V8's idle/GC/program buckets) and the top functions, as shares of the
 * profile and, given the requests the run served, as ms per request.
 *
 *   .tools/bin/node bench/cpuprofile-summary.ts <file.cpuprofile> [requests] [top=25]
 *
 * The profile covers the process's whole life (start-up, seeding and warm-up included): the
 * shares are of that; ms per request divides the busy time by the measured requests, so it
 * over-states each request by the set-up's share. Depends on node:* only.
 */
import { readFileSync } from 'node:fs'

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, requestsArg, topArg] = process.argv.slice(2)
if (!file) {
  process.stderr.write('usage: bench/cpuprofile-summary.ts <file.cpuprofile> [requests] [top]\n')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const requests = Number(requestsArg ?? 0)
const top = Number(topArg ?? 25)

/** A package-level bucket for a call frame's URL. */
function bucketOf(node: Node): string {
  const { url, functionName } = node.callFrame
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'anonymous'})` // V8's (idle), (garbage collector), (program); natives
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pnpm) return pnpm[1] as string
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (plain) return plain[1] as string
  const own = /\/(domain\/src|functions|scripts|bench)\/([^/]+)/.exec(url)
  if (own) return `${own[1]}/${own[2]}`
  return url.replace(/^file:\/\//, '')
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const selfUs = new Map<number, number>()
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
const buckets = new Map<string, number>()
const functions = new Map<string, number>()
for (const [id, us] of selfUs) {
  const node = byId.get(id) as Node
  const bucket = bucketOf(node)
  buckets.set(bucket, (buckets.get(bucket) ?? 0) + us)
  const short = node.callFrame.url.split('/').slice(-2).join('/')
  const fn = `${node.callFrame.functionName || '(anonymous)'} ${short}:${node.callFrame.lineNumber + 1}`
  functions.set(`${bucket} | ${fn}`, (functions.get(`${bucket} | ${fn}`) ?? 0) + us)
}
const idle = buckets.get('(idle)') ?? 0
const busy = total - idle
const line = (name: string, us: number) =>
  `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms` +
  (requests > 0 ? `  ${(us / 1000 / requests).toFixed(4)} ms/req` : '') +
  `  ${name}`
const out = [
  `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s` +
    (requests > 0
      ? `, ${requests} requests: ${(busy / 1000 / requests).toFixed(3)} ms busy per request`
      : ''),
  '',
  'self time by package:',
  ...[...buckets].sort((a, b) => b[1] - a[1]).map(([k, v]) => line(k, v)),
  '',
  `top ${top} functions (self time):`,
  ...[...functions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => line(k, v)),
]
process.stdout.write(`${out.join('\n')}\n`)
