import {
  type ActorContext,
  DomainErrors,
  err,
  ok,
  type Page,
  type PageRequest,
  type Result,
} from '@koprogo/domain'
import { eq } from 'drizzle-orm'
import type { Database } from '../_shared/db/client.ts'
import { listPage } from '../_shared/db/repositories/paginate.ts'
import { capturedMail } from '../_shared/db/schema/index.ts'

export type CapturedMail = typeof capturedMail.$inferSelect

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
): Promise<Result<CapturedMail>> {
  if (ctx.actor.role !== 'superadmin') return err(DomainErrors.forbidden())
  const [row] = await db.select().from(capturedMail).where(eq(capturedMail.id, id)).limit(1)
  return row ? ok(row) : err(DomainErrors.notFound('Captured mail'))
}
