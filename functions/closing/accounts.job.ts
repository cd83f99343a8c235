import { fileAnnualAccounts } from '@koprogo/domain'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'

/**
 * FILE_ANNUAL_ACCOUNTS (ADR 0042): the closed year's annual accounts PDF filed as a building
 * document per language its owners read. Embedded fonts (a few pages, any Unicode text: key names
 * are the syndic's).
 */
export const fileAnnualAccountsJob: JobHandler = async (job, runtime) => {
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const result = await fileAnnualAccounts({ ctx, input: { job, renderer: pdfLibRenderer } })
  if (!result.ok) throw new Error(`${job.kind} ${job.id}: ${result.error.kind}: ${result.error.message}`)
  runtime.logger.info('annual accounts filed', { jobId: job.id, ...result.value })
}
