// The signed-in user as a Solid signal, kept in step with api.ts (login, refresh, expiry) and
// with the per-user offline engine (started on login/reload, deleted on logout).
import { createRoot, createSignal } from 'solid-js'
import * as api from './api'
import { clearSync, startSync, stopSync } from './offline/store'
import type { User } from './wire-types'

const [user, setUser] = createRoot(() => createSignal<User | null>(api.currentUser()))

export { user }

api.onSessionChange((u, reason) => {
  setUser(u)
  if (reason === 'expired') stopSync()
})

/**
 * On page load: the stored profile (no token) says who was signed in, so that user's offline data
 * opens at once, online or not; then the refresh cookie gets a fresh access token. Offline that
 * fails on the network and the app stays usable; a refused cookie (expired, revoked) signs out.
 */
export async function resumeSession(): Promise<void> {
  const u = user()
  if (!u) return
  await startSync(u.id)
  // The assembly log's acts recorded offline before this reload are counted by the sign-out
  // button when clicked, not here: opening that store at every start cost the first paint a
  // second IndexedDB connection (issue #19, Lighthouse).
  try {
    await api.refreshSession()
  } catch {
    // offline or the server is unreachable: requests refresh again when back online
  }
}

export async function signIn(email: string, password: string): Promise<User> {
  const u = await api.login(email, password)
  await startSync(u.id)
  return u
}

/** Sets the password through an invitation or reset link; the answer signs the user in. */
export async function signInWithLink(token: string, password: string): Promise<User> {
  const u = await api.resetPassword(token, password)
  await startSync(u.id)
  return u
}

export async function signOut(): Promise<void> {
  await clearSync()
  await api.logout()
}
