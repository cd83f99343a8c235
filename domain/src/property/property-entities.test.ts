import { describe, expect, it } from 'vitest'
import { validateBuilding } from './building.entity.ts'
import { validateOwner } from './owner.entity.ts'
import { buildingInput, ownerInput, unitInput } from './testing/property-fixtures.ts'
import { validateUnit } from './unit.entity.ts'

function paths(r: { ok: boolean; error?: unknown }): string[] {
  if (r.ok) return []
  const e = r.error as { issues: { path: string }[] }
  return e.issues.map((i) => i.path)
}

describe('validateBuilding', () => {
  it('trims text, defaults total_tantiemes to 1000 and construction_year to null', () => {
    const r = validateBuilding(
      { ...buildingInput(), name: '  Le Parc ', totalTantiemes: undefined, constructionYear: undefined },
      2026,
    )
    expect(r).toMatchObject({
      ok: true,
      value: { name: 'Le Parc', totalTantiemes: 1000, constructionYear: null },
    })
  })

  it('reports every invalid field with its wire path', () => {
    const r = validateBuilding(
      {
        name: ' ',
        address: '',
        city: '',
        postalCode: '',
        country: '',
        totalUnits: 0,
        totalTantiemes: 10.5,
        constructionYear: 999,
      },
      2026,
    )
    expect(paths(r)).toEqual([
      'name',
      'address',
      'city',
      'postal_code',
      'country',
      'total_units',
      'total_tantiemes',
      'construction_year',
    ])
  })

  it('accepts construction years from 1000 to five years ahead', () => {
    expect(validateBuilding(buildingInput({ constructionYear: 1000 }), 2026).ok).toBe(true)
    expect(validateBuilding(buildingInput({ constructionYear: 2031 }), 2026).ok).toBe(true)
    expect(paths(validateBuilding(buildingInput({ constructionYear: 2032 }), 2026))).toEqual([
      'construction_year',
    ])
    expect(paths(validateBuilding(buildingInput({ constructionYear: 1999.5 }), 2026))).toEqual([
      'construction_year',
    ])
  })
})

describe('validateUnit', () => {
  it('accepts a typical unit and a null floor', () => {
    expect(validateUnit({ ...unitInput('b'), floor: null })).toMatchObject({
      ok: true,
      value: { floor: null },
    })
  })

  it('refuses bad fields with wire paths', () => {
    const r = validateUnit({
      unitNumber: '',
      unitType: 'Castle' as 'Other',
      floor: 1.5,
      surfaceArea: 0,
      quota: 0,
    })
    expect(paths(r)).toEqual(['unit_number', 'unit_type', 'floor', 'surface_area', 'quota'])
  })

  it('allows at most 2 decimals of surface, reading the number exactly', () => {
    expect(validateUnit(unitInput('b', { surfaceArea: 12.34 })).ok).toBe(true)
    expect(paths(validateUnit(unitInput('b', { surfaceArea: 12.345 })))).toEqual(['surface_area'])
    expect(paths(validateUnit(unitInput('b', { surfaceArea: 0.1 + 0.2 })))).toEqual(['surface_area'])
    expect(paths(validateUnit(unitInput('b', { surfaceArea: -5 })))).toEqual(['surface_area'])
    expect(paths(validateUnit(unitInput('b', { surfaceArea: Number.NaN })))).toEqual(['surface_area'])
  })
})

describe('validateOwner', () => {
  it('lower-cases the e-mail and turns a blank phone into null', () => {
    const r = validateOwner(ownerInput({ email: ' Marie.Dupont@Example.BE ', phone: '  ' }))
    expect(r).toMatchObject({ ok: true, value: { email: 'marie.dupont@example.be', phone: null } })
  })

  it('refuses bad fields with wire paths', () => {
    const r = validateOwner({
      firstName: '',
      lastName: '',
      email: 'nope',
      address: '',
      city: '',
      postalCode: '',
      country: '',
    })
    expect(paths(r)).toEqual([
      'first_name',
      'last_name',
      'email',
      'address',
      'city',
      'postal_code',
      'country',
    ])
  })
})
