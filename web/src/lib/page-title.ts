// The browser tab's title per route, in the UI language ("Buildings — KoproGo"): screen readers
// announce it on every navigation and it names the tab, the history entry and a bookmark.
import { type MessageKey, t } from './i18n'
import { type AppPath, NAV_LABEL } from './roles'

const PUBLIC: Record<string, MessageKey> = {
  '/login': 'login.title',
  '/forgot-password': 'pw.forgotTitle',
  '/reset-password': 'pw.resetTitle',
  '/set-password': 'pw.setTitle',
}

const isAppPath = (p: string): p is AppPath => p in NAV_LABEL

/** Screens under a detail route with a title of their own (/meetings/:id/room). */
const SUB_SCREENS: Record<string, MessageKey> = {
  room: 'room.title',
  projector: 'room.projectorTitle',
}

/**
 * A route's title. A detail route (`/buildings/:id`) takes its section's name until its page
 * sets a more precise one; the landing page and unknown paths are just the product's name.
 */
export function pageTitle(pathname: string): string {
  const app = t('app.name')
  const section = `/${pathname.split('/')[1] ?? ''}`
  const sub = pathname.split('/')[3]
  const key =
    PUBLIC[pathname] ??
    (sub && sub in SUB_SCREENS ? SUB_SCREENS[sub] : undefined) ??
    (isAppPath(section) ? NAV_LABEL[section] : undefined)
  return key ? `${t(key)} — ${app}` : app
}
