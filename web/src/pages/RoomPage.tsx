// The meeting room (issue #14 item 9): the syndic runs the general assembly on a laptop or tablet
// — check-in with signatures, proxies, live quorum, one vote at a time with a live tally — with or
// without network. Every action is one act of the hash-chained log, recorded on this device and
// replayed here by the domain's rules (lib/assembly/room-store.ts); the log is sent once online.
import type { AttendanceLine, BallotChoice, MeetingState, ResolutionResult } from '@koprogo/domain/assembly'
import { A, useParams } from '@solidjs/router'
import { createMemo, createSignal, For, type JSX, Match, Show, Switch } from 'solid-js'
import { Breadcrumbs } from '../components/Breadcrumbs'
import { meetingHref } from '../components/EntityLinks'
import { Notice } from '../components/Notice'
import { SignaturePad } from '../components/SignaturePad'
import { majorityLabel } from '../lib/assembly/labels'
import { createRoom, type Room } from '../lib/assembly/room-store'
import { loadSession } from '../lib/assembly/session'
import { dateTime, num, t } from '../lib/i18n'
import { syncStatus } from '../lib/offline/store'
import { canWrite } from '../lib/roles'
import { user } from '../lib/session'
import './room.css'

const CHOICES: readonly BallotChoice[] = ['for', 'against', 'abstain', 'blank', 'invalid']
const time = (iso: string | null) => (iso ? dateTime(iso) : '')

export default function RoomPage(): JSX.Element {
  const params = useParams<{ id: string }>()
  return (
    <Show
      when={canWrite(user()?.role ?? 'owner', 'meetings')}
      fallback={<Notice kind="error" message={t('room.syndicOnly')} />}
    >
      <RoomView meetingId={params.id} />
    </Show>
  )
}

function RoomView(props: { meetingId: string }): JSX.Element {
  const room = createRoom({
    meetingId: props.meetingId,
    userId: user()?.id ?? '',
    loadSetup: () => loadSession(props.meetingId),
  })
  const [refusal, setRefusal] = createSignal<string | null>(null)
  const act: Room['record'] = async (kind, payload) => {
    setRefusal(null)
    try {
      const reason = await room.record(kind, payload)
      if (reason) setRefusal(reason)
      return reason
    } catch (e) {
      // The device's storage failed (full, or the database being deleted): said, never swallowed.
      const message = e instanceof Error ? e.message : String(e)
      setRefusal(message)
      return message
    }
  }

  return (
    <div class="detail room" data-testid="room">
      <Breadcrumbs
        items={[
          { label: t('nav.meetings'), href: '/meetings' },
          { label: t('room.back'), href: meetingHref(props.meetingId) },
          { label: t('room.title') },
        ]}
      />
      <h1>{t('room.title')}</h1>
      <Show when={room.loaded()} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        <Show when={room.setup()} fallback={<Notice kind="error" message={t('room.notReady')} />}>
          <Show when={!syncStatus().online}>
            <p class="notice notice-info" role="status" data-testid="room-offline">
              {t('room.offline')}
            </p>
          </Show>
          <Notice kind="error" message={refusal()} />
          <Notice kind="error" message={room.replayError()} />
          <Show when={room.state()}>
            {(s) => (
              <>
                <Opening room={room} state={s()} act={act} />
                <QuorumPanel state={s()} secondAssembly={room.setup()?.secondAssembly ?? false} />
                <CheckIn state={s()} act={act} />
                <Proxies state={s()} act={act} />
                <Votes room={room} state={s()} act={act} />
                <Signatures state={s()} act={act} />
              </>
            )}
          </Show>
          <LogPanel room={room} />
        </Show>
      </Show>
    </div>
  )
}

function Opening(props: { room: Room; state: MeetingState; act: Room['record'] }): JSX.Element {
  return (
    <section class="card room-opening" aria-labelledby="room-phase">
      <h2 id="room-phase" data-testid="room-phase" data-phase={props.state.phase}>
        <Switch>
          <Match when={props.state.phase === 'before'}>{t('room.notOpened')}</Match>
          <Match when={props.state.phase === 'open'}>
            {t('room.opened')} · {time(props.state.openedAt)}
          </Match>
          <Match when={props.state.phase === 'closed'}>
            {t('room.closed')} · {time(props.state.closedAt)}
          </Match>
        </Switch>
      </h2>
      <div class="actions">
        <Show when={props.state.phase === 'before'}>
          <button type="button" onClick={() => void props.act('opened', {})}>
            {t('room.open')}
          </button>
        </Show>
        <Show when={props.state.phase === 'open'}>
          <button type="button" onClick={() => void props.act('closed', {})}>
            {t('room.close')}
          </button>
        </Show>
        <A
          class="button"
          href={`${meetingHref(props.room.setup()?.register.meetingId ?? '')}/projector`}
          target="_blank"
        >
          {t('room.projectorOpen')}
        </A>
      </div>
    </section>
  )
}

export function QuorumPanel(props: { state: MeetingState; secondAssembly: boolean }): JSX.Element {
  const q = () => props.state.quorum
  return (
    <section
      class="card quorum"
      aria-labelledby="quorum-title"
      data-testid="quorum"
      data-reached={String(q().reached)}
    >
      <h2 id="quorum-title">{t('room.quorum')}</h2>
      <p class={`quorum-verdict ${q().reached ? 'ok' : 'ko'}`} role="status">
        {q().reached ? t('room.quorumReached') : t('room.quorumNot')}
      </p>
      <p>{t('room.ownersPresent', { present: q().ownersPresent, total: q().ownersTotal })}</p>
      <p>{t('room.votesPresent', { present: num(q().votesPresent), total: num(q().votesTotal) })}</p>
      <Show when={props.secondAssembly}>
        <p class="muted">{t('room.secondAssembly')}</p>
      </Show>
      <p class="muted explanation">{q().explanation}</p>
    </section>
  )
}

function CheckIn(props: { state: MeetingState; act: Room['record'] }): JSX.Element {
  const [filter, setFilter] = createSignal('')
  const [signing, setSigning] = createSignal<string | null>(null)
  const lines = createMemo(() => {
    const f = filter().trim().toLowerCase()
    return props.state.attendance.filter(
      (l) =>
        !f || l.name.toLowerCase().includes(f) || l.units.some((u) => u.unitNumber.toLowerCase().includes(f)),
    )
  })
  return (
    <section class="card" aria-labelledby="checkin-title" data-testid="checkin">
      <h2 id="checkin-title">{t('room.checkin')}</h2>
      <div class="field">
        <label for="checkin-filter">{t('room.filter')}</label>
        <input
          id="checkin-filter"
          type="search"
          value={filter()}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </div>
      <ul class="plain attendance">
        <For each={lines()}>
          {(l) => (
            <li
              class="attendance-line"
              data-testid="attendance-line"
              data-owner={l.ownerId}
              data-status={l.status}
            >
              <div class="who">
                <strong>{l.name}</strong>
                <span class="muted">
                  {t('room.lots')}: {l.units.map((u) => u.unitNumber).join(', ')} · {t('room.votes')}:{' '}
                  {num(l.votes)}
                </span>
              </div>
              <div class="state">
                <span class={`badge ${l.status}`}>{t(`room.${l.status}`)}</span>
                <Show when={l.representedBy}>{(r) => <span> → {r().name}</span>}</Show>
                <Show when={l.arrivedAt}>
                  <span class="muted"> {t('room.arrived', { time: time(l.arrivedAt) })}</span>
                </Show>
                <Show when={l.leftAt}>
                  <span class="muted"> {t('room.left', { time: time(l.leftAt) })}</span>
                </Show>
                <Show when={l.signature}>
                  {(sig) => (
                    <span class="muted signature" data-testid="signature">
                      {' '}
                      {t('room.signedBy', { name: sig().name, time: time(sig().at) })}
                      <Show when={sig().drawing}>
                        <img src={sig().drawing} alt={t('room.signature')} class="signature-img" />
                      </Show>
                    </span>
                  )}
                </Show>
              </div>
              <div class="actions">
                <Show
                  when={l.status === 'present'}
                  fallback={
                    <button
                      type="button"
                      aria-label={`${t('room.arrive')}: ${l.name}`}
                      onClick={() => setSigning(l.ownerId)}
                      disabled={props.state.phase === 'closed'}
                    >
                      {t('room.arrive')}
                    </button>
                  }
                >
                  <button
                    type="button"
                    aria-label={`${t('room.leave')}: ${l.name}`}
                    onClick={() => void props.act('checked_out', { ownerId: l.ownerId })}
                  >
                    {t('room.leave')}
                  </button>
                </Show>
              </div>
              <Show when={signing() === l.ownerId}>
                <ArrivalForm
                  line={l}
                  onCancel={() => setSigning(null)}
                  onRecord={async (signature) => {
                    const refused = await props.act('checked_in', { ownerId: l.ownerId, signature })
                    if (!refused) setSigning(null)
                  }}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}

function ArrivalForm(props: {
  line: AttendanceLine
  onCancel: () => void
  onRecord: (signature: { name: string; at: string; drawing?: string }) => Promise<void>
}): JSX.Element {
  const [name, setName] = createSignal(props.line.name)
  let drawing: () => string | undefined = () => undefined
  const id = `arrival-${props.line.ownerId}`
  return (
    <form
      class="arrival-form"
      data-testid="arrival-form"
      onSubmit={(e) => {
        e.preventDefault()
        const d = drawing()
        void props.onRecord({
          name: name().trim() || props.line.name,
          at: new Date().toISOString(),
          ...(d ? { drawing: d } : {}),
        })
      }}
    >
      <div class="field">
        <label for={`${id}-name`}>{t('room.signName')}</label>
        <input
          id={`${id}-name`}
          value={name()}
          ref={(el) => queueMicrotask(() => el.focus())}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <SignaturePad
        label={t('room.draw')}
        clearLabel={t('room.clearDrawing')}
        bind={(get) => (drawing = get)}
      />
      <div class="actions">
        <button type="submit">{t('room.recordArrival')}</button>
        <button type="button" onClick={props.onCancel}>
          {t('room.cancel')}
        </button>
      </div>
    </form>
  )
}

function Proxies(props: { state: MeetingState; act: Room['record'] }): JSX.Element {
  const [grantor, setGrantor] = createSignal('')
  const [holder, setHolder] = createSignal('')
  const [holderName, setHolderName] = createSignal('')
  const nameOf = (id: string | null) => props.state.attendance.find((l) => l.ownerId === id)?.name ?? ''
  return (
    <section class="card" aria-labelledby="proxies-title" data-testid="proxies">
      <h2 id="proxies-title">{t('room.proxies')}</h2>
      <ul class="plain list">
        <For each={props.state.proxies} fallback={<li class="muted">{t('room.noProxies')}</li>}>
          {(p) => (
            <li class="line" data-testid="proxy-line">
              <span>
                {t('room.proxyLine', {
                  grantor: nameOf(p.grantorOwnerId),
                  holder: p.holderOwnerId ? nameOf(p.holderOwnerId) : (p.holderName ?? ''),
                })}
              </span>
              <Show when={props.state.phase !== 'closed'}>
                <button
                  type="button"
                  class="small"
                  aria-label={`${t('room.revoke')}: ${nameOf(p.grantorOwnerId)}`}
                  onClick={() => void props.act('proxy_revoked', { grantorOwnerId: p.grantorOwnerId })}
                >
                  {t('room.revoke')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.state.phase !== 'closed'}>
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault()
            if (!grantor()) return
            const refused = await props.act('proxy_given', {
              grantorOwnerId: grantor(),
              ...(holder() ? { holderOwnerId: holder() } : { holderName: holderName().trim() }),
            })
            if (!refused) {
              setGrantor('')
              setHolder('')
              setHolderName('')
            }
          }}
        >
          <div class="field">
            <label for="proxy-grantor">{t('room.grantor')}</label>
            <select id="proxy-grantor" value={grantor()} onChange={(e) => setGrantor(e.currentTarget.value)}>
              <option value="">{t('room.choose')}</option>
              <For each={props.state.attendance}>{(l) => <option value={l.ownerId}>{l.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="proxy-holder">{t('room.holder')}</label>
            <select id="proxy-holder" value={holder()} onChange={(e) => setHolder(e.currentTarget.value)}>
              <option value="">{t('room.choose')}</option>
              <For each={props.state.attendance}>{(l) => <option value={l.ownerId}>{l.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="proxy-holder-name">{t('room.holderName')}</label>
            <input
              id="proxy-holder-name"
              value={holderName()}
              disabled={holder() !== ''}
              onInput={(e) => setHolderName(e.currentTarget.value)}
            />
          </div>
          <button type="submit">{t('room.giveProxy')}</button>
        </form>
      </Show>
    </section>
  )
}

function Votes(props: { room: Room; state: MeetingState; act: Room['record'] }): JSX.Element {
  const resolutions = () =>
    [...(props.room.setup()?.resolutions ?? [])].sort((a, b) => a.position - b.position)
  const resultOf = (id: string) => props.state.resolutions.find((r) => r.resolutionId === id)
  const [excluded, setExcluded] = createSignal<string[]>([])
  const current = () => props.state.currentResolutionId
  return (
    <section class="card" aria-labelledby="votes-title" data-testid="votes">
      <h2 id="votes-title">{t('room.votesTab')}</h2>
      <ol class="plain list">
        <For each={resolutions()}>
          {(r) => {
            const result = () => resultOf(r.id)
            return (
              <li class="vote-item" data-testid="vote-item" data-status={result()?.status ?? 'pending'}>
                <div class="line">
                  <span>
                    <strong>{r.title}</strong> · {majorityLabel(r.majority)}
                  </span>
                  <span class={`badge ${result()?.status ?? 'pending'}`}>
                    {t(`room.status.${result()?.status ?? 'pending'}`)}
                  </span>
                </div>
                <Show when={props.state.phase === 'open' && !current() && result()?.status === 'pending'}>
                  <details class="exclusions">
                    <summary>{t('room.exclude')}</summary>
                    <For each={props.state.attendance}>
                      {(l) => (
                        <label class="checkbox">
                          <input
                            type="checkbox"
                            checked={excluded().includes(l.ownerId)}
                            onChange={(e) =>
                              setExcluded((xs) =>
                                e.currentTarget.checked
                                  ? [...xs, l.ownerId]
                                  : xs.filter((x) => x !== l.ownerId),
                              )
                            }
                          />{' '}
                          {l.name}
                        </label>
                      )}
                    </For>
                  </details>
                  <button
                    type="button"
                    aria-label={`${t('room.openVote')}: ${r.title}`}
                    onClick={async () => {
                      const refused = await props.act('vote_opened', {
                        resolutionId: r.id,
                        excludedOwnerIds: excluded(),
                      })
                      if (!refused) setExcluded([])
                    }}
                  >
                    {t('room.openVote')}
                  </button>
                </Show>
                <Show
                  when={
                    result() &&
                    (result()?.status === 'open' ||
                      result()?.status === 'adopted' ||
                      result()?.status === 'rejected')
                  }
                >
                  <TallyView result={result() as ResolutionResult} state={props.state} />
                </Show>
                <Show when={current() === r.id}>
                  <Ballots resolutionId={r.id} result={result()} state={props.state} act={props.act} />
                  <button type="button" onClick={() => void props.act('vote_closed', { resolutionId: r.id })}>
                    {t('room.closeVote')}
                  </button>
                </Show>
              </li>
            )
          }}
        </For>
      </ol>
    </section>
  )
}

/** The owners who may vote now (present or represented, not excluded) and their ballot. */
function Ballots(props: {
  resolutionId: string
  result: ResolutionResult | undefined
  state: MeetingState
  act: Room['record']
}): JSX.Element {
  const voters = () =>
    props.state.attendance.filter(
      (l) => l.status !== 'absent' && !(props.result?.excludedOwnerIds ?? []).includes(l.ownerId),
    )
  const choiceOf = (ownerId: string) => props.result?.ballots.find((b) => b.ownerId === ownerId)?.choice
  return (
    <fieldset class="ballots" data-testid="ballots">
      <legend>{t('room.ballots')}</legend>
      <ul class="plain">
        <For each={voters()}>
          {(l) => (
            <li class="ballot-line" data-testid="ballot-line" data-owner={l.ownerId}>
              <span class="who">
                {l.name}
                <Show when={l.representedBy}>{(r) => <span class="muted"> ({r().name})</span>}</Show> ·{' '}
                {num(l.votes)}
              </span>
              <Show
                when={choiceOf(l.ownerId)}
                fallback={
                  <span class="choices">
                    <For each={CHOICES}>
                      {(c) => (
                        <button
                          type="button"
                          class="small"
                          aria-label={`${t(`room.choice.${c}`)}: ${l.name}`}
                          onClick={() =>
                            void props.act('ballot', {
                              resolutionId: props.resolutionId,
                              ownerId: l.ownerId,
                              choice: c,
                            })
                          }
                        >
                          {t(`room.choice.${c}`)}
                        </button>
                      )}
                    </For>
                  </span>
                }
              >
                {(c) => <strong data-testid="ballot-choice">{t(`room.choice.${c()}`)}</strong>}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </fieldset>
  )
}

/** The live tally with its arithmetic and any vote reduction (also on the projector). */
export function TallyView(props: {
  result: ResolutionResult
  state: MeetingState
  large?: boolean
}): JSX.Element {
  const nameOf = (ownerId: string | null, holderName: string | null) =>
    props.state.attendance.find((l) => l.ownerId === ownerId)?.name ?? holderName ?? ''
  return (
    <div class={`tally ${props.large ? 'large' : ''}`} data-testid="tally">
      <dl class="tally-numbers">
        <For each={CHOICES}>
          {(c) => (
            <div class={`tally-cell ${c}`}>
              <dt>{t(`room.choice.${c}`)}</dt>
              <dd data-testid={`tally-${c}`}>{num(props.result[c], 2)}</dd>
            </div>
          )}
        </For>
        <div class="tally-cell cast">
          <dt>{t('room.cast')}</dt>
          <dd data-testid="tally-cast">{num(props.result.cast, 2)}</dd>
        </div>
      </dl>
      <For each={props.result.reductions}>
        {(red) => (
          <p class="reduction" data-testid="reduction">
            {t('room.reduction', {
              name: nameOf(red.ownerId, red.holderName),
              from: num(red.from, 2),
              to: num(red.to, 2),
            })}
          </p>
        )}
      </For>
      <p class={`verdict ${props.result.status}`} data-testid="verdict" role="status">
        {t(`room.status.${props.result.status}`)}
      </p>
      <p class="muted explanation" data-testid="explanation">
        {props.result.explanation}
      </p>
    </div>
  )
}

function Signatures(props: { state: MeetingState; act: Room['record'] }): JSX.Element {
  const [role, setRole] = createSignal<'chair' | 'secretary' | 'owner'>('chair')
  const [name, setName] = createSignal('')
  const roleLabel = (r: string) =>
    t(r === 'chair' ? 'room.signChair' : r === 'secretary' ? 'room.signSecretary' : 'room.signOwner')
  return (
    <section class="card" aria-labelledby="sign-title" data-testid="signatures">
      <h2 id="sign-title">{t('room.sign')}</h2>
      <ul class="plain list">
        <For each={props.state.signatures}>
          {(s) => (
            <li class="line">
              {roleLabel(s.role)} · {s.name} · {time(s.at)}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.state.phase === 'open'}>
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault()
            if (!name().trim()) return
            const owner = props.state.attendance.find((l) => l.name === name().trim())
            const refused = await props.act('signed', {
              role: role(),
              name: name().trim(),
              ...(role() === 'owner' && owner ? { ownerId: owner.ownerId } : {}),
            })
            if (!refused) setName('')
          }}
        >
          <div class="field">
            <label for="sign-role">{t('room.signature')}</label>
            <select id="sign-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as 'chair')}>
              <option value="chair">{t('room.signChair')}</option>
              <option value="secretary">{t('room.signSecretary')}</option>
              <option value="owner">{t('room.signOwner')}</option>
            </select>
          </div>
          <div class="field">
            <label for="sign-name">{t('room.signName')}</label>
            <input id="sign-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <button type="submit">{t('room.signRecord')}</button>
        </form>
      </Show>
    </section>
  )
}

/** The log on this device: how many acts, how many still to send, the root hash, the server's check. */
function LogPanel(props: { room: Room }): JSX.Element {
  const r = props.room
  const verified = () => {
    const v = r.sync().verified
    return v && v.rootHash === r.rootHash() ? v : null
  }
  return (
    <section class="card log-panel" aria-labelledby="log-title" data-testid="log-panel">
      <h2 id="log-title">{t('room.log')}</h2>
      <p data-testid="log-count" data-count={r.acts().length}>
        {t('room.acts', { count: r.acts().length })}
        {' · '}
        <span data-testid="log-unsynced" data-count={r.unsynced()}>
          {r.unsynced() > 0 ? t('room.unsynced', { count: r.unsynced() }) : t('room.allSynced')}
        </span>
      </p>
      <Show when={r.rootHash()}>
        <p>
          {t('room.rootHash')}:{' '}
          <code class="hash" data-testid="root-hash">
            {r.rootHash()}
          </code>
        </p>
      </Show>
      <p data-testid="log-verified" data-verified={String(Boolean(verified()))}>
        {verified() ? `✓ ${t('room.verified')}` : t('room.notVerified')}
      </p>
      <Show when={r.sync().error}>
        {(e) => (
          <p class="notice notice-error" role="alert" data-testid="log-error">
            {e().kind === 'conflict'
              ? t('room.syncConflict', { seq: e().seq ?? '?' })
              : t('room.syncRefused', { seq: e().seq ?? '?', reason: e().message })}
          </p>
        )}
      </Show>
      <button type="button" disabled={r.syncing()} onClick={() => void r.sendNow()}>
        {t('room.sendLog')}
      </button>
    </section>
  )
}
