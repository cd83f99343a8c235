// A building at a glance (issue #19, item 7): identity, lots with their owners and quote-parts,
// owners, latest expenses, meetings and documents; accounts arrive with the accounting module.
import { A, useParams } from '@solidjs/router'
import { createResource, For, type JSX, Show } from 'solid-js'
import { AuditorFinanceSections } from '../components/AuditorFinanceSections'
import { AssemblySettingsPanel } from '../components/assembly/AssemblySettingsPanel'
import { BoardPanel } from '../components/assembly/BoardPanel'
import { RequestsPanel } from '../components/assembly/RequestsPanel'
import { Breadcrumbs } from '../components/Breadcrumbs'
import { BudgetKeysSections } from '../components/BudgetKeys'
import { BuildingAuditors } from '../components/BuildingAuditors'
import { BuildingBank } from '../components/BuildingBank'
import { BuildingCalls } from '../components/BuildingCalls'
import { BuildingReminders } from '../components/BuildingReminders'
import { ChargeList } from '../components/ChargeList'
import { Deferred } from '../components/Deferred'
import { EntityLink, meetingHref, ownerHref } from '../components/EntityLinks'
import { Notice } from '../components/Notice'
import { SaleDocuments } from '../components/SaleDocuments'
import * as api from '../lib/api'
import { date, dateTime, num, percent, t, tEnum } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { displayName, useOwnerDirectory } from '../lib/owner-directory'
import { answered, value } from '../lib/resource-value'
import { canWrite, isReadOnly } from '../lib/roles'
import { user } from '../lib/session'
import type { Owner, Unit, UnitOwnership } from '../lib/wire-types'

const RECENT = 10

export default function BuildingPage(): JSX.Element {
  const params = useParams<{ id: string }>()
  const [building] = createResource(
    () => ({ id: params.id, rev: dataRevision() }),
    async ({ id }) => (await api.buildings.read(id)).data,
  )
  const [lots] = createResource(
    () => ({ id: params.id, rev: dataRevision() }),
    async ({ id }) => {
      const page = await api.units.list({
        per_page: 100,
        sort_by: 'unit_number',
        order: 'asc',
        filters: { building_id: id },
      })
      // Each lot's current holders with their right and share (one cached read per lot).
      const links = await Promise.all(
        page.data.data.map((u) =>
          api.units.owners(u.id).then(
            (r) => r.data,
            () => [] as UnitOwnership[],
          ),
        ),
      )
      return {
        rows: page.data.data.map((u, i) => ({ unit: u, links: links[i] ?? [] })),
        total: page.data.pagination.total_items,
      }
    },
  )
  const list = <T,>(
    load: (id: string) => Promise<{ data: { data: T[]; pagination: { total_items: number } } }>,
  ) =>
    createResource(
      () => ({ id: params.id, rev: dataRevision() }),
      async ({ id }) => (await load(id)).data,
    )[0]
  const [expenses, meetings, documents] = [
    list((id) =>
      api.expenses.list({
        per_page: RECENT,
        sort_by: 'expense_date',
        order: 'desc',
        filters: { building_id: id },
      }),
    ),
    list((id) =>
      api.meetings.list({
        per_page: RECENT,
        sort_by: 'scheduled_date',
        order: 'desc',
        filters: { building_id: id },
      }),
    ),
    list((id) =>
      api.documents.list({
        per_page: RECENT,
        sort_by: 'created_at',
        order: 'desc',
        filters: { building_id: id },
      }),
    ),
  ]
  const directory = useOwnerDirectory()
  const ownerName = (id: string) => {
    const o = directory().get(id)
    return o ? displayName(o) : '…'
  }
  // The building's owners: everyone holding a share of one of its lots today, with their lots.
  const owners = () => {
    const by = new Map<string, { id: string; lots: Unit[] }>()
    for (const { unit, links } of value(lots)?.rows ?? [])
      for (const l of links) {
        const entry = by.get(l.owner_id) ?? { id: l.owner_id, lots: [] }
        entry.lots.push(unit)
        by.set(l.owner_id, entry)
      }
    return [...by.values()].sort((a, b) => ownerName(a.id).localeCompare(ownerName(b.id)))
  }
  const buildingOwners = () => owners().map((o) => ({ id: o.id, name: ownerName(o.id) }))

  return (
    <div class="detail" data-testid="building-page">
      <Breadcrumbs
        items={[{ label: t('nav.buildings'), href: '/buildings' }, { label: value(building)?.name ?? '…' }]}
      />
      <Show when={building.error}>
        <Notice kind="error" message={t('detail.notFound')} />
      </Show>
      <Show
        when={value(building)}
        fallback={
          <Show when={!building.error}>
            <p aria-busy="true">{t('common.loading')}</p>
          </Show>
        }
      >
        {(b) => (
          <>
            <h1>{b().name}</h1>
            <section class="card" aria-labelledby="building-identity">
              <h2 id="building-identity">{t('detail.identity')}</h2>
              <dl class="facts">
                <dt>{t('field.address')}</dt>
                <dd>
                  {b().address}, {b().postal_code} {b().city}, {b().country}
                </dd>
                <dt>{t('building.lots')}</dt>
                <dd>
                  {t('building.lotsOf', { count: b().total_units, tantiemes: num(b().total_tantiemes) })}
                </dd>
                <Show when={b().construction_year}>
                  <dt>{t('field.construction_year')}</dt>
                  <dd>{b().construction_year}</dd>
                </Show>
                <Show when={b().syndic_name || b().syndic_email || b().syndic_phone}>
                  <dt>{t('detail.syndic')}</dt>
                  <dd>{[b().syndic_name, b().syndic_email, b().syndic_phone].filter(Boolean).join(' · ')}</dd>
                </Show>
              </dl>
            </section>
          </>
        )}
      </Show>

      {/* An unknown or foreign building: the notice above, not sections loading forever. The
          sections appear together once each has its first answer (no section pushes another). */}
      <Show
        when={!building.error && answered(lots, expenses, meetings, documents)}
        fallback={
          <Show when={!building.error && value(building)}>
            <p aria-busy="true">{t('common.loading')}</p>
          </Show>
        }
      >
        <section class="card" aria-labelledby="building-lots-title" data-testid="building-lots">
          <h2 id="building-lots-title">{t('building.lots')}</h2>
          <Show when={value(lots)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
            {(l) => (
              <Show when={l().rows.length > 0} fallback={<p class="muted">{t('common.empty')}</p>}>
                <div class="table-wrap">
                  <table class="cards">
                    <thead>
                      <tr>
                        <th scope="col">{t('field.unit_number')}</th>
                        <th scope="col">{t('field.unit_type')}</th>
                        <th scope="col">{t('field.quota')}</th>
                        <th scope="col">{t('own.owner')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={l().rows}>
                        {({ unit, links }) => (
                          <tr id={`lot-${unit.id}`}>
                            <td data-label={t('field.unit_number')}>
                              <strong>{unit.unit_number}</strong>
                            </td>
                            <td data-label={t('field.unit_type')}>{tEnum('unit_type', unit.unit_type)}</td>
                            <td data-label={t('field.quota')}>
                              {num(unit.quota)} / {num(value(building)?.total_tantiemes)}
                            </td>
                            <td data-label={t('own.owner')}>
                              <ul class="plain">
                                <For each={links} fallback={<li class="muted">—</li>}>
                                  {(link) => (
                                    <li>
                                      <EntityLink id={link.owner_id} href={ownerHref(link.owner_id)}>
                                        {ownerName(link.owner_id)}
                                      </EntityLink>{' '}
                                      · {tEnum('right_type', link.right_type)} ·{' '}
                                      {percent(link.ownership_share)}
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <FirstOnly shown={l().rows.length} total={l().total} />
              </Show>
            )}
          </Show>
        </section>

        <Deferred minHeight="16rem">
          <section class="card" aria-labelledby="building-owners-title" data-testid="building-owners">
            <h2 id="building-owners-title">{t('building.owners')}</h2>
            <ul class="plain list">
              <For each={owners()} fallback={<li class="muted">{t('common.empty')}</li>}>
                {(o) => (
                  <li>
                    <EntityLink id={o.id} href={ownerHref(o.id)}>
                      {ownerName(o.id)}
                    </EntityLink>{' '}
                    <span class="muted">
                      {o.lots.map((u) => u.unit_number).join(', ')}
                      <OwnerContact owner={directory().get(o.id)} />
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Deferred>

        <Deferred minHeight="16rem">
          <section class="card" aria-labelledby="building-expenses-title" data-testid="building-expenses">
            <h2 id="building-expenses-title">{t('building.expenses')}</h2>
            <Show when={value(expenses)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
              {(e) => (
                <>
                  <ChargeList
                    lines={e().data}
                    label={(x) => (
                      <>
                        {date(x.expense_date)} · {x.description}{' '}
                        <span class="muted">({tEnum('category', x.category)})</span>
                      </>
                    )}
                  />
                  <FirstOnly shown={e().data.length} total={e().pagination.total_items} href="/expenses" />
                </>
              )}
            </Show>
          </section>
        </Deferred>

        <Deferred minHeight="8rem">
          <section class="card" aria-labelledby="building-meetings-title" data-testid="building-meetings">
            <h2 id="building-meetings-title">{t('building.meetings')}</h2>
            <Show when={value(meetings)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
              {(m) => (
                <>
                  <ul class="plain list">
                    <For each={m().data} fallback={<li class="muted">{t('common.empty')}</li>}>
                      {(x) => (
                        <li class="line">
                          <EntityLink id={x.id} href={meetingHref(x.id)}>
                            {x.title}
                          </EntityLink>
                          <span class="muted">
                            {dateTime(x.scheduled_date)} · {tEnum('meeting_status', x.status)}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                  <FirstOnly shown={m().data.length} total={m().pagination.total_items} href="/meetings" />
                </>
              )}
            </Show>
          </section>
        </Deferred>

        <Deferred minHeight="8rem">
          <section class="card" aria-labelledby="building-documents-title" data-testid="building-documents">
            <h2 id="building-documents-title">{t('building.documents')}</h2>
            <Show when={value(documents)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
              {(d) => (
                <>
                  <ul class="plain list">
                    <For each={d().data} fallback={<li class="muted">{t('common.empty')}</li>}>
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
                  <FirstOnly shown={d().data.length} total={d().pagination.total_items} href="/documents" />
                </>
              )}
            </Show>
          </section>
        </Deferred>

        {/* The sections below the fold mount near the viewport or when the page is idle, one per
            task (components/Deferred.tsx): built in the first render they blocked input ~0.5 s. */}
        <Deferred>
          <AssemblySettingsPanel
            buildingId={params.id}
            editable={canWrite(user()?.role ?? 'owner', 'meetings')}
          />
        </Deferred>
        <Deferred minHeight="4rem">
          <BoardPanel buildingId={params.id} />
        </Deferred>
        <Deferred minHeight="4rem">
          <RequestsPanel buildingId={params.id} ownerName={ownerName} />
        </Deferred>

        <Deferred minHeight="24rem">
          <BudgetKeysSections buildingId={params.id} lots={(value(lots)?.rows ?? []).map((r) => r.unit)} />
        </Deferred>

        <Deferred minHeight="20rem">
          <BuildingCalls buildingId={params.id} owners={buildingOwners()} />
        </Deferred>
        <Deferred>
          <BuildingBank buildingId={params.id} owners={buildingOwners()} />
        </Deferred>
        <Deferred>
          <BuildingReminders buildingId={params.id} owners={buildingOwners()} />
        </Deferred>
        <Deferred minHeight="6rem">
          <BuildingAuditors buildingId={params.id} />
        </Deferred>
        <Show when={isReadOnly(user()?.role ?? 'owner')}>
          <Deferred>
            <AuditorFinanceSections buildingId={params.id} owners={buildingOwners()} />
          </Deferred>
        </Show>

        <Show when={canWrite(user()?.role ?? 'owner', 'expenses')}>
          <Deferred>
            <SaleDocuments buildingId={params.id} lots={(value(lots)?.rows ?? []).map((r) => r.unit)} />
          </Deferred>
        </Show>

        <section class="card" aria-labelledby="building-accounts-title">
          <h2 id="building-accounts-title">{t('building.accounts')}</h2>
          <p class="muted">{t('building.accountsLater')}</p>
        </section>
      </Show>
    </div>
  )
}

function OwnerContact(props: { owner?: Owner }): JSX.Element {
  const parts = () => [props.owner?.email, props.owner?.phone].filter(Boolean)
  return <Show when={parts().length > 0}> · {parts().join(' · ')}</Show>
}

/** Says when a section shows only the first rows, with a link to the full list. */
export function FirstOnly(props: { shown: number; total: number; href?: string }): JSX.Element {
  return (
    <Show when={props.total > props.shown}>
      <p class="muted">
        {t('detail.firstOnly', { count: props.shown })}{' '}
        <Show when={props.href}>{(h) => <A href={h()}>{t('detail.seeAll')}</A>}</Show>
      </p>
    </Show>
  )
}
