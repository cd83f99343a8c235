import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, ServerStartError, startServer } from '../../scripts/lib/server-process.ts'
import {
  PostgresStartError,
  postgresUnavailable,
  startThrowawayPostgres,
} from '../../scripts/lib/throwaway-postgres.ts'

/**
 * The shared process helpers of the bench, the e2e runner and the process tests
 * (scripts/lib/, docs/make.md § Shared test and bench helpers): each failure says what went
 * wrong and quotes the server's last output, and a port that is already taken is refused before
 * a foreign server on it could be mistaken for ours. Tiny stand-in servers keep this file fast;
 * the real server goes through the same helper in crash.test.ts, db-outage.test.ts and others.
 * Database-independent: runs in the PGlite project only.
 */
const dir = mkdtempSync(join(tmpdir(), 'koprogo-process-helpers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function entry(name: string, source: string): string {
  const file = join(dir, name)
  writeFileSync(file, source)
  return file
}

function listen(port = 0): Promise<Server> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(port, '127.0.0.1', () => ok(srv))
  })
}

const portOf = (srv: Server) => {
  const address = srv.address()
  return typeof address === 'object' && address ? address.port : 0
}

describe.runIf(process.env.TEST_DB !== 'postgres')('scripts/lib/server-process.ts', () => {
  it('starts the server on a free port, waits for a 200 on /health, and stops it', async () => {
    const ok = entry(
      'healthy.mjs',
      `import { createServer } from 'node:http'
       console.log('listening soon')
       createServer((req, res) => { res.statusCode = req.url === '/health' ? 200 : 404; res.end('ok') })
         .listen(Number(process.env.PORT), process.env.HOST)`,
    )
    const server = await startServer({ entry: ok })
    expect(server.base).toBe(`http://127.0.0.1:${server.port}`)
    expect((await fetch(`${server.base}/health`)).status).toBe(200)
    expect(server.output()).toContain('listening soon')
    await server.stop()
    expect(server.proc.signalCode ?? server.proc.exitCode).not.toBeNull()
  })

  it('refuses a port that is already in use, before spawning anything', async () => {
    const busy = await listen()
    try {
      const port = portOf(busy)
      const error = await startServer({ entry: entry('never.mjs', ''), port }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ServerStartError)
      expect(String(error)).toContain(`port ${port} on 127.0.0.1 is already in use`)
    } finally {
      busy.close()
    }
  })

  it('says which binary is missing', async () => {
    const error = await startServer({
      entry: entry('unused.mjs', ''),
      wrap: (cmd, args) => ['koprogo-no-such-binary', [cmd, ...args]],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerStartError)
    expect(String(error)).toContain('cannot run koprogo-no-such-binary: not found')
  })

  it('an early exit is reported with its code and the last lines of output, not the first', async () => {
    const dies = entry(
      'dies.mjs',
      `for (let i = 1; i <= 50; i++) console.log('line ' + i)
       console.error('Error: cannot open the database')
       process.exit(3)`,
    )
    const error = await startServer({ entry: dies, logLines: 5 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerStartError)
    const message = String(error)
    expect(message).toContain('exited (3) before it was healthy')
    expect(message).toContain('Error: cannot open the database')
    expect(message).toContain('line 50')
    expect(message).not.toContain('line 10\n')
  })

  it('a server that never becomes healthy times out, is killed, and its output is quoted', async () => {
    const pidFile = join(dir, 'hangs.pid')
    const hangs = entry(
      'hangs.mjs',
      `import { writeFileSync } from 'node:fs'
       writeFileSync(${JSON.stringify(pidFile)}, String(process.pid))
       console.log('still migrating…')
       setInterval(() => {}, 1000)`,
    )
    const error = await startServer({ entry: hangs, timeoutMs: 1_000 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerStartError)
    expect(String(error)).toMatch(/not healthy within 1 s[\s\S]*still migrating…/)
    const pid = Number(readFileSync(pidFile, 'utf8'))
    expect(() => process.kill(pid, 0), 'the hung server was left running').toThrow()
  })
})

describe.runIf(process.env.TEST_DB !== 'postgres')('scripts/lib/throwaway-postgres.ts', () => {
  const missing = postgresUnavailable()

  it('refuses a port that is already in use', async () => {
    const busy = await listen()
    try {
      const port = portOf(busy)
      const error = await startThrowawayPostgres({ port }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(missing ? PostgresStartError : ServerStartError)
      if (!missing) expect(String(error)).toContain(`port ${port} on 127.0.0.1 is already in use`)
    } finally {
      busy.close()
    }
  })

  // `make test` always brings Postgres (scripts/test-postgres.sh): without it this fails, it is not skipped.
  it('starts a server with the given settings, pauses, resumes and removes it', {
    timeout: 60_000,
  }, async () => {
    const port = await freePort()
    const pg = await startThrowawayPostgres({ port, database: 'helpers_check', settings: ['work_mem=8MB'] })
    try {
      expect(pg.url).toBe(`postgres://postgres@127.0.0.1:${port}/helpers_check`)
      expect(pg.psql('show work_mem').trim()).toBe('8MB')
      await pg.pause()
      expect(() => pg.psql('select 1')).toThrow(/psql/)
      await pg.resume()
      expect(pg.psql('show work_mem').trim()).toBe('8MB')
    } finally {
      pg.stop()
    }
    expect(existsSync(pg.dir)).toBe(false)
  })
})
