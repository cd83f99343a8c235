import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi'
import {
  addResolution,
  deleteResolution,
  getAssemblyRegister,
  getMeetingSession,
  giveProxyOnline,
  listMeetingProxies,
  listResolutions,
  type MeetingAct,
  recordMeetingActs,
  revokeProxyOnline,
  updateResolution,
  verifyMeetingLog,
} from '@koprogo/domain'
import { bearer, errors, expectedVersion, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  AssemblyRegisterSchema,
  CreateResolutionBody,
  GiveProxyBody,
  LogVerificationSchema,
  type MeetingActSchema,
  MeetingSessionSchema,
  ProxyListSchema,
  ProxyParams,
  ProxySchema,
  RecordActsBody,
  RecordActsQuery,
  RecordedActsSchema,
  ResolutionListSchema,
  ResolutionParams,
  ResolutionSchema,
  toProxyDto,
  toRegisterDto,
  toResolutionDto,
  UpdateResolutionBody,
} from './assembly.schema.ts'

/*
 * The general assembly under /meetings/{id} (issue #14): agenda items, the attendance register,
 * the room's log (sync, session, verification) and proxies given online. Syndics and superadmins
 * run the meeting; accountants read; owners of a lot in the building read and give proxies.
 */
const readErrors = { 403: errors[403], 404: errors[404] }
const writeErrors = { 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] }
const unprocessable = {
  description: 'A broken hash chain or an act the law refuses (code, params.seq)',
  content: errors[422].content,
}

export function mountAssembly(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/resolutions',
      tags: ['Meetings'],
      summary: 'Agenda items with their decision type and majority',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(ResolutionListSchema, 'The items'), ...readErrors },
    }),
    async (c) =>
      respond(
        c,
        await listResolutions({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (items) => c.json({ items: items.map(toResolutionDto) }, 200),
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/resolutions',
      tags: ['Meetings'],
      summary: 'Add an agenda item; the majority defaults to, and may not be below, the law’s (art. 3.88)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(CreateResolutionBody) },
      responses: { 201: json(ResolutionSchema, 'Created'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await addResolution({
        ctx: actorContext(c),
        input: {
          meetingId: c.req.valid('param').id,
          fields: {
            title: b.title,
            proposedDecision: b.proposed_decision,
            decisionType: b.decision_type,
            majority: b.majority,
            position: b.position,
          },
        },
      })
      return respond(c, result, (r) => c.json(toResolutionDto(r), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/resolutions/{resolution_id}',
      tags: ['Meetings'],
      summary: 'Change an agenda item (until the meeting’s log starts); If-Match or version',
      security: bearer,
      request: { params: ResolutionParams, ...jsonBody(UpdateResolutionBody) },
      responses: { 200: json(ResolutionSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const p = c.req.valid('param')
      const result = await updateResolution({
        ctx: actorContext(c),
        input: {
          meetingId: p.id,
          resolutionId: p.resolution_id,
          fields: {
            title: b.title,
            proposedDecision: b.proposed_decision,
            decisionType: b.decision_type,
            majority: b.majority,
            position: b.position,
          },
          expectedVersion: expectedVersion(c, b.version),
        },
      })
      return respond(c, result, (r) => c.json(toResolutionDto(r), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/resolutions/{resolution_id}',
      tags: ['Meetings'],
      summary: 'Remove an agenda item (until the meeting’s log starts)',
      security: bearer,
      request: { params: ResolutionParams },
      responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await deleteResolution({
        ctx: actorContext(c),
        input: { meetingId: p.id, resolutionId: p.resolution_id, expectedVersion: expectedVersion(c) },
      })
      return respond(c, result, () => c.body(null, 204))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/register',
      tags: ['Meetings'],
      summary:
        'The attendance register: who votes for which lots, with how many votes (from the property register)',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(AssemblyRegisterSchema, 'The register'), ...readErrors },
    }),
    async (c) =>
      respond(
        c,
        await getAssemblyRegister({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (r) => c.json(toRegisterDto(r), 200),
      ),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/session',
      tags: ['Meetings'],
      summary: 'Register, agenda, log and the state the server replays it to',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(MeetingSessionSchema, 'The session'), ...readErrors },
    }),
    async (c) =>
      respond(
        c,
        await getMeetingSession({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (s) =>
          c.json(
            {
              register: toRegisterDto(s.register),
              resolutions: s.resolutions.map(toResolutionDto),
              acts: s.acts as unknown as z.infer<typeof MeetingActSchema>[],
              second_assembly: s.secondAssembly,
              state: s.state as Record<string, unknown> | null,
              refusal: s.refusal as Record<string, unknown> | null,
            },
            200,
          ),
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/acts',
      tags: ['Meetings'],
      summary:
        'Sync acts recorded in the room: chain verified from the stored last act, law replayed, stored exactly once',
      security: bearer,
      request: { params: IdParam, query: RecordActsQuery, ...jsonBody(RecordActsBody) },
      responses: {
        200: json(RecordedActsSchema, 'Recorded (acts already stored identically are skipped)'),
        ...writeErrors,
        422: unprocessable,
      },
    }),
    async (c) => {
      const result = await recordMeetingActs({
        ctx: actorContext(c),
        input: {
          meetingId: c.req.valid('param').id,
          acts: c.req.valid('json').acts as MeetingAct[],
          withState: c.req.valid('query').include === 'state',
        },
      })
      return respond(c, result, (r) =>
        c.json(
          {
            recorded: r.recorded,
            last_seq: r.lastSeq,
            last_hash: r.lastHash,
            state: r.state as unknown as Record<string, unknown> | null,
          },
          200,
        ),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/log/verify',
      tags: ['Meetings'],
      summary: 'Recompute every stored hash of the log: a row changed in the database is reported',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(LogVerificationSchema, 'The verification'), ...readErrors },
    }),
    async (c) =>
      respond(
        c,
        await verifyMeetingLog({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (v) =>
          c.json(
            {
              valid: v.valid,
              count: v.count,
              root_hash: v.rootHash,
              first_bad_seq: v.firstBadSeq,
              reason: v.reason,
            },
            200,
          ),
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/proxies',
      tags: ['Meetings'],
      summary: 'An owner gives a proxy online before the meeting (art. 3.87 §7 limits apply)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(GiveProxyBody) },
      responses: { 201: json(ProxySchema, 'Given'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await giveProxyOnline({
        ctx: actorContext(c),
        input: {
          meetingId: c.req.valid('param').id,
          holder: { holderOwnerId: b.holder_owner_id, holderName: b.holder_name },
        },
      })
      return respond(c, result, (p) => c.json(toProxyDto(p), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/proxies',
      tags: ['Meetings'],
      summary: 'Proxies given online (an owner sees those they gave or hold)',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(ProxyListSchema, 'The proxies'), ...readErrors },
    }),
    async (c) =>
      respond(
        c,
        await listMeetingProxies({ ctx: actorContext(c), input: { meetingId: c.req.valid('param').id } }),
        (items) => c.json({ items: items.map(toProxyDto) }, 200),
      ),
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/proxies/{proxy_id}',
      tags: ['Meetings'],
      summary:
        'Revoke a proxy given online: its grantor or the syndic, until the meeting’s log starts (then in the room)',
      security: bearer,
      request: { params: ProxyParams },
      responses: { 204: { description: 'Revoked' }, 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await revokeProxyOnline({
        ctx: actorContext(c),
        input: { meetingId: p.id, proxyId: p.proxy_id },
      })
      return respond(c, result, () => c.body(null, 204))
    },
  )
}
