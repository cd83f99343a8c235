import type { InMemoryLedger } from '../../ledger/testing/in-memory-ledger.ts'
import type { TenantScope } from '../../property/index.ts'
import type { Supplier } from '../suppliers/supplier.entity.ts'
import type { SupplierRepository } from '../suppliers/supplier.ports.ts'

/** Suppliers in an array; the account reads the in-memory books' 440 lines naming the supplier. */
export class InMemorySupplierRepository implements SupplierRepository {
  readonly rows: Supplier[] = []
  private readonly ledger: InMemoryLedger
  private readonly usedBy: () => readonly {
    readonly supplierId: string | null
    readonly organizationId: string
  }[]
  constructor(ledger: InMemoryLedger, usedBy: InMemorySupplierRepository['usedBy']) {
    this.ledger = ledger
    this.usedBy = usedBy
  }

  private mine(scope: TenantScope) {
    return this.rows.filter((s) => s.organizationId === scope.organizationId)
  }
  async list(scope: TenantScope, filter: { readonly search?: string | undefined }) {
    const q = filter.search?.toLowerCase() ?? ''
    const items = this.mine(scope)
      .filter((s) => q === '' || s.name.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    return { items, total: items.length }
  }
  async findById(scope: TenantScope, id: string) {
    return this.mine(scope).find((s) => s.id === id) ?? null
  }
  async insert(_scope: TenantScope, supplier: Supplier) {
    this.rows.push(supplier)
  }
  async update(scope: TenantScope, supplier: Supplier) {
    const i = this.rows.findIndex(
      (s) =>
        s.organizationId === scope.organizationId &&
        s.id === supplier.id &&
        s.version === supplier.version - 1,
    )
    if (i < 0) return false
    this.rows[i] = supplier
    return true
  }
  async delete(scope: TenantScope, id: string) {
    const i = this.rows.findIndex((s) => s.organizationId === scope.organizationId && s.id === id)
    if (i < 0) return false
    this.rows.splice(i, 1)
    return true
  }
  async isUsed(scope: TenantScope, id: string) {
    return this.usedBy().some((e) => e.organizationId === scope.organizationId && e.supplierId === id)
  }
  async accountLines(scope: TenantScope, id: string) {
    return this.ledger.entries
      .filter((e) => e.organizationId === scope.organizationId)
      .flatMap((e) =>
        e.lines
          .filter((l) => l.account === '440' && l.supplierId === id)
          .map((l) => ({
            entryId: e.id,
            buildingId: e.buildingId,
            date: e.date,
            journal: e.journal,
            label: e.label,
            debitCents: l.debitCents,
            creditCents: l.creditCents,
            reversesEntryId: e.reversesEntryId,
          })),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId))
  }
  async organizationOf(id: string) {
    return this.rows.find((s) => s.id === id)?.organizationId ?? null
  }
}
