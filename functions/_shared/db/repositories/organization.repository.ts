import type { Organization, OrganizationRepository, SubscriptionPlan } from '@koprogo/domain'
import { eq } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { buildings, organizations, users } from '../schema/index.ts'
import { countAll, listPage, updateVersioned } from './paginate.ts'

type Row = typeof organizations.$inferSelect

const toOrganization = (row: Row): Organization => ({
  ...row,
  subscriptionPlan: row.subscriptionPlan as SubscriptionPlan,
})

export function organizationRepository(db: Database): OrganizationRepository {
  return {
    async findById(id) {
      const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1)
      return row ? toOrganization(row) : null
    },
    async slugTaken(slug) {
      const rows = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, slug))
        .limit(1)
      return rows.length > 0
    },
    async insert(org) {
      await db.insert(organizations).values(org)
    },
    async update(org) {
      return updateVersioned(db, organizations, undefined, org)
    },
    async list(page) {
      const columns = {
        name: organizations.name,
        created_at: organizations.createdAt,
        slug: organizations.slug,
      }
      return listPage(db, organizations, undefined, page, columns, toOrganization)
    },
    async lockForPlanCheck(id) {
      // NO KEY UPDATE, not UPDATE: it does not conflict with the KEY SHARE lock every insert of a
      // row referencing the organization takes (foreign key check), so only plan checks queue.
      const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).for('no key update')
      return row ? toOrganization(row) : null
    },
    async countRows(id, resource) {
      // A statement of its own, after the lock: under READ COMMITTED it sees every row committed
      // by the plan checks that held the lock before.
      const table = resource === 'buildings' ? buildings : users
      const [row] = await db.select({ n: countAll }).from(table).where(eq(table.organizationId, id))
      return row?.n ?? 0
    },
  }
}
