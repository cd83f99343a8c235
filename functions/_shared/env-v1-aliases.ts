/**
 * KoproGo v1 (Rust/actix) settings still understood, so an existing v1 `.env` keeps working
 * (issue #18 item 5). Each is translated to its current name before EnvSchema sees the variables;
 * the current name wins when both are set. Every use yields a deprecation notice the entry logs once.
 */

/** v1 name → current name. PUBLIC_API_URL is read by the web build (web/build/api-base.ts), not here. */
export const V1_ALIASES = {
  SERVER_HOST: 'HOST',
  SERVER_PORT: 'PORT',
  RUST_LOG: 'LOG_LEVEL',
} as const

export type V1Name = keyof typeof V1_ALIASES

export type Deprecation = {
  readonly variable: V1Name
  readonly use: (typeof V1_ALIASES)[V1Name]
  /** The current variable was set too, so the v1 value was not used. */
  readonly ignored: boolean
  readonly message: string
}

type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/** env_logger's levels (what RUST_LOG accepts) → LOG_LEVEL. We have no trace: it is debug. */
export const RUST_LOG_LEVELS: Readonly<Record<string, LogLevel>> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  off: 'silent',
}

const VERBOSITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 }
const moreVerbose = (a: LogLevel | undefined, b: LogLevel): LogLevel =>
  a === undefined || VERBOSITY[b] < VERBOSITY[a] ? b : a

/**
 * A RUST_LOG value → LOG_LEVEL. RUST_LOG is a list of env_logger directives (`info`,
 * `koprogo_api=debug,actix_web=info`, `koprogo=trace/regex`): the most relevant one for our logs is
 * (1) a directive for a target starting with `koprogo` (the v1 crates; the most verbose of them),
 * else (2) the bare global level, else (3) `info`, since directives naming only other crates (actix,
 * sqlx) said nothing about KoproGo's own lines. A target without a level means trace in env_logger.
 * Returns an error message for anything env_logger would not accept either.
 */
export function mapRustLog(value: string): { level: LogLevel } | { error: string } {
  let own: LogLevel | undefined
  let global: LogLevel | undefined
  const directives = value
    .split('/')[0]
    ?.split(',')
    .map((d) => d.trim())
    .filter(Boolean)
  if (!directives?.length) return { error: 'is empty' }
  for (const directive of directives) {
    const [target = '', levelName, extra] = directive.split('=').map((s) => s.trim())
    if (extra !== undefined) return { error: `cannot read the directive "${directive}"` }
    const bareLevel = levelName === undefined ? RUST_LOG_LEVELS[target.toLowerCase()] : undefined
    if (bareLevel) {
      global = bareLevel
      continue
    }
    const level = levelName === undefined ? 'debug' : RUST_LOG_LEVELS[levelName.toLowerCase()]
    if (!level || !/^[\w:-]+$/.test(target)) {
      return {
        error: `"${directive}" is not an env_logger directive (levels: ${Object.keys(RUST_LOG_LEVELS).join(', ')})`,
      }
    }
    if (target.toLowerCase().startsWith('koprogo')) own = moreVerbose(own, level)
  }
  return { level: own ?? global ?? 'info' }
}

const present = (raw: Record<string, unknown>, key: string) => raw[key] !== undefined && raw[key] !== ''

/**
 * Copies `raw` with every v1 variable translated to its current name (the v1 name removed).
 * `sources` maps a current name to the v1 name its value came from, so a validation error can
 * name the variable the user actually wrote. `errors` are v1 values that could not be translated.
 */
export function applyV1Aliases(raw: Record<string, unknown>): {
  env: Record<string, unknown>
  deprecations: Deprecation[]
  sources: Record<string, V1Name>
  errors: string[]
} {
  const env: Record<string, unknown> = { ...raw }
  const deprecations: Deprecation[] = []
  const sources: Record<string, V1Name> = {}
  const errors: string[] = []
  for (const [old, use] of Object.entries(V1_ALIASES) as [V1Name, (typeof V1_ALIASES)[V1Name]][]) {
    delete env[old]
    if (!present(raw, old)) continue
    const ignored = present(raw, use)
    deprecations.push({
      variable: old,
      use,
      ignored,
      message: ignored
        ? `${old} is a KoproGo v1 setting, ignored because ${use} is set: remove ${old}`
        : `${old} is a KoproGo v1 setting: rename it ${use}`,
    })
    if (ignored) continue
    const value = String(raw[old]).trim()
    if (old === 'RUST_LOG') {
      const mapped = mapRustLog(value)
      if ('error' in mapped) errors.push(`RUST_LOG (v1 name of LOG_LEVEL): ${mapped.error}`)
      else env[use] = mapped.level
    } else {
      env[use] = value
    }
    sources[use] = old
  }
  return { env, deprecations, sources, errors }
}

/** One warning per v1 variable, at start (Node) or once per isolate (Workers), through the logger. */
export function warnDeprecated(
  logger: { warn(msg: string, fields?: Record<string, unknown>): void },
  deprecations: readonly Deprecation[],
): void {
  for (const d of deprecations) {
    logger.warn(d.message, { deprecated: d.variable, use: d.use, ignored: d.ignored })
  }
}
