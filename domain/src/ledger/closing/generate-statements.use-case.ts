import type { UseCaseCall, UseCaseContext } from '../../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../../documents/index.ts'
import type { IdentityQueries } from '../../identity/index.ts'
import type { DocumentRenderer } from '../../shared/document-renderer.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { ClosingRepos } from './close-year.use-case.ts'
import { statementLetter } from './statement-letter.ts'

/** The outbox kind of the job that e-mails a batch of statements (functions/closing). */
export const MAIL_STATEMENTS = 'closing.mail-statements'

const STATEMENTS_PER_BATCH = 100

export type StatementsRepos = ClosingRepos & {
  readonly documents: GeneratedDocumentsPorts
  readonly identity: IdentityQueries
}

/**
 * The job of RENDER_STATEMENTS (ADR 0040): one PDF statement per owner of a closed year, stored
 * as a document of the building addressed to that owner (no co-owner reads it), whose id IS the
 * statement's id — a re-run finds what it stored (idempotent by construction, as call letters,
 * ADR 0032). The batch that links statements sent by e-mail enqueues their one mail job.
 */
export async function generateStatements({
  ctx,
  input: { job, renderer },
}: UseCaseCall<
  UseCaseContext<StatementsRepos>,
  {
    readonly job: { readonly id: string; readonly organizationId: string | null; readonly payload: unknown }
    readonly renderer: DocumentRenderer
  }
>): Promise<Result<{ readonly created: number; readonly skipped: number }>> {
  const raw = job.payload as { closingId?: unknown; requestedBy?: unknown } | null
  if (typeof raw?.closingId !== 'string' || typeof raw.requestedBy !== 'string' || !job.organizationId) {
    return err(DomainErrors.validation(`Invalid job payload (${job.id})`))
  }
  const requestedBy = raw.requestedBy
  const scope = { organizationId: job.organizationId }
  const { repos } = ctx
  const closing = await repos.closing.findClosingById(scope, raw.closingId)
  if (!closing) return err(DomainErrors.notFound('FiscalYearClosing'))
  const [statements, building, organization] = await Promise.all([
    repos.closing.listStatements(scope, closing.id),
    repos.property.buildings.findById(scope, closing.buildingId),
    repos.identity.organizations.findById(scope.organizationId),
  ])
  if (!building || !organization) return err(DomainErrors.notFound('Building'))
  const owners = new Map(
    (
      await repos.closing.ownersByIds(
        scope,
        statements.map((s) => s.ownerId),
      )
    ).map((o) => [o.id, o]),
  )
  const todo = statements.filter((s) => s.documentId === null && owners.has(s.ownerId))
  let created = 0
  for (let i = 0; i < todo.length; i += STATEMENTS_PER_BATCH) {
    const batch = todo.slice(i, i + STATEMENTS_PER_BATCH)
    const documents: Document[] = []
    for (const statement of batch) {
      const owner = owners.get(statement.ownerId)
      if (!owner) continue
      const letter = statementLetter({ closing, statement, owner, building, organization })
      const bytes = await renderer.render(letter.pdf)
      const storageKey = storageKeyFor(scope.organizationId, statement.id)
      await ctx.files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
      const now = ctx.clock.now()
      documents.push({
        id: statement.id,
        organizationId: scope.organizationId,
        buildingId: building.id,
        documentType: 'FinancialStatement',
        title: letter.title.slice(0, 200),
        description: null,
        fileSize: bytes.length,
        mimeType: 'application/pdf',
        originalFilename: letter.fileName,
        storageKey,
        uploadedBy: requestedBy,
        relatedMeetingId: null,
        relatedExpenseId: null,
        // What one owner owes or gets back: only they (and the firm) read it.
        addresseeOwnerId: statement.ownerId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
    }
    await ctx.transaction(async (tx) => {
      const toMail: string[] = []
      for (const document of documents) {
        const statement = batch.find((s) => s.id === document.id)
        if (!statement) continue
        if (!(await tx.documents.documents.findById(scope, document.id))) {
          await tx.documents.documents.insert(scope, document)
        }
        if (await tx.closing.setStatementDocument(scope, statement.id, document.id)) {
          if (statement.delivery === 'email') toMail.push(statement.id)
          await recordEvent(
            { requestId: ctx.requestId, actorUserId: requestedBy },
            tx,
            'DocumentGenerated',
            scope,
            document.id,
            {
              jobId: job.id,
              closingId: closing.id,
              mimeType: 'application/pdf',
              fileSize: document.fileSize,
            },
          )
          created++
        }
      }
      if (toMail.length > 0) {
        await tx.outbox.enqueue({
          kind: MAIL_STATEMENTS,
          organizationId: scope.organizationId,
          payload: { closingId: closing.id, statementIds: toMail },
        })
      }
      return ok(null)
    })
  }
  return ok({ created, skipped: statements.length - todo.length })
}
