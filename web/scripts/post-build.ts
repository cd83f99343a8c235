/**
 * After `vinxi build` (ADR 0028): SolidStart's static preset prerenders the shell (index.html)
 * into .output/public *after* the client build, so no build plugin can precache it. This step
 * moves the static site to web/dist (what the API server serves, functions/web-static.ts) and
 * writes the service worker over the finished folder with workbox-build, the shell included.
 * The worker sits at /sw.js so its scope is the whole app without a Service-Worker-Allowed header.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { generateSW } from 'workbox-build'

const web = join(import.meta.dirname, '..')
const built = join(web, '.output', 'public')
// The bench builds into a folder of its own: `node scripts/post-build.ts <outDir>`.
const dist = process.argv[2] ? resolve(process.argv[2]) : join(web, 'dist')

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
// A copy, not a rename: the bench's folder may be on another file system.
cpSync(built, dist, { recursive: true })
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
console.log(`post-build: ${dist}, service worker precaches ${count} files (${(size / 1024).toFixed(1)} KiB)`)

/**
 * Brotli and gzip copies of every text file, written after the worker so they are not precached
 * twice: the Node server sends them to a browser that accepts them (serveStatic `precompressed`,
 * functions/web-static.ts). Uncompressed, the login page's JS and shell were ~210 KB on the wire
 * (api chunk 99 KB, shell 38 KB) and Lighthouse's slow-4G login score was 94; a proxy that
 * compresses (deploy/Caddyfile) leaves an already encoded answer as it is.
 */
function precompress(dir: string): number {
  let n = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== '.vite') n += precompress(path)
      continue
    }
    if (!/\.(js|css|html|svg|webmanifest|json)$/.test(name) || statSync(path).size < 1024) continue
    const raw = readFileSync(path)
    writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
    writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }))
    n++
  }
  return n
}
console.log(`post-build: ${precompress(dist)} files precompressed (.br, .gz)`)
