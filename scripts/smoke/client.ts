/** A tiny JSON client over Miniflare's dispatchFetch (requests enter through the gateway). */
import type { Miniflare } from 'miniflare'

export type Reply = {
  status: number
  headers: { get(name: string): string | null }
  body: Record<string, unknown>
  /** The raw body (downloads). */
  text: string
}

export class SmokeClient {
  private readonly mf: Miniflare
  constructor(mf: Miniflare) {
    this.mf = mf
  }

  async call(
    method: string,
    path: string,
    options: {
      token?: string
      body?: unknown
      raw?: { data: string | Uint8Array; type?: string }
      headers?: Record<string, string>
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let body: string | Uint8Array | undefined
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.body)
    } else if (options.raw) {
      if (options.raw.type) headers['content-type'] = options.raw.type
      body = options.raw.data
    }
    const res = await this.mf.dispatchFetch(`http://smoke.test${path}`, { method, headers, body })
    const text = await res.text()
    let parsed: unknown = {}
    try {
      parsed = text ? JSON.parse(text) : {}
    } catch {
      parsed = { text }
    }
    const json = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
    return { status: res.status, headers: res.headers, body: json, text }
  }
}

export function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`,
    )
  }
}

export function field(reply: Reply, key: string): string {
  const value = reply.body[key]
  if (typeof value !== 'string')
    throw new Error(`response has no string "${key}": ${JSON.stringify(reply.body).slice(0, 300)}`)
  return value
}
