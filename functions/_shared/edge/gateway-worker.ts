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
import type { WorkerBindings } from './bindings.ts'
import { forwardToResource } from './gateway-forward.ts'

export { resourceFor } from './gateway-forward.ts'

type GatewayEnv = { Bindings: WorkerBindings; Variables: { requestId: string } }

const DOCS_PATHS = new Set([`${API_PREFIX}/openapi.json`, `${API_PREFIX}/docs`])
const isDocs = (pathname: string) => DOCS_PATHS.has(pathname) || pathname.startsWith(`${API_PREFIX}/docs/`)

/**
 * The edge gateway: no database and no env parsing, it only forwards each request to its
 * resource Worker over a service binding (no public hop) and serves the OpenAPI document, which
 * it builds from the same route table without ever running a handler. Forwarding skips Hono
 * (gateway-forward.ts): the gateway is an isolate every API request crosses (ADR 0053).
 */
export function createEdgeGateway(): {
  fetch(request: Request, env: WorkerBindings, ctx?: unknown): Response | Promise<Response>
} {
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
  app.all('*', (c) => problemResponse(c, DomainErrors.notFound('Route')))
  return {
    fetch(request, env, ctx) {
      const url = new URL(request.url)
      const forwarded = isDocs(url.pathname) ? undefined : forwardToResource(request, env, names, url)
      return forwarded ?? app.fetch(request, env, ctx as never)
    },
  }
}
