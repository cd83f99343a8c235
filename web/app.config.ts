import { join } from 'node:path'
import { defineConfig } from '@solidjs/start/config'
import { webDefine } from './scripts/api-base.ts'

// SolidStart 1 (vinxi) as a client-rendered PWA (ADR 0028): `ssr: false` + the static preset
// prerender one shell (index.html) into .output/public; scripts/post-build.ts then moves it to
// web/dist, which the API server serves on the same origin, and writes the precaching worker.
export default defineConfig({
  ssr: false,
  server: {
    preset: 'static',
    prerender: { routes: ['/'] },
    // `make dev-frontend`: the API runs on :8080.
    devProxy: { '/api': 'http://localhost:8080/api' },
  },
  vite: () => ({
    define: webDefine(
      process.env.NODE_ENV === 'production' ? 'production' : 'development',
      join(import.meta.dirname, '..'),
    ),
    build: { target: 'es2022' },
  }),
})
