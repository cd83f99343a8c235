// Issue #19 (Lighthouse, ADR 0052): a page load asks for a fresh token while the offline data
// opens, not after: the refresh's round trip no longer waits for IndexedDB.
import { describe, expect, it, vi } from 'vitest'

const order = vi.hoisted(() => ({ events: [] as string[], openSync: () => {} }))
vi.mock('./api', () => ({
  currentUser: () => ({ id: 'u1', email: 'a@b.c', role: 'owner' }),
  onSessionChange: () => undefined,
  refreshSession: async () => {
    order.events.push('refresh')
  },
}))
vi.mock('./offline/store', () => ({
  startSync: () =>
    new Promise<void>((resolve) => {
      order.events.push('open')
      order.openSync = () => {
        order.events.push('opened')
        resolve()
      }
    }),
  stopSync: () => undefined,
  clearSync: async () => undefined,
}))

describe('resumeSession', () => {
  it('refreshes the token while the offline engine is still opening', async () => {
    const { resumeSession } = await import('./session')
    const resumed = resumeSession()
    await new Promise((r) => setTimeout(r, 0))
    expect(order.events).toEqual(['open', 'refresh'])
    order.openSync()
    await resumed
    expect(order.events).toEqual(['open', 'refresh', 'opened'])
  })
})
