import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '../env.ts'
import { createLogger } from '../logger.ts'
import { httpMailer } from './http-mailer.ts'
import type { MailMessage } from './mailer.ts'
import { warnAboutMail } from './select-mailer.ts'
import { smtpMailer } from './smtp-mailer.ts'

const message: MailMessage = {
  to: 'anke@example.test',
  locale: 'nl',
  subject: 'Stel uw wachtwoord opnieuw in',
  text: 'Beste Anke,\n\nhttps://app.example.test/reset-password?token=abc\n',
  html: '<p>Beste Anke,</p>',
  idempotencyKey: '0190f1a2-0000-7000-8000-000000000001',
}
const FROM = 'Syndic Dupont <no-reply@syndic.example>'

describe('the HTTP mail adapter (Resend API) against a local fake', () => {
  const seen: { headers: IncomingMessage['headers']; url: string; body: string }[] = []
  let status = 200
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => {
      body += c
    })
    req.on('end', () => {
      seen.push({ headers: req.headers, url: req.url ?? '', body })
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'fake-1' }))
    })
  })
  let baseUrl = ''
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('posts the message with the key, the job id as Idempotency-Key and a Message-ID from it', async () => {
    await httpMailer({ baseUrl, apiKey: 're_test_key', from: FROM }).send(message)
    const req = seen.at(-1)
    expect(req?.url).toBe('/emails')
    expect(req?.headers.authorization).toBe('Bearer re_test_key')
    expect(req?.headers['idempotency-key']).toBe(message.idempotencyKey)
    expect(JSON.parse(req?.body ?? '{}')).toEqual({
      from: FROM,
      to: ['anke@example.test'],
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'Message-ID': `<${message.idempotencyKey}@syndic.example>`, 'Content-Language': 'nl' },
    })
  })

  it('throws on a refusal, so the job is retried instead of marked done', async () => {
    status = 503
    await expect(httpMailer({ baseUrl, apiKey: 'k', from: FROM }).send(message)).rejects.toThrow(/503/)
    status = 200
  })
})

describe('the SMTP adapter against an in-process SMTP sink', () => {
  const received: { from: string; to: string[]; data: string }[] = []
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8')
      })
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        })
        callback()
      })
    },
  })
  let port = 0
  beforeAll(async () => {
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()))
    port = (sink.server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => sink.close(() => r())))

  it('delivers text and HTML with the Message-ID derived from the job id', async () => {
    const mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: FROM })
    await mailer.send(message)
    mailer.close()
    const [mail] = received
    expect(mail?.from).toBe('no-reply@syndic.example')
    expect(mail?.to).toEqual(['anke@example.test'])
    expect(mail?.data).toContain(`Message-ID: <${message.idempotencyKey}@syndic.example>`)
    expect(mail?.data).toContain('Subject: Stel uw wachtwoord opnieuw in')
    expect(mail?.data).toContain('Content-Type: text/html')
    expect(mail?.data).toContain('Content-Language: nl')
  })
})

describe('mail settings', () => {
  const prod = {
    APP_ENV: 'production',
    JWT_SECRET: 'x'.repeat(40),
    SUPERADMIN_PASSWORD: 'Prod-Admin-Pass-2026',
    CORS_ORIGINS: 'https://app.example.test',
  }

  it('says loudly at start that production without a transport only captures mail', () => {
    const lines: string[] = []
    warnAboutMail(
      parseEnv(prod),
      createLogger('info', (l) => lines.push(l)),
    )
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 'error')
    expect(errors).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: expect.stringContaining('NO MAIL TRANSPORT CONFIGURED'),
      }),
      expect.objectContaining({ level: 'error', msg: expect.stringContaining('PUBLIC_URL') }),
    ])
    const quiet: string[] = []
    warnAboutMail(
      parseEnv({
        ...prod,
        MAIL_TRANSPORT: 'http',
        MAIL_HTTP_KEY: 'k',
        PUBLIC_URL: 'https://app.example.test',
      }),
      createLogger('info', (l) => quiet.push(l)),
    )
    expect(quiet.map((l) => JSON.parse(l).level)).toEqual(['info'])
  })

  it('refuses a transport without its settings', () => {
    expect(() => parseEnv({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/)
    expect(() => parseEnv({ MAIL_TRANSPORT: 'http' })).toThrow(/MAIL_HTTP_KEY/)
  })
})
