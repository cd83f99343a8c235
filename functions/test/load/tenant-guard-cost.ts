/**
 * ADR 0012's measurement: what the run-time tenant guard (functions/_shared/db/tenant-scope.ts)
 * costs per SQL statement. `node functions/test/load/tenant-guard-cost.ts`
 */
import { assertTenantScoped, unscopedStatement } from '../../_shared/db/tenant-scope.ts'

const stmts = [
  'select "id", "organization_id", "name", "address", "city", "postal_code", "country", "total_units", "total_tantiemes", "construction_year", "version", "created_at", "updated_at", count(*) over() as "total" from "buildings" where "buildings"."organization_id" = $1 order by "buildings"."created_at" desc, "buildings"."id" desc limit $2 offset $3',
  'insert into "units" ("id", "organization_id", "building_id", "unit_number", "unit_type", "floor", "surface_area", "quota", "owner_id", "version", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
  'select "id", "email" from "users" where "users"."id" = $1 limit $2',
]
// Drizzle renders a fresh string per execution for non-prepared queries: simulate that
const N = 200000
let t = performance.now()
for (let i = 0; i < N; i++) assertTenantScoped(`${stmts[i % 3]} `.slice(0, -1))
const cached = ((performance.now() - t) * 1000) / N
t = performance.now()
for (let i = 0; i < N; i++) unscopedStatement(stmts[i % 3] as string)
const uncached = ((performance.now() - t) * 1000) / N
process.stdout.write(
  `cached (fresh string each call): ${cached.toFixed(3)} µs/statement; uncached regex check: ${uncached.toFixed(3)} µs/statement\n`,
)
