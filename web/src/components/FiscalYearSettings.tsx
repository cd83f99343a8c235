// The association's fiscal-year start month (GET/PUT /buildings/{id}/ledger/settings): the syndic
// changes it; every book reader sees it. The server refuses (409 fiscal_year_has_postings) once
// posted entries would change year: its `detail`, already translated, is shown as is. Online only
// (ADR 0034): a setting of the books is not queued.
import { INTL_TAG } from '@koprogo/domain/i18n'
import { createEffect, createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { locale, t } from '../lib/i18n'
import { dateTimeFormat } from '../lib/i18n/format'
import { user } from '../lib/session'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

export function FiscalYearSettings(props: { buildingId: string }): JSX.Element {
  const [settings, { mutate }] = createResource(
    () => props.buildingId || null,
    (id) => api.ledgerSettings.get(id),
  )
  const [month, setMonth] = createSignal(1)
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  createEffect(() => {
    const s = settings.state === 'ready' ? settings() : undefined
    if (s) setMonth(s.fiscal_year_start_month)
    setNotice(null)
  })
  const monthName = (m: number) =>
    dateTimeFormat(INTL_TAG[locale()], { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    )
  const writer = () => ['syndic', 'superadmin'].includes(user()?.role ?? '')
  const save = async (e: Event) => {
    e.preventDefault()
    setNotice(null)
    try {
      mutate(await api.ledgerSettings.put(props.buildingId, month()))
      setNotice({ kind: 'success', text: t('common.saved') })
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <section class="card" aria-labelledby="fiscal-year-title" data-testid="fiscal-year-settings">
      <h2 id="fiscal-year-title">{t('ledgerSettings.title')}</h2>
      <Show when={settings.error}>{(err) => <Notice kind="error" message={errorText(err())} />}</Show>
      <form class="filters" onSubmit={save}>
        <label>
          {t('ledgerSettings.month')}
          <select
            value={String(month())}
            disabled={!writer()}
            onChange={(e) => setMonth(Number(e.currentTarget.value))}
          >
            <For each={MONTHS}>
              {(m) => (
                <option value={String(m)} selected={m === month()}>
                  {monthName(m)}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={writer()}>
          <button
            type="submit"
            disabled={!online() || settings.state !== 'ready'}
            aria-describedby={offlineDescribedBy('fiscal-year-offline')}
          >
            {t('common.save')}
          </button>
        </Show>
      </form>
      <Show when={writer()}>
        <p class="muted">{t('ledgerSettings.intro')}</p>
        <NeedsConnection id="fiscal-year-offline" />
      </Show>
      <Show when={notice()}>{(n) => <Notice kind={n().kind} message={n().text} />}</Show>
    </section>
  )
}
