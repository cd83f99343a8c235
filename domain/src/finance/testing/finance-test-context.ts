import type { ActorContext, Repositories } from '../../context.ts'
import type { Actor } from '../../identity/actor.ts'
import type { Role } from '../../identity/role.value-object.ts'
import { ledgerPostings } from '../../ledger/ledger-postings.ts'
import { InMemoryLedger } from '../../ledger/testing/in-memory-ledger.ts'
import type { Building } from '../../property/building.entity.ts'
import type { Owner } from '../../property/owner.entity.ts'
import type { RightType } from '../../property/ownership-timeline.ts'
import type {
  BuildingRepository,
  OwnerRepository,
  TenantScope,
  UnitOwnershipRepository,
  UnitRepository,
} from '../../property/property.ports.ts'
import { quotePartsReaderFromProperty } from '../../property/quote-parts.reader.ts'
import { BUILDING_DEFAULTS, OWNER_DEFAULTS } from '../../property/testing/property-fixtures.ts'
import type { Unit } from '../../property/unit.entity.ts'
import type { UnitOwnership } from '../../property/unit-ownership.entity.ts'
import type { AuditEntry } from '../../shared/audit.ts'
import { ownerChargesReaderFrom } from '../owner-charges.reader.ts'
import { InMemoryBudgetPorts } from './in-memory-budget.ts'
import { InMemoryExpenseRepository } from './in-memory-expense.repository.ts'
import { InMemorySupplierRepository } from './in-memory-suppliers.ts'

const EPOCH = new Date('2026-01-01T00:00:00Z')

/**
 * Just enough of the property context for finance tests: rows are kept in arrays and only the
 * repository methods finance calls are implemented (the others throw, so a new dependency is
 * noticed instead of silently faked).
 */
export class FinanceWorld {
  readonly buildings: Building[] = []
  readonly units: Unit[] = []
  readonly owners: Owner[] = []
  readonly ownerships: UnitOwnership[] = []
  readonly expenses = new InMemoryExpenseRepository()
  /** The association's books: money events post here, as in the database's transaction. */
  readonly ledger = new InMemoryLedger()
  readonly budget = new InMemoryBudgetPorts()
  readonly suppliers = new InMemorySupplierRepository(this.ledger, () => [...this.expenses.rows.values()])
  readonly audit: AuditEntry[] = []
  now = new Date('2026-03-15T10:00:00Z')
  private seq = 0

  nextId(prefix = 'id'): string {
    this.seq += 1
    return `${prefix}-${String(this.seq).padStart(4, '0')}`
  }

  addBuilding(organizationId: string, totalTantiemes = 1000, id = this.nextId('building')): Building {
    const b: Building = {
      id,
      organizationId,
      name: `Residence ${id}`,
      address: 'Rue de la Loi 16',
      city: 'Bruxelles',
      postalCode: '1000',
      country: 'Belgium',
      totalUnits: 10,
      ...BUILDING_DEFAULTS,
      totalTantiemes,
      constructionYear: null,
      version: 1,
      createdAt: EPOCH,
      updatedAt: EPOCH,
    }
    this.buildings.push(b)
    return b
  }

  addUnit(building: Building, unitNumber: string, quota: number, id = this.nextId('unit')): Unit {
    const u: Unit = {
      id,
      organizationId: building.organizationId,
      buildingId: building.id,
      unitNumber,
      unitType: 'Apartment',
      floor: null,
      surfaceArea: 80,
      quota,
      ownerId: null,
      version: 1,
      createdAt: EPOCH,
      updatedAt: EPOCH,
    }
    this.units.push(u)
    return u
  }

  addOwner(organizationId: string, userId: string | null = null, id = this.nextId('owner')): Owner {
    const o: Owner = {
      id,
      organizationId,
      ...OWNER_DEFAULTS,
      firstName: 'Anne',
      lastName: id,
      email: `${id}@example.be`,
      phone: null,
      address: 'Rue Neuve 1',
      city: 'Bruxelles',
      postalCode: '1000',
      country: 'Belgium',
      userId,
      version: 1,
      createdAt: EPOCH,
      updatedAt: EPOCH,
    }
    this.owners.push(o)
    return o
  }

  addOwnership(
    unit: Unit,
    owner: Owner,
    sharePpm: number,
    startDate = '2020-01-01',
    endDate: string | null = null,
    rightType: RightType = 'full',
  ): UnitOwnership {
    const l: UnitOwnership = {
      id: this.nextId('link'),
      organizationId: unit.organizationId,
      unitId: unit.id,
      ownerId: owner.id,
      sharePpm,
      rightType,
      isPrimaryContact: false,
      startDate,
      endDate,
      version: 1,
      createdAt: EPOCH,
      updatedAt: EPOCH,
    }
    this.ownerships.push(l)
    return l
  }

  repositories(): Repositories {
    const inScope = <T extends { organizationId: string }>(scope: TenantScope, row: T | undefined) =>
      row && row.organizationId === scope.organizationId ? row : null
    const buildings: BuildingRepository = {
      ...notFaked<BuildingRepository>('buildings'),
      findById: async (scope, id) =>
        inScope(
          scope,
          this.buildings.find((b) => b.id === id),
        ),
      organizationOf: async (id) => this.buildings.find((b) => b.id === id)?.organizationId ?? null,
    }
    const units: UnitRepository = {
      ...notFaked<UnitRepository>('units'),
      findById: async (scope, id) =>
        inScope(
          scope,
          this.units.find((u) => u.id === id),
        ),
      list: async (scope, filter, page) => {
        const all = this.units
          .filter((u) => u.organizationId === scope.organizationId)
          .filter((u) => filter.buildingId === undefined || u.buildingId === filter.buildingId)
          .sort((a, b) => (a.unitNumber < b.unitNumber ? -1 : a.unitNumber > b.unitNumber ? 1 : 0))
        const start = (page.page - 1) * page.perPage
        return { items: all.slice(start, start + page.perPage), total: all.length }
      },
    }
    const owners: OwnerRepository = {
      ...notFaked<OwnerRepository>('owners'),
      findById: async (scope, id) =>
        inScope(
          scope,
          this.owners.find((o) => o.id === id),
        ),
      findByUserId: async (scope, userId) =>
        inScope(
          scope,
          this.owners.find((o) => o.userId === userId),
        ),
      organizationOf: async (id) => this.owners.find((o) => o.id === id)?.organizationId ?? null,
    }
    const links = (scope: TenantScope, keep: (l: UnitOwnership) => boolean, includeEnded: boolean) =>
      this.ownerships.filter(
        (l) => l.organizationId === scope.organizationId && keep(l) && (includeEnded || l.endDate === null),
      )
    const unitOwnerships: UnitOwnershipRepository = {
      ...notFaked<UnitOwnershipRepository>('unitOwnerships'),
      listForUnit: async (scope, unitId, o) => links(scope, (l) => l.unitId === unitId, o.includeEnded),
      listForOwner: async (scope, ownerId, o) => links(scope, (l) => l.ownerId === ownerId, o.includeEnded),
    }
    const quoteParts = quotePartsReaderFromProperty({ buildings, units, unitOwnerships })
    const property = { buildings, units, owners, unitOwnerships, quoteParts }
    return {
      ...notFaked<Omit<Repositories, 'property' | 'finance' | 'audit' | 'ledger' | 'postings'>>('repos'),
      property,
      finance: {
        expenses: this.expenses,
        ownerCharges: ownerChargesReaderFrom({ property, finance: { expenses: this.expenses } }),
        budget: this.budget.ports(),
        calls: notFaked<Repositories['finance']['calls']>('calls'),
        ownerAccount: notFaked<Repositories['finance']['ownerAccount']>('ownerAccount'),
        arrears: notFaked<Repositories['finance']['arrears']>('arrears'),
        etatDates: notFaked<Repositories['finance']['etatDates']>('etatDates'),
        suppliers: this.suppliers,
        einvoiceImports: notFaked<Repositories['finance']['einvoiceImports']>('einvoiceImports'),
      },
      audit: { record: async (entry) => void this.audit.push(entry) },
      ledger: { entries: this.ledger, charges: this.ledger },
      postings: ledgerPostings(this.ledger),
    }
  }

  /** A context for `actor`; `transaction` runs on the same repositories (no rollback needed here). */
  context(actor: Actor): ActorContext {
    const repos = this.repositories()
    // Members finance never uses (passwords, sessions, files, …) are absent: a use case reaching one fails loudly.
    const unused =
      notFaked<Omit<ActorContext, 'actor' | 'requestId' | 'clock' | 'ids' | 'repos' | 'transaction'>>('ctx')
    return {
      ...unused,
      actor,
      requestId: 'req-1',
      clock: { now: () => this.now },
      ids: { next: () => this.nextId('expense') },
      repos,
      transaction: (work) => work(repos),
    }
  }
}

export function actorOf(role: Role, organizationId: string | null, userId = `user-${role}`): Actor {
  return { userId, email: `${userId}@example.be`, role, organizationId }
}

/**
 * Stands in for members a test does not provide, typed as T. Used directly, every member is a
 * function that throws; spread, it contributes nothing, so an unexpected call fails on
 * `undefined` instead of being silently faked. `then` stays undefined: never mistaken for a promise.
 */
function notFaked<T extends object>(name: string): T {
  return new Proxy(
    {},
    {
      get: (_target, prop) =>
        prop === 'then'
          ? undefined
          : () => {
              throw new Error(`${name}.${String(prop)} is not faked for finance tests`)
            },
      ownKeys: () => [],
    },
  ) as T
}
