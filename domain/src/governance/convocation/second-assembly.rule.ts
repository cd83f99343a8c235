import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'

/*
 * Civil Code art. 3.87 §5: when the quorum is not reached at the first assembly, a second assembly
 * is held at least fifteen days later; it deliberates whatever the number of owners present or
 * represented and the quote-parts they hold.
 */
export const SECOND_ASSEMBLY_MIN_DAYS = 15
const DAY_MS = 86_400_000

export function checkSecondAssemblyDate(firstDate: Date, secondDate: Date): Result<null> {
  const earliest = new Date(firstDate.getTime() + SECOND_ASSEMBLY_MIN_DAYS * DAY_MS)
  if (secondDate.getTime() < earliest.getTime())
    return err(
      DomainErrors.conflict(
        'second_assembly_too_early',
        `A second assembly is held at least ${SECOND_ASSEMBLY_MIN_DAYS} days after the first (Civil Code art. 3.87 §5); the earliest date is ${earliest.toISOString().slice(0, 10)}`,
        { days: SECOND_ASSEMBLY_MIN_DAYS, earliest: earliest.toISOString().slice(0, 10) },
      ),
    )
  return ok(null)
}
