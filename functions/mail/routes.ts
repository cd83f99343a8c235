import { createRoute } from '@hono/zod-openapi'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, IdParam, json, pageOf, paginated, respond, toPageRequest } from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { contentDisposition } from '../documents/schema.ts'
import { getCapturedAttachment, getCapturedMail, listCapturedMail } from './captured-mail.reader.ts'
import {
  AttachmentParams,
  CapturedMailQuery,
  CapturedMailSchema,
  CapturedMailSummarySchema,
  toCapturedMailDto,
  toSummaryDto,
} from './schema.ts'

export const mailApp = createResourceApp()
mailApp.use('*', requireAuth)

mailApp.openapi(
  createRoute({
    method: 'get',
    path: '/captured',
    tags: ['Mail'],
    summary: 'E-mails kept by the capture transport, newest first (superadmin)',
    security: bearer,
    request: { query: CapturedMailQuery },
    responses: {
      200: json(pageOf(CapturedMailSummarySchema, 'CapturedMailPage'), 'A page'),
      400: errors[400],
      401: errors[401],
      403: errors[403],
    },
  }),
  async (c) => {
    const page = toPageRequest(c.req.valid('query'))
    const result = await listCapturedMail(actorContext(c), c.get('runtime').database.db, page)
    c.header('cache-control', 'no-store')
    return respond(c, result, (p) => c.json(paginated(p, page, toSummaryDto), 200))
  },
)

mailApp.openapi(
  createRoute({
    method: 'get',
    path: '/captured/{id}',
    tags: ['Mail'],
    summary: 'One captured e-mail with its text and HTML bodies (superadmin)',
    security: bearer,
    request: { params: IdParam },
    responses: {
      200: json(CapturedMailSchema, 'The message'),
      401: errors[401],
      403: errors[403],
      404: errors[404],
    },
  }),
  async (c) => {
    const result = await getCapturedMail(
      actorContext(c),
      c.get('runtime').database.db,
      c.req.valid('param').id,
    )
    c.header('cache-control', 'no-store')
    return respond(c, result, (m) => c.json(toCapturedMailDto(m), 200))
  },
)

mailApp.openapi(
  createRoute({
    method: 'get',
    path: '/captured/{id}/attachments/{index}',
    tags: ['Mail'],
    summary: 'One attachment of a captured e-mail, as sent (e.g. a convocation PDF) (superadmin)',
    security: bearer,
    request: { params: AttachmentParams },
    responses: {
      200: {
        description: 'The bytes, with the type the message gave them',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      401: errors[401],
      403: errors[403],
      404: errors[404],
    },
  }),
  async (c) => {
    const { id, index } = c.req.valid('param')
    const result = await getCapturedAttachment(actorContext(c), c.get('runtime').database.db, id, index)
    return respond(c, result, (file) =>
      c.body(new Uint8Array(file.content), 200, {
        'content-type': file.contentType,
        'content-disposition': contentDisposition(file.filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      }),
    )
  },
)
