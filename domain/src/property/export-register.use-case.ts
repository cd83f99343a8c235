import { readsOrganization, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { type Owner, ownerDisplayName } from './owner.entity.ts'
import { isEmptyLink } from './ownership-timeline.ts'
import type { PropertyContext } from './property.ports.ts'
import { REGISTER_COLUMNS, type RegisterRow } from './register-sheet.ts'
import { sharePpmToDecimal } from './share.value-object.ts'
import type { Unit } from './unit.entity.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'

const blank = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, ''])) as RegisterRow

/**
 * A building's register in the import's format (one row per lot and link, history included;
 * a lot without any link is one row with empty owner columns), so that importing the export
 * into an empty building reproduces the lots, the owners and every dated link. Only the
 * organization's readers (syndic, accountant, superadmin) may export: it lists every owner.
 */
export async function exportRegister({
  ctx,
  input: { buildingId },
}: UseCaseCall<PropertyContext, { readonly buildingId: string }>): Promise<Result<RegisterRow[]>> {
  if (!readsOrganization(ctx.actor)) return err(DomainErrors.forbidden())
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(buildingId),
  )
  if (!scope.ok) return scope
  const building = await ctx.repos.property.buildings.findById(scope.value, buildingId)
  if (!building) return err(DomainErrors.notFound('Building'))
  const units: Unit[] = []
  for (let page = 1; ; page++) {
    const batch = await ctx.repos.property.units.list(
      scope.value,
      { buildingId },
      { page, perPage: 500, sortBy: 'unit_number', order: 'asc' },
    )
    units.push(...batch.items)
    if (units.length >= batch.total || batch.items.length === 0) break
  }
  units.sort((a, b) => a.unitNumber.localeCompare(b.unitNumber, 'en', { numeric: true }))
  const links = (
    await ctx.repos.property.unitOwnerships.listForUnits(
      scope.value,
      units.map((u) => u.id),
    )
  ).filter((l) => !isEmptyLink(l))
  const owners = new Map<string, Owner>()
  for (const id of new Set(links.map((l) => l.ownerId))) {
    const owner = await ctx.repos.property.owners.findById(scope.value, id)
    if (owner) owners.set(id, owner)
  }
  const rows: RegisterRow[] = []
  for (const unit of units) {
    const lot: RegisterRow = {
      ...blank,
      lot_number: unit.unitNumber,
      lot_type: unit.unitType,
      floor: unit.floor === null ? '' : String(unit.floor),
      surface_m2: String(unit.surfaceArea),
      quota: String(unit.quota),
    }
    const own = links.filter((l) => l.unitId === unit.id).sort((a, b) => byDateThenName(a, b, owners))
    if (own.length === 0) rows.push(lot)
    for (const link of own) {
      const owner = owners.get(link.ownerId)
      rows.push({ ...lot, ...(owner ? ownerCells(owner) : {}), ...linkCells(link) })
    }
  }
  return ok(rows)
}

function byDateThenName(a: UnitOwnership, b: UnitOwnership, owners: Map<string, Owner>): number {
  const name = (l: UnitOwnership) => {
    const o = owners.get(l.ownerId)
    return o ? ownerDisplayName(o) : ''
  }
  return (
    a.startDate.localeCompare(b.startDate) ||
    name(a).localeCompare(name(b)) ||
    a.rightType.localeCompare(b.rightType)
  )
}

function ownerCells(o: Owner): Partial<RegisterRow> {
  return {
    owner_type: o.ownerType,
    last_name: o.lastName ?? '',
    first_name: o.firstName ?? '',
    company_name: o.companyName ?? '',
    enterprise_number: o.enterpriseNumber ?? '',
    legal_representative: o.legalRepresentative ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    language: o.preferredLanguage,
    address: o.address,
    postal_code: o.postalCode,
    city: o.city,
    country: o.country,
  }
}

function linkCells(l: UnitOwnership): Partial<RegisterRow> {
  return {
    share: String(sharePpmToDecimal(l.sharePpm)),
    right_type: l.rightType,
    start_date: l.startDate,
    end_date: l.endDate ?? '',
    primary_contact: l.isPrimaryContact && l.endDate === null ? 'yes' : '',
  }
}
