// "PDF / CSV" on an expense: asks the server to render the distribution (a job, ADR 0024), polls
// the two documents until they exist, then offers to open the PDF and download the CSV.
import { createSignal, type JSX, onCleanup, Show } from 'solid-js'
import * as api from '../lib/api'
import { ApiError } from '../lib/api'
import { locale, t } from '../lib/i18n'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

const POLL_MS = 1000
const POLL_TRIES = 60

type Ready = { pdf: string; csv: string }

export function DistributionDocuments(props: { expenseId: string }): JSX.Element {
  const [state, setState] = createSignal<'idle' | 'pending' | 'ready' | 'timeout'>('idle')
  const [ready, setReady] = createSignal<Ready | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  let stopped = false
  onCleanup(() => {
    stopped = true
  })

  /** 404 until the job has stored the document; any other error is shown. */
  const exists = async (id: string) => {
    try {
      await api.documents.get(id)
      return true
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return false
      throw e
    }
  }

  const generate = async () => {
    setError(null)
    setState('pending')
    try {
      const accepted = await api.expenses.distributionDocuments(props.expenseId, locale())
      const pdf = accepted.documents.find((d) => d.format === 'pdf')?.id ?? ''
      const csv = accepted.documents.find((d) => d.format === 'csv')?.id ?? ''
      for (let i = 0; i < POLL_TRIES && !stopped; i++) {
        if ((await exists(pdf)) && (await exists(csv))) {
          setReady({ pdf, csv })
          setState('ready')
          return
        }
        await new Promise((r) => setTimeout(r, POLL_MS))
      }
      setState('timeout')
    } catch (e) {
      setState('idle')
      setError(e instanceof Error ? e.message : t('common.error'))
    }
  }

  const open = async (id: string, asDownload: boolean) => {
    try {
      const { blob, fileName } = await api.documents.download(id)
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      if (asDownload) a.download = fileName
      else a.target = '_blank'
      a.rel = 'noopener'
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (e) {
      setError(e instanceof Error ? e.message : t('common.error'))
    }
  }

  return (
    <span class="distribution-documents" data-testid="distribution-documents">
      <Show when={state() === 'idle' || state() === 'timeout'}>
        <button
          type="button"
          class="small"
          title={t('distdoc.generateTitle')}
          disabled={!online()}
          aria-describedby={offlineDescribedBy(`distdoc-offline-${props.expenseId}`)}
          onClick={() => void generate()}
        >
          {t('distdoc.generate')}
        </button>
        <NeedsConnection id={`distdoc-offline-${props.expenseId}`} />
      </Show>
      <Show when={state() === 'pending'}>
        <span role="status">{t('distdoc.pending')}</span>
      </Show>
      <Show when={state() === 'timeout'}>
        <span role="status">{t('distdoc.timeout')}</span>
      </Show>
      <Show when={ready()}>
        {(r) => (
          <span role="status">
            {t('distdoc.ready')}{' '}
            <button type="button" class="small" onClick={() => void open(r().pdf, false)}>
              {t('distdoc.pdf')}
            </button>{' '}
            <button type="button" class="small" onClick={() => void open(r().csv, true)}>
              {t('distdoc.csv')}
            </button>
          </span>
        )}
      </Show>
      <Show when={error()}>
        <span role="alert">{error()}</span>
      </Show>
    </span>
  )
}
