import type { EInvoiceImportRecord, EInvoiceImportRepository, EInvoiceKind } from '@koprogo/domain'
import { and, eq, or } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { einvoiceImports } from '../schema/index.ts'

/** The e-invoices imported per building (schema/einvoice-imports.ts): one read finds a duplicate. */
export function eInvoiceImportRepository(db: Database): EInvoiceImportRepository {
  return {
    async findDuplicate(scope, buildingId, identity, fileHash) {
      const [row] = await db
        .select()
        .from(einvoiceImports)
        .where(
          and(
            eq(einvoiceImports.organizationId, scope.organizationId),
            eq(einvoiceImports.buildingId, buildingId),
            or(
              eq(einvoiceImports.fileHash, fileHash),
              and(
                eq(einvoiceImports.supplierKey, identity.supplierKey),
                eq(einvoiceImports.kind, identity.kind),
                eq(einvoiceImports.invoiceNumber, identity.invoiceNumber),
                eq(einvoiceImports.issueDate, identity.issueDate),
              ),
            ),
          ),
        )
        .limit(1)
      return row ? ({ ...row, kind: row.kind as EInvoiceKind } satisfies EInvoiceImportRecord) : null
    },
    async insert(_scope, record) {
      await db.insert(einvoiceImports).values(record)
    },
  }
}
