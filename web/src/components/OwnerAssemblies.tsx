// The owner portal's assemblies (issue #14 item 10), phone first: each upcoming assembly's agenda
// with the majority every item needs, the proxy an owner gives online before the meeting, and the
// past assemblies with their minutes (the meeting page shows the convocation, documents, minutes).
import { A } from '@solidjs/router'
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { majorityLabel } from '../lib/assembly/labels'
import { errorText } from '../lib/error-text'
import { dateTime, t } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import { meetingHref } from './EntityLinks'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

/** One line per agenda item: its title and the majority it needs. */
export function ResolutionSummary(props: { meetingId: string }): JSX.Element {
  const [items] = createResource(
    () => props.meetingId,
    async (id) => (await api.assembly.resolutions(id)).data,
  )
  return (
    <Show when={(value(items) ?? []).length > 0}>
      <ol data-testid="agenda-majorities">
        <For each={[...(value(items) ?? [])].sort((a, b) => a.position - b.position)}>
          {(r) => (
            <li>{t('portal.agendaMajority', { title: r.title, majority: majorityLabel(r.majority) })}</li>
          )}
        </For>
      </ol>
    </Show>
  )
}

/** An owner gives a proxy online before the meeting (art. 3.87 §7): the server checks the law. */
export function OwnerProxyForm(props: { meetingId: string }): JSX.Element {
  const [name, setName] = createSignal('')
  const [holder, setHolder] = createSignal('')
  // The co-owners who vote at this meeting (from the server's register), myself left out.
  const [coOwners] = createResource(
    () => props.meetingId,
    async (id) => {
      const [register, me] = await Promise.all([api.assembly.register(id), api.owners.me()])
      return register.data.register.voters.filter((v) => v.ownerId !== me.data.id)
    },
  )
  const holderLabel = () =>
    holder() ? (value(coOwners)?.find((v) => v.ownerId === holder())?.name ?? '') : name().trim()
  const [error, setError] = createSignal<string | null>(null)
  const [done, setDone] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  // The proxy I gave (the server lists those I gave or hold): revocable until the log starts.
  const [tick, setTick] = createSignal(0)
  const [given] = createResource(
    () => [props.meetingId, tick()] as const,
    async ([id]) => {
      const [list, me] = await Promise.all([api.assembly.proxies(id), api.owners.me()])
      return list.items.find((p) => p.grantor_owner_id === me.data.id) ?? null
    },
  )
  const givenName = () => {
    const p = value(given)
    if (!p) return ''
    return p.holder_name ?? value(coOwners)?.find((v) => v.ownerId === p.holder_owner_id)?.name ?? ''
  }
  const revoke = async () => {
    const p = value(given)
    if (!p) return
    const label = givenName()
    setError(null)
    setDone(null)
    setBusy(true)
    try {
      await api.assembly.revokeProxy(props.meetingId, p.id)
      setDone(t('portal.proxyRevoked', { name: label }))
      setTick(tick() + 1)
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card" aria-labelledby="owner-proxy-title" data-testid="owner-proxy">
      <h2 id="owner-proxy-title">{t('portal.giveProxy')}</h2>
      <Show when={value(given)}>
        <p data-testid="owner-proxy-current">
          {t('portal.proxyCurrent', { name: givenName() })}{' '}
          <button
            type="button"
            data-testid="revoke-proxy"
            disabled={busy() || !online()}
            aria-describedby={offlineDescribedBy('revoke-proxy-offline')}
            onClick={() => void revoke()}
          >
            {t('portal.proxyRevoke')}
          </button>
        </p>
        <NeedsConnection id="revoke-proxy-offline" />
      </Show>
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          const label = holderLabel()
          if (!label) return
          setError(null)
          setDone(null)
          setBusy(true)
          try {
            await api.assembly.giveProxy(
              props.meetingId,
              holder() ? { holder_owner_id: holder() } : { holder_name: label },
            )
            setDone(t('portal.proxyGiven', { name: label }))
            setTick(tick() + 1)
          } catch (err) {
            setError(errorText(err))
          } finally {
            setBusy(false)
          }
        }}
      >
        <div class="field">
          <label for="proxy-holder-owner">{t('portal.proxyOwner')}</label>
          <select id="proxy-holder-owner" value={holder()} onChange={(e) => setHolder(e.currentTarget.value)}>
            <option value="">{t('room.choose')}</option>
            <For each={value(coOwners) ?? []}>{(v) => <option value={v.ownerId}>{v.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="proxy-holder-name">{t('portal.proxyName')}</label>
          <input
            id="proxy-holder-name"
            autocomplete="name"
            disabled={holder() !== ''}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={busy()}>
          {t('portal.proxySend')}
        </button>
      </form>
      <Notice kind="success" message={done()} />
      <Notice kind="error" message={error()} />
    </section>
  )
}

/** The owner's buildings' assemblies already held: their page has the minutes once sent. */
export function PastAssemblies(): JSX.Element {
  const [meetings] = createResource(
    () => ({ rev: dataRevision() }),
    async () => {
      // Held = its date is past (a meeting run in the room keeps its status until the syndic
      // closes it in the list); a cancelled one had no minutes.
      const page = await api.meetings.list({ per_page: 20, sort_by: 'scheduled_date', order: 'desc' })
      const now = Date.now()
      return page.data.data.filter((m) => m.status !== 'Cancelled' && Date.parse(m.scheduled_date) < now)
    },
  )
  return (
    <section class="card" aria-labelledby="past-assemblies-title" data-testid="owner-past-assemblies">
      <h2 id="past-assemblies-title">{t('portal.pastAssemblies')}</h2>
      <ul class="plain list">
        <For each={value(meetings) ?? []} fallback={<li class="muted">{t('common.empty')}</li>}>
          {(m) => (
            <li>
              <A href={meetingHref(m.id)}>{m.title}</A>
              <br />
              <span class="muted">{dateTime(m.scheduled_date)}</span>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
