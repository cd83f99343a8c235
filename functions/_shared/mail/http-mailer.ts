import { type Mailer, messageIdFor } from './mailer.ts'

export type HttpMailerConfig = {
  /** The provider's API root, e.g. https://api.resend.com (a local fake in tests). */
  readonly baseUrl: string
  readonly apiKey: string
  readonly from: string
  readonly fetch?: typeof fetch
}

/**
 * Sends through Resend's JSON API (POST /emails), which works from Workers (plain fetch, no
 * sockets). The job id goes in the Idempotency-Key header: Resend answers a repeated key with the
 * first send instead of mailing twice. Any non-2xx answer throws, so the job retries.
 */
export function httpMailer(config: HttpMailerConfig): Mailer {
  const doFetch = config.fetch ?? fetch
  const url = `${config.baseUrl.replace(/\/+$/, '')}/emails`
  return {
    transport: 'http',
    async send(m) {
      const res = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': m.idempotencyKey,
        },
        body: JSON.stringify({
          from: config.from,
          to: [m.to],
          subject: m.subject,
          text: m.text,
          html: m.html,
          // Resend takes attachments as base64 content.
          ...(m.attachments?.length
            ? {
                attachments: m.attachments.map((a) => ({
                  filename: a.filename,
                  content: base64(a.content),
                  content_type: a.contentType,
                })),
              }
            : {}),
          headers: {
            'Message-ID': messageIdFor(m.idempotencyKey, config.from),
            'Content-Language': m.locale,
          },
        }),
      })
      if (!res.ok) {
        const detail = (await res.text().catch(() => '')).slice(0, 300)
        throw new Error(`mail API answered ${res.status}: ${detail}`)
      }
    },
  }
}

/** Base64 without Node's Buffer (this adapter runs in Workers too). */
function base64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
