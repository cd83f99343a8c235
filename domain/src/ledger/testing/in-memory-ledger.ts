import type { TenantScope } from '../../property/index.ts'
import type { BalancedEntry, Entry } from '../entry.ts'
import { fiscalYearOf } from '../fiscal-year.ts'
import type { LedgerRepository } from '../ledger.ports.ts'
import type { ChargeAccountTotal, ChargeTotalsReader, ReportPeriod } from '../pcn-report.ts'
import { trialBalanceOfLines } from '../trial-balance.ts'

/** The books in memory, append-only like the tables: for domain tests. */
export class InMemoryLedger implements LedgerRepository, ChargeTotalsReader {
  readonly entries: Entry[] = []
  readonly startMonths = new Map<string, number>()
  private seq = 0

  async insert(scope: TenantScope, entry: BalancedEntry): Promise<Entry> {
    this.seq += 1
    const stored: Entry = {
      ...entry,
      id: `entry-${String(this.seq).padStart(5, '0')}`,
      organizationId: scope.organizationId,
      createdAt: new Date(0),
    }
    this.entries.push(stored)
    return stored
  }

  private of(scope: TenantScope, buildingId: string): Entry[] {
    return this.entries.filter(
      (e) => e.organizationId === scope.organizationId && e.buildingId === buildingId,
    )
  }

  async findBySource(scope: TenantScope, buildingId: string, source: { kind: string; id: string }) {
    return this.of(scope, buildingId).filter(
      (e) => e.source.kind === source.kind && e.source.id === source.id,
    )
  }

  async fiscalYearStartMonth(_scope: TenantScope, buildingId: string) {
    return this.startMonths.get(buildingId) ?? 1
  }

  async setFiscalYearStartMonth(_scope: TenantScope, buildingId: string, month: number) {
    this.startMonths.set(buildingId, month)
  }

  async entriesMovedBy(scope: TenantScope, buildingId: string, month: number) {
    return this.of(scope, buildingId).filter((e) => fiscalYearOf(e.date, month) !== e.fiscalYear).length
  }

  async accountTotals(scope: TenantScope, buildingId: string, fiscalYear: number) {
    const lines = this.of(scope, buildingId)
      .filter((e) => e.fiscalYear === fiscalYear)
      .flatMap((e) => e.lines)
    return trialBalanceOfLines(lines).rows.map((r) => ({
      account: r.account,
      debitCents: r.debitCents,
      creditCents: r.creditCents,
    }))
  }

  async chargeTotals(scope: TenantScope, buildingId: string, period: ReportPeriod) {
    const totals = new Map<string, { debitCents: number; creditCents: number; entries: Set<string> }>()
    for (const e of this.of(scope, buildingId)) {
      if ((period.from && e.date < period.from) || (period.to && e.date > period.to)) continue
      for (const l of e.lines.filter((x) => x.account.startsWith('6'))) {
        const t = totals.get(l.account) ?? { debitCents: 0, creditCents: 0, entries: new Set<string>() }
        t.debitCents += l.debitCents
        t.creditCents += l.creditCents
        t.entries.add(e.id)
        totals.set(l.account, t)
      }
    }
    return [...totals].map(
      ([account, t]): ChargeAccountTotal => ({
        account,
        debitCents: t.debitCents,
        creditCents: t.creditCents,
        entryCount: t.entries.size,
      }),
    )
  }

  async accountLines(scope: TenantScope, buildingId: string, fiscalYear: number, account: string) {
    return this.of(scope, buildingId)
      .filter((e) => e.fiscalYear === fiscalYear)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
      .flatMap((e) =>
        e.lines
          .filter((l) => l.account === account)
          .map((l) => ({
            ...l,
            entryId: e.id,
            date: e.date,
            journal: e.journal,
            label: e.label,
            reversesEntryId: e.reversesEntryId,
          })),
      )
  }

  async listEntries(
    scope: TenantScope,
    buildingId: string,
    filter: { fiscalYear?: number | undefined; journal?: string | undefined },
    page: { page: number; perPage: number },
  ) {
    const all = this.of(scope, buildingId)
      .filter((e) => filter.fiscalYear === undefined || e.fiscalYear === filter.fiscalYear)
      .filter((e) => filter.journal === undefined || e.journal === filter.journal)
      .sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : a.id > b.id ? -1 : 1))
    const start = (page.page - 1) * page.perPage
    return { items: all.slice(start, start + page.perPage), total: all.length }
  }

  async ownerBalance(scope: TenantScope, buildingId: string, ownerId: string) {
    return this.of(scope, buildingId)
      .flatMap((e) => e.lines)
      .filter((l) => l.account === '410' && l.ownerId === ownerId)
      .reduce((s, l) => s + l.debitCents - l.creditCents, 0)
  }
}
