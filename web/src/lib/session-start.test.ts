// Issue #19 (Lighthouse): a page load resumes the session without opening the assembly log's
// IndexedDB store (a second connection in the first-paint task); the sign-out count opens it.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const opened = vi.hoisted(() => ({ count: 0 }))
vi.mock('./api', () => ({
  currentUser: () => ({ id: 'u1', email: 'a@b.c', role: 'syndic' }),
  onSessionChange: () => undefined,
  refreshSession: async () => undefined,
  assembly: {},
}))
vi.mock('./offline/store', () => ({
  startSync: async () => undefined,
  stopSync: () => undefined,
  clearSync: async () => undefined,
}))
vi.mock('./assembly/meeting-log', () => ({
  syncMeetingLog: async () => undefined,
  MeetingLogStore: {
    open: async () => {
      opened.count += 1
      return { unsyncedCount: async () => 2, close: () => undefined }
    },
  },
}))

describe('session start and the assembly log store', () => {
  beforeEach(() => {
    opened.count = 0
  })

  it('resumeSession does not open the meeting log store; counting the unsynced acts does', async () => {
    const { resumeSession } = await import('./session')
    await resumeSession()
    await new Promise((r) => setTimeout(r, 0))
    expect(opened.count).toBe(0)
    const { refreshUnsynced, unsyncedActs } = await import('./assembly/log-store')
    await refreshUnsynced('u1')
    expect(opened.count).toBe(1)
    expect(unsyncedActs()).toBe(2)
  })
})
