// One supplier (ADR 0037): its record and its account — the 440 lines naming it over every
// building, with the running balance (what the associations still owe it).
import { useParams } from '@solidjs/router'
import { createResource, For, type JSX, Show } from 'solid-js'
import { Breadcrumbs } from '../components/Breadcrumbs'
import { Notice } from '../components/Notice'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, money, t } from '../lib/i18n'

export default function SupplierPage(): JSX.Element {
  const params = useParams<{ id: string }>()
  // The account carries the supplier's record: one online read for the whole page.
  const [account] = createResource(
    () => params.id,
    (id) => api.suppliers.account(id),
  )
  return (
    <div class="detail" data-testid="supplier-page">
      <Breadcrumbs
        items={[
          { label: t('nav.suppliers'), href: '/suppliers' },
          { label: account()?.supplier.name ?? '…' },
        ]}
      />
      <Show when={account.error}>
        <Notice kind="error" message={errorText(account.error)} />
      </Show>
      <Show when={account.state === 'ready' ? account() : undefined}>
        {(a) => (
          <>
            <h1>{a().supplier.name}</h1>
            <section class="card" aria-labelledby="supplier-record-title">
              <h2 id="supplier-record-title" class="visually-hidden">
                {t('nav.suppliers')}
              </h2>
              <dl data-testid="supplier-record">
                <dt>{t('expense.enterpriseNumber')}</dt>
                <dd>{a().supplier.enterprise_number ?? '—'}</dd>
                <dt>{t('supplier.vatNumber')}</dt>
                <dd>{a().supplier.vat_number ?? '—'}</dd>
                <dt>{t('expense.iban')}</dt>
                <dd>{a().supplier.iban ?? '—'}</dd>
                <dt>{t('field.address')}</dt>
                <dd>{a().supplier.address ?? '—'}</dd>
                <dt>{t('supplier.email')}</dt>
                <dd>{a().supplier.email ?? '—'}</dd>
              </dl>
            </section>
            <section class="card" aria-labelledby="supplier-account-title" data-testid="supplier-account">
              <h2 id="supplier-account-title">{t('supplier.account')}</h2>
              <p data-testid="supplier-balance">
                {t('supplier.balance', { amount: money(a().balance_cents) })}
              </p>
              <Show when={a().lines.length > 0} fallback={<p class="muted">{t('supplier.noLines')}</p>}>
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('field.expense_date')}</th>
                        <th scope="col">{t('field.description')}</th>
                        <th scope="col">{t('supplier.debit')}</th>
                        <th scope="col">{t('supplier.credit')}</th>
                        <th scope="col">{t('supplier.running')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={a().lines}>
                        {(l) => (
                          <tr>
                            <td>{date(l.date)}</td>
                            <td>{l.label}</td>
                            <td>{l.debit_cents ? money(l.debit_cents) : ''}</td>
                            <td>{l.credit_cents ? money(l.credit_cents) : ''}</td>
                            <td>{money(l.running_balance_cents)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>
          </>
        )}
      </Show>
    </div>
  )
}
