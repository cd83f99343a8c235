import {
  type ActorContext,
  DomainErrors,
  err,
  ok,
  type Page,
  type PageRequest,
  type Result,
} from '@koprogo/domain'
import { asc, eq } from 'drizzle-orm'
import type { Database } from '../_shared/db/client.ts'
import { listPage } from '../_shared/db/repositories/paginate.ts'
import { capturedMail, capturedMailAttachments } from '../_shared/db/schema/index.ts'

export type CapturedMail = typeof capturedMail.$inferSelect
export type CapturedAttachment = typeof capturedMailAttachments.$inferSelect
export type CapturedMailWithFiles = CapturedMail & {
  readonly attachments: readonly Omit<CapturedAttachment, 'content'>[]
}

/**
 * What the capture adapter kept, for the superadmin only: it holds every tenant's mail (set-password
 * links included, which is why no one else may read it). Not a domain concept: an adapter's log.
 */
export async function listCapturedMail(
  ctx: ActorContext,
  db: Database,
  page: PageRequest<'created_at'>,
): Promise<Result<Page<CapturedMail>>> {
  if (ctx.actor.role !== 'superadmin') return err(DomainErrors.forbidden())
  return ok(
    await listPage(db, capturedMail, undefined, page, { created_at: capturedMail.createdAt }, (r) => r),
  )
}

export async function getCapturedMail(
  ctx: ActorContext,
  db: Database,
  id: string,
): Promise<Result<CapturedMailWithFiles>> {
  if (ctx.actor.role !== 'superadmin') return err(DomainErrors.forbidden())
  const [row] = await db.select().from(capturedMail).where(eq(capturedMail.id, id)).limit(1)
  if (!row) return err(DomainErrors.notFound('Captured mail'))
  const attachments = await db
    .select({
      id: capturedMailAttachments.id,
      jobId: capturedMailAttachments.jobId,
      filename: capturedMailAttachments.filename,
      contentType: capturedMailAttachments.contentType,
      createdAt: capturedMailAttachments.createdAt,
    })
    .from(capturedMailAttachments)
    .where(eq(capturedMailAttachments.jobId, row.jobId))
    .orderBy(asc(capturedMailAttachments.id))
  return ok({ ...row, attachments })
}

/**
 * Attachment `index` (0-based, in the order the message carried them: ids are time-ordered) of a
 * captured mail: what a convocation or a call letter really attached, for the superadmin and the
 * end-to-end tests (the PDF's text is checked there).
 */
export async function getCapturedAttachment(
  ctx: ActorContext,
  db: Database,
  id: string,
  index: number,
): Promise<Result<CapturedAttachment>> {
  if (ctx.actor.role !== 'superadmin') return err(DomainErrors.forbidden())
  const [mail] = await db
    .select({ jobId: capturedMail.jobId })
    .from(capturedMail)
    .where(eq(capturedMail.id, id))
    .limit(1)
  if (!mail) return err(DomainErrors.notFound('Captured mail'))
  const [file] = await db
    .select()
    .from(capturedMailAttachments)
    .where(eq(capturedMailAttachments.jobId, mail.jobId))
    .orderBy(asc(capturedMailAttachments.id))
    .offset(index)
    .limit(1)
  return file ? ok(file) : err(DomainErrors.notFound('Attachment'))
}
