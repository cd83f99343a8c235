import type { Organization } from '../identity/index.ts'
import type { Building } from './building.entity.ts'

/**
 * The syndic's public identity for one building, as it must appear on the notice at the
 * building's entrance and on every document the syndic sends (Civil Code art. 3.89 §2, former
 * art. 577-8 §2: name, registered office or address, enterprise number when registered with the
 * BCE/KBO, and what lets anyone reach the syndic without delay).
 */
export type SyndicIdentity = {
  readonly name: string
  readonly enterpriseNumber: string | null
  readonly address: string | null
  readonly email: string | null
  readonly phone: string | null
  /** Wire names of the legally expected items still unknown (for a warning on the document). */
  readonly missing: readonly ('syndic_enterprise_number' | 'syndic_address')[]
}

/**
 * The building's own syndic fields win; each absent one falls back to the managing organization
 * (its name, contact e-mail and phone: the syndic firm is the organization, unless the building
 * names someone else, e.g. a provisional or volunteer syndic).
 */
export function syndicIdentity(
  building: Pick<
    Building,
    'syndicName' | 'syndicEnterpriseNumber' | 'syndicAddress' | 'syndicEmail' | 'syndicPhone'
  >,
  organization: Pick<Organization, 'name' | 'contactEmail' | 'contactPhone'>,
): SyndicIdentity {
  const missing: SyndicIdentity['missing'][number][] = []
  if (building.syndicEnterpriseNumber === null) missing.push('syndic_enterprise_number')
  if (building.syndicAddress === null) missing.push('syndic_address')
  return {
    name: building.syndicName ?? organization.name,
    enterpriseNumber: building.syndicEnterpriseNumber,
    address: building.syndicAddress,
    email: building.syndicEmail ?? organization.contactEmail,
    phone: building.syndicPhone ?? organization.contactPhone,
    missing,
  }
}
