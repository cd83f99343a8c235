import type { TenantScope } from '../../property/property.ports.ts'
import type { Page, PageRequest } from '../../shared/ports.ts'
import type { MeetingFilter, MeetingRepository, MeetingSortField } from '../governance.ports.ts'
import type { Meeting } from '../meeting.entity.ts'

/** A MeetingRepository over a Map, honouring tenant scope, conditional writes, filters and paging. */
export class InMemoryMeetingRepository implements MeetingRepository {
  readonly rows = new Map<string, Meeting>()

  async findById(scope: TenantScope, id: string): Promise<Meeting | null> {
    const row = this.rows.get(id)
    return row && row.organizationId === scope.organizationId ? row : null
  }

  async insert(scope: TenantScope, meeting: Meeting): Promise<void> {
    if (meeting.organizationId !== scope.organizationId) throw new Error('insert outside scope')
    if (this.rows.has(meeting.id)) throw new Error('duplicate id')
    this.rows.set(meeting.id, meeting)
  }

  async update(scope: TenantScope, meeting: Meeting): Promise<boolean> {
    const row = await this.findById(scope, meeting.id)
    if (!row || row.version !== meeting.version - 1) return false
    this.rows.set(meeting.id, meeting)
    return true
  }

  async delete(scope: TenantScope, id: string, version: number): Promise<boolean> {
    const row = await this.findById(scope, id)
    if (!row || row.version !== version) return false
    this.rows.delete(id)
    return true
  }

  async list(
    scope: TenantScope,
    filter: MeetingFilter,
    page: PageRequest<MeetingSortField>,
  ): Promise<Page<Meeting>> {
    return paginate(
      [...this.rows.values()].filter((m) => m.organizationId === scope.organizationId && matches(m, filter)),
      page,
    )
  }

  async listAcrossTenants(
    filter: MeetingFilter,
    page: PageRequest<MeetingSortField>,
  ): Promise<Page<Meeting>> {
    return paginate(
      [...this.rows.values()].filter((m) => matches(m, filter)),
      page,
    )
  }

  async organizationOf(id: string): Promise<string | null> {
    return this.rows.get(id)?.organizationId ?? null
  }
}

function matches(m: Meeting, f: MeetingFilter): boolean {
  return (
    (f.buildingId === undefined || m.buildingId === f.buildingId) &&
    (f.status === undefined || m.status === f.status) &&
    (f.meetingType === undefined || m.meetingType === f.meetingType) &&
    (f.dateFrom === undefined || m.scheduledDate.getTime() >= f.dateFrom.getTime()) &&
    (f.dateTo === undefined || m.scheduledDate.getTime() <= f.dateTo.getTime()) &&
    (f.buildingIds === undefined || f.buildingIds.includes(m.buildingId))
  )
}

const SORT_KEYS: Record<MeetingSortField, (m: Meeting) => string | number> = {
  scheduled_date: (m) => m.scheduledDate.getTime(),
  created_at: (m) => m.createdAt.getTime(),
  title: (m) => m.title,
}

function paginate(rows: Meeting[], page: PageRequest<MeetingSortField>): Page<Meeting> {
  const key = SORT_KEYS[page.sortBy]
  const sign = page.order === 'asc' ? 1 : -1
  const sorted = rows.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign
  })
  const start = (page.page - 1) * page.perPage
  return { items: sorted.slice(start, start + page.perPage), total: rows.length }
}
