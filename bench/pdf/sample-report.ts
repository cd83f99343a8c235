import {
  type Cents,
  type ChargeBasis,
  type DocumentLanguage,
  type DocumentModel,
  distributeCharge,
  distributionReport,
} from '../../domain/src/index.ts'

/**
 * A realistic distribution document: `lots` lots with one or two owners each (accented names),
 * through the same report builder as the job, so the figures are those of production documents.
 */
export function sampleReport(lots = 120, language: DocumentLanguage = 'fr'): DocumentModel {
  const units: ChargeBasis['units'][number][] = []
  const ownerNames = new Map<string, string>()
  for (let i = 1; i <= lots; i++) {
    const owners = i % 4 === 0 ? [`o${i}a`, `o${i}b`] : [`o${i}a`]
    for (const id of owners) ownerNames.set(id, `Zoë Noël-Façade ${id}`)
    units.push({
      unitId: `u${i}`,
      unitNumber: `L${String(i).padStart(3, '0')}`,
      quota: 80 + (i % 5),
      owners: owners.map((ownerId) => ({ ownerId, sharePpm: 1_000_000 / owners.length })),
    })
  }
  const basis: ChargeBasis = { totalTantiemes: 10_000, units }
  const distribution = distributeCharge(9_876_543, basis)
  if (!distribution.ok) throw new Error(distribution.error.message)
  const at = new Date('2026-01-01T00:00:00Z')
  return distributionReport({
    language,
    expense: {
      id: 'e1',
      description: 'Ravalement de façade',
      expenseDate: '2026-03-01',
      amountCents: 9_876_543 as Cents,
    },
    building: {
      id: 'b1',
      organizationId: 'org',
      name: 'Résidence Les Érables',
      address: 'Rue Haute 1',
      city: 'Bruxelles',
      postalCode: '1000',
      country: 'Belgium',
      totalUnits: lots,
      declaredUnits: null,
      totalTantiemes: 10_000,
      constructionYear: null,
      syndicName: 'Gérance Château & Fils SRL',
      syndicEnterpriseNumber: '0202.239.951',
      syndicAddress: 'Rue de l’Église 7, 4000 Liège',
      syndicEmail: 'gerance@example.be',
      syndicPhone: '+32 4 123 45 67',
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    organization: { name: 'Gérance', contactEmail: 'gerance@example.be', contactPhone: null },
    distribution: distribution.value,
    ownerNames,
  }).pdf
}
