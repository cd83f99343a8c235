// One owner (issue #19, item 7): contact, lots with their building, right and share, charges,
// and the documents of their buildings.
import { useParams } from '@solidjs/router'
import { createResource, For, type JSX, Show } from 'solid-js'
import { AccountHistory, AccountTotals } from '../components/AccountHistory'
import { Breadcrumbs } from '../components/Breadcrumbs'
import { ChargeList, ChargeTotals, supplierState } from '../components/ChargeList'
import { buildingHref, EntityLink, lotHref } from '../components/EntityLinks'
import { Notice } from '../components/Notice'
import * as api from '../lib/api'
import { date, localeName, money, num, percent, t, tEnum } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { displayName } from '../lib/owner-directory'
import { addressLine, ownerHoldings } from '../lib/owner-holdings'
import { value } from '../lib/resource-value'
import type { DocumentMeta } from '../lib/wire-types'

export default function OwnerPage(): JSX.Element {
  const params = useParams<{ id: string }>()
  const key = () => ({ id: params.id, rev: dataRevision() })
  const [owner] = createResource(key, async ({ id }) => (await api.owners.read(id)).data)
  const [holdings] = createResource(key, ({ id }) => ownerHoldings(id))
  const [charges] = createResource(key, async ({ id }) => (await api.owners.charges(id, 1, 100)).data)
  // The owner's account, first page (ADR 0048); a reader without access to it sees no section.
  const [account] = createResource(key, async ({ id }) =>
    api.calls
      .ownerAccount(id)
      .then((r) => r.data)
      .catch(() => null),
  )
  const [documents] = createResource(
    () => {
      const h = value(holdings)
      return h ? { ids: [...new Set(h.flatMap((x) => (x.building ? [x.building.id] : [])))] } : false
    },
    async ({ ids }) => {
      const pages = await Promise.all(
        ids.map((id) =>
          api.documents.list({
            per_page: 20,
            sort_by: 'created_at',
            order: 'desc',
            filters: { building_id: id },
          }),
        ),
      )
      return pages.flatMap((p) => p.data.data) as DocumentMeta[]
    },
  )
  const unitLabel = (unitId: string) =>
    value(holdings)?.find((h) => h.link.unit_id === unitId)?.unit?.unit_number ?? ''
  const buildingName = (buildingId: string) =>
    value(holdings)?.find((h) => h.building?.id === buildingId)?.building?.name ?? ''

  return (
    <div class="detail" data-testid="owner-page">
      <Breadcrumbs
        items={[
          { label: t('nav.owners'), href: '/owners' },
          { label: ((o) => (o ? displayName(o) : '…'))(value(owner)) },
        ]}
      />
      <Show when={owner.error}>
        <Notice kind="error" message={t('detail.notFound')} />
      </Show>
      <Show when={value(owner)}>
        {(o) => (
          <>
            <h1>{displayName(o())}</h1>
            <section class="card" aria-labelledby="owner-contact-title" data-testid="owner-page-contact">
              <h2 id="owner-contact-title">{t('detail.contact')}</h2>
              <dl class="facts">
                <dt>{t('field.owner_type')}</dt>
                <dd>{tEnum('owner_type', o().owner_type)}</dd>
                <Show when={o().legal_representative}>
                  <dt>{t('field.legal_representative')}</dt>
                  <dd>{o().legal_representative}</dd>
                </Show>
                <dt>{t('field.email')}</dt>
                <dd>
                  <Show when={o().email} fallback="—">
                    {(e) => <a href={`mailto:${e()}`}>{e()}</a>}
                  </Show>
                </dd>
                <dt>{t('field.phone')}</dt>
                <dd>
                  <Show when={o().phone} fallback="—">
                    {(p) => <a href={`tel:${p()}`}>{p()}</a>}
                  </Show>
                </dd>
                <dt>{t('field.address')}</dt>
                <dd>
                  {addressLine(o())}, {o().country}
                </dd>
                <Show when={o().correspondence_address}>
                  <dt>{t('field.correspondence_address')}</dt>
                  <dd>{o().correspondence_address}</dd>
                </Show>
                <dt>{t('field.preferred_language')}</dt>
                <dd>{localeName(o().preferred_language)}</dd>
              </dl>
            </section>
          </>
        )}
      </Show>

      <Show when={!owner.error}>
        <section class="card" aria-labelledby="owner-lots-title" data-testid="owner-page-lots">
          <h2 id="owner-lots-title">{t('ownerPage.lots')}</h2>
          <Show when={value(holdings)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
            {(h) => (
              <ul class="plain list">
                <For each={h()} fallback={<li class="muted">{t('common.empty')}</li>}>
                  {(x) => (
                    <li class="line">
                      <span>
                        <Show when={x.unit} fallback={x.link.unit_id.slice(0, 8)}>
                          {(u) => (
                            <EntityLink id={u().id} href={lotHref(u().building_id, u().id)}>
                              <strong>{u().unit_number}</strong>
                            </EntityLink>
                          )}
                        </Show>{' '}
                        <Show when={x.building}>
                          {(b) => (
                            <>
                              {t('portal.lotIn')}{' '}
                              <EntityLink id={b().id} href={buildingHref(b().id)}>
                                {b().name}
                              </EntityLink>
                            </>
                          )}
                        </Show>
                      </span>
                      <span class="muted">
                        {tEnum('right_type', x.link.right_type)} · {percent(x.link.ownership_share)}
                        <Show when={x.unit}>
                          {(u) => (
                            <>
                              {' '}
                              · {num(u().quota)} {t('field.quota')}
                            </>
                          )}
                        </Show>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Show>
        </section>

        <section class="card" aria-labelledby="owner-charges-title" data-testid="owner-page-charges">
          <h2 id="owner-charges-title">{t('ownerPage.charges')}</h2>
          <Show when={value(charges)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
            {(c) => (
              <>
                <ChargeTotals totals={c().totals} showSupplierPaid />
                <ChargeList
                  state={supplierState}
                  lines={c().data}
                  label={(line) => (
                    <>
                      {date(line.expense_date)} · {unitLabel(line.unit_id)} · {line.description}
                    </>
                  )}
                />
              </>
            )}
          </Show>
        </section>

        <Show when={value(account)}>
          {(a) => (
            <section class="card" aria-labelledby="owner-account-title" data-testid="owner-page-account">
              <h2 id="owner-account-title">{t('money.ownerAccount')}</h2>
              <For each={a().buildings} fallback={<p class="muted">{t('money.none')}</p>}>
                {(b) => (
                  <div class="money-building">
                    <p data-testid="owner-account-balance">
                      <Show when={a().buildings.length > 1}>{buildingName(b.building_id)} · </Show>
                      {t('money.balance')}: <strong>{money(b.balance_cents)}</strong>
                    </p>
                    <AccountTotals account={b} />
                    <AccountHistory
                      account={b}
                      loadPage={async (page) =>
                        (await api.calls.ownerAccount(params.id, { page })).data.buildings.find(
                          (x) => x.building_id === b.building_id,
                        )
                      }
                    />
                  </div>
                )}
              </For>
            </section>
          )}
        </Show>

        <section class="card" aria-labelledby="owner-docs-title" data-testid="owner-page-documents">
          <h2 id="owner-docs-title">{t('ownerPage.documents')}</h2>
          <Show when={value(documents)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
            {(d) => (
              <ul class="plain list">
                <For each={d()} fallback={<li class="muted">{t('common.empty')}</li>}>
                  {(x) => (
                    <li class="line">
                      <span>{x.title}</span>
                      <span class="muted">
                        {tEnum('document_type', x.document_type)} · {date(x.created_at)}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Show>
        </section>
      </Show>
    </div>
  )
}
