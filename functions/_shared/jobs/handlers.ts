import { DELETE_ORPHAN_FILE } from '@koprogo/domain'
import { deleteOrphanFile } from '../../documents/delete-orphan-file.job.ts'
import type { JobHandler } from './job-handler.ts'

/**
 * Every job kind the runner knows, by the `kind` written into the outbox. One line per kind; the
 * handler lives beside the feature that enqueues it. A row of an unknown kind fails visibly.
 */
export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  [DELETE_ORPHAN_FILE]: deleteOrphanFile,
}
