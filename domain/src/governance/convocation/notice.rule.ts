import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'

const DAY_MS = 86_400_000

/**
 * Civil Code art. 3.87 §3: "sauf urgence, la convocation est communiquée quinze jours au moins avant
 * la date de l'assemblée", the statutes may set a longer notice. A convocation sent now can only be
 * timely for an assembly at least `noticeDays` full days ahead, so a meeting scheduled (or
 * rescheduled, or convened) closer than that is refused, naming the earliest lawful instant.
 * Full 24-hour periods, as in convocation.policy.ts (the conservative count across DST).
 */
export function checkNotice(scheduledDate: Date, now: Date, noticeDays: number): Result<null> {
  const earliest = new Date(now.getTime() + noticeDays * DAY_MS)
  if (scheduledDate.getTime() < earliest.getTime()) {
    return err(
      DomainErrors.conflict(
        'convocation_notice_too_short',
        `The assembly must be convened at least ${noticeDays} days ahead (Civil Code art. 3.87 §3); the earliest date is ${earliest.toISOString().slice(0, 10)}`,
        { days: noticeDays, earliest: earliest.toISOString().slice(0, 10) },
      ),
    )
  }
  return ok(null)
}
