// Who owns a lot on a date (share, right, primary contact, votes, receives the calls), its whole
// history, and the writes on it; and, from an owner, their lots over time.
//
// Reads go through the offline cache (readable offline). Writes are online-only, with the reason
// shown: a change of owners is checked by the server against the lot's whole history (shares per
// right on every date), which a queued write replayed later could fail without the user there —
// and ending a link is a DELETE, which the outbox does not carry.
import { createMemo, createResource, createSignal, For, type JSX, Match, Show, Switch } from 'solid-js'
import * as api from '../lib/api'
import { date, percent, t, tEnum } from '../lib/i18n'
import { useAllOwnerOptions } from '../lib/lookups'
import { dataRevision, syncStatus } from '../lib/offline/store'
import { brusselsToday } from '../lib/ownership'
import { value } from '../lib/resource-value'
import { ppmToDecimal } from '../lib/share'
import type { Unit, UnitOwnership } from '../lib/wire-types'
import { Modal } from './Modal'
import { Notice } from './Notice'
import {
  AddOwnerForm,
  EndLinkForm,
  type FormProps,
  RepresentativesForm,
  TransferForm,
} from './OwnershipForms'

type Panel = { kind: 'add' } | { kind: 'end'; ownerId: string } | { kind: 'transfer' } | { kind: 'rep' }

const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'))

/** "0.333333 (33.33 %)": the exact decimal the API keeps, and the percentage people read. */
function shareText(link: UnitOwnership): string {
  return `${ppmToDecimal(link.share_ppm)} (${percent(link.share_ppm / 1_000_000)})`
}

export function useOwnerNames() {
  const owners = useAllOwnerOptions()
  const name = (id: string) => owners().find((o) => o.value === id)?.label ?? id.slice(0, 8)
  return { owners, name }
}

export function UnitOwnersDialog(props: {
  unit: { id: string; unit_number: string }
  canWrite: boolean
  onClose: () => void
  onChanged: () => void
}): JSX.Element {
  const [viewDate, setViewDate] = createSignal(brusselsToday())
  const [panel, setPanel] = createSignal<Panel | null>(null)
  const [showHistory, setShowHistory] = createSignal(false)
  const [notice, setNotice] = createSignal<string | null>(null)
  const [reloads, setReloads] = createSignal(0)
  const { owners, name } = useOwnerNames()
  const [onDate] = createResource(
    () => ({ d: viewDate(), n: reloads(), rev: dataRevision() }),
    ({ d }) => api.units.owners(props.unit.id, { date: d }),
  )
  const [history] = createResource(
    () => ({ n: reloads(), rev: dataRevision() }),
    () => api.units.owners(props.unit.id, { includeHistory: true }),
  )
  const [unit] = createResource(
    () => reloads(),
    () => api.units.get(props.unit.id).catch(() => null as Unit | null),
  )
  const links = () => value(onDate)?.data ?? []
  const allLinks = createMemo(() =>
    [...(value(history)?.data ?? [])].sort(
      (a, b) => a.start_date.localeCompare(b.start_date) || name(a.owner_id).localeCompare(name(b.owner_id)),
    ),
  )
  const online = () => syncStatus().online
  const writable = () => props.canWrite && online()
  const reload = () => setReloads((n) => n + 1)
  const titleId = `own-title-${props.unit.id}`

  // Closing a form gives the focus back to the button that opened it.
  let opener: HTMLElement | null = null
  const closePanel = () => {
    setPanel(null)
    const back = opener
    // After the form is gone (its focused button with it): back to the opener, else the dialog.
    setTimeout(() => {
      const target = back?.isConnected ? back : document.querySelector<HTMLElement>('dialog.modal button')
      target?.focus()
    }, 0)
  }
  const formProps = (): FormProps => ({
    unitId: props.unit.id,
    history: allLinks,
    owners,
    ownerName: name,
    viewDate: viewDate(),
    onDone: () => {
      closePanel()
      setNotice(t('common.saved'))
      reload()
      props.onChanged()
    },
    onCancel: closePanel,
    onStale: reload,
  })
  const open = (p: Panel) => {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setNotice(null)
    setPanel(p)
  }

  return (
    <Modal
      titleId={titleId}
      title={t('own.title', { unit: props.unit.unit_number })}
      onClose={props.onClose}
      testId="unit-owners"
      onEscape={() => {
        if (!panel()) return false
        closePanel()
        return true
      }}
    >
      <div class="field inline">
        <label for="own-view-date">{t('own.onDate')}</label>
        <input
          id="own-view-date"
          type="date"
          value={viewDate()}
          onChange={(e) => setViewDate(e.currentTarget.value || brusselsToday())}
        />
      </div>
      <Show when={props.canWrite && !online()}>
        <Notice kind="info" message={t('own.offline')} />
      </Show>
      <Notice kind="success" message={notice()} />
      <Show when={onDate.error}>
        <Notice
          kind="error"
          message={onDate.error instanceof Error ? onDate.error.message : t('common.error')}
        />
      </Show>
      <Show when={value(onDate)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        <Show when={links().length > 0} fallback={<p class="muted">{t('own.none')}</p>}>
          {/* Scrolls sideways on a phone: focusable so keyboard users can scroll it too. */}
          <section
            class="table-wrap"
            tabindex="0"
            aria-label={t('own.title', { unit: props.unit.unit_number })}
          >
            <table data-testid="own-on-date">
              <caption class="visually-hidden">
                {t('own.title', { unit: props.unit.unit_number })} — {date(viewDate())}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('own.owner')}</th>
                  <th scope="col">{t('own.share')}</th>
                  <th scope="col">{t('own.right')}</th>
                  <th scope="col">{t('own.primary')}</th>
                  <th scope="col">{t('own.votes')}</th>
                  <th scope="col">{t('own.calls')}</th>
                  <th scope="col">{t('own.from')}</th>
                  <th scope="col">{t('own.until')}</th>
                  <Show when={props.canWrite}>
                    <th scope="col">{t('common.actions')}</th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={links()}>
                  {(l) => (
                    <tr data-owner-id={l.owner_id}>
                      <td>{name(l.owner_id)}</td>
                      <td>{shareText(l)}</td>
                      <td>{tEnum('right_type', l.right_type)}</td>
                      <td>{yesNo(l.is_primary_contact)}</td>
                      <td>{yesNo(l.votes)}</td>
                      <td>{yesNo(l.receives_calls)}</td>
                      <td>{date(l.start_date)}</td>
                      <td>{l.end_date ? date(l.end_date) : t('own.open')}</td>
                      <Show when={props.canWrite}>
                        <td>
                          <Show when={l.end_date === null}>
                            <button
                              type="button"
                              class="small"
                              disabled={!writable()}
                              aria-label={t('own.endOf', { owner: name(l.owner_id) })}
                              onClick={() => open({ kind: 'end', ownerId: l.owner_id })}
                            >
                              {t('own.end')}
                            </button>
                          </Show>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </Show>
      </Show>

      <div class="actions">
        <Show when={props.canWrite}>
          <button type="button" disabled={!writable()} onClick={() => open({ kind: 'add' })}>
            {t('own.add')}
          </button>
          <button type="button" disabled={!writable()} onClick={() => open({ kind: 'transfer' })}>
            {t('own.transfer')}
          </button>
          <button type="button" disabled={!writable()} onClick={() => open({ kind: 'rep' })}>
            {t('own.representatives')}
          </button>
        </Show>
        <button
          type="button"
          aria-expanded={showHistory()}
          aria-controls="own-history"
          onClick={() => setShowHistory(!showHistory())}
        >
          {t('own.history')}
        </button>
      </div>

      <Show when={panel()}>
        {(p) => (
          <Switch>
            <Match when={p().kind === 'add'}>
              <AddOwnerForm {...formProps()} />
            </Match>
            <Match when={p().kind === 'end' ? (p() as { ownerId: string }) : null}>
              {(e) => <EndLinkForm {...formProps()} ownerId={e().ownerId} />}
            </Match>
            <Match when={p().kind === 'transfer'}>
              <TransferForm {...formProps()} unitVersion={() => unit()?.version} />
            </Match>
            <Match when={p().kind === 'rep'}>
              <RepresentativesForm {...formProps()} />
            </Match>
          </Switch>
        )}
      </Show>

      <Show when={showHistory()}>
        <section id="own-history" aria-labelledby="own-history-title" data-testid="own-history">
          <h3 id="own-history-title">{t('own.historyTitle')}</h3>
          <LinksTable
            links={allLinks()}
            first={(l) => name(l.owner_id)}
            firstLabel={t('own.owner')}
            label={t('own.historyTitle')}
          />
        </section>
      </Show>
    </Modal>
  )
}

function LinksTable(props: {
  links: UnitOwnership[]
  first: (l: UnitOwnership) => string
  firstLabel: string
  label: string
}): JSX.Element {
  return (
    <Show when={props.links.length > 0} fallback={<p class="muted">{t('common.empty')}</p>}>
      <section class="table-wrap" tabindex="0" aria-label={props.label}>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.firstLabel}</th>
              <th scope="col">{t('own.share')}</th>
              <th scope="col">{t('own.right')}</th>
              <th scope="col">{t('own.from')}</th>
              <th scope="col">{t('own.until')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.links}>
              {(l) => (
                <tr>
                  <td>{props.first(l)}</td>
                  <td>{shareText(l)}</td>
                  <td>{tEnum('right_type', l.right_type)}</td>
                  <td>{date(l.start_date)}</td>
                  <td>{l.end_date ? date(l.end_date) : t('own.open')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  )
}

/** An owner's lots over time: every link (GET /owners/{id}/units?include_history=true). */
export function OwnerLotsDialog(props: {
  owner: { id: string; first_name?: unknown; last_name?: unknown }
  onClose: () => void
}): JSX.Element {
  const [links] = createResource(
    () => dataRevision(),
    () => api.owners.units(props.owner.id, { includeHistory: true }),
  )
  // Lot numbers: one read per distinct lot (an owner holds a handful).
  const [units] = createResource(
    () => value(links)?.data,
    async (ls) => {
      const ids = [...new Set(ls.map((l) => l.unit_id))]
      const found = await Promise.all(
        ids.map((id) =>
          api.units
            .read(id)
            .then((r) => r.data)
            .catch(() => null),
        ),
      )
      return new Map(found.filter((u): u is Unit => u !== null).map((u) => [u.id, u.unit_number]))
    },
  )
  const ownerLabel = `${String(props.owner.last_name ?? '')} ${String(props.owner.first_name ?? '')}`.trim()
  const sorted = () =>
    [...(value(links)?.data ?? [])].sort((a, b) => a.start_date.localeCompare(b.start_date))
  return (
    <Modal
      titleId={`lots-title-${props.owner.id}`}
      title={t('own.lotsOf', { owner: ownerLabel })}
      onClose={props.onClose}
      testId="owner-lots"
    >
      <Show when={links.error}>
        <Notice
          kind="error"
          message={links.error instanceof Error ? links.error.message : t('common.error')}
        />
      </Show>
      <Show when={value(links)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        <Show when={sorted().length > 0} fallback={<p class="muted">{t('own.noLots')}</p>}>
          <LinksTable
            links={sorted()}
            first={(l) => units()?.get(l.unit_id) ?? l.unit_id.slice(0, 8)}
            firstLabel={t('own.lot')}
            label={t('own.lotsOf', { owner: ownerLabel })}
          />
        </Show>
      </Show>
    </Modal>
  )
}
