// @refresh reload
// The document of the static shell: prerendered once at build time (ssr: false, static preset)
// into index.html, which the service worker precaches and serves for every app URL offline.
import { createHandler, StartServer } from '@solidjs/start/server'

export default createHandler(() => (
  <StartServer
    document={({ assets, children, scripts }) => (
      <html lang="fr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="theme-color" content="#1d4e89" />
          <meta name="description" content="KoproGo — co-ownership management" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="apple-touch-icon" href="/icons/icon-192.png" />
          <link rel="manifest" href="/manifest.webmanifest" />
          <title>KoproGo</title>
          {assets}
        </head>
        <body>
          <noscript>KoproGo needs JavaScript.</noscript>
          <div id="app">{children}</div>
          {scripts}
        </body>
      </html>
    )}
  />
))
