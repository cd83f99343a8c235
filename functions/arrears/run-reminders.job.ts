import { type Actor, RUN_REMINDERS_JOB, runReminders } from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'

/** The next morning, 05:00 UTC (06:00 or 07:00 in Brussels): letters are ready by office hours. */
export function nextMorning(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 5))
  return next
}

/**
 * RUN_REMINDERS_JOB: the daily run of one building's ladder (ADR 0039), as the syndic who turned
 * the daily run on (the letters' documents name them). While the setting stays on, it enqueues
 * tomorrow's run; turned off, or the syndic no longer active in the organization, the chain
 * stops. A run is idempotent for a day (no step twice), so a duplicated job sends nothing more.
 */
export const runRemindersJob: JobHandler = async (job, runtime) => {
  const { buildingId, userId } = job.payload as { buildingId?: string; userId?: string }
  if (!job.organizationId || typeof buildingId !== 'string' || typeof userId !== 'string') return
  const scope = { organizationId: job.organizationId }
  const repos = bindRepositories(runtime.database.db)
  const settings = await repos.finance.arrears.findSettings(scope, buildingId)
  const user = await repos.identity.users.findById(userId)
  if (!settings?.dailyRun || !user?.isActive || !['syndic', 'superadmin'].includes(user.role)) {
    runtime.logger.info('daily reminders stopped', { jobId: job.id, buildingId })
    return
  }
  if (user.role !== 'superadmin' && user.organizationId !== job.organizationId) return
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
  }
  const ctx = { ...useCaseContextFor(runtime, `job:${job.id}`), actor }
  const result = await runReminders({ ctx, input: { buildingId } })
  if (!result.ok) throw new Error(`${job.kind} ${job.id}: ${result.error.kind}: ${result.error.message}`)
  await repos.outbox.enqueue({
    kind: RUN_REMINDERS_JOB,
    organizationId: job.organizationId,
    payload: { buildingId, userId },
    runAfter: nextMorning(new Date()),
  })
  runtime.logger.info('daily reminders run', {
    jobId: job.id,
    buildingId,
    reminders: result.value.reminders.length,
  })
}
