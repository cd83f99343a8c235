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
