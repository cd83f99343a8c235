import {
  auditedBuildingsOf,
  auditsBuilding,
  mayReadBuilding,
  readAccessOf,
  scopeForRow,
} from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { letterAddress } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'
import type { FinanceContext } from '../finance.ports.ts'
import {
  BANK_ACCOUNT_PURPOSES,
  type BankAccountPurpose,
  type BuildingBankAccount,
  CALL_LIMITS,
  type CallForFunds,
} from './call-for-funds.entity.ts'
import { parseAccountIban, parseBic } from './iban.value-object.ts'

/**
 * Calls, lines and accounts are the syndic's and accountant's (owners see their own account), and
 * the account auditor's for the buildings granted to them (checked on the building or the row).
 */
function mayReadCalls(ctx: FinanceContext): boolean {
  return (
    can(ctx.actor, 'finance:write') ||
    can(ctx.actor, 'organization:read') ||
    auditedBuildingsOf(ctx.actor) !== null
  )
}

/** GET /buildings/{id}/calls. */
export async function listCalls({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<Result<readonly CallForFunds[]>> {
  if (!mayReadCalls(ctx)) return err(DomainErrors.forbidden())
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.finance.calls.listCalls(scope.value, buildingId))
}

/** GET /calls/{id}: the call and its lines with what was paid on each. */
export async function getCall({
  ctx,
  input: { callId },
}: UseCaseCall<FinanceContext, { readonly callId: string }>): Promise<
  Result<{ readonly call: CallForFunds; readonly lines: readonly CallLineWithPaid[] }>
> {
  if (!mayReadCalls(ctx)) return err(DomainErrors.forbidden())
  const scope = await scopeForRow(ctx.actor, 'CallForFunds', () =>
    ctx.repos.finance.calls.organizationOfCall(callId),
  )
  if (!scope.ok) return scope
  const call = await ctx.repos.finance.calls.findCall(scope.value, callId)
  if (!call || (auditedBuildingsOf(ctx.actor) && !auditsBuilding(ctx.actor, call.buildingId)))
    return err(DomainErrors.notFound('CallForFunds'))
  return ok({ call, lines: await ctx.repos.finance.calls.listLines(scope.value, callId) })
}

/** GET /buildings/{id}/bank-accounts. */
export async function listBankAccounts({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<
  Result<readonly BuildingBankAccount[]>
> {
  if (!mayReadCalls(ctx)) return err(DomainErrors.forbidden())
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.finance.calls.listBankAccounts(scope.value, buildingId))
}

/** PUT /buildings/{id}/bank-accounts/{purpose}: the IBAN is validated (ISO 13616), the BIC too when given. */
export async function setBankAccount({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  {
    readonly buildingId: string
    readonly purpose: BankAccountPurpose
    readonly iban: string
    readonly bic?: string | null | undefined
    readonly holderName: string
  }
>): Promise<Result<BuildingBankAccount>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  if (!BANK_ACCOUNT_PURPOSES.includes(input.purpose)) return err(DomainErrors.notFound('BankAccount'))
  const iban = parseAccountIban(input.iban)
  if (!iban.ok) return iban
  const bic = parseBic(input.bic)
  if (!bic.ok) return bic
  const holderName = input.holderName.trim()
  if (holderName.length === 0 || holderName.length > CALL_LIMITS.holder_name) {
    return err(
      DomainErrors.invalidField('holder_name', `must have 1 to ${CALL_LIMITS.holder_name} characters`),
    )
  }
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const existing = (await repos.finance.calls.listBankAccounts(scope.value, building.id)).find(
      (a) => a.purpose === input.purpose,
    )
    const now = ctx.clock.now()
    const saved = await repos.finance.calls.saveBankAccount(scope.value, {
      id: existing?.id ?? ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: building.id,
      purpose: input.purpose,
      iban: iban.value,
      bic: bic.value,
      holderName,
      version: (existing?.version ?? 0) + 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    })
    await recordEvent(ctx, repos, 'BuildingBankAccountSet', building, building.id, {
      purpose: input.purpose,
      iban: iban.value,
    })
    return ok(saved)
  })
}

export type PostalLetter = {
  readonly lineId: string
  readonly ownerId: string
  readonly unitNumber: string
  readonly amountCents: number
  readonly documentId: string | null
  readonly address: readonly string[]
}

/**
 * GET /calls/{id}/postal-list: the letters that go by post — owners without written consent to
 * e-mail or without an address (art. 3.87 §3 for the same rule on convocations) — with the
 * address to print on the envelope and the letter's document.
 */
export async function getPostalList({
  ctx,
  input: { callId },
}: UseCaseCall<FinanceContext, { readonly callId: string }>): Promise<Result<readonly PostalLetter[]>> {
  const found = await getCall({ ctx, input: { callId } })
  if (!found.ok) return found
  const scope = { organizationId: found.value.call.organizationId }
  const post = found.value.lines.filter((l) => l.delivery === 'post')
  const owners = new Map(
    (await ctx.repos.finance.calls.ownersByIds(scope, [...new Set(post.map((l) => l.ownerId))])).map((o) => [
      o.id,
      o,
    ]),
  )
  return ok(
    post.map((l) => {
      const owner = owners.get(l.ownerId)
      return {
        lineId: l.id,
        ownerId: l.ownerId,
        unitNumber: l.unitNumber,
        amountCents: l.amountCents,
        documentId: l.documentId,
        address: owner ? letterAddress(owner) : [],
      }
    }),
  )
}
