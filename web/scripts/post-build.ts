/**
 * After `vinxi build` (ADR 0028): SolidStart's static preset prerenders the shell (index.html)
 * into .output/public *after* the client build, so no build plugin can precache it. This step
 * moves the static site to web/dist (what the API server serves, functions/web-static.ts) and
 * writes the service worker over the finished folder with workbox-build, the shell included.
 * The worker sits at /sw.js so its scope is the whole app without a Service-Worker-Allowed header.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { generateSW } from 'workbox-build'

const web = join(import.meta.dirname, '..')
const built = join(web, '.output', 'public')
const dist = join(web, 'dist')

/** Drops what the static server never needs: nitro's precompressed copies and the SSR bundle's CSS. */
function prune(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) prune(path)
    else if (name.endsWith('.gz') || name.endsWith('.br')) rmSync(path)
  }
}

if (!existsSync(join(built, 'index.html'))) throw new Error(`post-build: no prerendered shell in ${built}`)
rmSync(join(built, '_server'), { recursive: true, force: true })
prune(built)
rmSync(dist, { recursive: true, force: true })
renameSync(built, dist)
rmSync(join(web, '.output'), { recursive: true, force: true })

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  swDest: join(dist, 'sw.js'),
  globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
  // The build manifest is for tools (bench/budgets/web.ts), not for the browser.
  globIgnores: ['_build/.vite/**', 'sw.js', 'workbox-*.js'],
  // Hashed file names need no cache-busting revision.
  dontCacheBustURLsMatching: /^_build\/assets\//,
  // Every app URL (/syndic, /buildings...) opens the precached shell offline.
  navigateFallback: '/index.html',
  // API calls are never answered by the worker: offline data comes from IndexedDB.
  navigateFallbackDenylist: [/^\/api\//],
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: true,
  mode: 'production',
  sourcemap: false,
})
for (const w of warnings) console.warn(`post-build: ${w}`)
console.log(`post-build: web/dist, service worker precaches ${count} files (${(size / 1024).toFixed(1)} KiB)`)
