import type { ActorContext, Repositories } from '../../context.ts'
import { InMemoryDocumentRepository, InMemoryFileStore } from '../../documents/testing/in-memory-documents.ts'
import { type Expense, NEW_EXPENSE_LIFECYCLE } from '../../finance/expense.entity.ts'
import type { ExpenseRepository } from '../../finance/finance.ports.ts'
import type { Actor } from '../../identity/actor.ts'
import type { Building } from '../../property/building.entity.ts'
import type { BuildingFilter, BuildingRepository, TenantScope } from '../../property/property.ports.ts'
import { BUILDING_DEFAULTS } from '../../property/testing/property-fixtures.ts'
import type { AuditEntry } from '../../shared/audit.ts'
import type { Cents } from '../../shared/money.value-object.ts'
import type { OutboxMessage } from '../../shared/outbox.ts'
import type { PageRequest } from '../../shared/ports.ts'
import type { Result } from '../../shared/result.ts'
import { FakeStatsRepository } from '../../stats/testing/fake-stats.ts'
import type { ConvocationPorts } from '../convocation.ports.ts'
import type { Meeting } from '../meeting.entity.ts'
import { InMemoryMeetingRepository } from './in-memory-meetings.ts'

export const ORG_A = '00000000-0000-4000-8000-0000000000a1'
export const ORG_B = '00000000-0000-4000-8000-0000000000b1'

export const ACTORS = {
  superadmin: { userId: 'user-super', email: 'root@koprogo.test', role: 'superadmin', organizationId: null },
  syndicA: { userId: 'user-syndic-a', email: 'syndic@a.test', role: 'syndic', organizationId: ORG_A },
  accountantA: { userId: 'user-acc-a', email: 'acc@a.test', role: 'accountant', organizationId: ORG_A },
  ownerA: { userId: 'user-owner-a', email: 'owner@a.test', role: 'owner', organizationId: ORG_A },
  syndicB: { userId: 'user-syndic-b', email: 'syndic@b.test', role: 'syndic', organizationId: ORG_B },
} as const satisfies Record<string, Actor>

/**
 * A port whose unused members throw: these use cases touch few of the many repositories, and a
 * call to any other one is a test bug that must fail loudly rather than return undefined.
 */
export function partialPort<T extends object>(name: string, impl: Partial<T>): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (prop in target) return Reflect.get(target, prop, receiver)
      if (prop === 'then') return undefined
      throw new Error(`${name}.${String(prop)} is not available in this test`)
    },
  }) as T
}

type BuildingRow = { readonly building: Building; readonly ownerUserIds: readonly string[] }

/**
 * Every store the governance, documents and stats use cases reach, with a transaction that
 * restores meetings, documents and the audit log when the work fails (as Postgres would).
 */
export class TestWorld {
  readonly meetings = new InMemoryMeetingRepository()
  readonly documents = new InMemoryDocumentRepository()
  readonly files = new InMemoryFileStore()
  readonly audit: AuditEntry[] = []
  /** Outbox messages recorded in committed (or still open) transactions. */
  readonly outbox: OutboxMessage[] = []
  readonly buildingRows = new Map<string, BuildingRow>()
  readonly expenseRows = new Map<string, Expense>()
  readonly stats = new FakeStatsRepository((scope) => ({
    totalOrganizations: scope.organizationId === null ? 2 : 1,
    totalUsers: 5,
    totalBuildings: this.buildingRows.size,
    activeSubscriptions: 1,
    totalOwners: 3,
    totalUnits: 7,
    totalExpenses: this.expenseRows.size,
    totalMeetings: this.meetings.rows.size,
  }))
  now = new Date('2026-03-01T10:00:00.000Z')
  ownersPerBuilding = 10
  transactions = 0
  private seq = 0

  nextId(): string {
    this.seq++
    return `00000000-0000-4000-8000-${this.seq.toString().padStart(12, '0')}`
  }

  addBuilding(organizationId: string, ownerUserIds: readonly string[] = []): Building {
    const now = this.now
    const building: Building = {
      id: this.nextId(),
      organizationId,
      name: `Résidence ${this.seq}`,
      address: 'Rue Royale 1',
      city: 'Bruxelles',
      postalCode: '1000',
      country: 'Belgique',
      totalUnits: 10,
      ...BUILDING_DEFAULTS,
      totalTantiemes: 1000,
      constructionYear: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    this.buildingRows.set(building.id, { building, ownerUserIds })
    return building
  }

  addExpense(building: Building): Expense {
    const expense: Expense = {
      id: this.nextId(),
      organizationId: building.organizationId,
      buildingId: building.id,
      category: 'Maintenance',
      description: 'Entretien ascenseur',
      amountCents: 12_345 as Cents,
      expenseDate: '2026-02-01',
      paymentStatus: 'Pending',
      supplier: null,
      invoiceNumber: null,
      paidDate: null,
      ...NEW_EXPENSE_LIFECYCLE,
      status: 'approved',
      distributionKeyId: null,
      version: 1,
      createdAt: this.now,
      updatedAt: this.now,
    }
    this.expenseRows.set(expense.id, expense)
    return expense
  }

  addMeeting(building: Building, overrides: Partial<Meeting> = {}): Meeting {
    const meeting: Meeting = {
      id: this.nextId(),
      organizationId: building.organizationId,
      buildingId: building.id,
      meetingType: 'Ordinary',
      title: 'AG ordinaire 2026',
      description: null,
      scheduledDate: new Date('2026-04-20T18:00:00.000Z'),
      location: 'Salle communale',
      status: 'Scheduled',
      agenda: [],
      attendeesCount: null,
      version: 1,
      createdAt: this.now,
      updatedAt: this.now,
      ...overrides,
    }
    this.meetings.rows.set(meeting.id, meeting)
    return meeting
  }

  repositories(): Repositories {
    const rows = this.buildingRows
    const inScope = (scope: TenantScope, id: string) => {
      const row = rows.get(id)
      return row && row.building.organizationId === scope.organizationId ? row : undefined
    }
    const buildings = partialPort<BuildingRepository>('buildings', {
      findById: async (scope, id) => inScope(scope, id)?.building ?? null,
      organizationOf: async (id) => rows.get(id)?.building.organizationId ?? null,
      list: async (scope: TenantScope, filter: BuildingFilter, page: PageRequest) => {
        const all = [...rows.values()].filter(
          (r) =>
            r.building.organizationId === scope.organizationId &&
            (filter.ids === undefined || filter.ids.includes(r.building.id)) &&
            (filter.ownedByUserId === undefined || r.ownerUserIds.includes(filter.ownedByUserId)),
        )
        const start = (page.page - 1) * page.perPage
        return { items: all.slice(start, start + page.perPage).map((r) => r.building), total: all.length }
      },
    })
    const expenses = partialPort<ExpenseRepository>('expenses', {
      findById: async (scope, id) => {
        const e = this.expenseRows.get(id)
        return e && e.organizationId === scope.organizationId ? e : null
      },
    })
    const audit = this.audit
    return partialPort<Repositories>('repos', {
      // The assembly's ports are exercised by the route tests (functions/meetings/assembly.test.ts).
      governance: {
        meetings: this.meetings,
        assembly: partialPort<Repositories['governance']['assembly']>('assembly', {
          // No meeting of these tests has a log.
          registers: partialPort<Repositories['governance']['assembly']['registers']>('registers', {
            findFrozen: async () => null,
          }),
        }),
        convocation: partialPort<ConvocationPorts>('convocation', {
          settings: partialPort<ConvocationPorts['settings']>('settings', { find: async () => null }),
        }),
      },
      documents: { documents: this.documents },
      stats: partialPort<Repositories['stats']>('stats', { stats: this.stats }),
      property: partialPort<Repositories['property']>('property', {
        buildings,
        // No owner records here: an owner-role reader sees only documents addressed to nobody.
        owners: partialPort<Repositories['property']['owners']>('owners', { findByUserId: async () => null }),
        // Owners on the meeting day: `ownersPerBuilding` of them, each holding one lot.
        quoteParts: partialPort<Repositories['property']['quoteParts']>('quoteParts', {
          loadBuildingBasis: async (_scope, buildingId) => ({
            totalTantiemes: 1000,
            units: Array.from({ length: this.ownersPerBuilding }, (_, i) => ({
              unitId: `${buildingId}-u${i}`,
              unitNumber: String(i + 1),
              quota: 100,
              owners: [{ ownerId: `${buildingId}-o${i}`, sharePpm: 1_000_000 }],
            })),
          }),
        }),
      }),
      finance: partialPort<Repositories['finance']>('finance', { expenses }),
      audit: { record: async (entry) => void audit.push(entry) },
      outbox: {
        enqueue: async (message) => {
          this.outbox.push(message)
          return this.nextId()
        },
      },
    })
  }

  ctx(actor: Actor): ActorContext {
    const repos = this.repositories()
    return partialPort<ActorContext>('ctx', {
      actor,
      requestId: 'req-test',
      clock: { now: () => this.now },
      ids: { next: () => this.nextId() },
      repos,
      files: this.files,
      transaction: async <T>(work: (r: Repositories) => Promise<Result<T>>): Promise<Result<T>> => {
        this.transactions++
        const meetings = new Map(this.meetings.rows)
        const documents = new Map(this.documents.rows)
        const auditLength = this.audit.length
        const outboxLength = this.outbox.length
        const rollback = () => {
          this.meetings.rows.clear()
          for (const [k, v] of meetings) this.meetings.rows.set(k, v)
          this.documents.rows.clear()
          for (const [k, v] of documents) this.documents.rows.set(k, v)
          this.audit.length = auditLength
          this.outbox.length = outboxLength
        }
        try {
          const result = await work(repos)
          if (!result.ok) rollback()
          return result
        } catch (error) {
          rollback()
          throw error
        }
      },
    })
  }
}

export const FIRST_PAGE = { page: 1, perPage: 20, order: 'asc' } as const
