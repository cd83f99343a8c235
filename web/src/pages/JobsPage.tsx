// Superadmin: the job queue (outbox, ADR 0019) — failed jobs with a Retry button, then the jobs
// waiting or running. Read from GET /api/v1/admin/jobs; Retry is POST …/{id}/retry (audited).
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { Notice } from '../components/Notice'
import { NeedsConnection, offlineDescribedBy, online } from '../components/OnlineOnly'
import { Pagination } from '../components/Pagination'
import * as api from '../lib/api'
import { dateTime, t } from '../lib/i18n'
import type { Page } from '../lib/wire-types'

function JobTable(props: {
  page: Page<api.AdminJob> | undefined
  testId: string
  /** The id of the heading that names the table (its scrolling region is labelled by it). */
  labelledBy: string
  onRetry?: (job: api.AdminJob) => void
  busy?: string | null
}): JSX.Element {
  return (
    <Show when={(props.page?.data.length ?? 0) > 0} fallback={<p class="muted">{t('jobs.none')}</p>}>
      {/* Wider than a phone: the region scrolls sideways, so the keyboard must be able to reach it
          even when no row holds a button (axe scrollable-region-focusable). */}
      <section class="table-wrap" tabindex="0" aria-labelledby={props.labelledBy}>
        <table data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col">{t('jobs.kind')}</th>
              <th scope="col">{t('jobs.status')}</th>
              <th scope="col">{t('jobs.organization')}</th>
              <th scope="col">{t('jobs.attempts')}</th>
              <th scope="col">{t('jobs.lastError')}</th>
              <th scope="col">{t('jobs.created')}</th>
              <th scope="col">{t('jobs.due')}</th>
              <Show when={props.onRetry}>
                <th scope="col">
                  <span class="visually-hidden">{t('jobs.retry')}</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.page?.data ?? []}>
              {(job) => (
                <tr data-job-id={job.id}>
                  <td>
                    <code>{job.kind}</code>
                  </td>
                  <td>{t(`jobs.status.${job.status}`)}</td>
                  <td>
                    {job.organization_id ? (
                      <code>{job.organization_id.slice(0, 8)}</code>
                    ) : (
                      t('jobs.platform')
                    )}
                  </td>
                  <td>{job.attempts}</td>
                  <td>{job.last_error ?? ''}</td>
                  <td>{dateTime(job.created_at)}</td>
                  <td>{dateTime(job.run_after)}</td>
                  <Show when={props.onRetry}>
                    {(retry) => (
                      <td class="row-actions">
                        <button
                          type="button"
                          class="small"
                          disabled={props.busy === job.id || !online()}
                          aria-describedby={offlineDescribedBy('jobs-offline')}
                          onClick={() => retry()(job)}
                        >
                          {t('jobs.retry')}
                        </button>
                      </td>
                    )}
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  )
}

export default function JobsPage(): JSX.Element {
  const [failedPage, setFailedPage] = createSignal(1)
  const [failed, { refetch: refetchFailed }] = createResource(failedPage, (p) => api.jobs.list('failed', p))
  // Waiting and running together: few at any time (the runner empties the queue within seconds).
  const [queued, { refetch: refetchQueued }] = createResource(async () => {
    const [pending, running] = await Promise.all([api.jobs.list('pending'), api.jobs.list('running')])
    return { ...pending, data: [...running.data, ...pending.data] }
  })
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = createSignal<string | null>(null)
  const refresh = () => {
    void refetchFailed()
    void refetchQueued()
  }
  const retry = async (job: api.AdminJob) => {
    setBusy(job.id)
    try {
      await api.jobs.retry(job.id)
      setNotice({ kind: 'success', text: t('jobs.retried') })
      refresh()
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : t('common.error') })
    } finally {
      setBusy(null)
    }
  }
  return (
    <div class="dashboard" data-testid="jobs">
      <h1>{t('jobs.title')}</h1>
      <p class="muted">{t('jobs.intro')}</p>
      <div class="actions">
        <button type="button" onClick={refresh}>
          {t('jobs.refresh')}
        </button>
      </div>
      <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
      <section class="card" aria-labelledby="jobs-failed">
        <h2 id="jobs-failed">{t('jobs.failed')}</h2>
        <NeedsConnection id="jobs-offline" />
        <JobTable
          page={failed()}
          testId="jobs-failed"
          labelledBy="jobs-failed"
          onRetry={retry}
          busy={busy()}
        />
        <Pagination info={failed()?.pagination} onPage={setFailedPage} />
      </section>
      <section class="card" aria-labelledby="jobs-queued">
        <h2 id="jobs-queued">{t('jobs.pending')}</h2>
        <JobTable page={queued()} testId="jobs-queued" labelledBy="jobs-queued" />
      </section>
    </div>
  )
}
