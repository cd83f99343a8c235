import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { type ByteStream, downloadDocument } from '@koprogo/domain'
import { bearer, errors, IdParam, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { contentDisposition } from './schema.ts'

/**
 * GET /documents/{id}/download: the stored bytes, streamed, as an attachment. The type is the
 * one detected at upload and `nosniff` stops a browser from re-guessing it (an uploaded text
 * file must never be run as HTML).
 */
export function mountDocumentDownload(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/download',
      tags: ['Documents'],
      summary: 'Download the file (Content-Disposition: attachment)',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The bytes',
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        404: errors[404],
      },
    }),
    async (c) =>
      respond(
        c,
        await downloadDocument({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }),
        (file) => {
          if (!isWebStream(file.body))
            throw new Error('The file store returned a body that is not a web stream')
          return c.body(file.body, 200, {
            'content-type': file.contentType,
            'content-length': String(file.size),
            'content-disposition': contentDisposition(file.filename),
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
          })
        },
      ),
  )
}

/** The domain types the body structurally; every runtime we deploy on hands a web ReadableStream. */
function isWebStream(body: ByteStream): body is ByteStream & ReadableStream<Uint8Array> {
  return body instanceof ReadableStream
}
