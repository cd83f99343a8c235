// Node only: nodemailer needs sockets. Imported by the Node entry (functions/node.ts), never by
// compose.ts or a Worker entry; scripts/test-bundles.ts fails a Worker bundle holding Node code.
import { createTransport } from 'nodemailer'
import { type Mailer, messageIdFor } from './mailer.ts'

export type SmtpMailerConfig = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  readonly url: string
  readonly from: string
}

/** Sends through an SMTP server; the Message-ID is derived from the job id so a retry is recognisable. */
export function smtpMailer(config: SmtpMailerConfig): Mailer & { close(): void } {
  const transport = createTransport(config.url)
  return {
    transport: 'smtp',
    async send(m) {
      await transport.sendMail({
        from: config.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: messageIdFor(m.idempotencyKey, config.from),
        headers: { 'Content-Language': m.locale },
        attachments: (m.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content),
        })),
      })
    },
    close: () => transport.close(),
  }
}
