import type { Organization, OrganizationRepository, SubscriptionPlan } from '@koprogo/domain'
import { eq } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { organizations } from '../schema/index.ts'
import { listPage, updateVersioned } from './paginate.ts'

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
  }
}
