import type { UseCaseCall, UseCaseContext } from '../../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../../documents/index.ts'
import type { IdentityQueries } from '../../identity/index.ts'
import type { DocumentRenderer } from '../../shared/document-renderer.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { FinanceRepos } from '../finance.ports.ts'
import { defaultArrearsSettings } from './arrears-settings.use-cases.ts'
import { effectiveRateTable } from './legal-interest.ts'
import { reminderLetter } from './reminder-letter.ts'

/** The outbox kind of the job that e-mails a batch of reminders (functions/arrears/reminder-letters.job.ts). */
export const MAIL_REMINDERS = 'arrears.mail-reminders'

export type ReminderLettersRepos = FinanceRepos & {
  readonly documents: GeneratedDocumentsPorts
  readonly identity: IdentityQueries
}

/**
 * The job of RENDER_REMINDER_LETTERS: one PDF per reminder in the owner's language, stored as a
 * document of the building addressed to the owner (no co-owner may read it) whose id IS the
 * reminder's id, so a re-run finds what it stored (idempotent). In the transaction that links a
 * letter, an e-mailed reminder joins the batch's mail job: each is mailed once, whatever the
 * retries. Formal notices and owners without e-mail consent are on the postal list.
 */
export async function generateReminderLetters({
  ctx,
  input: { job, renderer },
}: UseCaseCall<
  UseCaseContext<ReminderLettersRepos>,
  {
    readonly job: { readonly id: string; readonly organizationId: string | null; readonly payload: unknown }
    readonly renderer: DocumentRenderer
  }
>): Promise<Result<{ readonly created: number; readonly skipped: number }>> {
  const raw = job.payload as { reminderIds?: unknown; requestedBy?: unknown } | null
  if (!Array.isArray(raw?.reminderIds) || typeof raw.requestedBy !== 'string' || !job.organizationId) {
    return err(DomainErrors.validation(`Invalid job payload (${job.id})`))
  }
  const requestedBy = raw.requestedBy
  const scope = { organizationId: job.organizationId }
  const { repos } = ctx
  const reminders = await repos.finance.arrears.findReminders(scope, raw.reminderIds as string[])
  const todo = reminders.filter((r) => r.documentId === null)
  if (todo.length === 0) return ok({ created: 0, skipped: reminders.length })
  const [organization, storedRates] = await Promise.all([
    repos.identity.organizations.findById(scope.organizationId),
    repos.finance.arrears.legalRates(scope),
  ])
  if (!organization) return err(DomainErrors.notFound('Organization'))
  const rates = effectiveRateTable(storedRates)
  const owners = new Map(
    (await repos.finance.calls.ownersByIds(scope, [...new Set(todo.map((r) => r.ownerId))])).map((o) => [
      o.id,
      o,
    ]),
  )
  let created = 0
  for (const buildingId of new Set(todo.map((r) => r.buildingId))) {
    const [building, settings, lines] = await Promise.all([
      repos.property.buildings.findById(scope, buildingId),
      repos.finance.arrears.findSettings(scope, buildingId),
      repos.finance.arrears.buildingLines(scope, buildingId),
    ])
    if (!building) continue
    const lineById = new Map(lines.map((l) => [l.id, l]))
    const documents: Document[] = []
    const batch = todo.filter((r) => r.buildingId === buildingId)
    for (const reminder of batch) {
      const owner = owners.get(reminder.ownerId)
      const oldest = reminder.lines[0] ? lineById.get(reminder.lines[0].lineId) : undefined
      if (!owner || !oldest) continue
      const letter = reminderLetter({
        reminder,
        owner,
        building,
        organization,
        settings: settings ?? defaultArrearsSettings(scope.organizationId, buildingId),
        payTo: { iban: oldest.iban, bic: oldest.bic, holderName: oldest.holderName },
        rates,
      })
      const bytes = await renderer.render(letter.pdf)
      const storageKey = storageKeyFor(scope.organizationId, reminder.id)
      await ctx.files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
      const now = ctx.clock.now()
      documents.push({
        id: reminder.id,
        organizationId: scope.organizationId,
        buildingId,
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
        // What an owner owes is theirs alone to read (and the firm's).
        addresseeOwnerId: reminder.ownerId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
    }
    await ctx.transaction(async (tx) => {
      const toMail: string[] = []
      for (const document of documents) {
        const reminder = batch.find((r) => r.id === document.id)
        if (!reminder) continue
        if (!(await tx.documents.documents.findById(scope, document.id))) {
          await tx.documents.documents.insert(scope, document)
        }
        if (await tx.finance.arrears.setReminderDocument(scope, reminder.id, document.id)) {
          if (reminder.delivery === 'email') toMail.push(reminder.id)
          await recordEvent(
            { requestId: ctx.requestId, actorUserId: requestedBy },
            tx,
            'DocumentGenerated',
            scope,
            document.id,
            {
              jobId: job.id,
              reminderId: reminder.id,
              mimeType: 'application/pdf',
              fileSize: document.fileSize,
            },
          )
          created++
        }
      }
      if (toMail.length > 0) {
        await tx.outbox.enqueue({
          kind: MAIL_REMINDERS,
          organizationId: scope.organizationId,
          payload: { reminderIds: toMail },
        })
      }
      return ok(null)
    })
  }
  return ok({ created, skipped: reminders.length - created })
}
