import type { TenantScope } from '../../property/index.ts'
import type { Page, PageRequest } from '../../shared/ports.ts'
import type { Supplier } from './supplier.entity.ts'

export const SUPPLIER_SORT_FIELDS = ['name', 'created_at'] as const
export type SupplierSortField = (typeof SUPPLIER_SORT_FIELDS)[number]

/** One line of a supplier's account: a 440 line naming it, with its entry's header. */
export type SupplierAccountLine = {
  readonly entryId: string
  readonly buildingId: string
  readonly date: string
  readonly journal: string
  readonly label: string
  readonly debitCents: number
  readonly creditCents: number
  readonly reversesEntryId: string | null
}

export interface SupplierRepository {
  /** A page of the tenant's suppliers; `search` matches the name, enterprise or VAT number. */
  list(
    scope: TenantScope,
    filter: { readonly search?: string | undefined },
    page: PageRequest<SupplierSortField>,
  ): Promise<Page<Supplier>>
  /** The supplier, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<Supplier | null>
  insert(scope: TenantScope, supplier: Supplier): Promise<void>
  /** Writes only when the stored version equals `supplier.version - 1`; false otherwise. */
  update(scope: TenantScope, supplier: Supplier): Promise<boolean>
  delete(scope: TenantScope, id: string): Promise<boolean>
  /** Whether an expense names it (then it stays: the books name it too). */
  isUsed(scope: TenantScope, id: string): Promise<boolean>
  /** Every 440 line naming the supplier, all buildings of the tenant, by date then entry. */
  accountLines(scope: TenantScope, id: string): Promise<readonly SupplierAccountLine[]>
  /** Cross-tenant, superadmin only: the organization owning this supplier, or null. */
  organizationOf(id: string): Promise<string | null>
}
