import { holdsOn, type PropertyQueries } from '../property/index.ts'
import { MAX_PER_PAGE } from '../shared/ports.ts'
import type { FinancePorts, OwnerChargeGroup, OwnerChargeRow, OwnerChargesReader } from './finance.ports.ts'
import type { BuildingBasisHistory } from './owner-part.calculator.ts'

/**
 * OwnerChargesReader from the other repositories: the reference the SQL adapter must agree with
 * (and the domain tests' reader). It loads every chargeable expense, so only for small data.
 */
export function ownerChargesReaderFrom(repos: {
  readonly finance: Pick<FinancePorts, 'expenses'>
  readonly property: Pick<PropertyQueries, 'quoteParts' | 'buildings' | 'units' | 'unitOwnerships'>
}): OwnerChargesReader {
  return {
    async read(scope, ownerId, period, page) {
      const holdings = (await repos.property.quoteParts.listOwnerHoldings(scope, ownerId)).filter(
        (h) => period.buildingIds === undefined || period.buildingIds.includes(h.buildingId),
      )
      const buildingIds = [...new Set(holdings.map((h) => h.buildingId))].sort()
      const expenses = buildingIds.length
        ? await repos.finance.expenses.listChargeable(scope, buildingIds, period)
        : []
      const histories: BuildingBasisHistory[] = []
      const unitNumber = new Map<string, string>()
      for (const buildingId of buildingIds) {
        const building = await repos.property.buildings.findById(scope, buildingId)
        if (!building) continue
        const units: BuildingBasisHistory['units'][number][] = []
        const links: BuildingBasisHistory['links'][number][] = []
        for (let p = 1; ; p++) {
          const batch = await repos.property.units.list(
            scope,
            { buildingId },
            { page: p, perPage: MAX_PER_PAGE, sortBy: 'unit_number', order: 'asc' },
          )
          for (const u of batch.items) {
            units.push({ unitId: u.id, unitNumber: u.unitNumber, quota: u.quota })
            unitNumber.set(u.id, u.unitNumber)
            for (const l of await repos.property.unitOwnerships.listForUnit(scope, u.id, {
              includeEnded: true,
            }))
              links.push({
                unitId: u.id,
                ownerId: l.ownerId,
                sharePpm: l.sharePpm,
                startDate: l.startDate,
                endDate: l.endDate,
              })
          }
          if (batch.items.length < MAX_PER_PAGE || units.length >= batch.total) break
        }
        histories.push({ buildingId, totalTantiemes: building.totalTantiemes, units, links })
      }
      const rows: (OwnerChargeRow & { unitNumber: string })[] = []
      for (const e of expenses) {
        if (e.paymentStatus === 'Cancelled' || e.status === 'draft') continue
        if (e.distribution !== null) {
          // A frozen split names its owners (ADR 0046): a later register change does not add or
          // remove a line, the first entry of a (unit, owner) counts.
          const seen = new Set<string>()
          for (const u of e.distribution.units) {
            if (seen.has(u.unitId)) continue
            seen.add(u.unitId)
            const part = u.owners.find((o) => o.ownerId === ownerId)
            if (part)
              rows.push({ expense: e, unitId: u.unitId, unitNumber: u.unitNumber, frozen: part.amountCents })
          }
          continue
        }
        for (const h of holdings)
          if (h.buildingId === e.buildingId && holdsOn(h, e.expenseDate))
            rows.push({
              expense: e,
              unitId: h.unitId,
              unitNumber: unitNumber.get(h.unitId) ?? '',
              frozen: 'none',
            })
      }
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
      rows.sort(
        (a, b) =>
          cmp(a.expense.expenseDate, b.expense.expenseDate) ||
          cmp(a.expense.id, b.expense.id) ||
          cmp(a.unitNumber, b.unitNumber) ||
          cmp(a.unitId, b.unitId),
      )
      const groups: OwnerChargeGroup[] = rows.map((r) => ({
        buildingId: r.expense.buildingId,
        unitId: r.unitId,
        expenseDate: r.expense.expenseDate,
        amountCents: r.expense.amountCents,
        paid: r.expense.paymentStatus === 'Paid',
        lines: 1,
        frozen: r.frozen,
      }))
      const from = (page.page - 1) * page.perPage
      return {
        page: rows.slice(from, from + page.perPage).map(({ unitNumber: _n, ...r }) => r),
        groups,
        frozenTotals: { lines: 0, totalCents: 0, paidCents: 0 },
        histories,
      }
    },
  }
}
