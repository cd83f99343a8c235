// Owners' requests for an assembly (art. 3.87 §2): owners holding a fifth of the quote-parts may
// ask for one and the syndic must send the convocation within 30 days. The list shows each request with its
// deadline and whether it is on time, due soon, overdue or done (a meeting was convened).
import { createResource, For, type JSX, Show } from 'solid-js'
import * as api from '../../lib/api'
import { date, num, t } from '../../lib/i18n'

export function RequestsPanel(props: { buildingId: string; ownerName: (id: string) => string }): JSX.Element {
  const [requests] = createResource(() => props.buildingId, api.assemblyConvocation.requests)
  const rows = () => requests()?.data ?? []
  return (
    <section class="card" aria-labelledby="agc-requests" data-testid="assembly-requests">
      <h2 id="agc-requests">{t('agc.requests.title')}</h2>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('agc.requests.none')}</p>}>
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('agc.requests.received')}</th>
                <th scope="col">{t('agc.requests.owners')}</th>
                <th scope="col">{t('agc.requests.shares')}</th>
                <th scope="col">{t('agc.requests.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr data-testid="assembly-request" data-status={r.status}>
                    <td data-label={t('agc.requests.received')}>{date(r.received_at)}</td>
                    <td data-label={t('agc.requests.owners')}>
                      {r.owner_ids.map(props.ownerName).join(', ')}
                    </td>
                    <td data-label={t('agc.requests.shares')}>
                      {num(r.shares_held)} / {num(r.shares_total)}
                    </td>
                    <td data-label={t('agc.requests.deadline')}>
                      {date(r.deadline)} — {t(`agc.deadline.${r.status}`)}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  )
}
