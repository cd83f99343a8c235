// Shapes stored in the per-user IndexedDB and the sync engine's public status.
import type { FieldError } from '../api-error'

export type OutboxMethod = 'POST' | 'PUT' | 'DELETE'

export interface OutboxEntry {
  id: string
  /** Insertion order; replay follows it strictly. */
  seq: number
  /** Same key on every attempt: the server creates nothing twice. */
  idempotencyKey: string
  method: OutboxMethod
  /** API path without /api/v1, e.g. /buildings or /units/<id>. May hold temp ids until replay. */
  path: string
  body: Record<string, unknown>
  /** Row version the edit was based on (sent as If-Match). */
  baseVersion?: number
  /** For creates made offline: the temporary id (tmp-<uuid>) shown until the server's id is known. */
  tempId?: string
  /** An edit's fields as the user saw them before changing them: a 409 is merged against it. */
  base?: Record<string, unknown>
  /** The row's name for people ("Résidence Soleil"), shown in conflicts and on sign-out. */
  label?: string
  /** An action on a row (/expenses/<id>/mark-paid): the row's id, and what it shows meanwhile. */
  target?: string
  patch?: Record<string, unknown>
  /** 409s merged automatically so far: a row that keeps changing becomes a conflict. */
  merges?: number
  createdAt: number
  status: 'pending' | 'failed'
  lastError?: { status: number; title: string; detail?: string; errors?: FieldError[] }
}

/** A queued edit refused with 409: both sides kept until the user picks one. */
export interface ConflictRecord {
  id: string
  path: string
  mine: Record<string, unknown>
  server: Record<string, unknown>
  /** Mine as the user saw it before editing (absent in records made before merging existed). */
  base?: Record<string, unknown>
  /** The fields both sides changed: the only ones the user has to decide. */
  fields?: string[]
  label?: string
  baseVersion?: number
  createdAt: number
}

export interface CacheRecord {
  key: string
  data: unknown
  storedAt: number
}

export interface SyncStatus {
  online: boolean
  syncing: boolean
  pending: number
  failed: number
  conflicts: number
  lastSync: number | null
  lastError: string | null
  /** Bumped on every change of the outbox or cache, so views know to re-read. */
  revision: number
}

/** What the engine needs from the API layer (api.ts provides it; tests pass a fake server). */
export interface SyncTransport {
  send(req: {
    method: OutboxMethod
    path: string
    body: Record<string, unknown>
    idempotencyKey: string
    ifMatch?: number
  }): Promise<unknown>
  get(path: string): Promise<unknown>
  /** A cheap request telling whether the server answers (GET /health). */
  probe?(): Promise<unknown>
}

export const TEMP_ID_PREFIX = 'tmp-'
export const isTempId = (v: unknown): v is string => typeof v === 'string' && v.startsWith(TEMP_ID_PREFIX)

/** One act of a meeting's log on this device; `synced` once the server stored it (ADR 0033). */
export interface MeetingActRecord {
  meetingId: string
  seq: number
  /** The act exactly as hashed: { seq, kind, payload, at, prevHash, hash }. */
  act: { seq: number; kind: string; payload: unknown; at: string; prevHash: string; hash: string }
  synced: boolean
}
