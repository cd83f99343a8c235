import { DomainErrors } from './domain-error.ts'
import { err, ok, type Result } from './result.ts'

/**
 * Optimistic concurrency. `expected` comes from If-Match or the body's `version`; v1 clients send
 * neither, and then the write applies to whatever is current (their old behaviour). The
 * repository's conditional update closes the window between this check and the write.
 */
export function checkVersion(entity: string, current: number, expected: number | undefined): Result<null> {
  if (expected !== undefined && expected !== current)
    return err(DomainErrors.versionConflict(entity, current))
  return ok(null)
}
