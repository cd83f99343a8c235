import {
  type AssemblyPorts,
  type AssemblyRegister,
  type DecisionType,
  type Majority,
  type MeetingAct,
  type MeetingReplay,
  type MeetingReplayCache,
  ownerDisplayName,
  type Resolution,
  type StatutoryMajorities,
} from '@koprogo/domain'
import { and, asc, desc, eq, gte, inArray, ne } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Database } from '../client.ts'
import {
  buildings,
  meetingActs,
  meetingOnlineProxies,
  meetingRegisters,
  meetingResolutions,
  meetings,
  owners,
  unitOwnerships,
  unitRepresentatives,
  units,
  users,
} from '../schema/index.ts'
import { deleteVersioned, updateVersioned } from './paginate.ts'

type ResolutionRow = typeof meetingResolutions.$inferSelect
const toResolution = (row: ResolutionRow): Resolution => ({
  ...row,
  decisionType: row.decisionType as DecisionType,
  majority: row.majority as Majority,
})

type ActRow = typeof meetingActs.$inferSelect
/** Exactly the hashed fields, as stored (the payload's key order does not matter: the hash is over canonical JSON). */
const toAct = (row: ActRow): MeetingAct =>
  ({
    seq: row.seq,
    kind: row.kind,
    payload: row.payload,
    at: row.at,
    prevHash: row.prevHash,
    hash: row.hash,
  }) as MeetingAct

/**
 * Replays of the meetings synced lately, per process (ADR 0029): a sync applies only its new acts
 * when the cached replay is exactly at the stored log's end. Bounded: the oldest entry goes first.
 */
const REPLAYS_KEPT = 64
const replays = new Map<string, MeetingReplay>()
const replayCache: MeetingReplayCache = {
  get: (org, meeting) => replays.get(`${org}/${meeting}`),
  set(org, meeting, replay) {
    const key = `${org}/${meeting}`
    replays.delete(key)
    replays.set(key, replay)
    if (replays.size > REPLAYS_KEPT) replays.delete(replays.keys().next().value as string)
  },
  delete: (org, meeting) => void replays.delete(`${org}/${meeting}`),
}

/** The general assembly's ports over Drizzle (issue #14). */
export function assemblyRepositories(db: Database): AssemblyPorts {
  const inTenant = (table: { organizationId: AnyPgColumn }, organizationId: string) =>
    eq(table.organizationId, organizationId)
  return {
    resolutions: {
      async listForMeeting(scope, meetingId) {
        const rows = await db
          .select()
          .from(meetingResolutions)
          .where(
            and(
              inTenant(meetingResolutions, scope.organizationId),
              eq(meetingResolutions.meetingId, meetingId),
            ),
          )
          .orderBy(
            asc(meetingResolutions.position),
            asc(meetingResolutions.createdAt),
            asc(meetingResolutions.id),
          )
        return rows.map(toResolution)
      },
      async findById(scope, id) {
        const [row] = await db
          .select()
          .from(meetingResolutions)
          .where(and(inTenant(meetingResolutions, scope.organizationId), eq(meetingResolutions.id, id)))
          .limit(1)
        return row ? toResolution(row) : null
      },
      async insert(_scope, resolution) {
        await db.insert(meetingResolutions).values(resolution)
      },
      update: (scope, resolution) =>
        updateVersioned(
          db,
          meetingResolutions,
          inTenant(meetingResolutions, scope.organizationId),
          resolution,
        ),
      delete: (scope, id, version) =>
        deleteVersioned(
          db,
          meetingResolutions,
          inTenant(meetingResolutions, scope.organizationId),
          id,
          version,
        ),
    },
    acts: {
      async lockLog(scope, meetingId) {
        // The meeting row is the log's lock: syncs of one meeting (and online proxies) queue here.
        await db
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.organizationId, scope.organizationId), eq(meetings.id, meetingId)))
          .for('update')
      },
      async list(scope, meetingId, fromSeq = 1) {
        const rows = await db
          .select()
          .from(meetingActs)
          .where(
            and(
              inTenant(meetingActs, scope.organizationId),
              eq(meetingActs.meetingId, meetingId),
              gte(meetingActs.seq, fromSeq),
            ),
          )
          .orderBy(asc(meetingActs.seq))
        return rows.map(toAct)
      },
      async last(scope, meetingId) {
        const [row] = await db
          .select({ seq: meetingActs.seq, hash: meetingActs.hash })
          .from(meetingActs)
          .where(and(inTenant(meetingActs, scope.organizationId), eq(meetingActs.meetingId, meetingId)))
          .orderBy(desc(meetingActs.seq))
          .limit(1)
        return row ?? null
      },
      async append(scope, meetingId, acts) {
        if (acts.length === 0) return
        await db.insert(meetingActs).values(
          acts.map((a) => ({
            organizationId: scope.organizationId,
            meetingId,
            seq: a.seq,
            kind: a.kind,
            payload: a.payload as Record<string, unknown>,
            at: a.at,
            prevHash: a.prevHash,
            hash: a.hash,
          })),
        )
      },
    },
    proxies: {
      async listForMeeting(scope, meetingId) {
        return db
          .select({
            id: meetingOnlineProxies.id,
            organizationId: meetingOnlineProxies.organizationId,
            meetingId: meetingOnlineProxies.meetingId,
            grantorOwnerId: meetingOnlineProxies.grantorOwnerId,
            holderOwnerId: meetingOnlineProxies.holderOwnerId,
            holderName: meetingOnlineProxies.holderName,
            createdAt: meetingOnlineProxies.createdAt,
          })
          .from(meetingOnlineProxies)
          .where(
            and(
              inTenant(meetingOnlineProxies, scope.organizationId),
              eq(meetingOnlineProxies.meetingId, meetingId),
            ),
          )
          .orderBy(asc(meetingOnlineProxies.createdAt), asc(meetingOnlineProxies.id))
      },
      async insert(_scope, proxy) {
        await db.insert(meetingOnlineProxies).values(proxy)
      },
      async findById(scope, id) {
        const [row] = await db
          .select({
            id: meetingOnlineProxies.id,
            organizationId: meetingOnlineProxies.organizationId,
            meetingId: meetingOnlineProxies.meetingId,
            grantorOwnerId: meetingOnlineProxies.grantorOwnerId,
            holderOwnerId: meetingOnlineProxies.holderOwnerId,
            holderName: meetingOnlineProxies.holderName,
            createdAt: meetingOnlineProxies.createdAt,
          })
          .from(meetingOnlineProxies)
          .where(and(inTenant(meetingOnlineProxies, scope.organizationId), eq(meetingOnlineProxies.id, id)))
          .limit(1)
        return row ?? null
      },
      async delete(scope, id) {
        const rows = await db
          .delete(meetingOnlineProxies)
          .where(and(inTenant(meetingOnlineProxies, scope.organizationId), eq(meetingOnlineProxies.id, id)))
          .returning({ id: meetingOnlineProxies.id })
        return rows.length === 1
      },
    },
    replays: replayCache,
    registers: {
      async loadHoldings(scope, buildingId) {
        const [building] = await db
          .select({ total: buildings.totalTantiemes })
          .from(buildings)
          .where(and(eq(buildings.organizationId, scope.organizationId), eq(buildings.id, buildingId)))
          .limit(1)
        if (!building) return null
        const unitRows = await db
          .select({ unitId: units.id, unitNumber: units.unitNumber, quota: units.quota })
          .from(units)
          .where(and(eq(units.organizationId, scope.organizationId), eq(units.buildingId, buildingId)))
        const unitIds = unitRows.map((u) => u.unitId)
        if (unitIds.length === 0)
          return { totalTantiemes: building.total, units: [], links: [], designations: [], owners: [] }
        const links = await db
          .select()
          .from(unitOwnerships)
          .where(
            and(
              eq(unitOwnerships.organizationId, scope.organizationId),
              inArray(unitOwnerships.unitId, unitIds),
            ),
          )
        const designations = await db
          .select()
          .from(unitRepresentatives)
          .where(
            and(
              eq(unitRepresentatives.organizationId, scope.organizationId),
              inArray(unitRepresentatives.unitId, unitIds),
            ),
          )
        const ownerIds = [...new Set(links.map((l) => l.ownerId))]
        const ownerRows =
          ownerIds.length === 0
            ? []
            : await db
                .select({
                  id: owners.id,
                  ownerType: owners.ownerType,
                  firstName: owners.firstName,
                  lastName: owners.lastName,
                  companyName: owners.companyName,
                  staffRole: users.role,
                })
                .from(owners)
                // An owner record linked to a syndic's or accountant's account is the syndic's staff (art. 3.87 §7).
                .leftJoin(users, and(eq(users.id, owners.userId), ne(users.role, 'owner')))
                .where(and(eq(owners.organizationId, scope.organizationId), inArray(owners.id, ownerIds)))
        return {
          totalTantiemes: building.total,
          units: unitRows,
          links,
          designations,
          owners: ownerRows.map((o) => ({
            id: o.id,
            name: ownerDisplayName({ ...o, ownerType: o.ownerType as 'person' | 'company' }),
            staff: o.staffRole !== null,
          })),
        }
      },
      async findFrozen(scope, meetingId) {
        const [row] = await db
          .select()
          .from(meetingRegisters)
          .where(
            and(inTenant(meetingRegisters, scope.organizationId), eq(meetingRegisters.meetingId, meetingId)),
          )
          .limit(1)
        if (!row) return null
        return {
          register: row.register as AssemblyRegister,
          syndicOwnerIds: row.syndicOwnerIds,
          ...(row.statutoryMajorities
            ? { statutoryMajorities: row.statutoryMajorities as StatutoryMajorities }
            : {}),
        }
      },
      async freeze(scope, meetingId, frozen) {
        await db.insert(meetingRegisters).values({
          meetingId,
          organizationId: scope.organizationId,
          register: frozen.register,
          syndicOwnerIds: [...frozen.syndicOwnerIds],
          statutoryMajorities: frozen.statutoryMajorities
            ? ({ ...frozen.statutoryMajorities } as Record<string, string>)
            : null,
        })
      },
    },
  }
}
