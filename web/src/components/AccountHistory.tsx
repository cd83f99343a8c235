// An owner's account history a page at a time (ADR 0048): the entries the API returns newest
// first with their running balance, then "Show more" for the next page. Used by the owner portal
// (OwnerMoney) and the syndic's owner page. Pages already read are cached by the API layer, so
// they stay readable offline; a page never read offline says so instead of failing the section.
import { createSignal, For, type JSX, Show } from 'solid-js'
import type * as api from '../lib/api'
import { date, money, t } from '../lib/i18n'

export type BuildingAccount = Awaited<ReturnType<typeof api.owners.account>>['data']['buildings'][number]
type Entry = NonNullable<BuildingAccount['entries']>[number]

const entryLabel = (e: Entry): string =>
  e.kind === 'call'
    ? (e.label ?? '')
    : e.kind === 'payment'
      ? t('money.entryPayment')
      : e.kind === 'charges'
        ? t('money.entryCharges')
        : t('money.regularisationLabel', { year: String(e.fiscal_year ?? '') })

/** What is due now and by when, over the whole history (the API's totals, not this page's). */
export function AccountTotals(props: { account: BuildingAccount }): JSX.Element {
  return (
    <p data-testid="account-due">
      {t('money.dueNow', { amount: money(props.account.due_now_cents) })}
      <Show when={props.account.next_due_date}>
        {(d) => <> · {t('money.nextDue', { date: date(d()) })}</>}
      </Show>
    </p>
  )
}

export function AccountHistory(props: {
  account: BuildingAccount
  /** Reads page `page` of the same account and returns this building's part. */
  loadPage: (page: number) => Promise<BuildingAccount | undefined>
}): JSX.Element {
  // The first page came with the account; later pages are appended as they are read.
  const [more, setMore] = createSignal<Entry[]>([])
  const [page, setPage] = createSignal(1)
  const [busy, setBusy] = createSignal(false)
  const [failed, setFailed] = createSignal(false)
  const entries = () => [...(props.account.entries ?? []), ...more()]
  const total = () => props.account.pagination?.entries_total ?? entries().length
  const next = async () => {
    setBusy(true)
    setFailed(false)
    try {
      const read = await props.loadPage(page() + 1)
      setMore([...more(), ...(read?.entries ?? [])])
      setPage(page() + 1)
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Show when={props.account.entries}>
      <h3>{t('money.history')}</h3>
      <div class="table-wrap">
        <table data-testid="account-history">
          <thead>
            <tr>
              <th scope="col">{t('money.date')}</th>
              <th scope="col">{t('money.entry')}</th>
              <th scope="col" class="num">
                {t('money.amount')}
              </th>
              <th scope="col" class="num">
                {t('money.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={entries()}>
              {(e) => (
                <tr data-testid="account-entry">
                  <td>{date(e.date)}</td>
                  <td>{entryLabel(e)}</td>
                  <td class="num">{money(e.amount_cents)}</td>
                  <td class="num">{money(e.balance_cents)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="hint" data-testid="account-shown">
        {t('money.shown', { shown: String(entries().length), total: String(total()) })}
      </p>
      <Show when={failed()}>
        <p class="hint" role="status">
          {t('money.moreFailed')}
        </p>
      </Show>
      <Show when={entries().length < total()}>
        <button type="button" data-testid="account-more" disabled={busy()} onClick={() => void next()}>
          {t('money.more')}
        </button>
      </Show>
    </Show>
  )
}
