// Syndic and accountant: the association's books (ADR 0031) — the trial balance of a fiscal year,
// an account's ledger opened from it (with the running balance), and the entries, newest first.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { FiscalYearSettings } from '../components/FiscalYearSettings'
import { Notice } from '../components/Notice'
import { YearEnd } from '../components/YearEnd'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, type MessageKey, money, t } from '../lib/i18n'
import { useBuildingOptions } from '../lib/lookups'

const thisYear = new Date().getFullYear()

export default function BooksPage(): JSX.Element {
  const buildings = useBuildingOptions()
  const [buildingId, setBuildingId] = createSignal('')
  const [year, setYear] = createSignal(thisYear)
  const [account, setAccount] = createSignal<string | null>(null)
  const [page, setPage] = createSignal(1)
  const chosen = () => buildingId() || buildings()[0]?.value || ''

  const [balance] = createResource(
    () => (chosen() ? { b: chosen(), y: year() } : null),
    ({ b, y }) => api.ledger.trialBalance(b, y),
  )
  const [ledger] = createResource(
    () => (chosen() && account() ? { b: chosen(), y: year(), a: account() as string } : null),
    ({ b, y, a }) => api.ledger.account(b, a, y),
  )
  const [entries] = createResource(
    () => (chosen() ? { b: chosen(), y: year(), p: page() } : null),
    ({ b, y, p }) => api.ledger.entries(b, y, p),
  )
  const failure = () => balance.error ?? entries.error ?? ledger.error

  return (
    <div class="page" data-testid="books">
      <h1>{t('books.title')}</h1>
      <p class="muted">{t('books.intro')}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('books.building')}
          <select
            value={chosen()}
            onChange={(e) => {
              setBuildingId(e.currentTarget.value)
              setAccount(null)
              setPage(1)
            }}
          >
            <For each={buildings()}>{(b) => <option value={b.value}>{b.label}</option>}</For>
          </select>
        </label>
        <label>
          {t('books.fiscalYear')}
          <input
            type="number"
            min="2000"
            max="2100"
            value={year()}
            onChange={(e) => {
              const y = Number(e.currentTarget.value)
              if (Number.isInteger(y) && y >= 2000 && y <= 2100) {
                setYear(y)
                setAccount(null)
                setPage(1)
              }
            }}
          />
        </label>
      </form>
      <Show when={failure()}>{(e) => <Notice kind="error" message={errorText(e())} />}</Show>
      <Show when={chosen()} fallback={<p class="muted">{t('books.chooseBuilding')}</p>}>
        <section class="card" aria-labelledby="tb-title">
          <h2 id="tb-title">
            {t('books.trialBalance')}{' '}
            {balance()?.fiscal_year.from
              ? `(${date(balance()?.fiscal_year.from)} – ${date(balance()?.fiscal_year.to)})`
              : ''}
          </h2>
          <Show when={(balance()?.rows.length ?? 0) > 0} fallback={<p class="muted">{t('books.none')}</p>}>
            <section class="table-wrap" tabindex="0" aria-labelledby="tb-title">
              <table data-testid="trial-balance">
                <thead>
                  <tr>
                    <th scope="col">{t('books.account')}</th>
                    <th scope="col" class="num">
                      {t('books.debit')}
                    </th>
                    <th scope="col" class="num">
                      {t('books.credit')}
                    </th>
                    <th scope="col" class="num">
                      {t('books.balance')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={balance()?.rows ?? []}>
                    {(r) => (
                      <tr data-account={r.account}>
                        <td>
                          <button type="button" class="link" onClick={() => setAccount(r.account)}>
                            {r.account} {r.name}
                          </button>
                        </td>
                        <td class="num">{money(r.debit_cents)}</td>
                        <td class="num">{money(r.credit_cents)}</td>
                        <td class="num">{money(r.balance_cents)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('books.total')}</th>
                    <td class="num">{money(balance()?.total_debit_cents)}</td>
                    <td class="num">{money(balance()?.total_credit_cents)}</td>
                    <td class="num" data-testid="trial-balance-total">
                      {money(balance()?.balance_cents)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </section>
          </Show>
        </section>

        <Show when={ledger()}>
          {(l) => (
            <section class="card" aria-labelledby="ledger-title" data-testid="account-ledger">
              <h2 id="ledger-title">{t('books.accountLedger', { code: l().account, name: l().name })}</h2>
              <section class="table-wrap" tabindex="0" aria-labelledby="ledger-title">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('books.date')}</th>
                      <th scope="col">{t('books.journal')}</th>
                      <th scope="col">{t('books.label')}</th>
                      <th scope="col" class="num">
                        {t('books.debit')}
                      </th>
                      <th scope="col" class="num">
                        {t('books.credit')}
                      </th>
                      <th scope="col" class="num">
                        {t('books.balance')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={l().lines}>
                      {(line) => (
                        <tr>
                          <td>{date(line.date)}</td>
                          <td>{t(`books.journal.${line.journal}` as MessageKey)}</td>
                          <td>
                            {line.label}
                            {line.reverses_entry_id ? ` (${t('books.reversal')})` : ''}
                          </td>
                          <td class="num">{line.debit_cents ? money(line.debit_cents) : ''}</td>
                          <td class="num">{line.credit_cents ? money(line.credit_cents) : ''}</td>
                          <td class="num">{money(line.running_balance_cents)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            </section>
          )}
        </Show>

        <section class="card" aria-labelledby="entries-title">
          <h2 id="entries-title">{t('books.entries')}</h2>
          <Show when={(entries()?.data.length ?? 0) > 0} fallback={<p class="muted">{t('books.none')}</p>}>
            <ul class="plain list" data-testid="ledger-entries">
              <For each={entries()?.data ?? []}>
                {(e) => (
                  <li class="line">
                    <span>
                      {date(e.date)} · {t(`books.journal.${e.journal}` as MessageKey)} · {e.label}
                      <br />
                      <span class="muted">
                        {e.lines
                          .map(
                            (l) =>
                              `${l.account} ${l.debit_cents ? `D ${money(l.debit_cents)}` : `C ${money(l.credit_cents)}`}`,
                          )
                          .join(' · ')}
                      </span>
                    </span>
                    <span class="amount">{money(e.total_cents)}</span>
                  </li>
                )}
              </For>
            </ul>
            <div class="actions">
              <button type="button" disabled={page() <= 1} onClick={() => setPage(page() - 1)}>
                {t('common.previous')}
              </button>
              <button
                type="button"
                disabled={!entries()?.pagination.has_next}
                onClick={() => setPage(page() + 1)}
              >
                {t('common.next')}
              </button>
            </div>
          </Show>
        </section>
        <FiscalYearSettings buildingId={chosen()} />
        <YearEnd buildingId={chosen()} year={year()} />
      </Show>
    </div>
  )
}
