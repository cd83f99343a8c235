// One IndexedDB per signed-in user ("koprogo-<userId>") so two accounts on one device never see
// each other's cached rows or queued writes; logout deletes it.
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb'
import type { CacheRecord, ConflictRecord, OutboxEntry } from './types'

export interface OfflineSchema extends DBSchema {
  cache: { key: string; value: CacheRecord }
  outbox: { key: string; value: OutboxEntry; indexes: { bySeq: number } }
  conflicts: { key: string; value: ConflictRecord }
  meta: { key: string; value: { key: string; value: unknown } }
}

export type OfflineDb = IDBPDatabase<OfflineSchema>

export const offlineDbName = (userId: string) => `koprogo-${userId}`

export function openOfflineDb(userId: string): Promise<OfflineDb> {
  return openDB<OfflineSchema>(offlineDbName(userId), 1, {
    upgrade(db) {
      db.createObjectStore('cache', { keyPath: 'key' })
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('bySeq', 'seq')
      db.createObjectStore('conflicts', { keyPath: 'id' })
      db.createObjectStore('meta', { keyPath: 'key' })
    },
  })
}

export function deleteOfflineDb(userId: string): Promise<void> {
  return deleteDB(offlineDbName(userId))
}
