import { type DomainError, err, PostingRefused, type Result, StoreRefused } from '@koprogo/domain'
import type { Database } from './client.ts'
import { storeRefusalOf } from './store-refusal.ts'
import { writeBatch } from './write-batch.ts'

/** Thrown inside a Drizzle transaction to roll it back while carrying the use case's Err out. */
class RollbackWith {
  readonly result: Result<never>
  constructor(result: Result<never>) {
    this.result = result
  }
}

/**
 * The caller's error carried by a throw, or null for a crash: a posting into a closed fiscal year
 * (ADR 0040), a limit the store checks with the write (StoreRefused, or the database's own
 * refusal of it: store-refusal.ts, ADR 0047). Answered as Err: a 409, not a 500.
 */
function refusalOf(e: unknown): DomainError | null {
  if (e instanceof PostingRefused || e instanceof StoreRefused) return e.domainError
  return storeRefusalOf(e)
}

/**
 * Runs `work` in one database transaction. An Err result rolls back (nothing half-written
 * remains, audit rows included) and is returned as is; a throw rolls back and propagates.
 */
export async function runInTransaction<R, T>(
  db: Database,
  bind: (tx: Database) => R,
  work: (repos: R) => Promise<Result<T>>,
  options: { readonly batched?: boolean } = {},
): Promise<Result<T>> {
  if (options.batched) return runBatched(db, bind, work)
  try {
    return await db.transaction(async (tx) => {
      const result = await work(bind(tx as unknown as Database))
      if (!result.ok) throw new RollbackWith(result)
      return result
    })
  } catch (e) {
    if (e instanceof RollbackWith) return e.result
    const refusal = refusalOf(e)
    if (refusal) return err(refusal)
    throw e
  }
}

/**
 * The same contract, in fewer round trips (write-batch.ts, ADR 0047): deferred writes go as one
 * statement at the end, and BEGIN/COMMIT are sent only if the work needed a transaction.
 */
async function runBatched<R, T>(
  db: Database,
  bind: (tx: Database) => R,
  work: (repos: R) => Promise<Result<T>>,
): Promise<Result<T>> {
  const batch = writeBatch(db)
  let result: Result<T>
  try {
    result = await work(bind(batch.db))
  } catch (e) {
    await batch.rollback(e)
    const refusal = refusalOf(e)
    if (refusal) return err(refusal)
    throw e
  }
  if (!result.ok) {
    await batch.rollback(new RollbackWith(result))
    return result
  }
  try {
    await batch.commit()
  } catch (e) {
    // The limits checked in the batch's statement (the building count, the used tantièmes).
    const refusal = refusalOf(e)
    if (refusal) return err(refusal)
    throw e
  }
  return result
}
