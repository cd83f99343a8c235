/**
 * Test-only WebSocket-to-TCP proxy: lets the Neon serverless driver (which speaks Postgres over a
 * WebSocket) reach a plain local Postgres, the way Neon's own proxy does in production. Bound to
 * loopback and to the one database port it was started for.
 */
import { connect } from 'node:net'
import { WebSocketServer } from 'ws'

/** `connections` lets the test prove the Neon run really went through the WebSocket path. */
export type WsProxy = { port: number; connections(): number; close(): Promise<void> }

export async function startWsProxy(allowed: { host: string; port: number }): Promise<WsProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  let connections = 0
  server.on('connection', (ws, request) => {
    connections += 1
    const address = new URL(request.url ?? '/', 'http://proxy').searchParams.get('address') ?? ''
    const [host, port] = address.split(':')
    if (host !== allowed.host || Number(port) !== allowed.port) {
      ws.close(1008, 'address not allowed')
      return
    }
    const socket = connect(allowed.port, allowed.host)
    socket.on('data', (chunk) => ws.send(chunk))
    socket.on('close', () => ws.close())
    socket.on('error', () => ws.terminate())
    ws.on('message', (data) => socket.write(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)))
    ws.on('close', () => socket.end())
    ws.on('error', () => socket.destroy())
  })
  const info = server.address()
  if (typeof info !== 'object' || info === null) throw new Error('ws proxy did not bind')
  return {
    port: info.port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}
