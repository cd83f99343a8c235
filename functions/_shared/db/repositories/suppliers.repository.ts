import type { OwnerLanguage, Supplier, SupplierRepository } from '@koprogo/domain'
import { and, asc, eq, ilike, or } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { expenses, ledgerEntries, ledgerLines, suppliers } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { containsPattern } from './like-pattern.ts'
import { allOf, listPage, updateVersioned } from './paginate.ts'

type Row = typeof suppliers.$inferSelect
const toSupplier = (row: Row): Supplier => ({ ...row, language: row.language as OwnerLanguage | null })

const columns = { name: suppliers.name, created_at: suppliers.createdAt }

/** Suppliers over Drizzle (schema/suppliers.ts); the account reads the 440 lines naming one. */
export function supplierRepository(db: Database): SupplierRepository {
  const scoped = (org: string, id: string) => and(eq(suppliers.organizationId, org), eq(suppliers.id, id))
  return {
    async list(scope, filter, page) {
      const search = filter.search?.trim()
      const pattern = search ? containsPattern(search) : null
      const where = allOf(
        eq(suppliers.organizationId, scope.organizationId),
        pattern
          ? or(
              ilike(suppliers.name, pattern),
              ilike(suppliers.enterpriseNumber, pattern),
              ilike(suppliers.vatNumber, pattern),
            )
          : undefined,
      )
      return listPage(db, suppliers, where, page, columns, toSupplier)
    },
    async findById(scope, id) {
      const [row] = await db.select().from(suppliers).where(scoped(scope.organizationId, id)).limit(1)
      return row ? toSupplier(row) : null
    },
    async insert(_scope, supplier) {
      await db.insert(suppliers).values(supplier)
    },
    async update(scope, supplier) {
      return updateVersioned(db, suppliers, eq(suppliers.organizationId, scope.organizationId), supplier)
    },
    async delete(scope, id) {
      const rows = await db
        .delete(suppliers)
        .where(scoped(scope.organizationId, id))
        .returning({ id: suppliers.id })
      return rows.length === 1
    },
    async isUsed(scope, id) {
      const rows = await db
        .select({ id: expenses.id })
        .from(expenses)
        .where(and(eq(expenses.organizationId, scope.organizationId), eq(expenses.supplierId, id)))
        .limit(1)
      return rows.length > 0
    },
    async accountLines(scope, id) {
      return db
        .select({
          entryId: ledgerLines.entryId,
          buildingId: ledgerLines.buildingId,
          date: ledgerEntries.entryDate,
          journal: ledgerEntries.journal,
          label: ledgerEntries.label,
          debitCents: ledgerLines.debitCents,
          creditCents: ledgerLines.creditCents,
          reversesEntryId: ledgerEntries.reversesEntryId,
        })
        .from(ledgerLines)
        .innerJoin(
          ledgerEntries,
          and(
            eq(ledgerEntries.organizationId, ledgerLines.organizationId),
            eq(ledgerEntries.id, ledgerLines.entryId),
          ),
        )
        .where(
          and(
            eq(ledgerLines.organizationId, scope.organizationId),
            eq(ledgerLines.supplierId, id),
            eq(ledgerLines.account, '440'),
          ),
        )
        .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.createdAt), asc(ledgerLines.entryId))
    },
    async organizationOf(id) {
      const [row] = await db
        .select({ organizationId: suppliers.organizationId })
        .from(suppliers)
        .where(and(eq(suppliers.id, id), crossTenant('a superadmin: the row names its tenant')))
        .limit(1)
      return row?.organizationId ?? null
    },
  }
}
