// The signed-in user as a Solid signal, kept in step with api.ts (login, refresh, expiry) and
// with the per-user offline engine (started on login/reload, deleted on logout).
import { createRoot, createSignal } from 'solid-js'
import * as api from './api'
import type { User } from './api-types'
import { clearSync, startSync, stopSync } from './offline/store'

const [user, setUser] = createRoot(() => createSignal<User | null>(api.getSession()?.user ?? null))

export { user }

api.onSessionChange((s, reason) => {
  setUser(s?.user ?? null)
  if (reason === 'expired') stopSync()
})

/** On page load: resume the stored session (works offline: no request needed). */
export async function resumeSession(): Promise<void> {
  const u = user()
  if (u) await startSync(u.id)
}

export async function signIn(email: string, password: string): Promise<User> {
  const u = await api.login(email, password)
  await startSync(u.id)
  return u
}

export async function signOut(): Promise<void> {
  await clearSync()
  await api.logout()
}
