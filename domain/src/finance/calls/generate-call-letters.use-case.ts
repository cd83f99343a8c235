import type { UseCaseCall, UseCaseContext } from '../../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../../documents/index.ts'
import type { IdentityQueries } from '../../identity/index.ts'
import type { DocumentRenderer } from '../../shared/document-renderer.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { FinanceRepos } from '../finance.ports.ts'
import { callLetter } from './call-letter.ts'

/** The outbox kind of the job that e-mails a batch of lines' letters (functions/calls/call-letters.job.ts). */
export const MAIL_CALL_LETTER = 'calls.mail-letter'

/** Letters filed per transaction. */
const LETTERS_PER_BATCH = 100

export type CallLettersRepos = FinanceRepos & {
  readonly documents: GeneratedDocumentsPorts
  readonly identity: IdentityQueries
}

/**
 * The job of RENDER_CALL_LETTERS: one PDF letter per line (owner and lot), stored as a document
 * of the building addressed to the line's owner (no co-owner may read it) whose id IS the line's id, so a re-run finds what it already stored and the
 * file key is the same (idempotent by construction). In the transaction that files a letter, a
 * line sent by e-mail gets its mail job: the mail exists once, whatever the retries.
 */
export async function generateCallLetters({
  ctx,
  input: { job, renderer },
}: UseCaseCall<
  UseCaseContext<CallLettersRepos>,
  {
    readonly job: { readonly id: string; readonly organizationId: string | null; readonly payload: unknown }
    readonly renderer: DocumentRenderer
  }
>): Promise<Result<{ readonly created: number; readonly skipped: number }>> {
  const raw = job.payload as { callId?: unknown; requestedBy?: unknown } | null
  if (typeof raw?.callId !== 'string' || typeof raw.requestedBy !== 'string' || !job.organizationId) {
    return err(DomainErrors.validation(`Invalid job payload (${job.id})`))
  }
  const payload = { callId: raw.callId, requestedBy: raw.requestedBy }
  const scope = { organizationId: job.organizationId }
  const { repos } = ctx
  const call = await repos.finance.calls.findCall(scope, payload.callId)
  if (!call) return err(DomainErrors.notFound('CallForFunds'))
  const [lines, building, organization] = await Promise.all([
    repos.finance.calls.listLines(scope, call.id),
    repos.property.buildings.findById(scope, call.buildingId),
    repos.identity.organizations.findById(scope.organizationId),
  ])
  if (!building || !organization) return err(DomainErrors.notFound('Building'))
  const owners = new Map(
    (await repos.finance.calls.ownersByIds(scope, [...new Set(lines.map((l) => l.ownerId))])).map((o) => [
      o.id,
      o,
    ]),
  )
  let created = 0
  const todo = lines.filter((l) => l.documentId === null && owners.has(l.ownerId))
  // Each owner's balance without this call (one read per owner to write to): the books already
  // hold this call's lines (posted at issue), so they are taken out again.
  const thisCall = new Map<string, number>()
  for (const l of lines) thisCall.set(l.ownerId, (thisCall.get(l.ownerId) ?? 0) + l.amountCents)
  const forward = new Map(
    await Promise.all(
      [...new Set(todo.map((l) => l.ownerId))].map(
        async (o) =>
          [
            o,
            (await repos.ledger.entries.ownerBalance(scope, call.buildingId, o)) - (thisCall.get(o) ?? 0),
          ] as const,
      ),
    ),
  )
  const skipped = lines.length - todo.length
  // Rendered and stored in batches, each batch filed in ONE transaction: a commit per letter
  // made 500 letters spend most of their time committing (ADR 0032, measured).
  for (let i = 0; i < todo.length; i += LETTERS_PER_BATCH) {
    const batch = todo.slice(i, i + LETTERS_PER_BATCH)
    const documents: Document[] = []
    for (const line of batch) {
      const owner = owners.get(line.ownerId)
      if (!owner) continue
      const letter = callLetter({
        call,
        line,
        owner,
        building,
        organization,
        balanceBroughtForwardCents: forward.get(line.ownerId) ?? 0,
      })
      const bytes = await renderer.render(letter.pdf)
      const storageKey = storageKeyFor(scope.organizationId, line.id)
      await ctx.files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
      const now = ctx.clock.now()
      documents.push({
        id: line.id,
        organizationId: scope.organizationId,
        buildingId: building.id,
        documentType: 'FinancialStatement',
        title: letter.title.slice(0, 200),
        description: null,
        fileSize: bytes.length,
        mimeType: 'application/pdf',
        originalFilename: letter.fileName,
        storageKey,
        uploadedBy: payload.requestedBy,
        relatedMeetingId: null,
        relatedExpenseId: null,
        // The letter names the owner and what they owe: only they (and the firm) may read it.
        addresseeOwnerId: line.ownerId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
    }
    await ctx.transaction(async (tx) => {
      const toMail: string[] = []
      for (const document of documents) {
        const line = batch.find((l) => l.id === document.id)
        if (!line) continue
        if (!(await tx.documents.documents.findById(scope, document.id))) {
          await tx.documents.documents.insert(scope, document)
        }
        // Conditional: only the run that links the letter enqueues its mail.
        if (await tx.finance.calls.setLineDocument(scope, line.id, document.id)) {
          if (line.delivery === 'email') toMail.push(line.id)
          await recordEvent(
            { requestId: ctx.requestId, actorUserId: payload.requestedBy },
            tx,
            'DocumentGenerated',
            scope,
            document.id,
            { jobId: job.id, callId: call.id, mimeType: 'application/pdf', fileSize: document.fileSize },
          )
          created++
        }
      }
      // One mail job for the batch's e-mailed lines, in the transaction that linked them: each
      // line is linked once, so each is in exactly one mail job.
      if (toMail.length > 0) {
        await tx.outbox.enqueue({
          kind: MAIL_CALL_LETTER,
          organizationId: scope.organizationId,
          payload: { callId: call.id, lineIds: toMail },
        })
      }
      return ok(null)
    })
  }
  return ok({ created, skipped })
}
