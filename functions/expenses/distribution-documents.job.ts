import { generateDistributionDocuments } from '@koprogo/domain'
import { papaCsvWriter } from '../_shared/csv-writer.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'

/**
 * RENDER_EXPENSE_DISTRIBUTION: the PDF and CSV of an expense's distribution, stored as documents.
 * Only the bundle that runs jobs imports this file, so pdf-lib and the fonts (ADR 0024) stay out
 * of the request Workers. A refused run (expense deleted meanwhile, broken basis) throws: the
 * runner records the error and retries, then dead-letters it.
 */
export const renderExpenseDistribution: JobHandler = async (job, runtime) => {
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const result = await generateDistributionDocuments({
    ctx,
    input: { job, renderer: pdfLibRenderer, csv: papaCsvWriter },
  })
  if (!result.ok) throw new Error(`${job.kind} ${job.id}: ${result.error.kind}: ${result.error.message}`)
  const created = result.value.filter((f) => f.created).length
  runtime.logger.info('distribution documents stored', { jobId: job.id, created })
}
