import type { Database } from '../db/client.ts'
import { capturedMail, capturedMailAttachments } from '../db/schema/index.ts'
import { uuidv7 } from '../ids.ts'
import { type Mailer, messageIdFor } from './mailer.ts'

/**
 * Keeps each message in the `captured_mail` table instead of sending it: the embedded profile,
 * tests, and production without a transport (which says so loudly at start). Unique on the job
 * id, so a retried job captures its message once.
 */
export function captureMailer(db: Database, from: string): Mailer {
  return {
    transport: 'capture',
    async send(m) {
      await db
        .insert(capturedMail)
        .values({
          id: uuidv7(),
          jobId: m.idempotencyKey,
          messageId: messageIdFor(m.idempotencyKey, from),
          fromAddress: from,
          toAddress: m.to,
          locale: m.locale,
          subject: m.subject,
          textBody: m.text,
          htmlBody: m.html,
        })
        .onConflictDoNothing({ target: capturedMail.jobId })
      for (const a of m.attachments ?? [])
        await db
          .insert(capturedMailAttachments)
          .values({
            id: uuidv7(),
            jobId: m.idempotencyKey,
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })
          .onConflictDoNothing()
    },
  }
}
