import type { Organization, OrganizationRepository, SubscriptionPlan } from '@koprogo/domain'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { organizations } from '../schema/index.ts'
import { countAll, offsetOf, orderFor } from './paginate.ts'

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
      const rows = await db
        .update(organizations)
        .set(org)
        .where(and(eq(organizations.id, org.id), eq(organizations.version, org.version - 1)))
        .returning({ id: organizations.id })
      return rows.length === 1
    },
    async list(page) {
      const columns = {
        name: organizations.name,
        created_at: organizations.createdAt,
        slug: organizations.slug,
      }
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(organizations)
          .orderBy(...orderFor(page, columns, organizations.id))
          .limit(page.perPage)
          .offset(offsetOf(page)),
        db.select({ n: countAll }).from(organizations),
      ])
      return { items: rows.map(toOrganization), total: total?.n ?? 0 }
    },
  }
}
