import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { ActorContext, UseCaseCall, UseCaseContext } from '../../context.ts'
import { type Document, storageKeyFor } from '../../documents/index.ts'
import {
  BUILDING_TIME_ZONE,
  calendarDateIn,
  DEFAULT_OWNER_LANGUAGE,
  type TenantScope,
  todayOf,
} from '../../property/index.ts'
import type { DocumentRenderer } from '../../shared/document-renderer.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import type { DocumentLanguage } from '../../shared/money-format.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { type AnnualAccountsDocument, annualAccountsDocument } from './annual-accounts-document.ts'
import { type AnnualAccountsView, getAnnualAccounts } from './close-year.use-case.ts'
import type { FiscalYearClosing } from './closing.ports.ts'
import type { StatementsRepos } from './generate-statements.use-case.ts'

/*
 * The annual accounts as a PDF for the general assembly (ADR 0042; Civil Code art. 3.89 §5, 17°:
 * the syndic submits the accounts; they go out with the convocation to every co-owner).
 *  - On demand (GET …/fiscal-years/{year}/accounts.pdf): readers of the books (syndic,
 *    accountant, the building's auditor) in the requested language; a closed year is rendered
 *    from the accounts stored with its closing, an open one is a preview.
 *  - Filed at the close (job FILE_ANNUAL_ACCOUNTS, enqueued by the close): one document of the
 *    building per language its owners read, addressed to nobody, so every owner of the building
 *    reads it with the convocation's documents. Its id derives from (closing, language): a re-run
 *    finds what it filed (idempotent by closing id).
 */

/** The closing's document id for a language: a name-based UUID (RFC 9562 §5.8, version 8) of sha-256. */
export function annualAccountsDocumentId(closingId: string, language: DocumentLanguage): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`annual-accounts:${closingId}:${language}`))).slice(0, 32)
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

async function documentFor(
  repos: StatementsRepos,
  scope: TenantScope,
  accounts: AnnualAccountsView,
  language: DocumentLanguage,
  today: string,
): Promise<Result<AnnualAccountsDocument>> {
  const [building, organization] = await Promise.all([
    repos.property.buildings.findById(scope, accounts.buildingId),
    repos.identity.organizations.findById(scope.organizationId),
  ])
  if (!building || !organization) return err(DomainErrors.notFound('Building'))
  return ok(annualAccountsDocument({ accounts, building, organization, language, today }))
}

/** GET /buildings/{id}/fiscal-years/{year}/accounts.pdf: the rendering, streamed (nothing stored). */
export async function renderAnnualAccounts({
  ctx,
  input,
}: UseCaseCall<
  ActorContext<StatementsRepos>,
  {
    readonly buildingId: string
    readonly fiscalYear: number
    readonly language: DocumentLanguage
    readonly renderer: DocumentRenderer
  }
>): Promise<Result<{ readonly fileName: string; readonly bytes: Uint8Array }>> {
  const accounts = await getAnnualAccounts({ ctx, input })
  if (!accounts.ok) return accounts
  const organizationId = await ctx.repos.property.buildings.organizationOf(input.buildingId)
  if (!organizationId) return err(DomainErrors.notFound('Building'))
  const doc = await documentFor(
    ctx.repos,
    { organizationId },
    accounts.value,
    input.language,
    todayOf(ctx.clock),
  )
  if (!doc.ok) return doc
  return ok({ fileName: doc.value.fileName, bytes: await input.renderer.render(doc.value.pdf) })
}

function viewOf(closing: FiscalYearClosing): AnnualAccountsView {
  return {
    buildingId: closing.buildingId,
    fiscalYear: closing.fiscalYear,
    periodFrom: closing.periodFrom,
    periodTo: closing.periodTo,
    closed: true,
    closedAt: closing.closedAt,
    ...closing.accounts,
  }
}

/** The job of FILE_ANNUAL_ACCOUNTS: the closed year's accounts filed once per owners' language. */
export async function fileAnnualAccounts({
  ctx,
  input: { job, renderer },
}: UseCaseCall<
  UseCaseContext<StatementsRepos>,
  {
    readonly job: { readonly id: string; readonly organizationId: string | null; readonly payload: unknown }
    readonly renderer: DocumentRenderer
  }
>): Promise<Result<{ readonly created: number }>> {
  const raw = job.payload as { closingId?: unknown; requestedBy?: unknown } | null
  if (typeof raw?.closingId !== 'string' || typeof raw.requestedBy !== 'string' || !job.organizationId) {
    return err(DomainErrors.validation(`Invalid job payload (${job.id})`))
  }
  const requestedBy = raw.requestedBy
  const scope = { organizationId: job.organizationId }
  const closing = await ctx.repos.closing.findClosingById(scope, raw.closingId)
  if (!closing) return err(DomainErrors.notFound('FiscalYearClosing'))
  const statements = await ctx.repos.closing.listStatements(scope, closing.id)
  // Every language an owner of the building reads (their statements'), French when none.
  const languages = [...new Set(statements.map((s) => s.language))].sort()
  if (languages.length === 0) languages.push(DEFAULT_OWNER_LANGUAGE)
  const accounts = viewOf(closing)
  // The day of the close: a re-run renders the same file.
  const day = calendarDateIn(closing.closedAt, BUILDING_TIME_ZONE)
  let created = 0
  for (const language of languages) {
    const id = annualAccountsDocumentId(closing.id, language)
    if (await ctx.repos.documents.documents.findById(scope, id)) continue
    const doc = await documentFor(ctx.repos, scope, accounts, language, day)
    if (!doc.ok) return doc
    const bytes = await renderer.render(doc.value.pdf)
    const storageKey = storageKeyFor(scope.organizationId, id)
    await ctx.files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
    const now = ctx.clock.now()
    const document: Document = {
      id,
      organizationId: scope.organizationId,
      buildingId: closing.buildingId,
      documentType: 'FinancialStatement',
      title: doc.value.title.slice(0, 200),
      description: null,
      fileSize: bytes.length,
      mimeType: 'application/pdf',
      originalFilename: doc.value.fileName,
      storageKey,
      uploadedBy: requestedBy,
      relatedMeetingId: null,
      relatedExpenseId: null,
      // The assembly's accounts go to every co-owner with the convocation: addressed to nobody.
      addresseeOwnerId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    const inserted = await ctx.transaction(async (tx) => {
      if (await tx.documents.documents.findById(scope, id)) return ok(false)
      await tx.documents.documents.insert(scope, document)
      await recordEvent(
        { requestId: ctx.requestId, actorUserId: requestedBy },
        tx,
        'DocumentGenerated',
        scope,
        id,
        {
          jobId: job.id,
          closingId: closing.id,
          kind: 'annual-accounts',
          language,
          mimeType: 'application/pdf',
          fileSize: bytes.length,
        },
      )
      return ok(true)
    })
    if (!inserted.ok) return inserted
    if (inserted.value) created++
  }
  return ok({ created })
}
