/**
 * The Docker side of make test-vps: an engine (installed and started when none runs, stopped at
 * the end if we started it), base images (the pinned public ones, or local equivalents built by
 * scripts/vps/local-images.sh when they cannot be pulled) and the real docker-compose.yml with
 * deploy/compose.test.yml on top, under a throw-away project name and env file.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'

export const root = join(import.meta.dirname, '..', '..')
const log = (line: string) => {
  process.stdout.write(`  · ${line}\n`)
}

export function sh(cmd: string, args: readonly string[], options: { input?: string | Buffer } = {}): string {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n')
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}:\n${out}`)
  }
  return r.stdout
}
const ok = (cmd: string, args: readonly string[]) =>
  spawnSync(cmd, args, { stdio: 'ignore', timeout: 120_000 }).status === 0
const which = (cmd: string) => ok('sh', ['-c', `command -v ${cmd}`])

/** A Docker engine: the running one, or Debian's docker.io started by hand (and stopped by stop()). */
export class Engine {
  private dockerd: ChildProcess | undefined
  async start(): Promise<void> {
    if (ok('docker', ['info'])) {
      log('using the running Docker engine')
      return
    }
    if (!which('dockerd') || !which('docker')) {
      log('installing Debian docker.io')
      sh('apt-get', ['install', '-y', '-qq', 'docker.io'])
    }
    const out = openSync(join(tmpdir(), 'koprogo-vps-dockerd.log'), 'a')
    this.dockerd = spawn('dockerd', [], { stdio: ['ignore', out, out], detached: true })
    for (let i = 0; i < 60 && !ok('docker', ['info']); i++) await sleep(500)
    if (!ok('docker', ['info'])) throw new Error('dockerd did not start (see /tmp/koprogo-vps-dockerd.log)')
    log(`started dockerd (pid ${this.dockerd.pid})`)
  }
  async stop(): Promise<void> {
    const child = this.dockerd
    if (!child?.pid) return
    const exited = new Promise((r) => child.once('exit', r))
    process.kill(child.pid, 'SIGTERM')
    await Promise.race([exited, sleep(30_000)])
    log('stopped the dockerd it started')
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const PUBLIC_IMAGES = () => {
  const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8')
  const pick = (name: string) => compose.match(new RegExp(`\\$\\{${name}:-([^}]+)\\}`))?.[1] ?? ''
  return {
    NODE_IMAGE: pick('NODE_IMAGE'),
    POSTGRES_IMAGE: pick('POSTGRES_IMAGE'),
    CADDY_IMAGE: pick('CADDY_IMAGE'),
  }
}

/** The pinned public base images when they pull, else the local equivalents (VPS_LOCAL_IMAGES=1 forces them). */
export function baseImages(): Record<string, string> {
  const wanted = PUBLIC_IMAGES()
  if (process.env.VPS_LOCAL_IMAGES !== '1') {
    const pulled = Object.values(wanted).every(
      (image) =>
        ok('docker', ['image', 'inspect', image]) || ok('timeout', ['90', 'docker', 'pull', '-q', image]),
    )
    if (pulled) {
      log(`public images: ${Object.values(wanted).join(', ')}`)
      return wanted
    }
    log('public images cannot be pulled: building local equivalents')
  }
  const out = sh('bash', ['scripts/vps/local-images.sh'])
  const images = Object.fromEntries([...out.matchAll(/^(\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]))
  log(`local images: ${Object.values(images).join(', ')}`)
  return images as Record<string, string>
}

/** Removes what an interrupted earlier run of the same project left: containers, then volumes. */
function purge(project: string): void {
  const label = `label=com.docker.compose.project=${project}`
  const containers = sh('docker', ['ps', '-aq', '--filter', label]).split('\n').filter(Boolean)
  if (containers.length > 0) sh('docker', ['rm', '-f', '-v', ...containers])
  const volumes = sh('docker', ['volume', 'ls', '-q', '--filter', label]).split('\n').filter(Boolean)
  if (volumes.length > 0) sh('docker', ['volume', 'rm', '-f', ...volumes])
}

export type StackSettings = {
  project: string
  images: Record<string, string>
  version?: string
  ports: { pg: number; api: number; http: number; https: number }
  /** Secrets taken from another stack (a restore keeps the users' passwords and the superadmin). */
  reuse?: Record<string, string>
}

/** One compose project: the real file + deploy/compose.test.yml, a generated env file, its own volumes. */
export class Stack {
  readonly dir: string
  readonly backups: string
  readonly env: Record<string, string>
  private readonly files: readonly string[]
  private readonly v2: boolean
  private readonly envFile: string
  readonly settings: StackSettings
  /** Caddy's root certificate once caddyRoot() has read it. */
  caCert = ''
  constructor(settings: StackSettings) {
    this.settings = settings
    purge(settings.project)
    this.dir = mkdtempSync(join(tmpdir(), `${settings.project}-`))
    this.backups = join(this.dir, 'backups')
    mkdirSync(this.backups)
    const { ports } = settings
    this.env = {
      COMPOSE_PROJECT_NAME: settings.project,
      DOMAIN: 'localhost',
      ACME_EMAIL: 'ops@koprogo.test',
      POSTGRES_PASSWORD: randomBytes(18).toString('base64url'),
      JWT_SECRET: randomBytes(48).toString('base64url'),
      SUPERADMIN_EMAIL: 'vps-admin@koprogo.test',
      SUPERADMIN_PASSWORD: `Vps-${randomBytes(9).toString('base64url')}-9`,
      KOPROGO_VERSION: settings.version ?? 'vpstest',
      LOG_LEVEL: 'warn',
      ...settings.images,
      VPS_PG_PORT: String(ports.pg),
      VPS_API_PORT: String(ports.api),
      VPS_HTTP_PORT: String(ports.http),
      VPS_HTTPS_PORT: String(ports.https),
      VPS_BACKUPS_DIR: this.backups,
    }
    for (const key of ['POSTGRES_PASSWORD', 'JWT_SECRET', 'SUPERADMIN_EMAIL', 'SUPERADMIN_PASSWORD']) {
      const value = settings.reuse?.[key]
      if (value) this.env[key] = value
    }
    const envFile = join(this.dir, '.env')
    this.envFile = envFile
    this.writeEnv()
    this.v2 = ok('docker', ['compose', 'version'])
    // The real file, with what the host network cannot take removed (published ports) and, for
    // Debian's docker-compose 1.29 (the only compose here), no top-level `name`, which it
    // predates (COMPOSE_PROJECT_NAME above names the project). env_file becomes the test's own
    // file as a plain path (1.29 predates the long form too). Everything else is read as it is.
    const doc = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'))
    for (const service of Object.values(doc.services) as Record<string, unknown>[]) {
      delete service.ports
      // The test's env file, never the checkout's own .env.
      if (service.env_file) service.env_file = [envFile]
    }
    if (!this.v2) delete doc.name
    else doc.name = settings.project
    const file = join(this.dir, 'docker-compose.yml')
    writeFileSync(file, stringify(doc))
    this.files = [file, join(root, 'deploy/compose.test.yml')]
  }

  private writeEnv(): void {
    writeFileSync(
      this.envFile,
      Object.entries(this.env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
      { mode: 0o600 },
    )
  }

  /** Changes one setting for the next compose command (e.g. KOPROGO_VERSION for an upgrade). */
  setEnv(key: string, value: string): void {
    this.env[key] = value
    this.writeEnv()
  }

  compose(args: readonly string[], input?: string | Buffer): string {
    const base = this.v2 ? ['compose'] : []
    const opts = [
      '--project-directory',
      root,
      '--env-file',
      this.envFile,
      ...this.files.flatMap((f) => ['-f', f]),
    ]
    return this.v2
      ? sh('docker', [...base, ...opts, ...args], { input })
      : sh('docker-compose', [...opts, ...args], { input })
  }

  /** The container id of a service. */
  id(service: string): string {
    return this.compose(['ps', '-q', service]).trim()
  }

  exec(service: string, command: readonly string[], input?: string | Buffer): string {
    return sh('docker', ['exec', ...(input === undefined ? [] : ['-i']), this.id(service), ...command], {
      input,
    })
  }

  build(): void {
    this.compose(['build', '--quiet', 'api'])
  }

  up(services: readonly string[] = []): void {
    this.compose(['up', '-d', '--no-build', ...services])
  }

  health(service: string): string {
    return sh('docker', [
      'inspect',
      '-f',
      '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}',
      this.id(service),
    ]).trim()
  }

  async waitHealthy(services: readonly string[], seconds = 180): Promise<void> {
    const deadline = Date.now() + seconds * 1000
    for (;;) {
      const states = services.map((s) => [s, this.health(s)] as const)
      if (states.every(([, h]) => h === 'healthy')) return
      if (Date.now() > deadline)
        throw new Error(`not healthy after ${seconds} s: ${JSON.stringify(states)}\n${this.logs()}`)
      await sleep(1000)
    }
  }

  logs(tail = 30): string {
    try {
      return this.compose(['logs', '--no-color', `--tail=${tail}`])
    } catch (error) {
      return String(error)
    }
  }

  /** Caddy's local root certificate (DOMAIN=localhost → Caddy's internal CA), from its data volume. */
  async caddyRoot(): Promise<string> {
    for (let i = 0; i < 60; i++) {
      try {
        this.caCert = this.exec('caddy', ['cat', '/data/caddy/pki/authorities/local/root.crt'])
        return this.caCert
      } catch {
        await sleep(500)
      }
    }
    throw new Error(`Caddy's local CA never appeared\n${this.logs()}`)
  }

  down(): void {
    try {
      // Every volume the project's containers mount, anonymous ones included: docker-compose 1.29
      // carries the image's anonymous /data volume over when it recreates the API (the upgrade)
      // and `down -v` leaves that one behind.
      const label = `label=com.docker.compose.project=${this.settings.project}`
      const ids = sh('docker', ['ps', '-aq', '--filter', label]).split('\n').filter(Boolean)
      const mounted = ids.length
        ? sh('docker', [
            'inspect',
            '-f',
            '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}',
            ...ids,
          ])
            .split(/\s+/)
            .filter(Boolean)
        : []
      this.compose(['down', '-v', '--remove-orphans'])
      for (const volume of mounted) spawnSync('docker', ['volume', 'rm', volume], { stdio: 'ignore' })
    } finally {
      rmSync(this.dir, { recursive: true, force: true })
    }
  }
}

export function dockerStats(ids: readonly string[]): Record<string, string> {
  const out = execFileSync(
    'docker',
    ['stats', '--no-stream', '--format', '{{.Name}}\t{{.MemUsage}}\t{{.CPUPerc}}', ...ids],
    {
      encoding: 'utf8',
    },
  )
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split('\t', 2) as [string, string]),
  )
}
