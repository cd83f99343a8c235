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
import { and, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { meetings } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { allOf, deleteVersioned, listPage, updateVersioned } from './paginate.ts'

type Row = typeof meetings.$inferSelect
const toMeeting = (row: Row): Meeting => ({
  ...row,
  meetingType: row.meetingType as MeetingType,
  status: row.status as MeetingStatus,
})

export function meetingRepository(db: Database): MeetingRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(meetings.organizationId, scope.organizationId), eq(meetings.id, id))

  async function page(
    organizationId: string | null,
    filter: MeetingFilter,
    request: PageRequest<MeetingSortField>,
  ) {
    if (filter.buildingIds?.length === 0) return { items: [], total: 0 }
    const condition = allOf(
      organizationId
        ? eq(meetings.organizationId, organizationId)
        : crossTenant('a superadmin lists every tenant'),
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
    return listPage(db, meetings, condition, request, columns, toMeeting)
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
      return updateVersioned(db, meetings, eq(meetings.organizationId, scope.organizationId), {
        ...meeting,
        agenda: [...meeting.agenda],
      })
    },
    async delete(scope, id, version) {
      return deleteVersioned(db, meetings, eq(meetings.organizationId, scope.organizationId), id, version)
    },
    list: (scope, filter, request) => page(scope.organizationId, filter, request),
    listAcrossTenants: (filter, request) => page(null, filter, request),
    async organizationOf(id) {
      const [row] = await db
        .select({ org: meetings.organizationId })
        .from(meetings)
        .where(and(eq(meetings.id, id), crossTenant('a superadmin: the row names its tenant')))
        .limit(1)
      return row?.org ?? null
    },
  }
}
