import type { Locale } from '@koprogo/domain'

/**
 * One e-mail, as plain data. `idempotencyKey` is the id of the job that sends it: adapters derive
 * the Message-ID from it and pass it to providers that deduplicate, so a job retried after a
 * crash does not produce a second distinct message (ADR 0023).
 */
export type MailMessage = {
  readonly to: string
  readonly locale: Locale
  readonly subject: string
  readonly text: string
  readonly html: string
  readonly idempotencyKey: string
  /** Files sent with the message (a convocation's PDF); absent for plain notices. */
  readonly attachments?: readonly MailAttachment[] | undefined
}

export type MailAttachment = {
  readonly filename: string
  readonly contentType: string
  readonly content: Uint8Array
}

/** The outgoing-mail port. `send` resolves once the transport accepted the message, or throws (the job retries). */
export interface Mailer {
  /** capture | smtp | http: which adapter this is (the start-up log names the configured one). */
  readonly transport: 'capture' | 'smtp' | 'http'
  send(message: MailMessage): Promise<void>
}

/** A stable Message-ID per job: `<job id@sender's domain>`. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'koprogo.invalid'
  return `<${idempotencyKey}@${domain}>`
}
