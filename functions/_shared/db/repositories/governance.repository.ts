import type {
  Meeting,
  MeetingFilter,
  MeetingRepository,
  MeetingSortField,
  MeetingStatus,
  MeetingType,
  PageRequest,
  TenantScope,
} from '@koprogo/domain'
import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { meetings } from '../schema/index.ts'
import { countAll, offsetOf, orderFor } from './paginate.ts'

type Row = typeof meetings.$inferSelect
const toMeeting = (row: Row): Meeting => ({
  ...row,
  meetingType: row.meetingType as MeetingType,
  status: row.status as MeetingStatus,
})
const all = (...c: (SQL | undefined)[]) => and(...c.filter((x): x is SQL => x !== undefined))

export function meetingRepository(db: Database): MeetingRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(meetings.organizationId, scope.organizationId), eq(meetings.id, id))

  async function page(
    organizationId: string | null,
    filter: MeetingFilter,
    request: PageRequest<MeetingSortField>,
  ) {
    if (filter.buildingIds?.length === 0) return { items: [], total: 0 }
    const condition = all(
      organizationId ? eq(meetings.organizationId, organizationId) : undefined,
      filter.buildingId ? eq(meetings.buildingId, filter.buildingId) : undefined,
      filter.status ? eq(meetings.status, filter.status) : undefined,
      filter.meetingType ? eq(meetings.meetingType, filter.meetingType) : undefined,
      filter.dateFrom ? gte(meetings.scheduledDate, filter.dateFrom) : undefined,
      filter.dateTo ? lte(meetings.scheduledDate, filter.dateTo) : undefined,
      filter.buildingIds ? inArray(meetings.buildingId, [...filter.buildingIds]) : undefined,
    )
    const columns = {
      scheduled_date: meetings.scheduledDate,
      created_at: meetings.createdAt,
      title: meetings.title,
    }
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(meetings)
        .where(condition)
        .orderBy(...orderFor(request, columns, meetings.id))
        .limit(request.perPage)
        .offset(offsetOf(request)),
      db.select({ n: countAll }).from(meetings).where(condition),
    ])
    return { items: items.map(toMeeting), total: total?.n ?? 0 }
  }

  return {
    async findById(scope, id) {
      const [row] = await db.select().from(meetings).where(scoped(scope, id)).limit(1)
      return row ? toMeeting(row) : null
    },
    async insert(_scope, meeting) {
      await db.insert(meetings).values({ ...meeting, agenda: [...meeting.agenda] })
    },
    async update(scope, meeting) {
      const rows = await db
        .update(meetings)
        .set({ ...meeting, agenda: [...meeting.agenda] })
        .where(and(scoped(scope, meeting.id), eq(meetings.version, meeting.version - 1)))
        .returning({ id: meetings.id })
      return rows.length === 1
    },
    async delete(scope, id, version) {
      const rows = await db
        .delete(meetings)
        .where(and(scoped(scope, id), eq(meetings.version, version)))
        .returning({ id: meetings.id })
      return rows.length === 1
    },
    list: (scope, filter, request) => page(scope.organizationId, filter, request),
    listAcrossTenants: (filter, request) => page(null, filter, request),
    async organizationOf(id) {
      const [row] = await db
        .select({ org: meetings.organizationId })
        .from(meetings)
        .where(eq(meetings.id, id))
        .limit(1)
      return row?.org ?? null
    },
  }
}
