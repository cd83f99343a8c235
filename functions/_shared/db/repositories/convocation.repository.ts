import type {
  AssemblyRequest,
  AssemblySettings,
  BoardMandate,
  BoardRole,
  ConvocationPorts,
  Delivery,
  DeliveryChannel,
  DeliveryKind,
  DeliveryStatus,
  MinutesLanguage,
  StatutoryMajorities,
  TenantScope,
} from '@koprogo/domain'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import {
  assemblyDeliveries,
  assemblyRequests,
  boardMandates,
  buildingAssemblySettings,
  meetingMinutes,
  secondAssemblies,
} from '../schema/index.ts'

/** The convocation side's ports (domain governance/convocation.ports.ts) over Postgres. */
export function convocationRepositories(db: Database): ConvocationPorts {
  const org = (scope: TenantScope) => scope.organizationId
  return {
    settings: {
      async find(scope, buildingId) {
        const [row] = await db
          .select()
          .from(buildingAssemblySettings)
          .where(
            and(
              eq(buildingAssemblySettings.organizationId, org(scope)),
              eq(buildingAssemblySettings.buildingId, buildingId),
            ),
          )
          .limit(1)
        if (!row) return null
        return {
          buildingId: row.buildingId,
          organizationId: row.organizationId,
          noticeDays: row.noticeDays,
          ordinaryPeriodStart: row.ordinaryPeriodStart,
          ordinaryPeriodEnd: row.ordinaryPeriodEnd,
          remoteParticipation: row.remoteParticipation,
          minutesLanguages: row.minutesLanguages as MinutesLanguage[],
          statutoryMajorities: row.statutoryMajorities as StatutoryMajorities,
          stored: true,
          version: row.version,
        } satisfies AssemblySettings
      },
      async save(scope, s) {
        const values = {
          organizationId: org(scope),
          buildingId: s.buildingId,
          noticeDays: s.noticeDays,
          ordinaryPeriodStart: s.ordinaryPeriodStart,
          ordinaryPeriodEnd: s.ordinaryPeriodEnd,
          remoteParticipation: s.remoteParticipation,
          minutesLanguages: [...s.minutesLanguages],
          statutoryMajorities: { ...s.statutoryMajorities } as Record<string, string>,
          version: s.version,
          updatedAt: new Date(),
        }
        if (s.version === 1) {
          const inserted = await db
            .insert(buildingAssemblySettings)
            .values(values)
            .onConflictDoNothing()
            .returning({ v: buildingAssemblySettings.version })
          return inserted.length === 1
        }
        const updated = await db
          .update(buildingAssemblySettings)
          .set(values)
          .where(
            and(
              eq(buildingAssemblySettings.organizationId, org(scope)),
              eq(buildingAssemblySettings.buildingId, s.buildingId),
              eq(buildingAssemblySettings.version, s.version - 1),
            ),
          )
          .returning({ v: buildingAssemblySettings.version })
        return updated.length === 1
      },
    },
    requests: {
      async insert(scope, r) {
        await db
          .insert(assemblyRequests)
          .values({ ...r, organizationId: org(scope), ownerIds: [...r.ownerIds] })
      },
      async findById(scope, id) {
        const [row] = await db
          .select()
          .from(assemblyRequests)
          .where(and(eq(assemblyRequests.organizationId, org(scope)), eq(assemblyRequests.id, id)))
          .limit(1)
        return row ? (row as AssemblyRequest) : null
      },
      async listForBuilding(scope, buildingId) {
        const rows = await db
          .select()
          .from(assemblyRequests)
          .where(
            and(eq(assemblyRequests.organizationId, org(scope)), eq(assemblyRequests.buildingId, buildingId)),
          )
          .orderBy(asc(assemblyRequests.receivedAt), asc(assemblyRequests.id))
        return rows as AssemblyRequest[]
      },
      async setMeeting(scope, id, meetingId) {
        const rows = await db
          .update(assemblyRequests)
          .set({ meetingId })
          .where(and(eq(assemblyRequests.organizationId, org(scope)), eq(assemblyRequests.id, id)))
          .returning({ id: assemblyRequests.id })
        return rows.length === 1
      },
    },
    board: {
      async insert(scope, m) {
        await db.insert(boardMandates).values({ ...m, organizationId: org(scope) })
      },
      async findById(scope, id) {
        const [row] = await db
          .select()
          .from(boardMandates)
          .where(and(eq(boardMandates.organizationId, org(scope)), eq(boardMandates.id, id)))
          .limit(1)
        return row ? toMandate(row) : null
      },
      async listForBuilding(scope, buildingId) {
        const rows = await db
          .select()
          .from(boardMandates)
          .where(and(eq(boardMandates.organizationId, org(scope)), eq(boardMandates.buildingId, buildingId)))
          .orderBy(asc(boardMandates.startDate), asc(boardMandates.id))
        return rows.map(toMandate)
      },
      async update(scope, m) {
        const rows = await db
          .update(boardMandates)
          .set({
            role: m.role,
            startDate: m.startDate,
            endDate: m.endDate,
            resolutionId: m.resolutionId,
            version: m.version,
          })
          .where(
            and(
              eq(boardMandates.organizationId, org(scope)),
              eq(boardMandates.id, m.id),
              eq(boardMandates.version, m.version - 1),
            ),
          )
          .returning({ id: boardMandates.id })
        return rows.length === 1
      },
      async delete(scope, id) {
        const rows = await db
          .delete(boardMandates)
          .where(and(eq(boardMandates.organizationId, org(scope)), eq(boardMandates.id, id)))
          .returning({ id: boardMandates.id })
        return rows.length === 1
      },
    },
    secondAssemblies: {
      async findByFirst(scope, firstMeetingId) {
        const [row] = await db
          .select({ id: secondAssemblies.meetingId })
          .from(secondAssemblies)
          .where(
            and(
              eq(secondAssemblies.organizationId, org(scope)),
              eq(secondAssemblies.firstMeetingId, firstMeetingId),
            ),
          )
          .limit(1)
        return row?.id ?? null
      },
      async firstOf(scope, meetingId) {
        const [row] = await db
          .select({ id: secondAssemblies.firstMeetingId })
          .from(secondAssemblies)
          .where(
            and(eq(secondAssemblies.organizationId, org(scope)), eq(secondAssemblies.meetingId, meetingId)),
          )
          .limit(1)
        return row?.id ?? null
      },
      async insert(scope, link) {
        await db.insert(secondAssemblies).values({ ...link, organizationId: org(scope) })
      },
    },
    deliveries: {
      async insertIfAbsent(scope, d) {
        const rows = await db
          .insert(assemblyDeliveries)
          .values({ ...d, organizationId: org(scope) })
          .onConflictDoNothing()
          .returning({ id: assemblyDeliveries.id })
        return rows.length === 1
      },
      async list(scope, meetingId, kind) {
        const rows = await db
          .select()
          .from(assemblyDeliveries)
          .where(
            and(
              eq(assemblyDeliveries.organizationId, org(scope)),
              eq(assemblyDeliveries.meetingId, meetingId),
              eq(assemblyDeliveries.kind, kind),
            ),
          )
          .orderBy(asc(assemblyDeliveries.createdAt), asc(assemblyDeliveries.id))
        return rows.map(toDelivery)
      },
      async findById(scope, id) {
        const [row] = await db
          .select()
          .from(assemblyDeliveries)
          .where(and(eq(assemblyDeliveries.organizationId, org(scope)), eq(assemblyDeliveries.id, id)))
          .limit(1)
        return row ? toDelivery(row) : null
      },
      async markSent(scope, id, sentAt, documentId) {
        await db
          .update(assemblyDeliveries)
          .set({
            status: sql`case when ${assemblyDeliveries.channel} = 'post' then 'to_post' else 'sent' end`,
            sentAt,
            documentId,
            error: null,
          })
          .where(and(eq(assemblyDeliveries.organizationId, org(scope)), eq(assemblyDeliveries.id, id)))
      },
      async attachDocument(scope, id, documentId) {
        const rows = await db
          .update(assemblyDeliveries)
          .set({ documentId })
          .where(
            and(
              eq(assemblyDeliveries.organizationId, org(scope)),
              eq(assemblyDeliveries.id, id),
              isNull(assemblyDeliveries.documentId),
            ),
          )
          .returning({ id: assemblyDeliveries.id })
        return rows.length === 1
      },
      async markFailed(scope, id, error) {
        await db
          .update(assemblyDeliveries)
          .set({ status: 'failed', error: error.slice(0, 500) })
          .where(and(eq(assemblyDeliveries.organizationId, org(scope)), eq(assemblyDeliveries.id, id)))
      },
    },
    minutes: {
      async find(scope, meetingId) {
        const [row] = await db
          .select()
          .from(meetingMinutes)
          .where(and(eq(meetingMinutes.organizationId, org(scope)), eq(meetingMinutes.meetingId, meetingId)))
          .limit(1)
        return row ?? null
      },
      async upsert(scope, r) {
        const values = { ...r, organizationId: org(scope), documentIds: [...r.documentIds] }
        await db
          .insert(meetingMinutes)
          .values(values)
          .onConflictDoUpdate({
            target: meetingMinutes.meetingId,
            set: {
              documentIds: values.documentIds,
              rootHash: r.rootHash,
              generatedAt: r.generatedAt,
              sentAt: r.sentAt,
            },
            setWhere: eq(meetingMinutes.organizationId, org(scope)),
          })
      },
    },
  }
}

const toMandate = (row: typeof boardMandates.$inferSelect): BoardMandate => ({
  ...row,
  role: row.role as BoardRole,
})

const toDelivery = (row: typeof assemblyDeliveries.$inferSelect): Delivery => ({
  ...row,
  kind: row.kind as DeliveryKind,
  channel: row.channel as DeliveryChannel,
  status: row.status as DeliveryStatus,
})
