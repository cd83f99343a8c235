import { PASSWORD_CHANGED_JOB, PASSWORD_LINK_JOB, RENDER_EXPENSE_DISTRIBUTION } from '@koprogo/domain'
import { passwordChangedJob } from '../../auth/password-changed.job.ts'
import { passwordLinkJob } from '../../auth/password-link.job.ts'
import { renderExpenseDistribution } from '../../expenses/distribution-documents.job.ts'
import type { JobHandler } from './job-handler.ts'

/**
 * Every job kind the runner knows, by the `kind` written into the outbox. One line per kind; the
 * handler lives beside the feature that enqueues it. A row of an unknown kind fails visibly.
 */
export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  [PASSWORD_LINK_JOB]: passwordLinkJob,
  [PASSWORD_CHANGED_JOB]: passwordChangedJob,
  [RENDER_EXPENSE_DISTRIBUTION]: renderExpenseDistribution,
}
