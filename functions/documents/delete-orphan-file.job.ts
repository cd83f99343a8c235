import { and, eq } from 'drizzle-orm'
import { documents } from '../_shared/db/schema/index.ts'
import { crossTenant } from '../_shared/db/tenant-scope.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'

/**
 * `document.delete-orphan-file` (ADR 0020): deletes the stored file under `payload.storageKey`
 * only if no document row references it. Enqueued before an upload stores its bytes (due an hour
 * later) and when a document is deleted (due at once). Idempotent by nature: a second run finds
 * the key referenced (nothing to do) or the file already gone (a missing key is no error).
 */
export const deleteOrphanFile: JobHandler = async (job, runtime) => {
  const storageKey = job.payload.storageKey
  if (typeof storageKey !== 'string' || storageKey === '') throw new Error('payload.storageKey is missing')
  const referenced = await runtime.database.db
    .select({ id: documents.id })
    .from(documents)
    // A superadmin's file-first upload is keyed before its tenant is known: look in every tenant.
    .where(and(eq(documents.storageKey, storageKey), crossTenant('a storage key is unique across tenants')))
    .limit(1)
  if (referenced.length > 0) return
  await runtime.files.delete(storageKey)
}
