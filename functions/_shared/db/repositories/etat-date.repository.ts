import type {
  DocumentLanguage,
  EtatDateBasis,
  EtatDateFigures,
  EtatDateRepository,
  EtatDateRequest,
} from '@koprogo/domain'
import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { etatDateRequests } from '../schema/index.ts'

type Row = typeof etatDateRequests.$inferSelect

const toRequest = (r: Row): EtatDateRequest => ({
  id: r.id,
  organizationId: r.organizationId,
  buildingId: r.buildingId,
  unitId: r.unitId,
  basis: r.basis as EtatDateBasis,
  requestedBy: r.requestedBy,
  requesterEmail: r.requesterEmail,
  notaryReference: r.notaryReference,
  requestDate: r.requestDate,
  deadlineDate: r.deadlineDate,
  deedDate: r.deedDate,
  language: r.language as DocumentLanguage,
  pendingProcedures: r.pendingProcedures,
  decidedWorks: r.decidedWorks,
  documentId: r.documentId,
  generatedAt: r.generatedAt,
  figures: (r.figures as EtatDateFigures | null) ?? null,
  createdBy: r.createdBy,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

/** État daté requests (Civil Code art. 3.94, ADR 0041). */
export function etatDateRepository(db: Database): EtatDateRepository {
  return {
    async insert(scope, request) {
      await db.insert(etatDateRequests).values({ ...request, organizationId: scope.organizationId })
    },
    async findById(scope, id) {
      const [row] = await db
        .select()
        .from(etatDateRequests)
        .where(and(eq(etatDateRequests.organizationId, scope.organizationId), eq(etatDateRequests.id, id)))
      return row ? toRequest(row) : null
    },
    async listForUnit(scope, unitId) {
      const rows = await db
        .select()
        .from(etatDateRequests)
        .where(
          and(eq(etatDateRequests.organizationId, scope.organizationId), eq(etatDateRequests.unitId, unitId)),
        )
        .orderBy(desc(etatDateRequests.requestDate), desc(etatDateRequests.id))
      return rows.map(toRequest)
    },
    async markGenerated(scope, request) {
      const rows = await db
        .update(etatDateRequests)
        .set({
          documentId: request.documentId,
          generatedAt: request.generatedAt,
          figures: request.figures,
          version: request.version,
          updatedAt: request.updatedAt,
        })
        .where(
          and(
            eq(etatDateRequests.organizationId, scope.organizationId),
            eq(etatDateRequests.id, request.id),
            eq(etatDateRequests.version, request.version - 1),
          ),
        )
        .returning({ id: etatDateRequests.id })
      return rows.length === 1
    },
  }
}
