export { deleteOfflineDb, offlineDbName } from './db'
export {
  type ReadResult,
  type ReplayReport,
  SyncEngine,
  type WriteRequest,
  type WriteResult,
} from './sync-engine'
export type { ConflictRecord, OutboxEntry, SyncStatus, SyncTransport } from './types'
export { isTempId } from './types'
