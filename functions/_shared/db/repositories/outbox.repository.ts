import type { Outbox } from '@koprogo/domain'
import { uuidv7Generator } from '../../ids.ts'
import { signalEnqueued } from '../../jobs/enqueue-signal.ts'
import type { Database } from '../client.ts'
import { outbox } from '../schema/index.ts'

/** Bound to the transaction's handle, so the message commits or rolls back with the change. */
export function outboxRepository(db: Database): Outbox {
  return {
    async enqueue(message) {
      const id = uuidv7Generator.next()
      await db.insert(outbox).values({
        id,
        organizationId: message.organizationId,
        kind: message.kind,
        payload: message.payload,
        ...(message.runAfter ? { runAfter: message.runAfter } : {}),
      })
      signalEnqueued()
      return id
    },
  }
}
