/**
 * What `make start` prints: a progress line per slow step of a first start (so ~30 s of silence
 * reads as work, not a hang), then one banner with the addresses and every login a new user can
 * try. Plain lines for a person; the JSON logs stay the logger's business.
 */
export type BannerLogin = { role: string; email: string; password?: string | undefined; note?: string }

export type BannerInfo = {
  base: string
  /** "pglite in /path/.data" or "pg". */
  database: string
  webBuilt: boolean
  logins: readonly BannerLogin[]
  readyMs: number
}

export function progressLine(step: string): string {
  return `  … ${step}`
}

export function startBanner(info: BannerInfo): string[] {
  const { base } = info
  const width = Math.max(...info.logins.map((l) => l.role.length), 4)
  return [
    '',
    `  KoproGo is running on ${base}  (${info.database})`,
    info.webBuilt ? `  Web app:   ${base}/` : '  Web app:   not built (make web) — the API works without it',
    `  API:       ${base}/api/v1   health: ${base}/health`,
    `  API docs:  ${base}/api/v1/docs   (OpenAPI: ${base}/api/v1/openapi.json)`,
    '',
    '  Log in as:',
    ...info.logins.map(
      (l) =>
        `    ${l.role.padEnd(width)}  ${l.email}${l.password ? ` / ${l.password}` : ''}${l.note ? `  (${l.note})` : ''}`,
    ),
    '',
    `  Ready in ${(info.readyMs / 1000).toFixed(1)} s. Stop with Ctrl+C.`,
    '',
  ]
}
