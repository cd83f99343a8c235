/**
 * Programs the project takes from Debian's packages (Chromium, ffmpeg, PgBouncer), installed on
 * first use when they are missing and we are root with apt-get — the same promise as
 * scripts/test-postgres.sh makes for Postgres: a fresh machine needs no step by hand. Every
 * script that needs one of them goes through here, so `make lighthouse` or `make bench` on a new
 * machine works as `make test-e2e` does. Depends on node:* only.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0

/** True when this process could install a Debian package (root, apt-get present). */
export const canAptInstall = () => isRoot() && hasAptGet()

/**
 * `apt-get install` of one package, quiet; on failure once more after `apt-get update` (a fresh
 * machine's package lists are often empty or stale). Returns whether it worked.
 */
export function aptInstall(pkg: string, options: { extra?: string[]; say?: (line: string) => void } = {}) {
  if (!canAptInstall()) return false
  options.say?.(`installing ${pkg} from Debian (apt-get)…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', ...(options.extra ?? []), pkg], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    }).status === 0
  if (install()) return true
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  return install()
}

/** The system Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium (installed when missing). */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Makes sure the browser exists; returns why not (a sentence to show) or undefined. An explicit
 * CHROMIUM_PATH is never "fixed" by installing something else.
 */
export function ensureChromium(say?: (line: string) => void): string | undefined {
  const path = chromiumPath()
  if (existsSync(path)) return undefined
  if (process.env.CHROMIUM_PATH)
    return `CHROMIUM_PATH=${path} does not exist. Point it at a Chrome/Chromium binary.`
  if (aptInstall('chromium', { say }) && existsSync(path)) return undefined
  return (
    'no Chromium at /usr/bin/chromium. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or ' +
    'set CHROMIUM_PATH to your Chrome/Chromium (e.g. macOS: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome").'
  )
}

/**
 * wrk, the load generator the anchor was measured with: installed from Debian when missing (the
 * bench's fallback, autocannon, runs in Node on the Postgres core and costs it several times more
 * CPU per request). Returns whether `wrk` is on the PATH afterwards.
 */
export function ensureWrk(say?: (line: string) => void): boolean {
  const onPath = () => spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0
  if (onPath()) return true
  return aptInstall('wrk', { extra: ['--no-install-recommends'], say }) && onPath()
}
