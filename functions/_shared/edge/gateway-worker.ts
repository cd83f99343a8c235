import { OpenAPIHono } from '@hono/zod-openapi'
import { DomainErrors } from '@koprogo/domain'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import swaggerUiCss from 'swagger-ui-dist/swagger-ui.css'
// Text modules (wrangler.toml `rules`): Swagger UI's files travel inside the gateway bundle.
import swaggerUiScript from 'swagger-ui-dist/swagger-ui-bundle.js'
import { API_PREFIX, mountApiDocs } from '../../gateway.ts'
import { RESOURCES } from '../../resources.ts'
import { API_CSP_DIRECTIVES } from '../csp.ts'
import { problemResponse } from '../problem.ts'
import type { AppEnv } from '../runtime.ts'
import { isFetcher, type WorkerBindings } from './bindings.ts'
import { serviceBinding } from './names.ts'

type GatewayEnv = { Bindings: WorkerBindings; Variables: { requestId: string } }

/** The resource owning a path: the longest mounted name that prefixes it. */
export function resourceFor(pathname: string, names: readonly string[]): string | undefined {
  if (pathname === '/health') return 'health'
  if (!pathname.startsWith(`${API_PREFIX}/`)) return undefined
  const rest = pathname.slice(API_PREFIX.length + 1)
  return [...names]
    .sort((a, b) => b.length - a.length)
    .find((name) => rest === name || rest.startsWith(`${name}/`))
}

/**
 * The edge gateway: no database and no env parsing, it only forwards each request to its
 * resource Worker over a service binding (no public hop) and serves the OpenAPI document, which
 * it builds from the same route table without ever running a handler.
 */
export function createEdgeGateway(): Hono<GatewayEnv> {
  const names = RESOURCES.map(([name]) => name)
  const docs = new OpenAPIHono<AppEnv>()
  for (const [name, resource] of RESOURCES) docs.route(`${API_PREFIX}/${name}`, resource)
  mountApiDocs(docs, { script: swaggerUiScript, css: swaggerUiCss })

  const app = new Hono<GatewayEnv>()
  app.use('*', requestId({ headerName: 'x-request-id' }))
  // The API's CSP on the OpenAPI document; the docs page and its files keep their own (DOCS_CSP).
  const headers = secureHeaders({ contentSecurityPolicy: API_CSP_DIRECTIVES, overwrite: false })
  app.get(`${API_PREFIX}/openapi.json`, headers, (c) => docs.fetch(c.req.raw))
  app.get(`${API_PREFIX}/docs`, headers, (c) => docs.fetch(c.req.raw))
  app.get(`${API_PREFIX}/docs/*`, headers, (c) => docs.fetch(c.req.raw))
  app.all('*', async (c) => {
    const url = new URL(c.req.url)
    const name = resourceFor(url.pathname, names)
    const target = name ? c.env[serviceBinding(name)] : undefined
    if (!name || !isFetcher(target)) return problemResponse(c, DomainErrors.notFound('Route'))
    // /health is the health Worker's /api/v1/health; the request id travels so logs line up.
    if (url.pathname === '/health') url.pathname = `${API_PREFIX}/health`
    const forwarded = new Request(url, c.req.raw)
    forwarded.headers.set('x-request-id', c.get('requestId'))
    return target.fetch(forwarded)
  })
  return app
}
