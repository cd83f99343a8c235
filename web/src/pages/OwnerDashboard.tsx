// Owner: my lots and shares, my charges (paid/unpaid totals), my buildings' meetings and documents.
import { createResource, For, type JSX, Show } from 'solid-js'
import { Notice } from '../components/Notice'
import * as api from '../lib/api'
import { date, money, num, percent, t, tEnum } from '../lib/i18n'
import { value } from '../lib/resource-value'
import DocumentsPage from './DocumentsPage'
import { MeetingsPage } from './ResourcePages'

export default function OwnerDashboard(): JSX.Element {
  const [me] = createResource(async () => (await api.owners.me()).data)
  const [lots] = createResource(
    () => value(me),
    async (o) => {
      // The ownership rows name the unit by id only; /units lists exactly the owner's own lots.
      const [links, units] = await Promise.all([api.owners.units(o.id), api.units.list({ per_page: 100 })])
      const byId = new Map(units.data.data.map((u) => [u.id, u]))
      return links.data.map((l) => ({ ...l, unit: byId.get(l.unit_id) }))
    },
  )
  // Sourced through value(): reading a failed resource directly would throw to the boundary
  // and replace the whole dashboard (an owner account not yet linked to an owner record).
  const [charges] = createResource(
    () => value(me),
    // Paginated server-side: the first 100 lines; the totals cover every line of the owner.
    async (o) => (await api.owners.charges(o.id, 1, 100)).data,
  )

  const unitNumber = (id?: string) => value(lots)?.find((l) => l.unit_id === id)?.unit?.unit_number ?? ''
  const lines = () => value(charges)?.data ?? []
  const total = (paid: boolean) =>
    lines()
      .filter((c) => (c.payment_status === 'Paid') === paid)
      .reduce((s, c) => s + c.amount_cents, 0)

  return (
    <div class="dashboard" data-testid="dashboard-owner">
      <h1>{t('owner.title')}</h1>
      <Show when={me.error}>
        <Notice kind="info" message={t('owner.noRecord')} />
      </Show>
      <section class="card" aria-labelledby="lots-title">
        <h2 id="lots-title">{t('owner.lots')}</h2>
        <Show
          when={value(lots)}
          fallback={<p class="muted">{me.error ? t('common.empty') : t('common.loading')}</p>}
        >
          {(l) => (
            <ul data-testid="owner-lots">
              <For each={l()} fallback={<li class="muted">{t('common.empty')}</li>}>
                {(o) => (
                  <li>
                    {o.unit?.unit_number ?? o.unit_id.slice(0, 8)} · {tEnum('unit_type', o.unit?.unit_type)}{' '}
                    {o.unit ? `· ${num(o.unit.quota)} ${t('field.quota')}` : ''} · {t('field.share')}{' '}
                    {percent(o.ownership_share)}
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
      </section>
      <section class="card" aria-labelledby="charges-title">
        <h2 id="charges-title">{t('owner.charges')}</h2>
        <Show when={value(charges)}>
          <ul class="stats" data-testid="owner-charge-totals">
            <li class="stat">
              <span class="stat-value">{money(value(charges)?.totals.paid_cents ?? total(true))}</span>
              <span class="stat-label">{t('owner.paid')}</span>
            </li>
            <li class="stat">
              <span class="stat-value">{money(value(charges)?.totals.unpaid_cents ?? total(false))}</span>
              <span class="stat-label">{t('owner.unpaid')}</span>
            </li>
          </ul>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('field.expense_date')}</th>
                  <th scope="col">{t('field.unit_number')}</th>
                  <th scope="col">{t('field.description')}</th>
                  <th scope="col">{t('field.amount')}</th>
                  <th scope="col">{t('field.payment_status')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={lines()}>
                  {(c) => (
                    <tr>
                      <td>{date(c.expense_date)}</td>
                      <td>{unitNumber(c.unit_id)}</td>
                      <td>{c.description ?? tEnum('category', c.category)}</td>
                      <td>{money(c.amount_cents)}</td>
                      <td>{tEnum('payment_status', c.payment_status)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <MeetingsPage heading="h2" />
      <DocumentsPage heading="h2" />
    </div>
  )
}
