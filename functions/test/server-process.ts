import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'

/** The real Node server (functions/node.ts) as a child process, for crash and load tests. */
const ROOT = resolve(import.meta.dirname, '../..')

function freePort(): Promise<number> {
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

export type Server = { proc: ChildProcess; base: string; exited: Promise<number | null> }

export async function startServer(
  dataDir: string,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort()
  const proc = spawn(process.execPath, [join(ROOT, 'functions/node.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      APP_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'crash-test-secret-crash-test-secret-0123',
      SUPERADMIN_EMAIL: 'root@crash.test',
      SUPERADMIN_PASSWORD: 'Crash-Root-2026',
      SEED_DEMO_ON_START: 'false',
      SIGNUP_ENABLED: 'true',
      ARGON2_MEMORY_KIB: '64',
      ARGON2_ITERATIONS: '1',
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)))
  let output = ''
  await new Promise<void>((ok, fail) => {
    proc.stdout?.on('data', (d: Buffer) => {
      output += String(d)
      if (output.includes('Ready in')) ok()
    })
    proc.stderr?.on('data', (d: Buffer) => {
      output += String(d)
    })
    void exited.then((code) => fail(new Error(`server exited (${code}) before it was ready:\n${output}`)))
  })
  return { proc, base: `http://127.0.0.1:${port}`, exited }
}
