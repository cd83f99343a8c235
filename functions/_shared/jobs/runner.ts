import { sql } from 'drizzle-orm'
import { uuidv7 } from '../ids.ts'
import type { Runtime } from '../runtime.ts'
import { retryDelayMs } from './backoff.ts'
import { jobHandlers } from './handlers.ts'
import type { Job, JobHandler } from './job-handler.ts'

type ClaimedRow = {
  id: string
  kind: string
  organization_id: string | null
  payload: Record<string, unknown>
  attempts: number
}

export type RunOptions = {
  /** Most jobs claimed at once (default 20); they are done one after the other. */
  limit?: number
  /** The kinds this run knows (default: the registry, handlers.ts). Only those are claimed. */
  handlers?: Readonly<Record<string, JobHandler>>
  /** Aborted: the jobs claimed but not started yet are handed back (pending) before returning. */
  signal?: AbortSignal
  /** Names the runner in `locked_by` (e.g. `node-1234`, `cron`), for the operator. */
  runnerId?: string
}

const LAST_ERROR_MAX = 2000

function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX)}…` : text
}

/**
 * Claims up to `limit` due outbox rows and does them one by one; returns how many were claimed
 * (ADR 0019). Due = pending with `run_after` passed, or running with an expired lease (its runner
 * died mid-job). Claiming is one statement, FOR UPDATE SKIP LOCKED, so concurrent runners never
 * take the same row; each claim writes a fresh token in `locked_by` and every later write of the
 * row is guarded by it, so a runner that lost its lease cannot clobber the new holder's outcome.
 * Only kinds this run has a handler for are claimed: a runner of an older version leaves a new
 * kind to the runners that know it (the row stays pending, visible on the Jobs page).
 */
export async function runDueJobs(runtime: Runtime, options: RunOptions = {}): Promise<number> {
  const handlers = options.handlers ?? jobHandlers
  const kinds = Object.keys(handlers)
  if (kinds.length === 0) return 0
  const { env, logger } = runtime
  const db = runtime.database.db
  const claim = `${options.runnerId ?? 'runner'}/${uuidv7()}`
  const lease = env.JOB_LEASE_SECONDS
  const claimed = (await db.execute(sql`
    with due as (
      select id from outbox
      where kind in ${kinds}
        and ((status = 'pending' and run_after <= now()) or (status = 'running' and locked_until < now()))
      order by run_after, id limit ${options.limit ?? 20}
      for update skip locked)
    update outbox o set status = 'running', attempts = o.attempts + 1, locked_by = ${claim},
      locked_until = now() + ${lease}::int * interval '1 second'
    from due where o.id = due.id
    returning o.id, o.kind, o.organization_id, o.payload, o.attempts`)) as unknown as { rows: ClaimedRow[] }
  const rows = [...claimed.rows].sort((a, b) => (a.id < b.id ? -1 : 1))

  for (const [index, row] of rows.entries()) {
    if (options.signal?.aborted) {
      await release(
        runtime,
        claim,
        rows.slice(index).map((r) => r.id),
      )
      break
    }
    const job: Job = {
      id: row.id,
      kind: row.kind,
      organizationId: row.organization_id,
      payload: row.payload,
      attempt: row.attempts,
      claim,
    }
    if (row.attempts > env.JOB_MAX_ATTEMPTS) {
      // Its last try's runner died mid-job (the lease expired): that was the last try.
      await finish(
        runtime,
        job,
        'failed',
        'lease expired during the last try (runner stopped or killed mid-job)',
      )
      continue
    }
    const renew = setInterval(
      () => {
        db.execute(sql`update outbox set locked_until = now() + ${lease}::int * interval '1 second'
          where id = ${job.id} and locked_by = ${claim} and status = 'running'`).catch((e: unknown) =>
          logger.warn('job lease renewal failed', { job: job.id, error: errorText(e) }),
        )
      },
      Math.max(250, (lease * 1000) / 3),
    )
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const handler = handlers[job.kind]
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      // A hung handler would hold the whole loop: after JOB_TIMEOUT_SECONDS the try counts as failed.
      // Its work goes on (a promise cannot be stopped) but its claim is gone, so it cannot mark it done.
      await Promise.race([
        handler(job, runtime),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`job timed out after ${env.JOB_TIMEOUT_SECONDS} s`)),
            env.JOB_TIMEOUT_SECONDS * 1000,
          )
        }),
      ])
      clearTimeout(timer)
      clearInterval(renew)
      await finish(runtime, job, 'done')
    } catch (e) {
      clearTimeout(timer)
      clearInterval(renew)
      const last = job.attempt >= env.JOB_MAX_ATTEMPTS
      const error = errorText(e)
      ;(last ? logger.error : logger.warn)(last ? 'job dead-lettered' : 'job failed, will retry', {
        job: job.id,
        kind: job.kind,
        attempt: job.attempt,
        error,
      })
      await finish(runtime, job, last ? 'failed' : 'retry', error)
    }
  }
  return rows.length
}

/** Writes a try's outcome, only while the claim is still this run's (else another run holds it). */
async function finish(
  runtime: Runtime,
  job: Job,
  outcome: 'done' | 'retry' | 'failed',
  error?: string,
): Promise<void> {
  const { env } = runtime
  const mine = sql`id = ${job.id} and locked_by = ${job.claim ?? ''} and status = 'running'`
  const set =
    outcome === 'done'
      ? sql`status = 'done', done_at = now()`
      : outcome === 'failed'
        ? sql`status = 'failed', attempts = least(attempts, ${env.JOB_MAX_ATTEMPTS}::int), last_error = ${error ?? null}`
        : sql`status = 'pending', last_error = ${error ?? null},
            run_after = now() + ${retryDelayMs(job.attempt, {
              baseSeconds: env.JOB_RETRY_BASE_SECONDS,
              maxSeconds: env.JOB_RETRY_MAX_SECONDS,
            })}::int * interval '1 millisecond'`
  await runtime.database.db.execute(sql`update outbox set ${set}, locked_until = null where ${mine}`)
}

/** Hands claimed-but-unstarted jobs back: pending again, the try not counted. */
async function release(runtime: Runtime, claim: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await runtime.database.db.execute(sql`update outbox
    set status = 'pending', attempts = attempts - 1, locked_by = null, locked_until = null
    where id in ${ids} and locked_by = ${claim} and status = 'running'`)
}

/** Releases every job a stopping runner still holds under `claimPrefix` (shutdown). */
export async function releaseClaims(runtime: Runtime, runnerId: string): Promise<number> {
  const released = (await runtime.database.db.execute(sql`update outbox
    set status = 'pending', attempts = greatest(attempts - 1, 0), locked_by = null, locked_until = null
    where status = 'running' and locked_by like ${`${runnerId}/%`} returning id`)) as unknown as {
    rows: unknown[]
  }
  return released.rows.length
}
