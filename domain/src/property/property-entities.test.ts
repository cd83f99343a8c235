import { describe, expect, it } from 'vitest'
import { validateBuilding } from './building.entity.ts'
import {
  letterAddress,
  mayReceiveDocumentsByEmail,
  type Owner,
  ownerDisplayName,
  ownerTypeSwitchBase,
  validateOwner,
} from './owner.entity.ts'
import { syndicIdentity } from './syndic-identity.ts'
import { buildingInput, ownerInput, unitInput } from './testing/property-fixtures.ts'
import { validateUnit } from './unit.entity.ts'

const TODAY = '2026-03-15'

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
        declaredUnits: 0,
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
      'declared_units',
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
    const r = validateOwner(ownerInput({ email: ' Marie.Dupont@Example.BE ', phone: '  ' }), TODAY)
    expect(r).toMatchObject({ ok: true, value: { email: 'marie.dupont@example.be', phone: null } })
  })

  it('refuses bad fields with wire paths', () => {
    const r = validateOwner(
      {
        firstName: '',
        lastName: '',
        email: 'nope',
        address: '',
        city: '',
        postalCode: '',
        country: '',
      },
      TODAY,
    )
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

describe('validateOwner: companies, paper mail, language and consent', () => {
  const company = {
    ownerType: 'company' as const,
    companyName: ' Immo Lux SRL ',
    enterpriseNumber: 'BE 0123.456.749',
    legalRepresentative: 'Jean Peeters',
    address: 'Boulevard du Roi 5',
    city: 'Liège',
    postalCode: '4000',
    country: 'Belgium',
  }

  it('accepts a company without first or last name, normalizing its enterprise number', () => {
    const r = validateOwner(company, TODAY)
    expect(r).toMatchObject({
      ok: true,
      value: {
        ownerType: 'company',
        companyName: 'Immo Lux SRL',
        enterpriseNumber: '0123.456.749',
        firstName: null,
        lastName: null,
        email: null,
        preferredLanguage: 'fr',
        emailConsent: false,
        emailConsentDate: null,
      },
    })
  })

  it('requires a company name and a valid number (when given) for a company', () => {
    expect(
      paths(validateOwner({ ...company, companyName: ' ', enterpriseNumber: '0123.456.748' }, TODAY)),
    ).toEqual(['company_name', 'enterprise_number'])
    expect(validateOwner({ ...company, enterpriseNumber: null }, TODAY).ok).toBe(true)
  })

  it('refuses company fields on a person instead of dropping them', () => {
    expect(
      paths(validateOwner(ownerInput({ companyName: 'X SA', legalRepresentative: 'Y' }), TODAY)),
    ).toEqual(['company_name', 'legal_representative'])
  })

  it('accepts an owner without e-mail (paper mail) and a blank e-mail as none', () => {
    expect(validateOwner(ownerInput({ email: null }), TODAY)).toMatchObject({
      ok: true,
      value: { email: null },
    })
    expect(validateOwner(ownerInput({ email: '  ' }), TODAY)).toMatchObject({
      ok: true,
      value: { email: null },
    })
  })

  it('consent needs an e-mail, defaults its date to today and refuses a future date', () => {
    expect(paths(validateOwner(ownerInput({ email: null, emailConsent: true }), TODAY))).toEqual([
      'email_consent',
    ])
    expect(validateOwner(ownerInput({ emailConsent: true }), TODAY)).toMatchObject({
      ok: true,
      value: { emailConsent: true, emailConsentDate: TODAY },
    })
    expect(
      validateOwner(ownerInput({ emailConsent: true, emailConsentDate: '2025-12-01' }), TODAY),
    ).toMatchObject({ ok: true, value: { emailConsentDate: '2025-12-01' } })
    expect(
      paths(validateOwner(ownerInput({ emailConsent: true, emailConsentDate: '2026-03-16' }), TODAY)),
    ).toEqual(['email_consent_date'])
    expect(paths(validateOwner(ownerInput({ emailConsentDate: '2026-01-01' }), TODAY))).toEqual([
      'email_consent_date',
    ])
  })

  it('knows the four languages only', () => {
    expect(validateOwner(ownerInput({ preferredLanguage: 'nl' }), TODAY).ok).toBe(true)
    expect(paths(validateOwner(ownerInput({ preferredLanguage: 'es' as 'fr' }), TODAY))).toEqual([
      'preferred_language',
    ])
  })

  const owner = (over: Partial<Owner>): Owner => {
    const v = validateOwner(company, TODAY)
    if (!v.ok) throw new Error('fixture')
    return {
      ...v.value,
      id: 'o1',
      organizationId: 'org',
      userId: null,
      version: 1,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      ...over,
    }
  }

  it('names owners, addresses letters and tells who may get documents by e-mail', () => {
    const c = owner({})
    expect(ownerDisplayName(c)).toBe('Immo Lux SRL')
    expect(
      ownerDisplayName({ ownerType: 'person', firstName: 'Anne', lastName: 'Peeters', companyName: null }),
    ).toBe('Anne Peeters')
    expect(letterAddress(c)).toEqual([
      'Immo Lux SRL',
      'c/o Jean Peeters',
      'Boulevard du Roi 5',
      '4000 Liège',
      'Belgium',
    ])
    expect(letterAddress(owner({ correspondenceAddress: 'Postbus 12\n 2000 Antwerpen ' }))).toEqual([
      'Immo Lux SRL',
      'c/o Jean Peeters',
      'Postbus 12',
      '2000 Antwerpen',
    ])
    expect(mayReceiveDocumentsByEmail(c)).toBe(false)
    expect(mayReceiveDocumentsByEmail(owner({ email: 'a@b.be', emailConsent: false }))).toBe(false)
    expect(mayReceiveDocumentsByEmail(owner({ email: 'a@b.be', emailConsent: true }))).toBe(true)
  })

  it('a switch to a person drops the company fields', () => {
    const base = ownerTypeSwitchBase(owner({}), 'person')
    expect(base).toMatchObject({
      ownerType: 'person',
      companyName: null,
      enterpriseNumber: null,
      legalRepresentative: null,
    })
    expect(ownerTypeSwitchBase(owner({}), undefined).companyName).toBe('Immo Lux SRL')
  })
})

describe('validateBuilding: syndic identity and declared units', () => {
  it('normalizes the syndic fields and validates number and e-mail', () => {
    const r = validateBuilding(
      buildingInput({
        syndicName: ' Syndic Dupont SRL ',
        syndicEnterpriseNumber: '0123456749',
        syndicEmail: ' Info@Dupont.BE ',
        syndicAddress: ' ',
      }),
      2026,
    )
    expect(r).toMatchObject({
      ok: true,
      value: {
        syndicName: 'Syndic Dupont SRL',
        syndicEnterpriseNumber: '0123.456.749',
        syndicEmail: 'info@dupont.be',
        syndicAddress: null,
        declaredUnits: 10,
      },
    })
    expect(
      paths(
        validateBuilding(buildingInput({ syndicEnterpriseNumber: '2123456749', syndicEmail: 'x' }), 2026),
      ),
    ).toEqual(['syndic_enterprise_number', 'syndic_email'])
    expect(validateBuilding(buildingInput({ declaredUnits: undefined }), 2026)).toMatchObject({
      ok: true,
      value: { declaredUnits: null },
    })
  })
})

describe('syndicIdentity', () => {
  const org = { name: 'Gestion Dupont', contactEmail: 'contact@dupont.be', contactPhone: '+32 2 000 00 00' }
  const none = {
    syndicName: null,
    syndicEnterpriseNumber: null,
    syndicAddress: null,
    syndicEmail: null,
    syndicPhone: null,
  }

  it('falls back to the organization field by field and lists what the law expects but is missing', () => {
    expect(syndicIdentity(none, org)).toEqual({
      name: 'Gestion Dupont',
      enterpriseNumber: null,
      address: null,
      email: 'contact@dupont.be',
      phone: '+32 2 000 00 00',
      missing: ['syndic_enterprise_number', 'syndic_address'],
    })
  })

  it("uses the building's own syndic when it names one", () => {
    const own = {
      syndicName: 'Marc Janssens (syndic bénévole)',
      syndicEnterpriseNumber: '0123.456.749',
      syndicAddress: 'Rue Haute 1, 1000 Bruxelles',
      syndicEmail: 'marc@example.be',
      syndicPhone: null,
    }
    expect(syndicIdentity(own, org)).toEqual({
      name: 'Marc Janssens (syndic bénévole)',
      enterpriseNumber: '0123.456.749',
      address: 'Rue Haute 1, 1000 Bruxelles',
      email: 'marc@example.be',
      phone: '+32 2 000 00 00',
      missing: [],
    })
  })
})
