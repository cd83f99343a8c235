// Shared by the k6 scenarios: the same setup and request mix as bench/run.ts (scripts/lib/request-mix.ts).
// BASE_URL (default http://127.0.0.1:8080), SYNDIC_EMAIL / SYNDIC_PASSWORD (admin@small.be / admin123).
// The server must already hold the realistic seed (POST /api/v1/seed/realistic as superadmin).
import { check } from 'k6'
import http from 'k6/http'

export const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080'
const READS = [
  ['/api/v1/buildings', 30],
  ['/api/v1/units', 25],
  ['/api/v1/owners', 20],
  ['/api/v1/expenses', 20],
  ['/api/v1/auth/me', 5],
]
const WRITES = [
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
]
const FIRST = ['Marie', 'Jan', 'Sophie', 'Luc', 'Emma', 'Pieter', 'Claire', 'Thomas']
const LAST = ['Dubois', 'Peeters', 'Janssens', 'Maes', 'Lambert', 'Dupont', 'Claes', 'Martin']
const UNIT_TYPES = ['Apartment', 'Apartment', 'Apartment', 'Parking', 'Cellar']
const CATEGORIES = ['Maintenance', 'Repairs', 'Insurance', 'Utilities', 'Cleaning']
const int = (a, b) => a + Math.floor(Math.random() * (b - a + 1))
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)]
const weighted = (table) => {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let r = Math.random() * total
  for (const [p, w] of table) {
    r -= w
    if (r < 0) return p
  }
  return table[table.length - 1][0]
}

/** Logs in the syndic and creates the 10 target buildings (room for the run's unit quotas). */
export function benchSetup() {
  const login = http.post(
    `${BASE}/api/v1/auth/login`,
    JSON.stringify({
      email: __ENV.SYNDIC_EMAIL || 'admin@small.be',
      password: __ENV.SYNDIC_PASSWORD || 'admin123',
    }),
    { headers: { 'Content-Type': 'application/json' } },
  )
  check(login, { 'login 200': (r) => r.status === 200 })
  const token = login.json('token')
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  const buildingIds = []
  for (let i = 0; i < 10; i++) {
    const r = http.post(
      `${BASE}/api/v1/buildings`,
      JSON.stringify({
        name: `Résidence Bench k6 ${i + 1}`,
        address: `Rue de la Loi ${i + 1}`,
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgium',
        total_units: 50,
        total_tantiemes: 100000000,
        construction_year: 2000,
      }),
      { headers },
    )
    buildingIds.push(r.json('id'))
  }
  const expenses = http.get(`${BASE}/api/v1/expenses`, { headers }).status === 200
  return { token, buildingIds, expenses }
}

/** One request of the mix; a 4xx or 5xx fails the `2xx` check (the bench counts them apart). */
export function mixRequest(data) {
  const headers = { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' }
  const keep = ([p]) => data.expenses || !p.endsWith('/expenses')
  const unique = `${__VU}-${__ITER}-${Date.now().toString(36)}`
  let res
  if (Math.random() < 0.7) {
    const path = weighted(READS.filter(keep))
    res = http.get(`${BASE}${path}`, { headers, tags: { name: `GET ${path}` } })
  } else {
    const path = weighted(WRITES.filter(keep))
    const [city, postal] = pick(CITIES)
    let body
    if (path.endsWith('/buildings')) {
      body = {
        name: `Résidence Test ${int(1000, 9999)}`,
        address: `Rue de la Loi ${int(1, 250)}`,
        city,
        postal_code: postal,
        country: 'Belgium',
        total_units: int(10, 50),
        construction_year: int(1960, 2024),
      }
    } else if (path.endsWith('/units')) {
      body = {
        building_id: pick(data.buildingIds),
        unit_number: `U-${unique}`,
        unit_type: pick(UNIT_TYPES),
        floor: int(0, 10),
        surface_area: int(45, 150),
        quota: int(50, 200),
      }
    } else if (path.endsWith('/owners')) {
      const f = pick(FIRST)
      const l = pick(LAST)
      body = {
        first_name: f,
        last_name: l,
        email: `${f}.${l}.${unique}@bench.example.be`.toLowerCase(),
        phone: `+32 4${int(70, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`,
        address: `Avenue Louise ${int(1, 250)}`,
        city,
        postal_code: postal,
        country: 'Belgium',
      }
    } else {
      body = {
        building_id: pick(data.buildingIds),
        category: pick(CATEGORIES),
        description: 'Entretien annuel de l’ascenseur',
        amount: int(30000, 500000) / 100,
        expense_date: new Date().toISOString(),
      }
    }
    res = http.post(`${BASE}${path}`, JSON.stringify(body), { headers, tags: { name: `POST ${path}` } })
  }
  check(res, {
    '2xx': (r) => r.status >= 200 && r.status < 300,
    'no 5xx': (r) => r.status < 500,
  })
}
