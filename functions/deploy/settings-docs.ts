/**
 * The documentation of every setting: EnvSchema (functions/_shared/env.ts) says what is valid,
 * this says what it means and where it matters. docs/configuration.md and .env.example are
 * generated from it (scripts/gen-config-docs.ts) and tests keep all three in sync.
 */
export type Profile = 'embedded' | 'vps' | 'edge'
export type SettingDoc = {
  readonly meaning: string
  readonly profiles: readonly Profile[]
  /** Must be set (to a non-default value) in production; the env guard refuses to start without. */
  readonly requiredInProduction?: boolean
  /** What to write in .env.example instead of an empty line (never a real secret). */
  readonly example?: string
}

const ALL: readonly Profile[] = ['embedded', 'vps', 'edge']
const NODE: readonly Profile[] = ['embedded', 'vps']

export const SETTINGS_DOCS: Readonly<Record<string, SettingDoc>> = {
  APP_ENV: {
    meaning:
      '`production` turns on the fail-closed checks (secret length, CORS list, superadmin password, argon2 cost).',
    profiles: ALL,
  },
  HOST: { meaning: 'Interface the Node server listens on (`0.0.0.0` in a container).', profiles: NODE },
  PORT: { meaning: 'Port of the Node server.', profiles: NODE },
  DATABASE_URL: {
    meaning:
      'Postgres connection string. Unset: the embedded PGlite database in DATA_DIR. A `*.neon.tech` host selects the Neon driver. On Workers: a `wrangler secret`.',
    profiles: ALL,
  },
  DATABASE_DRIVER: {
    meaning: 'Force the driver: `pglite`, `pg` (TCP) or `neon` (WebSocket). Unset: chosen from DATABASE_URL.',
    profiles: ALL,
  },
  DATA_DIR: {
    meaning: 'Folder of the embedded database (`pgdata/`), uploaded files and the development JWT secret.',
    profiles: NODE,
  },
  DB_POOL_MAX: {
    meaning:
      'Maximum connections of the pool (Node: one pool per process, kept open while idle — ADR 0054: an idle API holds up to this many Postgres connections, so count them against `max_connections` when several processes share a server; Workers: per request, one behind Hyperdrive — ADR 0053).',
    profiles: ALL,
  },
  NEON_WS_PROXY: {
    meaning:
      'Tests only: `host:port/path` of a WebSocket-to-TCP proxy the Neon driver uses to reach a plain Postgres. Ignored when APP_ENV=production.',
    profiles: ['edge'],
  },
  STORAGE_DIR: {
    meaning:
      'Where uploaded documents are stored on disk (default `DATA_DIR/files`). Workers use the R2 binding `DOCUMENTS`.',
    profiles: NODE,
  },
  WEB_DIST_DIR: { meaning: 'The built web app served on `/` (default `web/dist`).', profiles: NODE },
  JWT_SECRET: {
    meaning:
      'HMAC key of the access tokens, at least 32 bytes in production (`openssl rand -base64 48`). Development generates one into DATA_DIR.',
    profiles: ALL,
    requiredInProduction: true,
    example: 'change-me-to-48-random-bytes-base64',
  },
  ACCESS_TOKEN_TTL_SECONDS: { meaning: 'Lifetime of an access token.', profiles: ALL },
  REFRESH_TOKEN_TTL_DAYS: { meaning: 'Lifetime of a refresh token (rotated on every use).', profiles: ALL },
  REFRESH_SESSION_MAX_DAYS: {
    meaning:
      'Absolute lifetime of a session (refresh-token family) from its login, however often it is refreshed; then log in again (ADR 0016).',
    profiles: ALL,
  },
  REFRESH_REUSE_GRACE_SECONDS: {
    meaning:
      'A just-rotated refresh token presented again within this window (two tabs refreshing at once) gets the same successor instead of revoking the session as reuse (ADR 0016).',
    profiles: ALL,
  },
  CORS_ORIGINS: {
    meaning: 'Comma-separated origins allowed to call the API from a browser; `*` is refused in production.',
    profiles: ALL,
  },
  BODY_LIMIT_BYTES: { meaning: 'Largest JSON request body.', profiles: ALL },
  UPLOAD_LIMIT_BYTES: { meaning: 'Largest document upload (POST /api/v1/documents).', profiles: ALL },
  SIGNUP_ENABLED: {
    meaning: 'Allow public self-registration of a syndic with a new organization.',
    profiles: ALL,
  },
  SUPERADMIN_EMAIL: {
    meaning: 'The first superadmin, created on start (Node) or by `make migrate` (edge) when missing.',
    profiles: ALL,
    requiredInProduction: true,
    example: 'admin@example.org',
  },
  SUPERADMIN_PASSWORD: {
    meaning: 'Its password; the development default `admin123` is refused in production.',
    profiles: ALL,
    requiredInProduction: true,
  },
  LOGIN_MAX_FAILURES_PER_EMAIL_IP: {
    meaning:
      'Failed logins per (e-mail, client address) within the window before 429: what stops one guesser (ADR 0016).',
    profiles: ALL,
  },
  LOGIN_MAX_FAILURES_PER_EMAIL: {
    meaning:
      'Failed logins per e-mail from all addresses within the window before 429; high so one stranger cannot lock an account (ADR 0016).',
    profiles: ALL,
  },
  LOGIN_MAX_FAILURES_PER_IP: {
    meaning: 'Failed logins per client address within the window before 429.',
    profiles: ALL,
  },
  LOGIN_WINDOW_SECONDS: { meaning: 'The login throttling window.', profiles: ALL },
  ARGON2_MEMORY_KIB: { meaning: 'argon2id memory cost (production minimum 19456, OWASP).', profiles: ALL },
  ARGON2_ITERATIONS: { meaning: 'argon2id time cost (production minimum 2).', profiles: ALL },
  ARGON2_PARALLELISM: { meaning: 'argon2id lanes.', profiles: ALL },
  TRUST_PROXY: {
    meaning:
      'Believe X-Forwarded-For / X-Real-IP for the client address (only behind your own proxy, e.g. Caddy). Workers use cf-connecting-ip.',
    profiles: NODE,
  },
  SEED_DEMO_ON_START: {
    meaning: 'Load the demo organization on the first start of an empty database.',
    profiles: NODE,
  },
  LOG_LEVEL: {
    meaning: 'Log lines at or above this level: debug, info, warn, error, silent.',
    profiles: ALL,
  },
  LOG_FORMAT: {
    meaning:
      '`json` (one JSON object per line, for log collectors) or `pretty` (one short human line). Unset: pretty when not in production and the output is a terminal (`make start`), JSON otherwise.',
    profiles: NODE,
    example: 'json',
  },
  MAIL_TRANSPORT: {
    meaning:
      'How e-mail leaves (ADR 0023): `smtp` (Node only, SMTP_URL), `http` (Resend JSON API, MAIL_HTTP_KEY; the one for Workers) or `capture` (kept in the database, shown on the superadmin Mail page). Unset: capture, and in production an error line at every start says nobody receives mail.',
    profiles: ALL,
    example: 'smtp',
  },
  MAIL_FROM: {
    meaning: 'Sender of every e-mail, `Name <address>`; the Message-ID domain is taken from it.',
    profiles: ALL,
    example: 'KoproGo <no-reply@syndic.example.org>',
  },
  SMTP_URL: {
    meaning:
      'SMTP server when MAIL_TRANSPORT=smtp: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`; percent-encode special characters of the password.',
    profiles: NODE,
    example: 'smtp://user:password@smtp.example.org:587',
  },
  MAIL_HTTP_URL: {
    meaning: 'Root of the mail API when MAIL_TRANSPORT=http (POST {root}/emails, Resend format).',
    profiles: ALL,
  },
  MAIL_HTTP_KEY: {
    meaning: 'API key of the mail API when MAIL_TRANSPORT=http (Bearer). On Workers: a `wrangler secret`.',
    profiles: ALL,
  },
  PUBLIC_URL: {
    meaning:
      'The address people open the web app at (`https://syndic.example.org`): links in e-mails point there. Unset: the first CORS origin, else this server; production logs an error at start when unset.',
    profiles: ALL,
    example: 'https://syndic.example.org',
  },
  INVITE_LINK_TTL_HOURS: {
    meaning: 'How long an invitation link (set your password) stays valid; it works once.',
    profiles: ALL,
  },
  RESET_LINK_TTL_MINUTES: {
    meaning: 'How long a password-reset link stays valid; it works once, and a newer link voids it.',
    profiles: ALL,
  },
  JOB_MAX_ATTEMPTS: {
    meaning:
      'Tries of an outbox job before it is dead-lettered (`failed`, last error kept, retried by hand from the superadmin Jobs page) (ADR 0019).',
    profiles: ALL,
  },
  JOB_RETRY_BASE_SECONDS: {
    meaning:
      'Delay before the second try of a failed job; it doubles at each try (with random jitter of up to half), capped by JOB_RETRY_MAX_SECONDS.',
    profiles: ALL,
  },
  JOB_RETRY_MAX_SECONDS: { meaning: 'Longest delay between two tries of a job.', profiles: ALL },
  JOB_LEASE_SECONDS: {
    meaning:
      'How long a claimed job is reserved for its runner (renewed while it runs); a runner that died mid-job (kill -9) loses it after this and another run takes it again.',
    profiles: ALL,
  },
  JOB_TIMEOUT_SECONDS: {
    meaning:
      'A try still running after this counts as failed (retried with backoff): one hung handler must not hold the runner. The hung work is not stopped, but it can no longer mark the job done.',
    profiles: ALL,
  },
  JOB_POLL_INTERVAL_MS: {
    meaning:
      'Node: how often the in-process job runner looks for due jobs (it is also woken right after a request enqueues one). Workers run jobs from the Cron Trigger instead.',
    profiles: NODE,
  },
  TEST_JOB_KINDS: {
    meaning:
      'Tests only: registers the test job kinds (functions/_shared/jobs/test-kinds.ts) used by the kill -9 test. Refused when APP_ENV=production.',
    profiles: NODE,
  },
}

/** Variables docker-compose.yml itself reads (not the API): documented in .env.example too. */
export const COMPOSE_SETTINGS: Readonly<Record<string, { meaning: string; example: string }>> = {
  DOMAIN: { meaning: 'Public host name; Caddy gets its TLS certificate.', example: 'syndic.example.org' },
  ACME_EMAIL: { meaning: "Contact for Let's Encrypt.", example: 'admin@example.org' },
  POSTGRES_PASSWORD: { meaning: 'Password of the `koprogo` database user.', example: 'change-me' },
  KOPROGO_VERSION: { meaning: 'Tag of the API image built by compose.', example: '0.1.0' },
  BACKUP_KEEP_DAYS: { meaning: 'Days of nightly backups kept in ./backups.', example: '14' },
  BACKUP_AT: { meaning: 'Time (UTC, HH:MM) of the nightly backup.', example: '02:30' },
  POSTGRES_IMAGE: {
    meaning: 'Image of the `postgres` and `backup` services (default: the pinned public one).',
    example: 'postgres:17.6-bookworm',
  },
  CADDY_IMAGE: {
    meaning: 'Image of the `caddy` service (default: the pinned public one).',
    example: 'caddy:2.10.2-alpine',
  },
  NODE_IMAGE: {
    meaning: 'Base image the API image is built from (default: the pinned public one).',
    example: 'node:24.21.0-bookworm-slim',
  },
}

/**
 * KoproGo v1 names still read (functions/_shared/env-v1-aliases.ts, web/build/api-base.ts): what
 * each maps to. A test checks every alias the code knows is documented here.
 */
export const V1_SETTINGS: Readonly<Record<string, { use: string; meaning: string }>> = {
  SERVER_HOST: {
    use: 'HOST',
    meaning: 'Same meaning. Ignored when `HOST` is set (the Docker image and docker-compose.yml set it).',
  },
  SERVER_PORT: {
    use: 'PORT',
    meaning: 'Same meaning. Ignored when `PORT` is set (the Docker image and docker-compose.yml set it).',
  },
  RUST_LOG: {
    use: 'LOG_LEVEL',
    meaning:
      'Levels map `error`, `warn`, `info`, `debug` to themselves, `trace` to `debug`, `off` to `silent`. In a directive list (`koprogo_api=debug,actix_web=info`) the level given to a `koprogo*` target wins (the most verbose of them), else the bare global level, else `info`; a `/filter` is dropped. Ignored when `LOG_LEVEL` is set.',
  },
  PUBLIC_API_URL: {
    use: '(web build)',
    meaning:
      "Read by the web build (`make web`, `pnpm --filter @koprogo/web build`) from the environment or the root `.env`: its path becomes the API base the web app calls (default `/api/v1`); an origin in it is dropped with a warning, because the web app only calls the origin that serves it (same-origin cookie, CSP `connect-src 'self'`). The Docker image builds without `.env`, so there it is always `/api/v1`.",
  },
}
