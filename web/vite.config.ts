import { join } from 'node:path'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import solid from 'vite-plugin-solid'
import { apiBaseForBuild } from './scripts/api-base.ts'

// Client-rendered SPA (see ADR-NOTE.md): `vite build` writes a static web/dist the API server
// serves on the same origin; /api is proxied to the local API in dev.
export default defineConfig(({ mode }) => ({
  // The API base the app calls (src/lib/api.ts): /api/v1 unless a KoproGo v1 PUBLIC_API_URL, in the
  // environment or the repository's .env, says otherwise (scripts/api-base.ts).
  define: {
    'import.meta.env.VITE_API_BASE': JSON.stringify(apiBaseForBuild(mode, join(import.meta.dirname, '..'))),
  },
  plugins: [
    solid(),
    VitePWA({
      registerType: 'autoUpdate',
      // main.tsx registers the worker through virtual:pwa-register (it needs no extra script tag).
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'KoproGo',
        short_name: 'KoproGo',
        description: 'Co-ownership management: buildings, lots, owners, charges, general assemblies',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4e89',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Every app URL (/syndic, /buildings...) opens the precached shell offline.
        navigateFallback: '/index.html',
        // API calls are never answered by the worker: offline data comes from IndexedDB.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Rolldown warns when a plugin is slow, which on a busy laptop is every first `make start`:
    // timing noise for someone who only wants the app (profile a slow build with --cpu-prof).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { port: 3000, proxy: { '/api': 'http://localhost:8080' } },
  preview: { port: 4173, proxy: { '/api': 'http://localhost:8080' } },
}))
