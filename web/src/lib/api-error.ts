// One error type for everything the API (or the network) can answer, so every screen shows
// failures the same way: a message on top and, for validation, a message next to each field.

export interface FieldError {
  path: string
  message: string
}

/** RFC 9457 problem+json as this API sends it (plus the v1 `error` string). */
export interface ProblemBody {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  request_id?: string
  error?: string
  errors?: FieldError[]
  /** Machine-readable reason of a 409 (`ownership_share_exceeded`, …): translated by the UI. */
  code?: string
  current_version?: number
}

export class ApiError extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string | undefined
  readonly errors: FieldError[]
  readonly code: string | undefined
  readonly currentVersion: number | undefined
  readonly requestId: string | undefined

  constructor(status: number, problem: ProblemBody) {
    const title = problem.title ?? `HTTP ${status}`
    super(problem.detail ?? problem.error ?? title)
    this.name = 'ApiError'
    this.status = status
    this.type = problem.type ?? 'about:blank'
    this.title = title
    this.detail = problem.detail ?? problem.error
    this.errors = problem.errors ?? []
    this.code = problem.code
    this.currentVersion = problem.current_version
    this.requestId = problem.request_id
  }

  /** Field path → first message, for showing errors next to form inputs ("amount", "address.city",
   * "buyers.0.ownership_share" — the domain's "buyers[0]" spelling is read the same way). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.errors) {
      const key = e.path
        .replace(/^\/+/, '')
        .replaceAll('/', '.')
        .replace(/\[(\d+)\]/g, '.$1')
      if (!(key in out)) out[key] = e.message
    }
    return out
  }

  get isConflict(): boolean {
    return this.status === 409
  }
  get isUnauthorized(): boolean {
    return this.status === 401
  }
  get isNetwork(): boolean {
    return this.status === 0
  }
}

/** The request never got an HTTP answer (offline, DNS, connection reset, lost response). */
export class NetworkError extends ApiError {
  /** `message`: what to tell the user (translated by the caller); else the browser's text. */
  constructor(cause?: unknown, message?: string) {
    super(0, {
      title: 'Network error',
      detail: message ?? (cause instanceof Error ? cause.message : 'Network unavailable'),
    })
    this.name = 'NetworkError'
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function toFieldErrors(v: unknown): FieldError[] | undefined {
  if (!Array.isArray(v)) return undefined
  const out: FieldError[] = []
  for (const item of v) {
    if (isRecord(item) && typeof item.message === 'string') {
      const path = Array.isArray(item.path) ? item.path.join('.') : String(item.path ?? item.field ?? '')
      out.push({ path, message: item.message })
    }
  }
  return out
}

/**
 * Builds the ApiError of a non-2xx answer. Accepts problem+json, the v1 `{error}` shape, plain
 * text or nothing, because proxies and crashed servers do not always answer problem+json.
 */
export function parseProblem(status: number, body: unknown, statusText = ''): ApiError {
  if (isRecord(body)) {
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined)
    return new ApiError(status, {
      type: str('type'),
      title: str('title') ?? (statusText || undefined),
      status: typeof body.status === 'number' ? body.status : status,
      detail: str('detail'),
      instance: str('instance'),
      request_id: str('request_id'),
      error: str('error') ?? str('message'),
      errors: toFieldErrors(body.errors),
      code: str('code'),
      current_version: typeof body.current_version === 'number' ? body.current_version : undefined,
    })
  }
  const text = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 300) : undefined
  return new ApiError(status, { title: statusText || `HTTP ${status}`, detail: text })
}
