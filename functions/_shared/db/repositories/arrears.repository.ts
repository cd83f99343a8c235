import type {
  ArrearsBasis,
  ArrearsRepository,
  ArrearsSettings,
  LegalInterestRate,
  ReminderDelivery,
  ReminderKind,
  ReminderStep,
  ReminderWithLines,
} from '@koprogo/domain'
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { uuidv7 } from '../../ids.ts'
import type { Database } from '../client.ts'
import {
  arrearsSettings,
  bankMovements,
  callLines,
  legalInterestRates,
  ownerPayments,
  paymentAllocations,
  reminderLines,
  reminders,
} from '../schema/index.ts'
import { linesWithPaid, toLineWithPaid } from './calls.repository.ts'

/** Arrears (ADR 0039): settings, reminders with their lines, legal rate overrides. */
export function arrearsRepository(db: Database): ArrearsRepository {
  async function withLines(
    scope: { readonly organizationId: string },
    rows: (typeof reminders.$inferSelect)[],
  ): Promise<readonly ReminderWithLines[]> {
    if (rows.length === 0) return []
    const lines = await db
      .select()
      .from(reminderLines)
      .where(
        and(
          eq(reminderLines.organizationId, scope.organizationId),
          inArray(
            reminderLines.reminderId,
            rows.map((r) => r.id),
          ),
        ),
      )
      .orderBy(asc(reminderLines.dueDate), asc(reminderLines.communication))
    return rows.map((r) => ({
      ...r,
      kind: r.kind as ReminderKind,
      delivery: r.delivery as ReminderDelivery,
      lines: lines.filter((l) => l.reminderId === r.id),
    }))
  }

  return {
    async findSettings(scope, buildingId) {
      const [row] = await db
        .select()
        .from(arrearsSettings)
        .where(
          and(
            eq(arrearsSettings.organizationId, scope.organizationId),
            eq(arrearsSettings.buildingId, buildingId),
          ),
        )
        .limit(1)
      return row ? toSettings(row) : null
    },
    async saveSettings(scope, s) {
      const values = {
        steps: s.steps.map((x) => ({ kind: x.kind, days_after_due: x.daysAfterDue })),
        reminderFeeCents: s.reminderFeeCents,
        feeBasis: s.feeBasis,
        feeBasisRef: s.feeBasisRef,
        interestEnabled: s.interestEnabled,
        interestBasis: s.interestBasis,
        interestBasisRef: s.interestBasisRef,
        dailyRun: s.dailyRun,
        regularisationTermDays: s.regularisationTermDays,
      }
      if (s.version === 1) {
        const rows = await db
          .insert(arrearsSettings)
          .values({ id: uuidv7(), organizationId: scope.organizationId, buildingId: s.buildingId, ...values })
          .onConflictDoNothing()
          .returning({ id: arrearsSettings.id })
        return rows.length === 1
      }
      const rows = await db
        .update(arrearsSettings)
        .set({ ...values, version: s.version, updatedAt: new Date() })
        .where(
          and(
            eq(arrearsSettings.organizationId, scope.organizationId),
            eq(arrearsSettings.buildingId, s.buildingId),
            eq(arrearsSettings.version, s.version - 1),
          ),
        )
        .returning({ id: arrearsSettings.id })
      return rows.length === 1
    },
    async buildingLines(scope, buildingId) {
      const rows = await linesWithPaid(
        db,
        and(eq(callLines.organizationId, scope.organizationId), eq(callLines.buildingId, buildingId)),
      ).orderBy(asc(callLines.dueDate), asc(callLines.lineNumber))
      return rows.map(toLineWithPaid)
    },
    async lineAllocations(scope, buildingId) {
      // The bank's value date when the payment came from a bank movement (ADR 0038: the payment
      // itself is dated by the booking date), else the payment date entered by hand.
      return db
        .select({
          lineId: paymentAllocations.lineId,
          date: sql<string>`coalesce(${bankMovements.valueDate}, ${ownerPayments.paymentDate})::text`,
          amountCents: paymentAllocations.amountCents,
        })
        .from(paymentAllocations)
        .innerJoin(
          ownerPayments,
          and(
            eq(ownerPayments.id, paymentAllocations.paymentId),
            eq(ownerPayments.organizationId, paymentAllocations.organizationId),
          ),
        )
        .leftJoin(
          bankMovements,
          and(
            eq(bankMovements.paymentId, ownerPayments.id),
            eq(bankMovements.organizationId, ownerPayments.organizationId),
          ),
        )
        .where(
          and(
            eq(paymentAllocations.organizationId, scope.organizationId),
            eq(ownerPayments.buildingId, buildingId),
          ),
        )
    },
    async sentSteps(scope, buildingId) {
      const rows = await db
        .select({
          lineId: reminderLines.lineId,
          step: reminderLines.step,
          sentOn: reminders.reminderDate,
          interestTo: reminderLines.interestTo,
          interestCents: reminderLines.interestCents,
        })
        .from(reminderLines)
        .innerJoin(
          reminders,
          and(
            eq(reminders.id, reminderLines.reminderId),
            eq(reminders.organizationId, reminderLines.organizationId),
          ),
        )
        .where(
          and(eq(reminderLines.organizationId, scope.organizationId), eq(reminders.buildingId, buildingId)),
        )
      return rows
    },
    async insertReminders(scope, list) {
      if (list.length === 0) return
      await db
        .insert(reminders)
        .values(list.map(({ lines: _lines, ...r }) => ({ ...r, organizationId: scope.organizationId })))
      const lines = list.flatMap((r) => r.lines)
      // Chunked: a parameter list stays under the drivers' limits on a large building.
      for (let i = 0; i < lines.length; i += 500) {
        await db
          .insert(reminderLines)
          .values(lines.slice(i, i + 500).map((l) => ({ ...l, organizationId: scope.organizationId })))
      }
    },
    async listReminders(scope, filter) {
      const rows = await db
        .select()
        .from(reminders)
        .where(
          and(
            eq(reminders.organizationId, scope.organizationId),
            filter.buildingId ? eq(reminders.buildingId, filter.buildingId) : undefined,
            filter.ownerId ? eq(reminders.ownerId, filter.ownerId) : undefined,
          ),
        )
        .orderBy(desc(reminders.reminderDate), desc(reminders.createdAt), asc(reminders.ownerId))
      return withLines(scope, rows)
    },
    async findReminders(scope, ids) {
      if (ids.length === 0) return []
      const rows = await db
        .select()
        .from(reminders)
        .where(and(eq(reminders.organizationId, scope.organizationId), inArray(reminders.id, [...ids])))
      return withLines(scope, rows)
    },
    async setReminderDocument(scope, id, documentId) {
      const rows = await db
        .update(reminders)
        .set({ documentId })
        .where(
          and(
            eq(reminders.organizationId, scope.organizationId),
            eq(reminders.id, id),
            isNull(reminders.documentId),
          ),
        )
        .returning({ id: reminders.id })
      return rows.length === 1
    },
    async markReminderEmailed(scope, id, at) {
      const rows = await db
        .update(reminders)
        .set({ emailedAt: at })
        .where(
          and(
            eq(reminders.organizationId, scope.organizationId),
            eq(reminders.id, id),
            isNull(reminders.emailedAt),
          ),
        )
        .returning({ id: reminders.id })
      return rows.length === 1
    },
    async ownerCharges(scope, ownerId, buildingId) {
      const rows = await db
        .select({
          buildingId: reminders.buildingId,
          cents: sql<number>`sum(${reminders.interestCents} + ${reminders.feeCents})`.mapWith(Number),
        })
        .from(reminders)
        .where(
          and(
            eq(reminders.organizationId, scope.organizationId),
            eq(reminders.ownerId, ownerId),
            buildingId ? eq(reminders.buildingId, buildingId) : undefined,
          ),
        )
        .groupBy(reminders.buildingId)
      return rows.filter((r) => r.cents !== 0)
    },
    async legalRates(scope) {
      const rows = await db
        .select()
        .from(legalInterestRates)
        .where(
          scope
            ? or(
                isNull(legalInterestRates.organizationId),
                eq(legalInterestRates.organizationId, scope.organizationId),
              )
            : isNull(legalInterestRates.organizationId),
        )
      return rows.map(
        (r): LegalInterestRate => ({
          year: r.year,
          rateBp: r.rateBp,
          source: r.source,
          organizationId: r.organizationId,
        }),
      )
    },
    async saveLegalRate(rate) {
      const where = and(
        rate.organizationId === null
          ? isNull(legalInterestRates.organizationId)
          : eq(legalInterestRates.organizationId, rate.organizationId),
        eq(legalInterestRates.year, rate.year),
      )
      const updated = await db
        .update(legalInterestRates)
        .set({ rateBp: rate.rateBp, source: rate.source, updatedAt: new Date() })
        .where(where)
        .returning({ id: legalInterestRates.id })
      if (updated.length > 0) return
      await db.insert(legalInterestRates).values({
        id: uuidv7(),
        organizationId: rate.organizationId,
        year: rate.year,
        rateBp: rate.rateBp,
        source: rate.source,
      })
    },
  }
}

function toSettings(row: typeof arrearsSettings.$inferSelect): ArrearsSettings {
  const steps = (row.steps as { kind: string; days_after_due: number }[]).map(
    (s): ReminderStep => ({ kind: s.kind as ReminderKind, daysAfterDue: s.days_after_due }),
  )
  return {
    organizationId: row.organizationId,
    buildingId: row.buildingId,
    steps,
    reminderFeeCents: row.reminderFeeCents,
    feeBasis: row.feeBasis as ArrearsBasis | null,
    feeBasisRef: row.feeBasisRef,
    interestEnabled: row.interestEnabled,
    interestBasis: row.interestBasis as ArrearsBasis | null,
    interestBasisRef: row.interestBasisRef,
    dailyRun: row.dailyRun,
    regularisationTermDays: row.regularisationTermDays,
    version: row.version,
  }
}
