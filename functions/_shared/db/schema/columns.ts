import { integer, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Columns every mutable row carries (ARCHITECTURE.md "Data"). */
export const id = () => uuid('id').primaryKey()
export const version = () => integer('version').notNull().default(1)
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
export const timestamps = () => ({
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
})
