import type { Role, User, UserRepository } from '@koprogo/domain'
import { eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { users } from '../schema/index.ts'
import { allOf, listPage, updateVersioned } from './paginate.ts'

type Row = typeof users.$inferSelect

const toUser = (row: Row): User => ({ ...row, role: row.role as Role })

/**
 * The per-request user lookup of `authenticate`, as a prepared statement: Drizzle builds its SQL
 * once per database handle (building it was the largest Drizzle cost of a read under the bench
 * mix) and Postgres parses and plans it once per connection.
 */
const authLookups = new WeakMap<Database, ReturnType<typeof prepareAuthLookup>>()
const prepareAuthLookup = (db: Database) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .limit(1)
    .prepare('auth_user_by_id')

export async function findUserForAuth(db: Database, id: string): Promise<User | null> {
  let lookup = authLookups.get(db)
  if (!lookup) {
    lookup = prepareAuthLookup(db)
    authLookups.set(db, lookup)
  }
  const [row] = await lookup.execute({ id })
  return row ? toUser(row) : null
}

export function userRepository(db: Database): UserRepository {
  return {
    async findByEmail(email) {
      const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1)
      return row ? toUser(row) : null
    },
    async findById(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1)
      return row ? toUser(row) : null
    },
    async insert(user) {
      await db.insert(users).values(user)
    },
    async update(user) {
      return updateVersioned(db, users, undefined, user)
    },
    async list(scope, filter, page) {
      const where = allOf(
        scope.organizationId ? eq(users.organizationId, scope.organizationId) : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
      )
      const columns = {
        email: users.email,
        last_name: users.lastName,
        created_at: users.createdAt,
        role: users.role,
      }
      return listPage(db, users, where, page, columns, toUser)
    },
  }
}
