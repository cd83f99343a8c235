import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

// Runs against a running KoproGo (API + built web on one origin). `make test-e2e` starts a fresh
// server and runs this (scripts/test-e2e.ts); by hand, with `make start` running:
//   E2E_BASE_URL=http://localhost:8080 pnpm --filter @koprogo/web e2e
// Uses the system Chromium (never `playwright install` here); flags from design/STACK.md.
// On another OS, point CHROMIUM_PATH at your Chrome or Chromium binary.
// Two projects: `desktop` runs every test; `phone` (390×844, touch, mobile viewport) runs again the
// tests whose title has the tag @phone. `--project=desktop` or `--project=phone` picks one.
const artifacts = fileURLToPath(new URL('../../test-results/e2e', import.meta.url))

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: artifacts,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:8080',
    serviceWorkers: 'allow',
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Videos need an ffmpeg; scripts/test-e2e.ts sets E2E_VIDEO=1 when it provided one.
    video: process.env.E2E_VIDEO === '1' ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    {
      name: 'phone',
      grep: /@phone/,
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
      },
    },
  ],
})
