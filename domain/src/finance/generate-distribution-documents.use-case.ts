import type { UseCaseCall, UseCaseContext } from '../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../documents/index.ts'
import type { IdentityQueries } from '../identity/index.ts'
import { ownerDisplayName, type TenantScope } from '../property/index.ts'
import type { CsvWriter, DocumentRenderer } from '../shared/document-renderer.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { isDocumentLanguage } from '../shared/money-format.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { distributionReport } from './distribution-report.ts'
import type { FinanceRepos } from './finance.ports.ts'
import { distributeExpense } from './get-expense-distribution.use-case.ts'
import type { DistributionDocumentsPayload } from './request-distribution-documents.use-case.ts'

export type GeneratedFile = { readonly documentId: string; readonly created: boolean }

/** Finance's bundle, plus filing the generated documents and reading the syndic's organization. */
export type DistributionDocumentsRepos = FinanceRepos & {
  readonly documents: GeneratedDocumentsPorts
  readonly identity: IdentityQueries
}

/**
 * The job of RENDER_EXPENSE_DISTRIBUTION: renders the distribution as it stands when the job runs
 * and stores the PDF and the CSV as documents of the expense's building, linked to the expense.
 * Idempotent: each document's id comes from the payload, so a re-run (a runner killed after
 * storing, a retry) finds the row and creates nothing twice; the file is written before its row
 * under a key made from that id, so a half-done run is completed by overwriting the same bytes.
 */
export async function generateDistributionDocuments({
  ctx,
  input: { job, renderer, csv },
}: UseCaseCall<
  UseCaseContext<DistributionDocumentsRepos>,
  {
    readonly job: { readonly id: string; readonly organizationId: string | null; readonly payload: unknown }
    readonly renderer: DocumentRenderer
    readonly csv: CsvWriter
  }
>): Promise<Result<readonly GeneratedFile[]>> {
  const payload = parsePayload(job.payload)
  if (!payload || !job.organizationId) return err(DomainErrors.validation(`Invalid job payload (${job.id})`))
  const scope: TenantScope = { organizationId: job.organizationId }
  const { repos } = ctx
  const existing = await Promise.all([
    repos.documents.documents.findById(scope, payload.pdfDocumentId),
    repos.documents.documents.findById(scope, payload.csvDocumentId),
  ])
  if (existing.every((d) => d !== null)) {
    return ok(existing.map((d) => ({ documentId: (d as Document).id, created: false })))
  }

  const expense = await repos.finance.expenses.findById(scope, payload.expenseId)
  if (!expense) return err(DomainErrors.notFound('Expense'))
  const building = await repos.property.buildings.findById(scope, expense.buildingId)
  const organization = await repos.identity.organizations.findById(scope.organizationId)
  if (!building || !organization) return err(DomainErrors.notFound('Building'))
  const distribution = await distributeExpense(repos, scope, expense)
  if (!distribution.ok) return distribution
  const ownerIds = [...new Set(distribution.value.units.flatMap((u) => u.owners.map((o) => o.ownerId)))]
  const owners = await Promise.all(ownerIds.map((id) => repos.property.owners.findById(scope, id)))
  const ownerNames = new Map(owners.flatMap((o) => (o ? [[o.id, ownerDisplayName(o)] as const] : [])))
  const report = distributionReport({
    language: payload.language,
    expense,
    building,
    organization,
    distribution: distribution.value,
    ownerNames,
  })

  const files = [
    {
      id: payload.pdfDocumentId,
      exists: existing[0] !== null,
      mimeType: 'application/pdf',
      filename: `${report.fileStem}.pdf`,
      bytes: () => renderer.render(report.pdf),
    },
    {
      id: payload.csvDocumentId,
      exists: existing[1] !== null,
      mimeType: 'text/csv',
      filename: `${report.fileStem}.csv`,
      bytes: async () => csv.write(report.csv, { separator: report.csvSeparator }),
    },
  ]
  const results: GeneratedFile[] = []
  for (const file of files) {
    if (file.exists) {
      results.push({ documentId: file.id, created: false })
      continue
    }
    const bytes = await file.bytes()
    const storageKey = storageKeyFor(scope.organizationId, file.id)
    await ctx.files.put(storageKey, bytes, { contentType: file.mimeType, size: bytes.length })
    const now = ctx.clock.now()
    const document: Document = {
      id: file.id,
      organizationId: scope.organizationId,
      buildingId: building.id,
      documentType: 'FinancialStatement',
      title: report.title.slice(0, 200),
      description: null,
      fileSize: bytes.length,
      mimeType: file.mimeType,
      originalFilename: file.filename,
      storageKey,
      uploadedBy: payload.requestedBy,
      relatedMeetingId: null,
      relatedExpenseId: expense.id,
      addresseeOwnerId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.transaction(async (tx) => {
      await tx.documents.documents.insert(scope, document)
      await recordEvent(
        { requestId: ctx.requestId, actorUserId: payload.requestedBy },
        tx,
        'DocumentGenerated',
        scope,
        document.id,
        { jobId: job.id, expenseId: expense.id, mimeType: file.mimeType, fileSize: bytes.length },
      )
      return ok(null)
    })
    results.push({ documentId: file.id, created: true })
  }
  return ok(results)
}

function parsePayload(value: unknown): DistributionDocumentsPayload | null {
  if (typeof value !== 'object' || value === null) return null
  const p = value as Record<string, unknown>
  const ids = [p.expenseId, p.requestedBy, p.pdfDocumentId, p.csvDocumentId]
  if (!ids.every((id) => typeof id === 'string' && id.length > 0)) return null
  if (!isDocumentLanguage(p.language)) return null
  return p as DistributionDocumentsPayload
}
