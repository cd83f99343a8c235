import { requirePermission, scopeForRow } from '../../access/index.ts'
import type { ActorContext, UseCaseCall } from '../../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../../documents/index.ts'
import type { IdentityQueries } from '../../identity/index.ts'
import {
  type BuildingRepository,
  type CalendarDate,
  type OwnerRepository,
  ownerDisplayName,
  parseCalendarDate,
  syndicIdentity,
  type TenantScope,
  todayOf,
  type UnitOwnershipRepository,
  type UnitRepository,
} from '../../property/index.ts'
import type { DocumentRenderer } from '../../shared/document-renderer.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { type DocumentLanguage, isDocumentLanguage } from '../../shared/money-format.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { SharedPorts } from '../../shared/shared-ports.ts'
import { collectIssues, emailIssue, optionalText, requiredText } from '../../shared/text.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { CallsRepository } from '../calls.ports.ts'
import {
  daysLeft,
  deadlineOf,
  ETAT_DATE_BASES,
  ETAT_DATE_LIMITS,
  type EtatDateBasis,
  type EtatDateRepository,
  type EtatDateRequest,
  type EtatDateStatus,
  etatDateDocument,
  etatDateFigures,
  etatDateStatus,
} from './etat-date.ts'

export type EtatDateRepos = SharedPorts & {
  readonly finance: {
    readonly calls: Pick<CallsRepository, 'ownerLines'>
    readonly etatDates: EtatDateRepository
  }
  readonly property: {
    readonly buildings: Pick<BuildingRepository, 'findById'>
    readonly units: Pick<UnitRepository, 'findById' | 'organizationOf'>
    readonly owners: Pick<OwnerRepository, 'findById'>
    readonly unitOwnerships: Pick<UnitOwnershipRepository, 'listForUnit'>
  }
  readonly documents: GeneratedDocumentsPorts
  readonly identity: IdentityQueries
}
export type EtatDateContext = ActorContext<EtatDateRepos>

export type EtatDateView = EtatDateRequest & { readonly status: EtatDateStatus; readonly daysLeft: number }

export type RequestEtatDateInput = {
  readonly unitId: string
  readonly basis?: string | undefined
  readonly requestedBy: string
  readonly requesterEmail?: string | null | undefined
  readonly notaryReference?: string | null | undefined
  readonly requestDate?: string | undefined
  readonly deedDate?: string | null | undefined
  readonly language?: string | undefined
  readonly pendingProcedures?: string | null | undefined
  readonly decidedWorks?: string | null | undefined
  /** Generate the document now (default); false records the request and leaves it pending. */
  readonly generate?: boolean | undefined
  readonly renderer: DocumentRenderer
}

/** The syndic or accountant of the unit's organization; another tenant's unit is a 404. */
async function unitScope(ctx: EtatDateContext, unitId: string) {
  const allowed = requirePermission(ctx.actor, 'finance:write')
  if (!allowed.ok) return allowed
  const scoped = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scoped.ok) return scoped
  const unit = await ctx.repos.property.units.findById(scoped.value, unitId)
  if (!unit) return err(DomainErrors.notFound('Unit'))
  return ok({ scope: scoped.value, unit })
}

const viewOf = (r: EtatDateRequest, today: CalendarDate): EtatDateView => ({
  ...r,
  status: etatDateStatus(r, today),
  daysLeft: daysLeft(r.deadlineDate, today),
})

/** POST /units/{id}/etat-date: records the request with its legal deadline, and (by default) generates it. */
export async function requestEtatDate({
  ctx,
  input,
}: UseCaseCall<EtatDateContext, RequestEtatDateInput>): Promise<Result<EtatDateView>> {
  const found = await unitScope(ctx, input.unitId)
  if (!found.ok) return found
  const { scope, unit } = found.value
  const today = todayOf(ctx.clock)
  const basis = (input.basis ?? 'art_3_94_1') as EtatDateBasis
  const language = (input.language ?? 'fr') as DocumentLanguage
  const requestDate = input.requestDate ? parseCalendarDate(input.requestDate, 'request_date') : ok(today)
  const deedDate = input.deedDate ? parseCalendarDate(input.deedDate, 'deed_date') : ok(null)
  const issues = collectIssues(
    requiredText('requested_by', input.requestedBy, ETAT_DATE_LIMITS.requested_by),
    input.requesterEmail ? emailIssue('requester_email', input.requesterEmail) : undefined,
    optionalText('notary_reference', input.notaryReference, ETAT_DATE_LIMITS.notary_reference),
    optionalText('pending_procedures', input.pendingProcedures, ETAT_DATE_LIMITS.pending_procedures),
    optionalText('decided_works', input.decidedWorks, ETAT_DATE_LIMITS.decided_works),
    (ETAT_DATE_BASES as readonly string[]).includes(basis)
      ? undefined
      : { path: 'basis', message: `must be one of ${ETAT_DATE_BASES.join(', ')}` },
    isDocumentLanguage(language) ? undefined : { path: 'language', message: 'must be one of fr, nl, de, en' },
    requestDate.ok ? undefined : { path: 'request_date', message: 'must be a date YYYY-MM-DD' },
    requestDate.ok && requestDate.value > today
      ? { path: 'request_date', message: 'is in the future' }
      : undefined,
    deedDate.ok ? undefined : { path: 'deed_date', message: 'must be a date YYYY-MM-DD' },
  )
  if (issues.length > 0 || !requestDate.ok || !deedDate.ok)
    return err(DomainErrors.validation('Invalid état daté request', issues))
  const now = ctx.clock.now()
  const request: EtatDateRequest = {
    id: ctx.ids.next(),
    organizationId: scope.organizationId,
    buildingId: unit.buildingId,
    unitId: unit.id,
    basis,
    requestedBy: input.requestedBy.trim(),
    requesterEmail: input.requesterEmail?.trim() || null,
    notaryReference: input.notaryReference?.trim() || null,
    requestDate: requestDate.value,
    deadlineDate: deadlineOf(requestDate.value, basis),
    deedDate: deedDate.value,
    language,
    pendingProcedures: input.pendingProcedures?.trim() || null,
    decidedWorks: input.decidedWorks?.trim() || null,
    documentId: null,
    generatedAt: null,
    figures: null,
    createdBy: ctx.actor.userId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.transaction(async (repos) => {
    await repos.finance.etatDates.insert(scope, request)
    await recordEvent(ctx, repos, 'EtatDateRequested', scope, request.id, {
      building_id: request.buildingId,
      unit_id: request.unitId,
      basis,
      requested_by: request.requestedBy,
      deadline_date: request.deadlineDate,
    })
    return ok(null)
  })
  if (input.generate === false) return ok(viewOf(request, today))
  return generateEtatDate({
    ctx,
    input: { unitId: unit.id, requestId: request.id, renderer: input.renderer },
  })
}

/** Who holds the lot on `day` (start inclusive, end exclusive, as the register records a deed). */
async function holdersOn(ctx: EtatDateContext, scope: TenantScope, unitId: string, day: CalendarDate) {
  const links = await ctx.repos.property.unitOwnerships.listForUnit(scope, unitId, { includeEnded: true })
  const ids = [
    ...new Set(
      links
        .filter((l) => l.startDate <= day && (l.endDate === null || l.endDate > day))
        .map((l) => l.ownerId),
    ),
  ]
  const owners = await Promise.all(ids.map((id) => ctx.repos.property.owners.findById(scope, id)))
  return owners.filter((o): o is NonNullable<typeof o> => o !== null)
}

/**
 * POST /units/{id}/etat-date/{request_id}/generate: the figures of the lot today, from the call
 * lines of its current holders for this lot (called, allocated, due or not), as a PDF in the
 * request's language, stored as a document addressed to the seller (no other co-owner reads it).
 * Generating an already generated request returns it unchanged.
 */
export async function generateEtatDate({
  ctx,
  input,
}: UseCaseCall<
  EtatDateContext,
  { readonly unitId: string; readonly requestId: string; readonly renderer: DocumentRenderer }
>): Promise<Result<EtatDateView>> {
  const found = await unitScope(ctx, input.unitId)
  if (!found.ok) return found
  const { scope, unit } = found.value
  const today = todayOf(ctx.clock)
  const request = await ctx.repos.finance.etatDates.findById(scope, input.requestId)
  if (!request || request.unitId !== unit.id) return err(DomainErrors.notFound('EtatDateRequest'))
  if (request.documentId) return ok(viewOf(request, today))
  const [building, organization, holders] = await Promise.all([
    ctx.repos.property.buildings.findById(scope, unit.buildingId),
    ctx.repos.identity.organizations.findById(scope.organizationId),
    holdersOn(ctx, scope, unit.id, today),
  ])
  if (!building || !organization) return err(DomainErrors.notFound('Building'))
  const lines = (
    await Promise.all(holders.map((o) => ctx.repos.finance.calls.ownerLines(scope, o.id, building.id)))
  )
    .flat()
    .filter((l) => l.unitId === unit.id)
  const figures = etatDateFigures(
    lines,
    holders.map((o) => ({ ownerId: o.id, name: ownerDisplayName(o) })),
    today,
  )
  const syndic = syndicIdentity(building, organization)
  const doc = etatDateDocument({
    request,
    figures,
    building,
    unit,
    issuer: {
      name: syndic.name,
      details: [
        syndic.address,
        syndic.enterpriseNumber,
        [syndic.email, syndic.phone].filter(Boolean).join(' · ') || null,
      ].filter((d): d is string => Boolean(d)),
    },
  })
  const bytes = await input.renderer.render(doc.pdf)
  const documentId = ctx.ids.next()
  const storageKey = storageKeyFor(scope.organizationId, documentId)
  await ctx.files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
  const now = ctx.clock.now()
  const document: Document = {
    id: documentId,
    organizationId: scope.organizationId,
    buildingId: building.id,
    documentType: 'FinancialStatement',
    title: doc.title.slice(0, 200),
    description: null,
    fileSize: bytes.length,
    mimeType: 'application/pdf',
    originalFilename: doc.fileName,
    storageKey,
    uploadedBy: ctx.actor.userId,
    relatedMeetingId: null,
    relatedExpenseId: null,
    // What the seller owes is theirs to read, not the other co-owners'.
    addresseeOwnerId: holders[0]?.id ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  const generated: EtatDateRequest = {
    ...request,
    documentId,
    generatedAt: now,
    figures,
    version: request.version + 1,
    updatedAt: now,
  }
  const saved = await ctx.transaction(async (repos) => {
    await repos.documents.documents.insert(scope, document)
    if (!(await repos.finance.etatDates.markGenerated(scope, generated)))
      return err(DomainErrors.versionConflict('EtatDateRequest', request.version))
    await recordEvent(ctx, repos, 'EtatDateGenerated', scope, request.id, {
      building_id: building.id,
      unit_id: unit.id,
      document_id: documentId,
      arrears_cents: figures.arrearsCents,
      deadline_date: request.deadlineDate,
    })
    return ok(generated)
  })
  if (!saved.ok) {
    await ctx.files.delete(storageKey).catch(() => undefined)
    return saved
  }
  return ok(viewOf(saved.value, today))
}

/** GET /units/{id}/etat-date: the lot's requests, newest first, each with its deadline status. */
export async function listEtatDates({
  ctx,
  input,
}: UseCaseCall<EtatDateContext, { readonly unitId: string }>): Promise<Result<readonly EtatDateView[]>> {
  const found = await unitScope(ctx, input.unitId)
  if (!found.ok) return found
  const today = todayOf(ctx.clock)
  const requests = await ctx.repos.finance.etatDates.listForUnit(found.value.scope, input.unitId)
  return ok(requests.map((r) => viewOf(r, today)))
}
