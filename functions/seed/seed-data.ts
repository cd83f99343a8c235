import { PLAN_LIMITS, type Role } from '@koprogo/domain'
import type {
  buildings,
  expenses,
  meetings,
  organizations,
  owners,
  unitOwnerships,
  units,
  users,
} from '../_shared/db/schema/index.ts'
import { uuidv7 } from '../_shared/ids.ts'

/**
 * Seed datasets as plain rows, built deterministically (a seeded PRNG) so two runs produce the
 * same buildings and the bench compares like with like. Quotas always sum exactly to each
 * building's total and ownership shares to 1, so seeded data obeys every invariant.
 */
export type SeedRows = {
  organizations: (typeof organizations.$inferInsert)[]
  users: (Omit<typeof users.$inferInsert, 'passwordHash'> & { password: string })[]
  buildings: (typeof buildings.$inferInsert)[]
  units: (typeof units.$inferInsert)[]
  owners: (typeof owners.$inferInsert)[]
  unitOwnerships: (typeof unitOwnerships.$inferInsert)[]
  expenses: (typeof expenses.$inferInsert)[]
  meetings: (typeof meetings.$inferInsert)[]
}

export type SeedCredential = { email: string; password: string; role: Role }

function prng(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  }
}

const CITIES = [
  ['Bruxelles', '1000'],
  ['Ixelles', '1050'],
  ['Liège', '4000'],
  ['Namur', '5000'],
  ['Gand', '9000'],
  ['Anvers', '2000'],
  ['Charleroi', '6000'],
  ['Louvain', '3000'],
] as const
const STREETS = [
  'Rue de la Loi',
  'Avenue Louise',
  'Rue Neuve',
  'Chaussée de Wavre',
  'Boulevard Anspach',
  'Rue Haute',
]
const FIRST = [
  'Marie',
  'Jan',
  'Sophie',
  'Luc',
  'Emma',
  'Pieter',
  'Claire',
  'Thomas',
  'Lotte',
  'Mehdi',
  'Anna',
  'Karim',
]
const LAST = [
  'Dubois',
  'Peeters',
  'Janssens',
  'Maes',
  'Lambert',
  'Dupont',
  'Claes',
  'Goossens',
  'Martin',
  'Wouters',
]
const SUPPLIERS = [
  'Schindler Ascenseurs',
  'Engie',
  'Vivaqua',
  'AXA Belgium',
  'Clean & Co',
  'Toitures Lejeune',
]
const CATEGORIES = [
  ['Maintenance', 'Entretien ascenseur'],
  ['Utilities', 'Électricité des communs'],
  ['Insurance', 'Assurance incendie immeuble'],
  ['Cleaning', 'Nettoyage des parties communes'],
  ['Repairs', 'Réparation porte de garage'],
  ['Works', 'Rénovation de la toiture'],
  ['Administration', 'Honoraires du syndic'],
] as const

type OrgSpec = {
  name: string
  admin: string
  buildings: number
  plan: 'Starter' | 'Professional' | 'Enterprise'
  /** The plan's default limits unless given: the realistic firms carry negotiated ones (scale 10, the bench). */
  limits?: { maxBuildings: number; maxUsers: number }
}

/** Splits `total` into `n` positive integers (weights from the PRNG) that sum to exactly `total`. */
function splitTotal(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const parts = weights.map((w) => Math.max(1, Math.floor((w * total) / sum)))
  let rest = total - parts.reduce((a, b) => a + b, 0)
  for (let i = 0; rest !== 0; i = (i + 1) % parts.length) {
    const p = parts[i] ?? 1
    if (rest > 0) {
      parts[i] = p + 1
      rest--
    } else if (p > 1) {
      parts[i] = p - 1
      rest++
    }
  }
  return parts
}

function buildOrganization(spec: OrgSpec, seedTag: string, rand: ReturnType<typeof prng>, rows: SeedRows) {
  const now = new Date()
  const orgId = uuidv7()
  const slug = `${seedTag}-${spec.admin.split('@')[1]?.replace(/\W+/g, '-') ?? orgId.slice(-8)}`
  rows.organizations.push({
    id: orgId,
    name: spec.name,
    slug,
    contactEmail: spec.admin,
    subscriptionPlan: spec.plan,
    ...(spec.limits ?? PLAN_LIMITS[spec.plan]),
    seedTag,
  })
  const ownerPool: string[] = []
  for (let b = 0; b < spec.buildings; b++) {
    const [city, postal] = rand.pick(CITIES)
    const buildingId = uuidv7()
    const unitCount = rand.int(5, 11)
    const total = 1000
    rows.buildings.push({
      id: buildingId,
      organizationId: orgId,
      name: `Résidence ${rand.pick(['Les Tilleuls', 'Le Parc', 'Beau Site', 'Les Jardins', 'Royale', 'Horizon'])} ${b + 1}`,
      address: `${rand.pick(STREETS)} ${rand.int(1, 250)}`,
      city,
      postalCode: postal,
      country: 'Belgium',
      declaredUnits: unitCount,
      totalTantiemes: total,
      constructionYear: rand.int(1955, 2022),
    })
    const quotas = splitTotal(
      total,
      Array.from({ length: unitCount }, () => rand.int(40, 160)),
    )
    quotas.forEach((quota, i) => {
      const unitId = uuidv7()
      const type = i >= unitCount - 2 ? rand.pick(['Parking', 'Cellar'] as const) : 'Apartment'
      // About two units in three get their own owner; the rest reuse one (owners with several lots).
      let ownerId = ownerPool.length > 0 && rand.int(1, 3) === 1 ? rand.pick(ownerPool) : undefined
      if (!ownerId) {
        ownerId = uuidv7()
        ownerPool.push(ownerId)
        const first = rand.pick(FIRST)
        const last = rand.pick(LAST)
        rows.owners.push({
          id: ownerId,
          organizationId: orgId,
          firstName: first,
          lastName: last,
          email: `${first}.${last}.${ownerId.slice(-6)}@example.be`.toLowerCase(),
          phone: `+32 4${rand.int(70, 99)} ${rand.int(10, 99)} ${rand.int(10, 99)} ${rand.int(10, 99)}`,
          address: `${rand.pick(STREETS)} ${rand.int(1, 250)}`,
          city,
          postalCode: postal,
          country: 'Belgium',
        })
      }
      rows.units.push({
        id: unitId,
        organizationId: orgId,
        buildingId,
        unitNumber:
          type === 'Apartment'
            ? `${Math.floor(i / 2)}${String.fromCharCode(65 + (i % 2))}`
            : `${type[0]}${i}`,
        unitType: type,
        floor: type === 'Apartment' ? Math.floor(i / 2) : -1,
        surfaceArea: type === 'Apartment' ? rand.int(45, 150) : rand.int(8, 20),
        quota,
        ownerId,
      })
      rows.unitOwnerships.push({
        id: uuidv7(),
        organizationId: orgId,
        unitId,
        ownerId,
        sharePpm: 1_000_000,
        isPrimaryContact: true,
        startDate: `20${rand.int(10, 23)}-0${rand.int(1, 9)}-1${rand.int(0, 9)}`,
      })
    })
    const expenseCount = b % 2 === 0 ? 3 : 2
    for (let e = 0; e < expenseCount; e++) {
      const [category, description] = rand.pick(CATEGORIES)
      const paid = rand.int(0, 1) === 1
      const day = `2026-${String(rand.int(1, 10)).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`
      rows.expenses.push({
        id: uuidv7(),
        organizationId: orgId,
        buildingId,
        category,
        description,
        amountCents: rand.int(30_000, 500_000),
        expenseDate: day,
        paymentStatus: paid ? 'Paid' : 'Pending',
        paidDate: paid ? day : null,
        supplier: rand.pick(SUPPLIERS),
        invoiceNumber: `F-2026-${rand.int(1000, 9999)}`,
      })
    }
    rows.meetings.push({
      id: uuidv7(),
      organizationId: orgId,
      buildingId,
      meetingType: 'Ordinary',
      title: 'Assemblée générale ordinaire 2027',
      description: 'Approbation des comptes, budget, élection du conseil de copropriété',
      scheduledDate: new Date(now.getTime() + rand.int(20, 90) * 86_400_000),
      location: 'Salle communale',
      agenda: ['Approbation des comptes 2026', 'Budget 2027', 'Fonds de réserve', 'Divers'],
    })
  }
  return { orgId, ownerPool }
}

export const REALISTIC_PASSWORD = 'admin123'

/**
 * The realistic firms' limits, above their plans' defaults (plan limits are per organization):
 * room for scale 10 (100 buildings in the small firm). The bench raises them further for its
 * write mix, as a superadmin would (PUT /organizations/{id}).
 */
const NEGOTIATED = { maxBuildings: 1000, maxUsers: 1000 }

/**
 * API.md: 3 organizations (5, 8 and 10 buildings), each run by a syndic admin@<size>.be.
 * `scale` multiplies the buildings (and so units, owners, expenses) for the bench's growth run:
 * scale 10 gives 230 buildings and ≈1,900 units with the same three syndics.
 */
export function realisticSeed(seed = 42, scale = 1): { rows: SeedRows; credentials: SeedCredential[] } {
  const rand = prng(seed)
  const rows = emptyRows()
  const specs: OrgSpec[] = [
    {
      name: 'Syndic Petit (small)',
      admin: 'admin@small.be',
      buildings: 5,
      plan: 'Starter',
      limits: NEGOTIATED,
    },
    {
      name: 'Syndic Moyen (medium)',
      admin: 'admin@medium.be',
      buildings: 8,
      plan: 'Professional',
      limits: NEGOTIATED,
    },
    {
      name: 'Syndic Grand (large)',
      admin: 'admin@large.be',
      buildings: 10,
      plan: 'Enterprise',
      limits: NEGOTIATED,
    },
  ]
  for (const spec of specs) {
    const { orgId } = buildOrganization(
      { ...spec, buildings: spec.buildings * scale },
      'realistic',
      rand,
      rows,
    )
    rows.users.push({
      id: uuidv7(),
      email: spec.admin,
      firstName: 'Admin',
      lastName: spec.name,
      role: 'syndic',
      organizationId: orgId,
      password: REALISTIC_PASSWORD,
    })
  }
  return {
    rows,
    credentials: specs.map((s) => ({
      email: s.admin,
      password: REALISTIC_PASSWORD,
      role: 'syndic' as const,
    })),
  }
}

/** The demo's logins (the start banner and the README list them; the seed creates them). */
export const DEMO_CREDENTIALS: readonly SeedCredential[] = [
  { email: 'syndic@demo.koprogo.be', password: 'demo-syndic-2026', role: 'syndic' },
  { email: 'accountant@demo.koprogo.be', password: 'demo-accountant-2026', role: 'accountant' },
  { email: 'owner1@demo.koprogo.be', password: 'demo-owner-2026', role: 'owner' },
  { email: 'owner2@demo.koprogo.be', password: 'demo-owner-2026', role: 'owner' },
]

/** One firm with a syndic, an accountant and two owner users linked to owner records. */
export function demoSeed(seed = 7): { rows: SeedRows; credentials: SeedCredential[] } {
  const rand = prng(seed)
  const rows = emptyRows()
  const { orgId, ownerPool } = buildOrganization(
    { name: 'Syndic Démo SRL', admin: 'syndic@demo.koprogo.be', buildings: 3, plan: 'Professional' },
    'demo',
    rand,
    rows,
  )
  const credentials: SeedCredential[] = [...DEMO_CREDENTIALS]
  credentials.forEach((c, i) => {
    const userId = uuidv7()
    rows.users.push({
      id: userId,
      email: c.email,
      firstName: ['Sylvie', 'Arnaud', 'Marie', 'Jan'][i] ?? 'Demo',
      lastName: ['Syndic', 'Comptable', 'Dubois', 'Peeters'][i] ?? 'User',
      role: c.role,
      organizationId: orgId,
      password: c.password,
    })
    if (c.role === 'owner') {
      // Link owner users to the first owner records, so "my lots" shows real data.
      const owner = rows.owners.find((o) => o.id === ownerPool[i - 2])
      if (owner) owner.userId = userId
    }
  })
  // Indivision on one lot: a couple each holding half, to show shares in the demo.
  const shared = rows.unitOwnerships.find((o) => o.ownerId !== ownerPool[0])
  const partner = rows.owners.find((o) => o.id === ownerPool[0])
  if (shared && partner?.id) {
    shared.sharePpm = 500_000
    rows.unitOwnerships.push({
      id: uuidv7(),
      organizationId: orgId,
      unitId: shared.unitId,
      ownerId: partner.id,
      sharePpm: 500_000,
      isPrimaryContact: false,
      startDate: shared.startDate,
    })
  }
  return { rows, credentials }
}

function emptyRows(): SeedRows {
  return {
    organizations: [],
    users: [],
    buildings: [],
    units: [],
    owners: [],
    unitOwnerships: [],
    expenses: [],
    meetings: [],
  }
}
