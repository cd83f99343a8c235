/**
 * The jobs Worker in workerd: its Cron Trigger (the `scheduled` handler) runs a due outbox job with
 * the same runner and handlers as Node (TEST_JOB_KINDS's `test.effect`: an audit row committed
 * with "done"). The job is queued straight into the database, as a use case's transaction would.
 */
import type { Miniflare } from 'miniflare'
import { createDatabase } from '../../functions/_shared/db/client.ts'
import { bindRepositories } from '../../functions/_shared/db/repositories/index.ts'
import { workerName } from '../../functions/_shared/edge/names.ts'
import { TEST_EFFECT } from '../../functions/_shared/jobs/test-kinds.ts'
import { JOBS, JOBS_CRON } from '../edge/workers.ts'
import type { Step } from './checks.ts'

type Scheduler = { scheduled(options: { cron: string }): Promise<unknown> }

export async function checkCronJobs(mf: Miniflare, databaseUrl: string, step: Step): Promise<void> {
  await step("the jobs Worker's Cron Trigger runs a due outbox job once (scheduled handler)", async () => {
    const db = await createDatabase({ url: databaseUrl, driver: 'pg', poolMax: 1, tenantGuard: false })
    try {
      const id = await bindRepositories(db.db).outbox.enqueue({
        kind: TEST_EFFECT,
        organizationId: null,
        payload: {},
      })
      // Miniflare's Fetcher has scheduled() (its README); the bundled types lose it.
      const worker = (await mf.getWorker(workerName(JOBS))) as unknown as Scheduler
      await worker.scheduled({ cron: JOBS_CRON })
      const read = async () =>
        (
          (await db.db.execute(
            `select status, (select count(*)::int from audit_log where action = 'test.job-effect' and entity_id = '${id}') as effects from outbox where id = '${id}'`,
          )) as unknown as { rows: { status: string; effects: number }[] }
        ).rows[0]
      let row = await read()
      // waitUntil may outlive the event's dispatch: give it a moment.
      for (let i = 0; i < 50 && row?.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 100))
        row = await read()
      }
      if (row?.status !== 'done' || row.effects !== 1)
        throw new Error(`job ${id}: ${JSON.stringify(row)} (expected done with 1 effect)`)
      await worker.scheduled({ cron: JOBS_CRON })
      const again = await read()
      if (again?.effects !== 1) throw new Error(`a second trigger repeated the job: ${JSON.stringify(again)}`)
    } finally {
      await db.close()
    }
  })
}
