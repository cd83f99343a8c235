/**
 * The request mix of the Rust KoproGo's published load test, as one function shared by the
 * bench's autocannon driver (bench/load.ts) and `make test-vps`'s load step (scripts/vps/load.ts),
 * and mirrored in bench/wrk/mix.lua and bench/k6/mix.js. It lives in scripts/lib/ so that
 * neither side imports the other:
 * 70 % reads — GET /buildings 30, /units 25, /owners 20, /expenses 20, /auth/me 5 —
 * 30 % writes — POST /buildings 30, /units 30, /owners 20, /expenses 20.
 */
export type MixRequest = { kind: string; method: 'GET' | 'POST'; path: string; body?: string }

export type MixOptions = {
  /** The target buildings units and expenses are written to (created by the setup with room for quotas). */
  buildingIds: readonly string[]
  /** False while the expenses routes are not on main: their share goes to the other requests. */
  expenses: boolean
  /** Distinguishes runs and generator workers so unique fields never collide. */
  tag: string
  /** Share of reads (0.7 in the anchor's mix; 1 or 0 to cost reads and writes apart). */
  readShare?: number
}

const READS: [string, number][] = [
  ['/api/v1/buildings', 30],
  ['/api/v1/units', 25],
  ['/api/v1/owners', 20],
  ['/api/v1/expenses', 20],
  ['/api/v1/auth/me', 5],
]
const WRITES: [string, number][] = [
  ['/api/v1/buildings', 30],
  ['/api/v1/units', 30],
  ['/api/v1/owners', 20],
  ['/api/v1/expenses', 20],
]
const CITIES = [
  ['Bruxelles', '1000'],
  ['Anvers', '2000'],
  ['Gand', '9000'],
  ['Liège', '4000'],
] as const
const FIRST = ['Marie', 'Jan', 'Sophie', 'Luc', 'Emma', 'Pieter', 'Claire', 'Thomas']
const LAST = ['Dubois', 'Peeters', 'Janssens', 'Maes', 'Lambert', 'Dupont', 'Claes', 'Martin']
const UNIT_TYPES = ['Apartment', 'Apartment', 'Apartment', 'Parking', 'Cellar']
const CATEGORIES = ['Maintenance', 'Repairs', 'Insurance', 'Utilities', 'Cleaning']
const DESCRIPTIONS = [
  'Entretien annuel de l’ascenseur',
  'Réparation de la porte du garage',
  'Prime d’assurance incendie',
  'Électricité des parties communes',
  'Nettoyage des communs et des vitres',
]

const int = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T

function weighted(table: [string, number][]): () => string {
  const total = table.reduce((s, [, w]) => s + w, 0)
  return () => {
    let r = Math.random() * total
    for (const [path, w] of table) {
      r -= w
      if (r < 0) return path
    }
    return table[table.length - 1]?.[0] ?? ''
  }
}

export function createMix(options: MixOptions): () => MixRequest {
  const keep = ([path]: [string, number]) => options.expenses || !path.endsWith('/expenses')
  const read = weighted(READS.filter(keep))
  const write = weighted(WRITES.filter(keep))
  let counter = 0
  const unique = () => `${options.tag}-${(++counter).toString(36)}`
  return () => {
    if (Math.random() < (options.readShare ?? 0.7)) {
      const path = read()
      return { kind: `GET ${path.slice(7)}`, method: 'GET', path }
    }
    const path = write()
    return { kind: `POST ${path.slice(7)}`, method: 'POST', path, body: JSON.stringify(writeBody(path)) }
  }

  function writeBody(path: string): Record<string, unknown> {
    const [city, postal] = pick(CITIES)
    switch (path) {
      case '/api/v1/buildings':
        return {
          name: `Résidence Test ${int(1000, 9999)}`,
          address: `Rue de la Loi ${int(1, 250)}`,
          city,
          postal_code: postal,
          country: 'Belgium',
          total_units: int(10, 50),
          construction_year: int(1960, 2024),
        }
      case '/api/v1/units':
        return {
          building_id: pick(options.buildingIds),
          unit_number: `U-${unique()}`,
          unit_type: pick(UNIT_TYPES),
          floor: int(0, 10),
          surface_area: int(45, 150),
          quota: int(50, 200),
        }
      case '/api/v1/owners': {
        const first = pick(FIRST)
        const last = pick(LAST)
        return {
          first_name: first,
          last_name: last,
          email: `${first}.${last}.${unique()}@bench.example.be`.toLowerCase(),
          phone: `+32 4${int(70, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`,
          address: `Avenue Louise ${int(1, 250)}`,
          city,
          postal_code: postal,
          country: 'Belgium',
        }
      }
      default:
        return {
          building_id: pick(options.buildingIds),
          category: pick(CATEGORIES),
          description: pick(DESCRIPTIONS),
          amount: int(30_000, 500_000) / 100,
          expense_date: new Date().toISOString(),
        }
    }
  }
}
