import type { ChargeBasis, ChargeBasisUnit } from '../../property/index.ts'
import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { collectIssues, optionalText, requiredText } from '../../shared/text.ts'

/*
 * Distribution keys (clés de répartition). The statutes state the criteria and the calculation of
 * the distribution of the charges (Civil Code art. 3.85 §1); besides the general quote-parts they
 * usually define special keys: the lift for the upper floors, parking for the garages only, one
 * staircase, or custom tantièmes (e.g. heating by radiator surface). A key only says WHO bears a
 * charge and with WHICH weights; the cents are always split by the one exact largest-remainder
 * routine (`distributeCharge`), so every guarantee of that routine (exact sum, each part within
 * one cent, input-order independence) holds for every key.
 *
 * Changing a key (or the distribution of charges) is an assembly decision — four fifths of the
 * votes (art. 3.88 §1, 2°) — so a change stores the resolution that decided it.
 */

/**
 * - general: the building's quote-parts (tantièmes of the general basis);
 * - subset: only the listed lots, each with its quote-part unless a weight overrides it;
 * - custom: only the listed lots, each with its own tantièmes (all weights explicit).
 * Extension point (not implemented, nothing fake): a `meter` kind whose weights are a period's
 * meter readings (heat cost allocators, water meters) would compute its weights here, in
 * `keyBasis`, from readings passed in; the switch below is exhaustive so adding it fails the build
 * until it is handled.
 */
export const DISTRIBUTION_KEY_KINDS = ['general', 'subset', 'custom'] as const
export type DistributionKeyKind = (typeof DISTRIBUTION_KEY_KINDS)[number]

export type KeyMember = {
  readonly unitId: string
  /** Integer weight; null in a subset key: the lot's quote-part on the charge's date. */
  readonly weight: number | null
}

/** Where a key (or its last change) comes from: the statutes or an assembly resolution. */
export type KeyDecision = {
  /** The agenda item (resolution) of the assembly that decided it, when recorded in KoproGo. */
  readonly resolutionId: string | null
  /** A free reference (e.g. "AG 2025-03-14, point 7") when the resolution is not in KoproGo. */
  readonly resolutionReference: string | null
}

export type DistributionKey = KeyDecision & {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly name: string
  readonly kind: DistributionKeyKind
  /** Empty for the general key. Sorted by unit id (stable storage order). */
  readonly members: readonly KeyMember[]
  /** Fixed by the statutes (information; any change still needs an assembly decision). */
  readonly statutory: boolean
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export const DISTRIBUTION_KEY_LIMITS = {
  name: 120,
  resolution_reference: 500,
  members: 5000,
  weight: 1_000_000_000,
} as const

export type DistributionKeyFields = {
  readonly name: string
  readonly kind: DistributionKeyKind
  readonly members?: readonly KeyMember[] | undefined
  readonly statutory?: boolean | undefined
  readonly resolutionId?: string | null | undefined
  readonly resolutionReference?: string | null | undefined
}

export type ValidDistributionKeyFields = KeyDecision & {
  readonly name: string
  readonly kind: DistributionKeyKind
  readonly members: readonly KeyMember[]
  readonly statutory: boolean
}

/** Checks what a syndic types; every issue at once. Units' existence is the use case's check. */
export function validateDistributionKey(fields: DistributionKeyFields): Result<ValidDistributionKeyFields> {
  const members = fields.members ?? []
  const issues: FieldIssue[] = [
    ...collectIssues(
      requiredText('name', fields.name, DISTRIBUTION_KEY_LIMITS.name),
      optionalText(
        'resolution_reference',
        fields.resolutionReference ?? null,
        DISTRIBUTION_KEY_LIMITS.resolution_reference,
      ),
    ),
  ]
  if (!(DISTRIBUTION_KEY_KINDS as readonly string[]).includes(fields.kind)) {
    issues.push({ path: 'kind', message: `must be one of ${DISTRIBUTION_KEY_KINDS.join(', ')}` })
  }
  if (fields.kind === 'general' && members.length > 0) {
    issues.push({
      path: 'members',
      message: 'must be empty for the general key (it is every lot by its quote-part)',
    })
  }
  if (fields.kind !== 'general' && members.length === 0) {
    issues.push({ path: 'members', message: 'must name at least one lot' })
  }
  if (members.length > DISTRIBUTION_KEY_LIMITS.members) {
    issues.push({ path: 'members', message: `must have at most ${DISTRIBUTION_KEY_LIMITS.members} lots` })
  }
  const seen = new Set<string>()
  members.forEach((m, i) => {
    if (seen.has(m.unitId)) issues.push({ path: `members[${i}].unit_id`, message: 'is duplicated' })
    seen.add(m.unitId)
    if (m.weight === null) {
      if (fields.kind === 'custom')
        issues.push({ path: `members[${i}].weight`, message: 'is required in a custom key' })
    } else if (
      !Number.isSafeInteger(m.weight) ||
      m.weight <= 0 ||
      m.weight > DISTRIBUTION_KEY_LIMITS.weight
    ) {
      issues.push({
        path: `members[${i}].weight`,
        message: `must be an integer in 1..${DISTRIBUTION_KEY_LIMITS.weight}`,
      })
    }
  })
  if (issues.length > 0) return err(DomainErrors.validation('Invalid distribution key', issues))
  return ok({
    name: fields.name.trim(),
    kind: fields.kind,
    members: [...members].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)),
    statutory: fields.statutory ?? false,
    resolutionId: fields.resolutionId ?? null,
    resolutionReference: blankToNull(fields.resolutionReference),
  })
}

/**
 * The basis a charge under `key` is spread over, from the register's basis on the charge's date
 * (`loadBuildingBasis`): the general key is the register's basis itself (tantièmes of the building
 * total, the part no registered lot carries stays "unallocated"); a subset or custom key keeps only
 * its lots, each with its weight (a subset lot without weight: its quote-part that day), over the
 * sum of those weights — a lot outside the key gets 0, and nothing is left unallocated. Lots of the
 * key no longer in the register are skipped. The owners of each lot (who held it that day) are
 * kept, so the second level of the split is unchanged.
 */
export function keyBasis(
  key: Pick<DistributionKey, 'kind' | 'members' | 'name'>,
  basis: ChargeBasis,
): Result<ChargeBasis> {
  switch (key.kind) {
    case 'general':
      return ok(basis)
    case 'subset':
    case 'custom': {
      const byId = new Map(basis.units.map((u) => [u.unitId, u]))
      const units: ChargeBasisUnit[] = []
      for (const member of key.members) {
        const unit = byId.get(member.unitId)
        if (!unit) continue
        const weight = member.weight ?? unit.quota
        if (weight > 0) units.push({ ...unit, quota: weight })
      }
      const total = units.reduce((s, u) => s + u.quota, 0)
      if (total <= 0 || !Number.isSafeInteger(total)) {
        return err(
          DomainErrors.conflict(
            'empty_distribution_key',
            `The distribution key "${key.name}" has no lot with a positive weight on this date`,
            { key: key.name },
          ),
        )
      }
      return ok({ totalTantiemes: total, units })
    }
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim() ?? ''
  return v.length > 0 ? v : null
}
