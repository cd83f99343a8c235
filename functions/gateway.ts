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
  app.doc31(`${API_PREFIX}/openapi.json`, {
    openapi: '3.1.0',
    info: {
      title: 'KoproGo API',
      version: '1.0.0',
      description:
        'Co-ownership management (copropriété / ACP-VME). Wire-compatible with KoproGo v1; errors are ' +
        'RFC 9457 problem+json with an `error` member; money is integer cents (`amount_cents`) plus euros (`amount`).',
    },
    servers: [{ url: '/' }],
  })
  if (docsAssets) mountApiDocsPage(app, docsAssets)
}
