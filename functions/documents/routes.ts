import { createRoute } from '@hono/zod-openapi'
import {
  deleteDocument,
  getDocument,
  linkDocumentToExpense,
  linkDocumentToMeeting,
  listDocuments,
} from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import {
  bearer,
  errors,
  expectedVersion,
  IdParam,
  json,
  jsonBody,
  paginated,
  respond,
  toPageRequest,
} from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { mountDocumentDownload } from './download.routes.ts'
import {
  DocumentListQuery,
  DocumentPageSchema,
  DocumentSchema,
  LinkExpenseBody,
  LinkMeetingBody,
  toDocumentDto,
} from './schema.ts'
import { mountDocumentUpload } from './upload.routes.ts'

export const documentsApp = createResourceApp()
documentsApp.use('*', requireAuth)

mountDocumentUpload(documentsApp)

documentsApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Documents'],
    summary: 'List documents (an owner sees those of their buildings)',
    security: bearer,
    request: { query: DocumentListQuery },
    responses: { 200: json(DocumentPageSchema, 'A page'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const filter = {
      buildingId: q.building_id,
      documentType: q.document_type,
      relatedMeetingId: q.related_meeting_id,
      relatedExpenseId: q.related_expense_id,
    }
    const result = await listDocuments({
      ctx: actorContext(c),
      input: { query: filter, page, tenant: { organizationId: q.organization_id } },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toDocumentDto), 200))
  },
)

documentsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Documents'],
    summary: 'One document’s metadata',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(DocumentSchema, 'Found'), 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getDocument({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (d) =>
      c.json(toDocumentDto(d), 200),
    ),
)

mountDocumentDownload(documentsApp)

documentsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/link-meeting',
    tags: ['Documents'],
    summary: 'Link to a meeting of the same building (null unlinks)',
    security: bearer,
    request: { params: IdParam, ...jsonBody(LinkMeetingBody) },
    responses: {
      200: json(DocumentSchema, 'Linked'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const id = c.req.valid('param').id
    const result = await linkDocumentToMeeting({
      ctx: actorContext(c),
      input: { id, meetingId: b.meeting_id, expectedVersion: expectedVersion(c, b.version) },
    })
    return respond(c, result, (d) => c.json(toDocumentDto(d), 200))
  },
)

documentsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/link-expense',
    tags: ['Documents'],
    summary: 'Link to an expense of the same building (null unlinks)',
    security: bearer,
    request: { params: IdParam, ...jsonBody(LinkExpenseBody) },
    responses: {
      200: json(DocumentSchema, 'Linked'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const id = c.req.valid('param').id
    const result = await linkDocumentToExpense({
      ctx: actorContext(c),
      input: { id, expenseId: b.expense_id, expectedVersion: expectedVersion(c, b.version) },
    })
    return respond(c, result, (d) => c.json(toDocumentDto(d), 200))
  },
)

documentsApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags: ['Documents'],
    summary: 'Delete a document and its file',
    security: bearer,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  async (c) => {
    const result = await deleteDocument({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) },
    })
    return respond(c, result, (deleted) => {
      // The row is gone either way; leftover bytes are unreachable and only need a clean-up.
      if (!deleted.fileRemoved) {
        c.get('runtime').logger.warn('document file not removed', {
          request_id: c.get('requestId'),
          storage_key: deleted.storageKey,
        })
      }
      return c.body(null, 204)
    })
  },
)
