import { OpenAPIHono } from '@hono/zod-openapi'
import { type ApiDocsAssets, mountApiDocsPage } from './_shared/api-docs.ts'
import { applyStack, type RuntimeProvider } from './_shared/app.ts'
import type { AppEnv } from './_shared/runtime.ts'
import { healthApp } from './health/routes.ts'
import { RESOURCES } from './resources.ts'

export const API_PREFIX = '/api/v1'

/**
 * Mounts every resource under /api/v1, plus /health, the OpenAPI document and, given Swagger UI's
 * files (functions/_shared/api-docs-node.ts), its reference page.
 */
export function createGateway(runtimeFor: RuntimeProvider, docsAssets?: ApiDocsAssets): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>()
  applyStack(app, runtimeFor)
  for (const [name, resource] of RESOURCES) app.route(`${API_PREFIX}/${name}`, resource)
  app.route('/health', healthApp)
  mountApiDocs(app, docsAssets)
  return app
}

/** The OpenAPI document and its reference page; the edge gateway Worker serves them too. */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, docsAssets?: ApiDocsAssets): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  })
  app.doc31(`${API_PREFIX}/openapi.json`, OPENAPI_CONFIG)
  if (docsAssets) mountApiDocsPage(app, docsAssets)
}

const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'KoproGo API',
    version: '1.0.0',
    description:
      'Co-ownership management (copropriété / ACP-VME). Wire-compatible with KoproGo v1; errors are ' +
      'RFC 9457 problem+json with an `error` member; money is integer cents (`amount_cents`) plus euros (`amount`).',
  },
  servers: [{ url: '/' }],
}

/**
 * The document /api/v1/openapi.json serves, built in-process without a database or a request
 * (the web's types are generated from it: scripts/api-types.ts, ADR 0026).
 */
export function openApiDocument(): ReturnType<OpenAPIHono['getOpenAPI31Document']> {
  const app = createGateway(() => {
    throw new Error('the OpenAPI document needs no runtime')
  })
  return app.getOpenAPI31Document(OPENAPI_CONFIG)
}
