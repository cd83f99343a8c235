import type { ChargeBasis, ChargeBasisUnit } from '../property/index.ts'
import { type DomainError, DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { apportionLargestRemainder } from './largest-remainder.ts'

/** Ownership shares are integer millionths (ppm): 1_000_000 = the whole unit. */
export const SHARE_PPM_WHOLE = 1_000_000

export type OwnerCharge = {
  readonly ownerId: string
  readonly sharePpm: number
  readonly amountCents: Cents
}

export type UnitCharge = {
  readonly unitId: string
  readonly unitNumber: string
  readonly quota: number
  readonly amountCents: Cents
  /** The part of the unit no active owner carries (active shares sum to less than 1e6). */
  readonly unassignedCents: Cents
  readonly owners: readonly OwnerCharge[]
}

export type ChargeDistribution = {
  readonly amountCents: Cents
  readonly totalTantiemes: number
  /** Units in stable order (unit number by plain string comparison, then unit id). */
  readonly units: readonly UnitCharge[]
  /** The part of the tantièmes not carried by any registered unit (Σ quotas < total). */
  readonly unallocatedCents: Cents
}

/** The stable order used both for ties and for the output: unit number, then unit id. */
export function compareUnits(
  a: Pick<ChargeBasisUnit, 'unitNumber' | 'unitId'>,
  b: Pick<ChargeBasisUnit, 'unitNumber' | 'unitId'>,
): number {
  return compareStrings(a.unitNumber, b.unitNumber) || compareStrings(a.unitId, b.unitId)
}

// Plain code-unit comparison: locale collation would make the tie order depend on the runtime.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Spreads `amountCents` over a building's units and their owners (DOMAIN.md "Charge
 * distribution"). The exact share of an owner is amount × quota/total × sharePpm/1e6; parts are
 * integer cents obtained by two-level largest remainder:
 *  1. over the units plus an "unallocated" pseudo-part (Σ quotas < total), exact value
 *     amount × quota / total, ties by unit order, the pseudo-part last;
 *  2. inside each unit, its rounded cents over its owners plus an "unassigned" pseudo-part
 *     (Σ shares < 1e6), using the owners' exact values against the *whole* amount (not the
 *     rounded unit amount), ties by owner id, the pseudo-part last.
 * Guarantees: the parts sum exactly at both levels, none is negative, and each is the floor or
 * the ceiling of its exact rational value (so less than one cent off). Step 2 may hand each
 * owner floor or ceiling because Σ floor(e) ≤ floor(E) ≤ unit cents ≤ ceil(E) ≤ Σ ceil(e).
 * The output does not depend on the input order of units or owners.
 */
export function distributeCharge(amountCents: number, basis: ChargeBasis): Result<ChargeDistribution> {
  const issues = basisIssues(amountCents, basis)
  if (issues.length > 0) return err(DomainErrors.validation('Invalid charge basis', issues))

  const amount = BigInt(amountCents)
  const total = BigInt(basis.totalTantiemes)
  const units = [...basis.units].sort(compareUnits)
  const quotaSum = units.reduce((s, u) => s + BigInt(u.quota), 0n)

  // Level 1: numerators over the common denominator `total`; the pseudo-part comes last.
  const unitCents = apportionLargestRemainder(
    amount,
    [...units.map((u) => amount * BigInt(u.quota)), amount * (total - quotaSum)],
    total,
  )

  const whole = BigInt(SHARE_PPM_WHOLE)
  const charged: UnitCharge[] = units.map((unit, i) => {
    const unitAmount = unitCents[i] ?? 0n
    const owners = [...unit.owners].sort((a, b) => compareStrings(a.ownerId, b.ownerId))
    const shareSum = owners.reduce((s, o) => s + BigInt(o.sharePpm), 0n)
    const quota = BigInt(unit.quota)
    // Level 2: exact values amount × quota × share / (total × 1e6) of the whole amount.
    const ownerCents = apportionLargestRemainder(
      unitAmount,
      [...owners.map((o) => amount * quota * BigInt(o.sharePpm)), amount * quota * (whole - shareSum)],
      total * whole,
    )
    return {
      unitId: unit.unitId,
      unitNumber: unit.unitNumber,
      quota: unit.quota,
      amountCents: toCents(unitAmount),
      unassignedCents: toCents(ownerCents[owners.length] ?? 0n),
      owners: owners.map((o, j) => ({
        ownerId: o.ownerId,
        sharePpm: o.sharePpm,
        amountCents: toCents(ownerCents[j] ?? 0n),
      })),
    }
  })

  return ok({
    amountCents: amountCents as Cents,
    totalTantiemes: basis.totalTantiemes,
    units: charged,
    unallocatedCents: toCents(unitCents[units.length] ?? 0n),
  })
}

// Every part is between 0 and the amount, itself a safe integer, so the conversion is exact.
function toCents(value: bigint): Cents {
  return Number(value) as Cents
}

function basisIssues(amountCents: number, basis: ChargeBasis): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    issues.push({ path: 'amount_cents', message: 'must be a non-negative integer number of cents' })
  }
  if (!Number.isSafeInteger(basis.totalTantiemes) || basis.totalTantiemes <= 0) {
    issues.push({ path: 'total_tantiemes', message: 'must be a positive integer' })
  }
  const unitIds = new Set<string>()
  let quotaSum = 0
  basis.units.forEach((unit, i) => {
    if (unitIds.has(unit.unitId)) issues.push({ path: `units[${i}].unit_id`, message: 'is duplicated' })
    unitIds.add(unit.unitId)
    if (!Number.isSafeInteger(unit.quota) || unit.quota <= 0) {
      issues.push({ path: `units[${i}].quota`, message: 'must be a positive integer' })
    } else {
      quotaSum += unit.quota
    }
    const ownerIds = new Set<string>()
    let shareSum = 0
    unit.owners.forEach((owner, j) => {
      const path = `units[${i}].owners[${j}]`
      if (ownerIds.has(owner.ownerId)) issues.push({ path: `${path}.owner_id`, message: 'is duplicated' })
      ownerIds.add(owner.ownerId)
      if (!Number.isSafeInteger(owner.sharePpm) || owner.sharePpm <= 0 || owner.sharePpm > SHARE_PPM_WHOLE) {
        issues.push({ path: `${path}.share_ppm`, message: `must be an integer in 1..${SHARE_PPM_WHOLE}` })
      } else {
        shareSum += owner.sharePpm
      }
    })
    if (shareSum > SHARE_PPM_WHOLE) {
      issues.push({ path: `units[${i}].owners`, message: 'active ownership shares exceed 100%' })
    }
  })
  if (Number.isSafeInteger(basis.totalTantiemes) && quotaSum > basis.totalTantiemes) {
    issues.push({ path: 'units', message: 'the quotas of the units exceed the building total_tantiemes' })
  }
  return issues
}

/** The 409 for a basis `distributeCharge` refuses (shared with the owner charges). */
export function inconsistentBasis(error: DomainError): DomainError {
  const detail =
    error.kind === 'validation' ? error.issues.map((i) => `${i.path} ${i.message}`).join('; ') : error.message
  return DomainErrors.conflict(
    'inconsistent_charge_basis',
    `The building's quotas or ownership shares are inconsistent: ${detail}`,
    { detail },
  )
}
