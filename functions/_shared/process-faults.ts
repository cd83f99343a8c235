import { driverMessage, isDatabaseUnavailable } from './db/unavailable.ts'
import type { Logger } from './logger.ts'

export type FaultKind = 'uncaughtException' | 'unhandledRejection'

/**
 * What the Node entry does with an error no request caught. A lost database connection is an
 * outage, not a bug: the drivers' listeners (db/client.ts) should already catch it, and if one
 * slips through (a driver emitting on an object we do not listen to) the process keeps serving —
 * requests answer 503 and the pool reconnects. Anything else is a bug whose state we cannot
 * trust: it is logged through the logger (with its stack) and the process exits 1, as Node
 * would, for the supervisor (systemd, Docker `restart:`) to restart it. Nothing is masked.
 */
export function processFaultHandler(logger: Logger, exit: (code: number) => void) {
  return (kind: FaultKind, error: unknown): void => {
    if (isDatabaseUnavailable(error)) {
      logger.warn('database connection lost outside a request; still serving', {
        fault: kind,
        error: driverMessage(error),
      })
      return
    }
    logger.error('fatal: unexpected error outside a request; exiting', {
      fault: kind,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    exit(1)
  }
}

export function installProcessFaultHandlers(logger: Logger): void {
  const handle = processFaultHandler(logger, (code) => process.exit(code))
  process.on('uncaughtException', (error) => handle('uncaughtException', error))
  process.on('unhandledRejection', (reason) => handle('unhandledRejection', reason))
}
