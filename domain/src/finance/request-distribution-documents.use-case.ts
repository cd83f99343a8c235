import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { DocumentLanguage } from '../shared/money-format.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { FinanceContext } from './finance.ports.ts'
import { distributeExpense } from './get-expense-distribution.use-case.ts'

/** The outbox kind of the job that renders an expense's distribution as PDF and CSV. */
export const RENDER_EXPENSE_DISTRIBUTION = 'document.render-expense-distribution'

/** What the job needs: ids and the language, never a name or an amount (read again when it runs). */
export type DistributionDocumentsPayload = {
  readonly expenseId: string
  readonly language: DocumentLanguage
  readonly requestedBy: string
  /** Chosen now, so a re-run of the same job writes the same two documents (idempotence). */
  readonly pdfDocumentId: string
  readonly csvDocumentId: string
}

export type DistributionDocumentsRequest = {
  readonly jobId: string
  readonly pdfDocumentId: string
  readonly csvDocumentId: string
}

/**
 * POST /expenses/{id}/distribution-documents: records, in the same transaction as its audit entry,
 * the job that renders the distribution (rendering takes CPU time a request should not spend). The
 * answer names the two documents the job will create, which the client polls. Finance writers only
 * (an owner reads the distribution but does not issue documents); another tenant's expense is 404.
 * A distribution that cannot be computed (inconsistent basis) is refused now, not in the job.
 */
export async function requestDistributionDocuments({
  ctx,
  input: { expenseId, language },
}: UseCaseCall<FinanceContext, { readonly expenseId: string; readonly language: DocumentLanguage }>): Promise<
  Result<DistributionDocumentsRequest>
> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  return ctx.transaction(async (repos) => {
    const scoped = await scopeForRow(ctx.actor, 'Expense', () =>
      repos.finance.expenses.organizationOf(expenseId),
    )
    if (!scoped.ok) return scoped
    const expense = await repos.finance.expenses.findById(scoped.value, expenseId)
    if (!expense) return err(DomainErrors.notFound('Expense'))
    const distribution = await distributeExpense(repos, scoped.value, expense)
    if (!distribution.ok) return distribution
    const payload: DistributionDocumentsPayload = {
      expenseId,
      language,
      requestedBy: ctx.actor.userId,
      pdfDocumentId: ctx.ids.next(),
      csvDocumentId: ctx.ids.next(),
    }
    const jobId = await repos.outbox.enqueue({
      kind: RENDER_EXPENSE_DISTRIBUTION,
      organizationId: expense.organizationId,
      payload,
    })
    await recordEvent(ctx, repos, 'DistributionDocumentsRequested', expense, expenseId, {
      jobId,
      language,
      pdfDocumentId: payload.pdfDocumentId,
      csvDocumentId: payload.csvDocumentId,
    })
    return ok({ jobId, pdfDocumentId: payload.pdfDocumentId, csvDocumentId: payload.csvDocumentId })
  })
}
