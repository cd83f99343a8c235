/**
 * A small HTTPS client for make test-vps: every request goes through Caddy on loopback and trusts
 * only Caddy's local root CA (node:https with `ca`, no dependency; a wrong chain fails the call).
 */
import { Agent, request } from 'node:https'

export type Reply = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
  bytes: Buffer
}

export class HttpsClient {
  private readonly agent: Agent
  readonly origin: string
  constructor(origin: string, ca: string) {
    this.origin = origin
    this.agent = new Agent({ ca, keepAlive: true, maxSockets: 64 })
  }

  call(
    method: string,
    path: string,
    options: {
      token?: string
      json?: unknown
      raw?: { data: Buffer | string; type: string }
      accept?: string
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let payload: Buffer | undefined
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json'
      payload = Buffer.from(JSON.stringify(options.json))
    } else if (options.raw) {
      headers['content-type'] = options.raw.type
      payload = Buffer.from(options.raw.data)
    }
    if (payload) headers['content-length'] = String(payload.length)
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.origin),
        { method, headers, agent: this.agent, timeout: 15_000 },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', reject)
          res.on('end', () => {
            const bytes = Buffer.concat(chunks)
            let body: Record<string, unknown> = {}
            if ((res.headers['content-type'] ?? '').includes('json')) {
              try {
                body = JSON.parse(bytes.toString('utf8'))
              } catch {
                body = {}
              }
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytes })
          })
        },
      )
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)))
      req.on('error', reject)
      req.end(payload)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}

export function expectStatus(r: Reply, status: number, what: string): void {
  if (r.status !== status)
    throw new Error(
      `${what}: HTTP ${r.status}, expected ${status}: ${r.bytes.toString('utf8').slice(0, 300)}`,
    )
}

export function field(r: Reply, name: string): string {
  const value = r.body[name]
  if (typeof value !== 'string') throw new Error(`no ${name} in ${JSON.stringify(r.body).slice(0, 300)}`)
  return value
}

export function multipart(
  fields: Record<string, string>,
  file: Buffer,
  filename: string,
): { data: Buffer; type: string } {
  const boundary = `vps${crypto.randomUUID().replaceAll('-', '')}`
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`
  return {
    data: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  }
}
