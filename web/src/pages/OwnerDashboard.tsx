// The owner portal, phone first (issue #19, item 9): what I owe first, how to pay, my lots with
// their building (name and address), the agenda of my buildings' upcoming meetings, my documents.
import { A } from '@solidjs/router'
import { createResource, For, type JSX, Show } from 'solid-js'
import { ChargeList, ChargeTotals, supplierState } from '../components/ChargeList'
import { Deferred } from '../components/Deferred'
import { meetingHref } from '../components/EntityLinks'
import { Notice } from '../components/Notice'
import { PastAssemblies, ResolutionSummary } from '../components/OwnerAssemblies'
import OwnerMoney, { createOwnerAccount } from '../components/OwnerMoney'
import OwnerReminders, { createOwnerReminders } from '../components/OwnerReminders'
import * as api from '../lib/api'
import { date, dateTime, num, percent, t, tEnum } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { addressLine, ownerHoldings } from '../lib/owner-holdings'
import { answered, value } from '../lib/resource-value'
import { createStages } from '../lib/staged'
import type { Building } from '../lib/wire-types'
import DocumentsPage from './DocumentsPage'

/** Lines still to pay (a cancelled expense is owed by nobody). */
const isOpen = (status: string) => status !== 'Paid' && status !== 'Cancelled'

export default function OwnerDashboard(): JSX.Element {
  const [me] = createResource(
    () => dataRevision(),
    async () => (await api.owners.me()).data,
  )
  // Sourced through value(): reading a failed resource directly would throw to the boundary
  // and replace the whole dashboard (an owner account not yet linked to an owner record).
  const [holdings] = createResource(
    () => value(me),
    (o) => ownerHoldings(o.id),
  )
  // Paginated server-side: the first 100 lines; the totals cover every line of the owner.
  const [charges] = createResource(
    () => value(me),
    async (o) => (await api.owners.charges(o.id, 1, 100)).data,
  )
  // The API lists an owner only their buildings' meetings: the scheduled ones still ahead.
  const [meetings] = createResource(
    () => ({ rev: dataRevision() }),
    async () => {
      const page = await api.meetings.list({
        per_page: 20,
        sort_by: 'scheduled_date',
        order: 'asc',
        filters: { status: 'Scheduled' },
      })
      const now = Date.now()
      return page.data.data.filter((m) => Date.parse(m.scheduled_date) >= now)
    },
  )

  // The account and the reminders (the first two sections) are read once the owner is known and
  // shown with the others: mounted on their own above the "Loading…" line they pushed it down
  // (Lighthouse CLS 0.018 on a phone, issue #19).
  const account = createOwnerAccount(() => value(me) !== undefined)
  const reminders = createOwnerReminders(() => value(me) !== undefined)

  // The sections appear together once the owner's first data is in (no section pushes another
  // down as it loads), top to bottom a task apart (lib/staged.ts: one long task before).
  const ready = () =>
    answered(me, meetings) &&
    (value(me) === undefined ||
      (holdings.state !== 'unresolved' && answered(holdings, charges, account, reminders)))
  const stages = createStages(5, ready)

  const buildings = (): Building[] => {
    const seen = new Map<string, Building>()
    for (const h of value(holdings) ?? []) if (h.building) seen.set(h.building.id, h.building)
    return [...seen.values()]
  }
  const buildingOf = (id: string) => buildings().find((b) => b.id === id)
  const lotOf = (unitId: string) => value(holdings)?.find((h) => h.link.unit_id === unitId)?.unit
  const open = () => (value(charges)?.data ?? []).filter((c) => isOpen(c.payment_status))
  const settled = () => (value(charges)?.data ?? []).filter((c) => !isOpen(c.payment_status))

  return (
    <div class="dashboard portal" data-testid="dashboard-owner">
      <h1>{t('owner.title')}</h1>
      <Show when={me.error}>
        <Notice kind="info" message={t('owner.noRecord')} />
      </Show>
      {/* The account, reminders, lots and charges are asked for once the owner is known. */}
      <Show when={ready()} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        <Show when={stages.shown(1) && value(me)}>
          <OwnerMoney account={account} />
          <OwnerReminders list={reminders} />
        </Show>
        <Show when={stages.shown(2)}>
          <section class="card" aria-labelledby="owe-title" data-testid="owner-owe">
            <h2 id="owe-title">{t('portal.owe')}</h2>
            <Show
              when={value(charges)}
              fallback={<p class="muted">{me.error ? t('common.empty') : t('common.loading')}</p>}
            >
              {(c) => (
                <>
                  <ChargeTotals totals={c().totals} testId="owner-charge-totals" />
                  <p class="muted">{t('charges.settledByCalls')}</p>
                  <Show when={open().length > 0} fallback={<p>{t('portal.nothingToPay')}</p>}>
                    {/* The API has no due dates yet: say so rather than invent one. */}
                    <p class="muted">{t('portal.noDueDate')}</p>
                    <ChargeList
                      lines={open()}
                      state={supplierState}
                      label={(line) => (
                        <>
                          {line.description}
                          <br />
                          <span class="muted">
                            {date(line.expense_date)} · {lotOf(line.unit_id)?.unit_number ?? ''}{' '}
                            {buildingOf(line.building_id)?.name ?? ''}
                          </span>
                        </>
                      )}
                    />
                  </Show>
                  <Show when={settled().length > 0}>
                    <details>
                      <summary>{t('portal.history')}</summary>
                      <ChargeList
                        lines={settled()}
                        state={supplierState}
                        label={(line) => (
                          <>
                            {date(line.expense_date)} · {line.description}
                          </>
                        )}
                      />
                    </details>
                  </Show>
                </>
              )}
            </Show>
          </section>
        </Show>

        <Show when={stages.shown(3)}>
          <section class="card" aria-labelledby="pay-title" data-testid="owner-how-to-pay">
            <h2 id="pay-title">{t('portal.howToPay')}</h2>
            {/* Account and reference arrive with the money issue; the syndic's contact is real data. */}
            <p>{t('portal.howToPayLater')}</p>
            <ul class="plain list">
              <For each={buildings()}>
                {(b) => (
                  <li>
                    <strong>{b.name}</strong>:{' '}
                    {[b.syndic_name, b.syndic_email, b.syndic_phone].filter(Boolean).join(' · ') ||
                      t('detail.syndic')}
                  </li>
                )}
              </For>
            </ul>
          </section>

          <section class="card" aria-labelledby="lots-title">
            <h2 id="lots-title">{t('owner.lots')}</h2>
            <Show
              when={value(holdings)}
              fallback={<p class="muted">{me.error ? t('common.empty') : t('common.loading')}</p>}
            >
              {(h) => (
                <ul class="plain list" data-testid="owner-lots">
                  <For each={h()} fallback={<li class="muted">{t('common.empty')}</li>}>
                    {(x) => (
                      <li>
                        <strong>{x.unit?.unit_number ?? x.link.unit_id.slice(0, 8)}</strong>
                        <Show when={x.unit}>{(u) => <> · {tEnum('unit_type', u().unit_type)}</>}</Show>
                        <Show when={x.building}>
                          {(b) => (
                            <>
                              <br />
                              {b().name}
                              <br />
                              <span class="muted">{addressLine(b())}</span>
                            </>
                          )}
                        </Show>
                        <br />
                        <span class="muted">
                          {tEnum('right_type', x.link.right_type)} · {t('field.share')}{' '}
                          {percent(x.link.ownership_share)}
                          <Show when={x.unit}>
                            {(u) => (
                              <>
                                {' '}
                                · {num(u().quota)} / {num(x.building?.total_tantiemes)} {t('field.quota')}
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
        </Show>

        <Show when={stages.shown(4)}>
          <section class="card" aria-labelledby="agenda-title" data-testid="owner-agenda">
            <h2 id="agenda-title">{t('portal.agenda')}</h2>
            <Show when={value(meetings)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
              {(m) => (
                <ul class="plain list">
                  <For each={m()} fallback={<li class="muted">{t('portal.noMeetings')}</li>}>
                    {(x) => (
                      <li>
                        <A href={meetingHref(x.id)}>
                          <strong>{x.title}</strong>
                        </A>
                        <br />
                        {dateTime(x.scheduled_date)} · {x.location}
                        <Show when={buildingOf(x.building_id)}>{(b) => <> · {b().name}</>}</Show>
                        <Show when={x.agenda.length > 0}>
                          <ol>
                            <For each={x.agenda}>{(a) => <li>{a}</li>}</For>
                          </ol>
                        </Show>
                        <ResolutionSummary meetingId={x.id} />
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
          </section>
        </Show>

        {/* Below the fold on a phone: mounted near the viewport or when idle (issue #19). */}
        <Show when={stages.shown(5)}>
          <Deferred>
            <PastAssemblies />
          </Deferred>
          <Deferred minHeight="16rem">
            <DocumentsPage heading="h2" />
          </Deferred>
        </Show>
      </Show>
    </div>
  )
}
