/**
 * The main thread's long tasks in a trace written by `LIGHTHOUSE_TRACE=1 make lighthouse`
 * (test-results/lighthouse/<page>.trace.json) and what ran in each: the trace events under the
 * task (script evaluation, function calls with their script, layout, style, parsing, timers,
 * IndexedDB events…) and, when the trace has V8's samples, the functions that took the time.
 *
 *   .tools/bin/node scripts/lighthouse-tasks.ts test-results/lighthouse/owner-portal.trace.json [min ms]
 *
 * Lighthouse (simulated throttling) multiplies each observed task by 4: a task of 12.5 ms
 * observed is 50 ms simulated, the threshold above which Total Blocking Time counts.
 */
import { readFileSync } from 'node:fs'

type Ev = {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  /** Thread (CPU) time: what the task cost without the time the thread was descheduled. */
  tdur?: number
  pid: number
  tid: number
  id?: string
  args?: { name?: string; data?: Record<string, unknown> & { url?: string; functionName?: string } }
}
const file = process.argv[2]
if (!file) throw new Error('usage: lighthouse-tasks.ts <trace.json> [min observed ms, default 12]')
const minMs = Number(process.argv[3] ?? 12)
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Ev[] } | Ev[]
const events = Array.isArray(raw) ? raw : raw.traceEvents

// The page's main thread: the renderer thread whose navigation loaded the measured URL.
const nav = events.find(
  (e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'),
)
if (!nav) throw new Error('no navigationStart of an http URL in the trace')
const mainKey = `${nav.pid}:${nav.tid}`
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey)
const navStart = nav.ts
const ms = (us: number) => (us / 1000).toFixed(1)

const tasks = onMain
  .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
  .sort((a, b) => a.ts - b.ts)
// Nested RunTask events (a task inside a task) are not top-level.
const top: Ev[] = []
for (const t of tasks) {
  const last = top[top.length - 1]
  if (last && t.ts < last.ts + (last.dur ?? 0)) continue
  top.push(t)
}

// V8 samples (when the trace has them), as (timestamp, leaf frame, stack) rows.
type Frame = { functionName: string; url: string; lineNumber: number }
const samples: { ts: number; stack: Frame[] }[] = []
{
  const nodes = new Map<string, Map<number, { frame: Frame; parent?: number }>>()
  const clock = new Map<string, number>()
  const pidOfMain = Number(mainKey.split(':')[0])
  for (const e of events) {
    if (e.pid !== pidOfMain) continue
    const data = e.args?.data as
      | {
          startTime?: number
          cpuProfile?: {
            nodes?: { id: number; callFrame: Frame; parent?: number }[]
            samples?: number[]
          }
          timeDeltas?: number[]
        }
      | undefined
    const id = `${e.pid}:${e.id}`
    if (e.name === 'Profile') clock.set(id, data?.startTime ?? e.ts)
    if (e.name !== 'ProfileChunk' || !data) continue
    const m = nodes.get(id) ?? new Map()
    nodes.set(id, m)
    for (const n of data.cpuProfile?.nodes ?? []) m.set(n.id, { frame: n.callFrame, parent: n.parent })
    let t = clock.get(id) ?? e.ts
    const deltas = data.timeDeltas ?? []
    ;(data.cpuProfile?.samples ?? []).forEach((s, i) => {
      t += deltas[i] ?? 0
      const stack: Frame[] = []
      for (let n = m.get(s); n; n = n.parent === undefined ? undefined : m.get(n.parent)) stack.push(n.frame)
      samples.push({ ts: t, stack })
    })
    clock.set(id, t)
  }
  samples.sort((a, b) => a.ts - b.ts)
}
const short = (url: string | undefined) => (url ?? '').replace(/^.*\/(_build\/assets\/)?/, '') || '(no url)'
const frameName = (f: Frame) => `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`

const fcp = onMain.find((e) => e.name === 'firstContentfulPaint')?.ts ?? navStart
let blocking = 0
let blockingCpu = 0
let cpuAfterFcp = 0
for (const t of top) {
  const dur = (t.dur ?? 0) / 1000
  const cpu = (t.tdur ?? t.dur ?? 0) / 1000
  if (t.ts >= fcp) {
    blocking += Math.max(0, dur * 4 - 50)
    blockingCpu += Math.max(0, cpu * 4 - 50)
    cpuAfterFcp += cpu
  }
  if (dur < minMs) continue
  const end = t.ts + (t.dur ?? 0)
  const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts < end && e.ph === 'X')
  // Events directly under the task: what kind of work it was.
  const byKind = new Map<string, number>()
  for (const e of inside) {
    const d = e.args?.data
    const what =
      e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile'
        ? `${e.name} ${short(String(d?.url ?? ''))}${d?.functionName ? ` ${d.functionName}` : ''}`
        : e.name === 'EventDispatch'
          ? `EventDispatch ${String(d?.type ?? '')}`
          : e.name
    if (
      ![
        'FunctionCall',
        'EvaluateScript',
        'v8.compile',
        'EventDispatch',
        'ParseHTML',
        'Layout',
        'UpdateLayoutTree',
        'RunMicrotasks',
        'TimerFire',
        'FireIdleCallback',
        'FireAnimationFrame',
        'MajorGC',
        'MinorGC',
        'V8.GC_SCAVENGER',
        'V8.GCScavenger',
        'v8.compileModule',
        'v8.evaluateModule',
        'ParseAuthorStyleSheet',
        'XHRReadyStateChange',
        'PrePaint',
        'Paint',
        'Layerize',
        'HitTest',
        'ResourceReceivedData',
        'ScheduleStyleRecalculation',
      ].includes(e.name)
    )
      continue
    byKind.set(what, (byKind.get(what) ?? 0) + (e.dur ?? 0))
  }
  process.stdout.write(
    `\n@${ms(t.ts - navStart)} ms  task ${dur.toFixed(1)} ms observed (${(dur * 4).toFixed(0)} simulated), CPU ${cpu.toFixed(1)} ms${t.ts < fcp ? ' (before FCP)' : ''}\n`,
  )
  for (const [k, v] of [...byKind.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12))
    process.stdout.write(`    ${ms(v).padStart(7)}  ${k}\n`)
  const inTask = samples.filter((s) => s.ts >= t.ts && s.ts < end)
  if (inTask.length > 0) {
    const self = new Map<string, number>()
    const total = new Map<string, number>()
    for (const s of inTask) {
      const leaf = s.stack[0]
      if (leaf) self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + 1)
      for (const f of new Set(s.stack.map(frameName))) total.set(f, (total.get(f) ?? 0) + 1)
    }
    process.stdout.write(`    samples ${inTask.length}; self:\n`)
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10))
      process.stdout.write(`      ${String(v).padStart(5)}  ${k}\n`)
    process.stdout.write('    total (inclusive):\n')
    for (const [k, v] of [...total.entries()]
      .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14))
      process.stdout.write(`      ${String(v).padStart(5)}  ${k}\n`)
  }
}
process.stdout.write(
  `\nafter FCP (${ms(fcp - navStart)} ms): Σ(4 × task − 50 ms) = ${blocking.toFixed(0)} ms with the wall time, ` +
    `${blockingCpu.toFixed(0)} ms with the thread's CPU time (load-independent); main-thread CPU ${cpuAfterFcp.toFixed(0)} ms\n`,
)
