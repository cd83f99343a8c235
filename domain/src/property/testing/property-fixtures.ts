import type { ActorContext } from '../../context.ts'
import type { Role } from '../../identity/role.value-object.ts'
import type { PageRequest } from '../../shared/ports.ts'
import type { Result } from '../../shared/result.ts'
import type { Building } from '../building.entity.ts'
import type { CreateBuildingInput } from '../create-building.use-case.ts'
import { createBuilding } from '../create-building.use-case.ts'
import type { CreateOwnerInput } from '../create-owner.use-case.ts'
import { createOwner } from '../create-owner.use-case.ts'
import type { CreateUnitInput } from '../create-unit.use-case.ts'
import { createUnit } from '../create-unit.use-case.ts'
import type { Owner } from '../owner.entity.ts'
import type { Unit } from '../unit.entity.ts'
import { actorOf, InMemoryPropertyStore } from './in-memory-property.ts'

export const ORG_A = 'org-a'
export const ORG_B = 'org-b'

/** A store with two tenants, and a way to act in it as any role. */
export function propertyWorld() {
  const store = new InMemoryPropertyStore()
  store.addOrganization(ORG_A)
  store.addOrganization(ORG_B)
  const as = (role: Role, organizationId: string | null = ORG_A, userId?: string): ActorContext =>
    store.context(actorOf(role, role === 'superadmin' ? null : organizationId, userId))
  return { store, as, syndic: as('syndic'), syndicB: as('syndic', ORG_B, 'syndic-b') }
}

export function buildingInput(overrides: Partial<CreateBuildingInput> = {}): CreateBuildingInput {
  return {
    name: 'Résidence Les Tilleuls',
    address: 'Avenue Louise 100',
    city: 'Bruxelles',
    postalCode: '1050',
    country: 'Belgium',
    declaredUnits: 10,
    totalTantiemes: 1000,
    constructionYear: 1965,
    ...overrides,
  }
}

export function unitInput(buildingId: string, overrides: Partial<CreateUnitInput> = {}): CreateUnitInput {
  return {
    buildingId,
    unitNumber: 'A1',
    unitType: 'Apartment',
    floor: 1,
    surfaceArea: 85.5,
    quota: 100,
    ...overrides,
  }
}

let ownerSeq = 0
export function ownerInput(overrides: Partial<CreateOwnerInput> = {}): CreateOwnerInput {
  ownerSeq += 1
  return {
    firstName: 'Marie',
    lastName: 'Dupont',
    email: `marie.dupont${ownerSeq}@example.be`,
    phone: '+32 470 00 00 00',
    address: 'Rue Haute 1',
    city: 'Bruxelles',
    postalCode: '1000',
    country: 'Belgium',
    ...overrides,
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value
}

export async function seedBuilding(
  ctx: ActorContext,
  overrides: Partial<CreateBuildingInput> = {},
): Promise<Building> {
  return unwrap(await createBuilding({ ctx, input: buildingInput(overrides) }))
}

export async function seedUnit(
  ctx: ActorContext,
  buildingId: string,
  overrides: Partial<CreateUnitInput> = {},
): Promise<Unit> {
  return unwrap(await createUnit({ ctx, input: unitInput(buildingId, overrides) }))
}

export async function seedOwner(
  ctx: ActorContext,
  overrides: Partial<CreateOwnerInput> = {},
): Promise<Owner> {
  return unwrap(await createOwner({ ctx, input: ownerInput(overrides) }))
}

export function firstPage<S extends string>(sortBy: S): PageRequest<S> {
  return { page: 1, perPage: 100, sortBy, order: 'asc' }
}

/** The building fields other contexts' test worlds do not care about, at their defaults. */
export const BUILDING_DEFAULTS = {
  declaredUnits: null,
  syndicName: null,
  syndicEnterpriseNumber: null,
  syndicAddress: null,
  syndicEmail: null,
  syndicPhone: null,
} as const

/** A person owner's fields beyond the v1 ones, at their defaults. */
export const OWNER_DEFAULTS = {
  ownerType: 'person',
  companyName: null,
  enterpriseNumber: null,
  legalRepresentative: null,
  correspondenceAddress: null,
  preferredLanguage: 'fr',
  emailConsent: false,
  emailConsentDate: null,
} as const
