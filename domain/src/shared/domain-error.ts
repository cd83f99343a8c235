/**
 * The closed set of failures a use case may report. Adapters map each kind to exactly one HTTP
 * status (functions/_shared/problem.ts); adding a kind here makes that mapper fail to compile
 * until it handles it.
 */
/** The values a conflict's message interpolates, so the API can say it in the reader's language. */
export type ErrorParams = Readonly<Record<string, string | number>>
/**
 * A problem with one field (or line, or element). `message` is English; an issue with a `code`
 * is said in the reader's language from `error.field.<code>` and its `params`.
 */
export type FieldIssue = {
  readonly path: string
  readonly message: string
  readonly code?: string
  readonly params?: ErrorParams
}

export type DomainError =
  | {
      readonly kind: 'validation'
      readonly message: string
      readonly issues: readonly FieldIssue[]
      /** When set, the detail is `error.msg.<code>` with `params` (and `{reason}`: the first issue). */
      readonly code?: string
      readonly params?: ErrorParams
    }
  | { readonly kind: 'unauthenticated'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'not_found'; readonly message: string; readonly entity: string }
  | {
      readonly kind: 'conflict'
      readonly message: string
      readonly code: string
      readonly params?: ErrorParams
    }
  /** Well-formed but refused by a rule on its content (a meeting log's broken chain or unlawful act): 422. */
  | {
      readonly kind: 'unprocessable'
      readonly message: string
      readonly code: string
      readonly params?: ErrorParams
    }
  | {
      readonly kind: 'version_conflict'
      readonly message: string
      readonly entity: string
      readonly currentVersion: number
    }
  | { readonly kind: 'rate_limited'; readonly message: string; readonly retryAfterSeconds: number }
  | { readonly kind: 'idempotency_mismatch'; readonly message: string }
  | { readonly kind: 'payload_too_large'; readonly message: string; readonly limitBytes: number }
  | { readonly kind: 'unsupported_media_type'; readonly message: string }
  /** A bounded resource (password hashing) is saturated: retry after a moment. */
  | { readonly kind: 'server_busy'; readonly message: string; readonly retryAfterSeconds: number }

export type DomainErrorKind = DomainError['kind']

export const DomainErrors = {
  validation: (
    message: string,
    issues: readonly FieldIssue[] = [],
    coded?: { readonly code: string; readonly params: ErrorParams },
  ): DomainError =>
    coded ? { kind: 'validation', message, issues, ...coded } : { kind: 'validation', message, issues },
  invalidField: (path: string, message: string): DomainError => ({
    kind: 'validation',
    message: `${path}: ${message}`,
    issues: [{ path, message }],
  }),
  unauthenticated: (message = 'Authentication required'): DomainError => ({
    kind: 'unauthenticated',
    message,
  }),
  forbidden: (message = 'Your role does not allow this action'): DomainError => ({
    kind: 'forbidden',
    message,
  }),
  notFound: (entity: string): DomainError => ({ kind: 'not_found', entity, message: `${entity} not found` }),
  conflict: (code: string, message: string, params?: ErrorParams): DomainError =>
    params ? { kind: 'conflict', code, message, params } : { kind: 'conflict', code, message },
  unprocessable: (code: string, message: string, params?: ErrorParams): DomainError =>
    params ? { kind: 'unprocessable', code, message, params } : { kind: 'unprocessable', code, message },
  versionConflict: (entity: string, currentVersion: number): DomainError => ({
    kind: 'version_conflict',
    entity,
    currentVersion,
    message: `${entity} was modified by someone else (current version ${currentVersion})`,
  }),
  rateLimited: (retryAfterSeconds: number): DomainError => ({
    kind: 'rate_limited',
    retryAfterSeconds,
    message: `Too many attempts; retry in ${retryAfterSeconds} s`,
  }),
  idempotencyMismatch: (): DomainError => ({
    kind: 'idempotency_mismatch',
    message: 'This Idempotency-Key was already used with a different request',
  }),
  payloadTooLarge: (limitBytes: number): DomainError => ({
    kind: 'payload_too_large',
    limitBytes,
    message: `Payload exceeds the limit of ${limitBytes} bytes`,
  }),
  unsupportedMediaType: (message: string): DomainError => ({ kind: 'unsupported_media_type', message }),
  serverBusy: (retryAfterSeconds: number, message = 'The server is busy; retry shortly'): DomainError => ({
    kind: 'server_busy',
    retryAfterSeconds,
    message,
  }),
} as const
