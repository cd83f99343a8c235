import type { Database } from '../db/client.ts'
import type { Env } from '../env.ts'
import type { Logger } from '../logger.ts'
import { captureMailer } from './capture-mailer.ts'
import { httpMailer } from './http-mailer.ts'
import type { Mailer } from './mailer.ts'

/**
 * The mailer the settings ask for, for every runtime but SMTP: nodemailer is Node-only, so the
 * Node entry builds that one itself (functions/node.ts) and passes it in. No transport means
 * capture: nothing is dropped, and mailStartupWarning says so at start in production.
 */
export function mailerFromEnv(env: Env, db: Database): Mailer {
  if (env.MAIL_TRANSPORT === 'http') {
    return httpMailer({ baseUrl: env.MAIL_HTTP_URL, apiKey: env.MAIL_HTTP_KEY ?? '', from: env.MAIL_FROM })
  }
  if (env.MAIL_TRANSPORT === 'smtp') {
    throw new Error('MAIL_TRANSPORT=smtp needs the Node entry (Workers cannot open SMTP sockets; use http)')
  }
  return captureMailer(db, env.MAIL_FROM)
}

/** Logged once at start: production must not believe it sends mail when it only captures it. */
export function warnAboutMail(env: Env, logger: Logger): void {
  logger.info('mail transport', { transport: env.MAIL_TRANSPORT ?? 'capture', from: env.MAIL_FROM })
  if (env.APP_ENV !== 'production') return
  if (!env.MAIL_TRANSPORT) {
    logger.error(
      'NO MAIL TRANSPORT CONFIGURED: e-mails (invitations, password resets) are only captured in the database ' +
        'and shown on the superadmin Mail page; nobody receives them. Set MAIL_TRANSPORT=smtp|http (docs/operations.md).',
    )
  }
  if (!env.PUBLIC_URL) {
    logger.error(
      'PUBLIC_URL is not set: links in e-mails cannot point at your web address (docs/configuration.md).',
    )
  }
}

/** Where e-mail links point: PUBLIC_URL, else the first CORS origin, else this server. */
export function publicBaseUrl(env: Env): string {
  const base = env.PUBLIC_URL ?? env.CORS_ORIGINS[0] ?? `http://${env.HOST}:${env.PORT}`
  return base.replace(/\/+$/, '')
}
