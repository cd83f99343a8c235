/**
 * The API base URL the web build bakes into the app (issue #18 item 5). KoproGo v1's frontend read
 * `PUBLIC_API_URL` (e.g. `https://syndic.example.org/api/v1`); here the web app is served by the
 * API itself and only ever calls the origin that serves it (the refresh cookie is SameSite=Strict
 * and sent `credentials: 'same-origin'`, the CSP says `connect-src 'self'`), so only the URL's path
 * is used. An origin in it is dropped with a warning rather than refused, so a v1 `.env` builds.
 */
import { loadEnv } from 'vite'

export const DEFAULT_API_BASE = '/api/v1'

export function apiBaseFrom(
  value: string | undefined,
  warn: (message: string) => void = console.warn,
): string {
  const raw = value?.trim()
  if (!raw) return DEFAULT_API_BASE
  let path: string
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    path = raw.split(/[?#]/)[0] ?? ''
  } else {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new Error(`PUBLIC_API_URL=${raw}: expected an http(s) URL or a path starting with /`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`PUBLIC_API_URL=${raw}: expected an http(s) URL or a path starting with /`)
    }
    path = url.pathname
    warn(
      `PUBLIC_API_URL (KoproGo v1): the web app calls the API on the origin that serves it; ` +
        `using the path ${path.replace(/\/+$/, '') || DEFAULT_API_BASE} and dropping ${url.origin}`,
    )
  }
  // v1 values were often just an origin (`http://localhost:8080`): the API lives under /api/v1.
  return path.replace(/\/+$/, '') || DEFAULT_API_BASE
}

/** PUBLIC_API_URL from the environment, else from the `.env` files in `envDir` (Vite's loadEnv). */
export function apiBaseForBuild(mode: string, envDir: string, warn?: (message: string) => void): string {
  return apiBaseFrom(loadEnv(mode, envDir, 'PUBLIC_API_URL').PUBLIC_API_URL, warn)
}

/** The build's `define`: the API base the app calls (src/lib/api.ts), from the repository's .env. */
export function webDefine(mode: string, envDir: string): Record<string, string> {
  return { 'import.meta.env.VITE_API_BASE': JSON.stringify(apiBaseForBuild(mode, envDir)) }
}
