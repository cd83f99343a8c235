// One IndexedDB per signed-in user ("koprogo-<userId>") so two accounts on one device never see
// each other's cached rows or queued writes; logout deletes it.
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb'
import type { CacheRecord, ConflictRecord, MeetingActRecord, OutboxEntry } from './types'

export interface OfflineSchema extends DBSchema {
  cache: { key: string; value: CacheRecord }
  outbox: { key: string; value: OutboxEntry; indexes: { bySeq: number } }
  conflicts: { key: string; value: ConflictRecord }
  meta: { key: string; value: { key: string; value: unknown } }
  /** A general assembly's hash-chained log as recorded on this device (ADR 0033): the acts are
   * the truth in the room, not requests to replay, so they live beside the outbox, not in it. */
  meeting_acts: { key: [string, number]; value: MeetingActRecord; indexes: { byMeeting: string } }
}

export type OfflineDb = IDBPDatabase<OfflineSchema>

export const offlineDbName = (userId: string) => `koprogo-${userId}`

/** Version 2 added meeting_acts; a device still on version 1 keeps its cache and outbox. */
export const OFFLINE_DB_VERSION = 2

export function openOfflineDb(userId: string, onBlocking?: () => void): Promise<OfflineDb> {
  return openDB<OfflineSchema>(offlineDbName(userId), OFFLINE_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('cache', { keyPath: 'key' })
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('bySeq', 'seq')
        db.createObjectStore('conflicts', { keyPath: 'id' })
        db.createObjectStore('meta', { keyPath: 'key' })
      }
      if (oldVersion < 2) {
        db.createObjectStore('meeting_acts', { keyPath: ['meetingId', 'seq'] }).createIndex(
          'byMeeting',
          'meetingId',
        )
      }
    },
    // Another connection wants to delete or upgrade the database (sign-out): let it.
    ...(onBlocking ? { blocking: onBlocking } : {}),
  })
}

export function deleteOfflineDb(userId: string): Promise<void> {
  return deleteDB(offlineDbName(userId))
}
