/** One append-only record per mutation, written in the same transaction as the change. */
export type AuditEntry = {
  readonly organizationId: string | null
  readonly actorUserId: string | null
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly requestId: string
  readonly details?: Record<string, unknown>
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}
