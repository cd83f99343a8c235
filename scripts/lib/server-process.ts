/**
 * "Start a server and wait for health", shared by the bench, the e2e runner, the smoke/VPS
 * measurements and the tests that run the real process (crash, outage, disk faults, load).
 * It depends on node:* only, so every consumer (scripts/, bench/, functions/test/) may import it
 * without pulling the app in (docs/make.md § Shared test and bench helpers).
 *
 * The server is spawned with HOST/PORT/EDGE_PORT set, then GET <base>/health is polled until it
 * answers 200. Errors say what went wrong: the port is already taken (checked first, so a
 * stale server on that port is never mistaken for ours), the binary cannot be run, the process
 * exited, or the deadline passed; each carries the server's last log lines.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join, relative, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const NODE_ENTRY = join(ROOT, 'functions', 'node.ts')

export type StartServerOptions = {
  /** The script Node runs (default functions/node.ts; scripts/edge/serve.ts for workerd). */
  entry?: string
  /** Variables over the base environment (HOST, PORT and EDGE_PORT are set by the helper). */
  env?: Record<string, string | undefined>
  /** The environment the variables are laid over: process.env unless given ({} for a clean one). */
  baseEnv?: NodeJS.ProcessEnv
  /** Variables removed from the base environment (e.g. a developer's DATABASE_URL). */
  unset?: readonly string[]
  /** Default: a free port chosen by the kernel. A given port is checked to be free first. */
  port?: number
  /** Node flags before the entry (--cpu-prof, --max-old-space-size=…). */
  nodeArgs?: readonly string[]
  /** Wraps the command, e.g. `taskset -c 0` (see pinned() in bench/processes.ts). */
  wrap?: (cmd: string, args: string[]) => [string, string[]]
  /** Default 60 s (120 s for a big seed or a slow machine). */
  timeoutMs?: number
  /** Default /health. */
  healthPath?: string
  /** How many of the server's last output lines errors quote (default 40). */
  logLines?: number
}

export type ServerProcess = {
  proc: ChildProcess
  pid: number
  port: number
  base: string
  /** From spawn to the first 200 on /health. */
  readyMs: number
  /** Resolves with the exit code (null after a signal) once the process is gone. */
  exited: Promise<number | null>
  /** The server's recent stdout + stderr (bounded). */
  output(): string
  /** SIGTERM, then SIGKILL after `graceMs` (default 15 s); resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>
}

export class ServerStartError extends Error {
  override name = 'ServerStartError'
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A port nobody listens on now (the kernel's choice), on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => ok(port))
    })
  })
}

/** Throws a ServerStartError when something already listens on 127.0.0.1:port. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new ServerStartError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on 127.0.0.1 is already in use (another server? pick another port or stop it)`
            : `port ${port} on 127.0.0.1 cannot be used: ${error.message}`,
        ),
      ),
    )
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok()))
  })
}

/** Keeps the last `max` lines of a stream of chunks. */
function tail(max: number) {
  let text = ''
  return {
    add(chunk: Buffer) {
      text += chunk.toString()
      if (text.length > 64_000) text = text.slice(-32_000)
    },
    lines: (n = max) =>
      text
        .split('\n')
        .slice(-n - 1)
        .join('\n')
        .trimEnd(),
  }
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const entry = options.entry ?? NODE_ENTRY
  const name = relative(ROOT, entry) || entry
  const port = options.port ?? (await freePort())
  if (options.port !== undefined) await assertPortFree(port)
  const base = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { ...(options.baseEnv ?? process.env) }
  for (const key of options.unset ?? []) delete env[key]
  Object.assign(env, { HOST: '127.0.0.1', PORT: String(port), EDGE_PORT: String(port) }, options.env)
  const [cmd, args] = (options.wrap ?? ((c, a) => [c, a]))(process.execPath, [
    ...(options.nodeArgs ?? []),
    entry,
  ])
  const logs = tail(options.logLines ?? 40)
  const started = performance.now()
  const proc = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let spawnError: Error | undefined
  proc.once('error', (error) => {
    spawnError = error
  })
  proc.stdout?.on('data', logs.add)
  proc.stderr?.on('data', logs.add)
  const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)))
  const stop = async (graceMs = 15_000) => {
    if (proc.exitCode !== null || proc.signalCode !== null || !proc.pid) return
    proc.kill('SIGTERM')
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }
  const failWith = async (why: string): Promise<never> => {
    await stop(2_000)
    const log = logs.lines()
    throw new ServerStartError(
      `${name} on ${base}: ${why}${log ? `\n--- last lines of its output ---\n${log}` : ' (no output)'}`,
    )
  }
  const timeoutMs = options.timeoutMs ?? 60_000
  for (;;) {
    if (spawnError)
      return failWith(
        (spawnError as NodeJS.ErrnoException).code === 'ENOENT'
          ? `cannot run ${cmd}: not found`
          : `cannot run ${cmd}: ${spawnError.message}`,
      )
    if (proc.exitCode !== null || proc.signalCode !== null) {
      await Promise.race([exited, sleep(200)]) // the last output lines
      return failWith(`exited (${proc.exitCode ?? proc.signalCode}) before it was healthy`)
    }
    const ok = await fetch(`${base}${options.healthPath ?? '/health'}`, {
      signal: AbortSignal.timeout(5_000),
    })
      .then(async (res) => {
        await res.body?.cancel()
        return res.status === 200
      })
      .catch(() => false)
    if (ok && proc.pid)
      return {
        proc,
        pid: proc.pid,
        port,
        base,
        readyMs: Math.round(performance.now() - started),
        exited,
        output: () => logs.lines(Number.POSITIVE_INFINITY),
        stop,
      }
    if (performance.now() - started > timeoutMs)
      return failWith(`not healthy within ${Math.round(timeoutMs / 1000)} s`)
    await sleep(20)
  }
}
