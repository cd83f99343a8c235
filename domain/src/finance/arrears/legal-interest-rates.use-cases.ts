import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { buildingWriteScope } from '../budget/building-access.ts'
import type { FinanceContext, FinanceRepos } from '../finance.ports.ts'
import { ARREARS_LIMITS, type LegalInterestRate } from './arrears.entity.ts'

type RateInput = { readonly year: number; readonly rateBp: number; readonly source: string }

function validRate(input: RateInput, organizationId: string | null): Result<LegalInterestRate> {
  if (
    !Number.isSafeInteger(input.year) ||
    input.year < ARREARS_LIMITS.min_year ||
    input.year > ARREARS_LIMITS.max_year
  ) {
    return err(
      DomainErrors.invalidField('year', `must be ${ARREARS_LIMITS.min_year} to ${ARREARS_LIMITS.max_year}`),
    )
  }
  if (!Number.isSafeInteger(input.rateBp) || input.rateBp < 0 || input.rateBp > ARREARS_LIMITS.max_rate_bp) {
    return err(
      DomainErrors.invalidField(
        'rate_bp',
        `must be 0 to ${ARREARS_LIMITS.max_rate_bp} (hundredths of a percent)`,
      ),
    )
  }
  const source = input.source.trim()
  if (source.length === 0 || source.length > ARREARS_LIMITS.basis_ref) {
    return err(
      DomainErrors.invalidField('source', `is required (at most ${ARREARS_LIMITS.basis_ref} characters)`),
    )
  }
  return ok({ year: input.year, rateBp: input.rateBp, source, organizationId })
}

async function save(
  ctx: FinanceContext,
  repos: FinanceRepos,
  rate: LegalInterestRate,
  entityId: string,
): Promise<Result<LegalInterestRate>> {
  await repos.finance.arrears.saveLegalRate(rate)
  await recordEvent(ctx, repos, 'LegalInterestRateSet', rate, entityId, {
    year: rate.year,
    rateBp: rate.rateBp,
    source: rate.source,
    platform: rate.organizationId === null,
  })
  return ok(rate)
}

/**
 * PUT /buildings/{id}/legal-interest-rates/{year}: the syndic (`finance:manage`) sets a year's rate
 * for the building's organization — its own override of the table (hundredths of a percent, with
 * its source, e.g. "Moniteur belge 2027-01-15").
 */
export async function setOrganizationLegalRate({
  ctx,
  input,
}: UseCaseCall<FinanceContext, RateInput & { readonly buildingId: string }>): Promise<
  Result<LegalInterestRate>
> {
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const rate = validRate(input, scope.value.organizationId)
    if (!rate.ok) return rate
    return save(ctx, repos, rate.value, scope.value.organizationId)
  })
}

/** PUT /admin/legal-interest-rates/{year}: the platform's rate of a year (superadmin), e.g. once published. */
export async function setPlatformLegalRate({
  ctx,
  input,
}: UseCaseCall<FinanceContext, RateInput>): Promise<Result<LegalInterestRate>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  const rate = validRate(input, null)
  if (!rate.ok) return rate
  return ctx.transaction((repos) => save(ctx, repos, rate.value, `legal-rate-${input.year}`))
}
