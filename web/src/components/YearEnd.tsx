// The Books page's year-end section (ADR 0040): the owners' statements of the chosen fiscal year
// (a preview while it is open, the stored ones with their PDFs once closed), the annual accounts,
// and — for the syndic — the close, after a confirmation (a closed year is never reopened).
// Online only: the close is the server's and cannot be queued; the annual accounts PDF (ADR 0042)
// is rendered by the server in the reader's language, so it is disabled offline too.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, locale, money, t } from '../lib/i18n'
import { user } from '../lib/session'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

type Flash = { kind: 'success' | 'error'; text: string } | null

async function openDocument(id: string, setNotice: (n: Flash) => void) {
  try {
    const { blob } = await api.documents.download(id)
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.target = '_blank'
    a.rel = 'noopener'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (e) {
    setNotice({ kind: 'error', text: errorText(e) })
  }
}

type Lang = 'fr' | 'nl' | 'de' | 'en'

async function downloadAccounts(buildingId: string, year: number, setNotice: (n: Flash) => void) {
  const lang: Lang = (['fr', 'nl', 'de', 'en'] as const).find((l) => l === locale()) ?? 'en'
  try {
    const { blob, fileName } = await api.closing.accountsPdf(buildingId, year, lang)
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (e) {
    setNotice({ kind: 'error', text: errorText(e) })
  }
}

export function YearEnd(props: { buildingId: string; year: number }): JSX.Element {
  const [notice, setNotice] = createSignal<Flash>(null)
  const key = () => ({ b: props.buildingId, y: props.year })
  const [statements, { refetch: refetchStatements }] = createResource(key, ({ b, y }) =>
    api.closing.statements(b, y),
  )
  const [accounts, { refetch: refetchAccounts }] = createResource(key, ({ b, y }) =>
    api.closing.accounts(b, y),
  )
  const mayClose = () => ['syndic', 'superadmin'].includes(user()?.role ?? '')
  const close = async () => {
    if (!window.confirm(t('yearEnd.confirm', { year: props.year }))) return
    try {
      await api.closing.close(props.buildingId, props.year)
      setNotice({ kind: 'success', text: t('yearEnd.closedNow') })
      await Promise.all([refetchStatements(), refetchAccounts()])
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
    }
  }
  return (
    <section class="card" aria-labelledby="ye-title" data-testid="year-end">
      <h2 id="ye-title">{t('yearEnd.title')}</h2>
      <Show when={notice()}>{(n) => <Notice kind={n().kind} message={n().text} />}</Show>
      <Show when={statements.error ?? accounts.error}>
        {(e) => <Notice kind="error" message={errorText(e())} />}
      </Show>
      <Show
        when={statements()?.closing}
        fallback={
          <>
            <p class="muted">{t('yearEnd.open')}</p>
            <Show when={mayClose()}>
              <button
                type="button"
                data-testid="close-year"
                disabled={!online()}
                aria-describedby={offlineDescribedBy('ye-offline')}
                onClick={close}
              >
                {t('yearEnd.close')}
              </button>
              <NeedsConnection id="ye-offline" />
            </Show>
          </>
        }
      >
        {(c) => <p data-testid="year-closed">{t('yearEnd.closed', { date: date(c().closed_at) })}</p>}
      </Show>
      <section class="table-wrap" tabindex="0" aria-labelledby="ye-title">
        <table data-testid="statements">
          <thead>
            <tr>
              <th scope="col">{t('yearEnd.owner')}</th>
              <th scope="col">{t('yearEnd.charges')}</th>
              <th scope="col">{t('yearEnd.provisions')}</th>
              <th scope="col">{t('yearEnd.regularisation')}</th>
              <th scope="col">{t('yearEnd.delivery')}</th>
              <th scope="col">{t('yearEnd.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={statements()?.data ?? []}>
              {(s) => (
                <tr>
                  <td>{s.owner_name}</td>
                  <td class="num">{money(s.charges_cents)}</td>
                  <td class="num">{money(s.provisions_cents)}</td>
                  <td class="num" data-testid="regularisation">
                    {money(s.regularisation_cents)}
                  </td>
                  <td>{s.delivery}</td>
                  <td>
                    <Show when={s.document_id}>
                      {(id) => (
                        <button type="button" class="link" onClick={() => openDocument(id(), setNotice)}>
                          {t('yearEnd.pdf')}
                        </button>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
      <Show when={accounts()}>
        {(a) => (
          <>
            <h3>{t('yearEnd.accounts')}</h3>
            <p>
              <button
                type="button"
                data-testid="accounts-pdf"
                disabled={!online()}
                aria-describedby={offlineDescribedBy('ye-accounts-offline')}
                onClick={() => downloadAccounts(props.buildingId, props.year, setNotice)}
              >
                {t('yearEnd.accountsPdf')}
              </button>
            </p>
            <NeedsConnection id="ye-accounts-offline" message={t('yearEnd.accountsPdfOffline')} />
            <p data-testid="accounts-result">
              {t('yearEnd.income')} {money(a().total_income_cents)} · {t('yearEnd.chargesTotal')}{' '}
              {money(a().total_charges_cents)} · {t('yearEnd.result')} {money(a().result_cents)}
            </p>
            <section class="table-wrap" tabindex="0" aria-label={t('yearEnd.accounts')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('yearEnd.category')}</th>
                    <th scope="col">{t('yearEnd.budget')}</th>
                    <th scope="col">{t('yearEnd.actual')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={a().by_category}>
                    {(c) => (
                      <tr>
                        <td>{c.category}</td>
                        <td class="num">{money(c.budget_cents)}</td>
                        <td class="num">{money(c.actual_cents)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
            <p>
              {t('yearEnd.reserve', {
                called: money(a().reserve_fund.called_cents),
                received: money(a().reserve_fund.received_cents),
                balance: money(a().reserve_fund.bank_balance_cents),
              })}
            </p>
          </>
        )}
      </Show>
    </section>
  )
}
