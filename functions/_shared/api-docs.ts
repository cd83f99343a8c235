import type { Context, Env, Hono } from 'hono'
import { DOCS_CSP } from './csp.ts'

/**
 * The API reference page, self-hosted: Swagger UI from the `swagger-ui-dist` package pinned in
 * functions/package.json, served from this origin (no CDN, so nothing a third party changes runs
 * where the session lives). The page has no inline script: its bootstrap is a served file, so the
 * page runs under DOCS_CSP (`script-src 'self'`, `connect-src 'self'`).
 *
 * The package's two big files come from the caller: the Node entry reads them from node_modules
 * (api-docs-node.ts); the edge gateway Worker imports them as text modules (wrangler `rules`).
 */
export type ApiDocsAssets = { script: string; css: string }

const DOCS = '/api/v1/docs'

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>KoproGo API reference</title>
    <link rel="stylesheet" href="${DOCS}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS}/swagger-ui-bundle.js"></script>
    <script src="${DOCS}/init.js"></script>
  </body>
</html>
`

// validatorUrl: null — by default Swagger UI loads a badge image from validator.swagger.io.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
})
`

/** Mounts the page, its bootstrap and the package's script and stylesheet under /api/v1/docs. */
export function mountApiDocsPage<E extends Env>(app: Hono<E>, assets: ApiDocsAssets): void {
  const file =
    (body: string, type: string, cache = 'public, max-age=3600') =>
    (c: Context<E>) =>
      c.body(body, 200, { 'content-type': type, 'cache-control': cache, 'content-security-policy': DOCS_CSP })
  app.get(DOCS, file(PAGE, 'text/html; charset=utf-8', 'no-cache'))
  app.get(`${DOCS}/init.js`, file(INIT, 'text/javascript; charset=utf-8'))
  app.get(`${DOCS}/swagger-ui-bundle.js`, file(assets.script, 'text/javascript; charset=utf-8'))
  app.get(`${DOCS}/swagger-ui.css`, file(assets.css, 'text/css; charset=utf-8'))
}
