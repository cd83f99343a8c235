/**
 * The system Chromium, headless, with a fresh profile and the DevTools protocol on a free port, and
 * a minimal DevTools client (Node's built-in WebSocket): enough to prepare a page (a session in
 * localStorage, offline emulation) before Lighthouse connects to the same browser with --port.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { chromiumPath, ensureChromium } from '../../scripts/lib/debian-package.ts'

/** Same default and override as web/e2e/playwright.config.ts; installed from Debian when missing. */
export { chromiumPath }

export type Chromium = { port: number; version: string; close: () => Promise<void> }

export async function launchChromium(): Promise<Chromium> {
  const missing = ensureChromium((line) => process.stderr.write(`bench: ${line}\n`))
  if (missing) throw new Error(missing)
  const profile = mkdtempSync(join(tmpdir(), 'koprogo-bench-chromium-'))
  const proc: ChildProcess = spawn(
    chromiumPath(),
    [
      // Headless flags this machine needs (no display, running as root).
      '--headless=new',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      // chrome-launcher's quiet defaults: no background traffic competing with the page under test.
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--mute-audio',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${stderr.slice(-500)}`)), 30_000)
    proc.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString()
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    proc.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${chromiumPath()} exited with ${code}: ${stderr.slice(-500)}`))
    })
  })
  const info = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser: string }
  return {
    port,
    version: info.Browser,
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r))
        proc.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (proc.exitCode === null) proc.kill('SIGKILL')
      }
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

type Message = {
  id?: number
  method?: string
  params?: unknown
  result?: unknown
  error?: { message: string }
}

/** One page target of the browser, driven over the DevTools protocol. */
export class CdpPage {
  private readonly ws: WebSocket
  private next = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private readonly waiters = new Map<string, Array<() => void>>()
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>()

  private constructor(ws: WebSocket) {
    this.ws = ws
    ws.addEventListener('message', (e) => {
      const msg = JSON.parse(String(e.data)) as Message
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id)
        this.pending.delete(msg.id)
        if (msg.error) p?.reject(new Error(msg.error.message))
        else p?.resolve(msg.result)
      } else if (msg.method) {
        for (const l of this.listeners.get(msg.method) ?? []) l(msg.params)
        for (const w of this.waiters.get(msg.method) ?? []) w()
        this.waiters.delete(msg.method)
      }
    })
  }

  /** The browser's first page (about:blank). */
  static async open(port: number): Promise<CdpPage> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      type: string
      webSocketDebuggerUrl: string
    }[]
    const page = targets.find((t) => t.type === 'page')
    if (!page) throw new Error('Chromium has no page target')
    const ws = new WebSocket(page.webSocketDebuggerUrl)
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true })
      ws.addEventListener('error', () => reject(new Error('DevTools WebSocket failed')), { once: true })
    })
    const cdp = new CdpPage(ws)
    await cdp.send('Page.enable')
    return cdp
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++
    this.ws.send(JSON.stringify({ id, method, params }))
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
    })
  }

  /** Calls `listener` with each event `method`'s params until the returned function is called. */
  on(method: string, listener: (params: unknown) => void): () => void {
    const set = this.listeners.get(method) ?? new Set()
    set.add(listener)
    this.listeners.set(method, set)
    return () => set.delete(listener)
  }

  private event(method: string, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} not seen in ${timeoutMs} ms`)), timeoutMs)
      const list = this.waiters.get(method) ?? []
      list.push(() => {
        clearTimeout(timer)
        resolve()
      })
      this.waiters.set(method, list)
    })
  }

  async goto(url: string): Promise<void> {
    const loaded = this.event('Page.loadEventFired')
    const r = await this.send<{ errorText?: string }>('Page.navigate', { url })
    if (r.errorText) throw new Error(`${url}: ${r.errorText}`)
    await loaded
  }

  async reload(): Promise<void> {
    const loaded = this.event('Page.loadEventFired')
    await this.send('Page.reload')
    await loaded
  }

  /** Evaluates an expression in the page (promises awaited) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    )
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`)
    return r.result.value as T
  }

  close(): void {
    this.ws.close()
  }
}
