import { z } from '@hono/zod-openapi'
import {
  ACT_KINDS,
  DECISION_TYPE_KEYS,
  type DecisionType,
  type FrozenRegister,
  MAJORITIES,
  type OnlineProxyRecord,
  PROXY_HOLDER_NAME_MAX,
  RESOLUTION_DECISION_MAX,
  RESOLUTION_TITLE_MAX,
  type Resolution,
} from '@koprogo/domain'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

/*
 * Wire shapes of the general assembly (issue #14). Resolutions and proxies are resources in the
 * API's snake_case. The register, the acts and the state are the domain's own documents, passed
 * verbatim (camelCase): an act is hashed as it is written, and the browser feeds the register and
 * the acts to the same replayMeeting the server runs (ADR 0029).
 */

const decisionTypes = DECISION_TYPE_KEYS as unknown as [DecisionType, ...DecisionType[]]

export const ResolutionSchema = z
  .object({
    id: z.uuid(),
    meeting_id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    proposed_decision: z.string().nullable(),
    decision_type: z.enum(decisionTypes),
    majority: z.enum(MAJORITIES),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Resolution')

export const toResolutionDto = (r: Resolution): z.infer<typeof ResolutionSchema> => ({
  id: r.id,
  meeting_id: r.meetingId,
  position: r.position,
  title: r.title,
  proposed_decision: r.proposedDecision,
  decision_type: r.decisionType,
  majority: r.majority,
  version: r.version,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
})

const resolutionFields = {
  title: z.string().max(RESOLUTION_TITLE_MAX),
  proposed_decision: z.string().max(RESOLUTION_DECISION_MAX).nullish(),
  decision_type: z.enum(decisionTypes),
  majority: z
    .enum(MAJORITIES)
    .optional()
    .openapi({ description: 'Omitted: the one the law requires for decision_type; never lower (art. 3.88)' }),
  position: z.number().int().positive().optional(),
}

export const CreateResolutionBody = z.object(resolutionFields).openapi('CreateResolution')
export const UpdateResolutionBody = z
  .object(resolutionFields)
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .openapi('UpdateResolution')

export const ResolutionParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  resolution_id: z.uuid().openapi({ param: { name: 'resolution_id', in: 'path' } }),
})

export const ProxyParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  proxy_id: z.uuid().openapi({ param: { name: 'proxy_id', in: 'path' } }),
})

export const ResolutionListSchema = z.object({ items: z.array(ResolutionSchema) }).openapi('ResolutionList')

const VoterSchema = z.object({
  ownerId: z.uuid(),
  name: z.string(),
  votes: z.number(),
  units: z.array(z.object({ unitId: z.uuid(), unitNumber: z.string(), quota: z.number() })),
})

const OnlineProxyRefSchema = z.object({
  grantorOwnerId: z.uuid(),
  holderOwnerId: z.uuid().nullable(),
  holderName: z.string().nullable(),
})

/** The register as the wire carries it (the domain's readonly arrays, copied). */
export type AssemblyRegisterDto = z.infer<typeof AssemblyRegisterSchema>
export const toRegisterDto = (r: FrozenRegister & { readonly frozen: boolean }): AssemblyRegisterDto =>
  JSON.parse(JSON.stringify(r)) as AssemblyRegisterDto

export const AssemblyRegisterSchema = z
  .object({
    register: z.object({
      meetingId: z.uuid(),
      buildingId: z.uuid(),
      totalVotes: z.number(),
      voters: z.array(VoterSchema),
      proxies: z.array(OnlineProxyRefSchema),
    }),
    syndicOwnerIds: z.array(z.uuid()),
    statutoryMajorities: z.partialRecord(z.enum(decisionTypes), z.enum(MAJORITIES)).optional().openapi({
      description:
        'Majorities the building’s statutes raise above the law’s (art. 3.88), as of the log’s start once frozen; the replay applies them',
    }),
    frozen: z.boolean().openapi({ description: 'Fixed since the log’s first act' }),
  })
  .openapi('AssemblyRegister')

export const MeetingActSchema = z
  .object({
    seq: z.number().int().positive(),
    kind: z.enum(ACT_KINDS),
    payload: z.record(z.string(), z.unknown()),
    at: z.string().max(WIRE_BOUNDS.date_text),
    prevHash: z.string().max(WIRE_BOUNDS.sha256_hex),
    hash: z.string().max(WIRE_BOUNDS.sha256_hex),
  })
  .openapi('MeetingAct')

/** A sync batch: a meeting of 300 lots produces a few thousand acts; a client sends them in batches. */
export const ACTS_PER_BATCH_MAX = 5000

export const RecordActsBody = z
  .object({ acts: z.array(MeetingActSchema).min(1).max(ACTS_PER_BATCH_MAX) })
  .openapi('RecordMeetingActs')

const StateSchema = z.record(z.string(), z.unknown()).openapi({
  description: 'The domain’s MeetingState (attendance, proxies, quorum, results with their arithmetic)',
})

export const RecordActsQuery = z.object({
  include: z
    .enum(['state'])
    .optional()
    .openapi({ description: '`state`: also return the replayed state (GET …/session has it too)' }),
})

export const RecordedActsSchema = z
  .object({
    recorded: z.number().int(),
    last_seq: z.number().int(),
    last_hash: z.string(),
    state: StateSchema.nullable(),
  })
  .openapi('RecordedMeetingActs')

export const MeetingSessionSchema = z
  .object({
    register: AssemblyRegisterSchema,
    resolutions: z.array(ResolutionSchema),
    acts: z.array(MeetingActSchema),
    second_assembly: z.boolean().openapi({
      description:
        'Convened after a first assembly without quorum (art. 3.87 §5): it deliberates whatever the attendance',
    }),
    state: StateSchema.nullable(),
    refusal: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('MeetingSession')

export const LogVerificationSchema = z
  .object({
    valid: z.boolean(),
    count: z.number().int(),
    root_hash: z.string(),
    first_bad_seq: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('MeetingLogVerification')

export const GiveProxyBody = z
  .object({
    holder_owner_id: z.uuid().nullish(),
    holder_name: z.string().max(PROXY_HOLDER_NAME_MAX).nullish(),
  })
  .openapi('GiveProxy')

export const ProxySchema = z
  .object({
    id: z.uuid(),
    meeting_id: z.uuid(),
    grantor_owner_id: z.uuid(),
    holder_owner_id: z.uuid().nullable(),
    holder_name: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('MeetingProxy')

export const ProxyListSchema = z.object({ items: z.array(ProxySchema) }).openapi('MeetingProxyList')

export const toProxyDto = (p: OnlineProxyRecord): z.infer<typeof ProxySchema> => ({
  id: p.id,
  meeting_id: p.meetingId,
  grantor_owner_id: p.grantorOwnerId,
  holder_owner_id: p.holderOwnerId,
  holder_name: p.holderName,
  created_at: p.createdAt.toISOString(),
})
