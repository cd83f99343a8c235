/** Structured JSON logs, one line per event; the request id ties a request's lines together. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
/**
 * json: one JSON object per line, for collectors (production, containers, tests that parse logs).
 * pretty: `12:03:04 info  request GET /api/v1/buildings 200 3.1 ms` for a person at a terminal.
 */
export type LogFormat = 'json' | 'pretty'
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/**
 * `write` defaults to console.log on purpose: it is the one sink both runtimes collect (Workers
 * capture console output; on Node it is stdout, one JSON line per event). Tests pass their own.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => console.log(l),
  format: LogFormat = 'json',
): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return
    const time = new Date().toISOString()
    write(
      format === 'pretty'
        ? prettyLine(time, lvl, msg, fields)
        : JSON.stringify({ time, level: lvl, msg, ...fields }),
    )
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** One human line: time of day, level, message, then the fields (an access line reads like one). */
export function prettyLine(
  time: string,
  level: string,
  msg: string,
  fields: Record<string, unknown> = {},
): string {
  const { method, path, status, duration_ms, request_id: _id, ...rest } = fields
  const request = method !== undefined ? ` ${method} ${path} ${status} ${duration_ms} ms` : ''
  const extra = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ')
  return `${time.slice(11, 19)} ${level.padEnd(5)} ${msg}${request}${extra ? ` ${extra}` : ''}`
}

/**
 * The format when LOG_FORMAT is unset: pretty for a developer's terminal (not production, stdout
 * a TTY), JSON everywhere else — so pipes, containers and the tests that parse lines keep JSON.
 */
export function defaultLogFormat(appEnv: string, stdoutIsTty: boolean): LogFormat {
  return appEnv !== 'production' && stdoutIsTty ? 'pretty' : 'json'
}
