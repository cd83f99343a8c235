// A general assembly's own page (issue #19, item 7): details, agenda and the status actions
// (add an agenda item, mark held, cancel) that used to be folded into a table cell.
import { useParams } from '@solidjs/router'
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { AssemblyActions } from '../components/AssemblyActions'
import { ConvocationPanel } from '../components/assembly/ConvocationPanel'
import { Breadcrumbs } from '../components/Breadcrumbs'
import { ConfirmButton } from '../components/ConfirmButton'
import { buildingHref, EntityLink } from '../components/EntityLinks'
import { Notice } from '../components/Notice'
import { OwnerProxyForm } from '../components/OwnerAssemblies'
import { ResolutionsEditor } from '../components/ResolutionsEditor'
import { RoomLinks } from '../components/RoomLinks'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, dateTime, t, tEnum } from '../lib/i18n'
import type { WriteResult } from '../lib/offline'
import { dataRevision } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import { canWrite } from '../lib/roles'
import { user } from '../lib/session'
import type { Meeting } from '../lib/wire-types'

export default function MeetingPage(): JSX.Element {
  const params = useParams<{ id: string }>()
  const key = () => ({ id: params.id, rev: dataRevision() })
  const [meeting, { mutate }] = createResource(key, async ({ id }) => (await api.meetings.read(id)).data)
  const [building] = createResource(
    () => value(meeting)?.building_id,
    async (id) => (await api.buildings.read(id)).data,
  )
  const [documents] = createResource(key, ({ id }) => api.meetings.documents(id))
  // Bumped when AssemblyActions sends the convocation, so the deliveries list reloads.
  const [convened, setConvened] = createSignal(0)

  return (
    <div class="detail" data-testid="meeting-page">
      <Breadcrumbs
        items={[
          { label: t('nav.meetings'), href: '/meetings' },
          // An owner cannot open the building page: no crumb for it.
          ...(value(building) && user()?.role !== 'owner'
            ? [{ label: value(building)?.name ?? '', href: buildingHref(value(building)?.id ?? '') }]
            : []),
          { label: value(meeting)?.title ?? '…' },
        ]}
      />
      <Show when={meeting.error}>
        <Notice kind="error" message={t('detail.notFound')} />
      </Show>
      <Show when={value(meeting)}>
        {(m) => (
          <>
            <h1>{m().title}</h1>
            <section class="card" aria-labelledby="meeting-details-title">
              <h2 id="meeting-details-title">{t('common.details')}</h2>
              <dl class="facts">
                <dt>{t('field.status')}</dt>
                <dd data-testid="meeting-status">{tEnum('meeting_status', m().status)}</dd>
                <dt>{t('field.scheduled_date')}</dt>
                <dd>{dateTime(m().scheduled_date)}</dd>
                <dt>{t('field.location')}</dt>
                <dd>{m().location}</dd>
                <dt>{t('field.meeting_type')}</dt>
                <dd>{tEnum('meeting_type', m().meeting_type)}</dd>
                <Show when={value(building)}>
                  {(b) => (
                    <>
                      <dt>{t('field.building_id')}</dt>
                      <dd>
                        <BuildingName id={b().id} name={b().name} />
                      </dd>
                    </>
                  )}
                </Show>
                <Show when={m().description}>
                  <dt>{t('field.description')}</dt>
                  <dd>{m().description}</dd>
                </Show>
                <Show when={m().attendees_count != null}>
                  <dt>{t('meeting.attendees')}</dt>
                  <dd>{m().attendees_count}</dd>
                </Show>
              </dl>
            </section>
            <section class="card" aria-labelledby="meeting-agenda-title">
              <h2 id="meeting-agenda-title">{t('meeting.agenda')}</h2>
              <ol data-testid="meeting-agenda">
                <For each={m().agenda} fallback={<li class="muted">{t('meeting.noAgenda')}</li>}>
                  {(a) => <li>{a}</li>}
                </For>
              </ol>
            </section>
            <ResolutionsEditor
              meetingId={m().id}
              editable={canWrite(user()?.role ?? 'owner', 'meetings') && m().status === 'Scheduled'}
            />
            <Show when={canWrite(user()?.role ?? 'owner', 'meetings')}>
              <RoomLinks meetingId={m().id} />
              <AssemblyActions meetingId={m().id} onConvened={() => setConvened((n) => n + 1)} />
              <ConvocationPanel meetingId={m().id} tick={convened()} />
            </Show>
            <Show when={user()?.role === 'owner' && m().status === 'Scheduled'}>
              <OwnerProxyForm meetingId={m().id} />
            </Show>
            <Show when={canWrite(user()?.role ?? 'owner', 'meetings') && m().status === 'Scheduled'}>
              <MeetingActions meeting={m()} onChanged={mutate} />
            </Show>
          </>
        )}
      </Show>
      <Show when={!meeting.error}>
        <section class="card" aria-labelledby="meeting-docs-title">
          <h2 id="meeting-docs-title">{t('building.documents')}</h2>
          <ul class="plain list">
            <For each={value(documents)?.data ?? []} fallback={<li class="muted">{t('common.empty')}</li>}>
              {(d) => (
                <li class="line">
                  <span>{d.title}</span>
                  <span class="muted">
                    {tEnum('document_type', d.document_type)} · {date(d.created_at)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  )
}

/** An owner cannot open the building page: the name is plain text for them. */
function BuildingName(props: { id: string; name: string }): JSX.Element {
  return (
    <Show when={user()?.role !== 'owner'} fallback={props.name}>
      <EntityLink id={props.id} href={buildingHref(props.id)}>
        {props.name}
      </EntityLink>
    </Show>
  )
}

/**
 * Each action answers the updated meeting (the server's row online, the optimistic row when the
 * action is queued offline): shown as is, without a second read (or a flicker).
 */
function MeetingActions(props: { meeting: Meeting; onChanged: (m: Meeting) => void }): JSX.Element {
  const [item, setItem] = createSignal('')
  const [attendees, setAttendees] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const run = async (fn: () => Promise<WriteResult>) => {
    setError(null)
    try {
      const result = await fn()
      props.onChanged({ ...props.meeting, ...result.data } as Meeting)
    } catch (e) {
      setError(errorText(e))
    }
  }
  const id = () => props.meeting.id
  return (
    <section class="card" aria-labelledby="meeting-actions-title">
      <h2 id="meeting-actions-title">{t('meeting.actions')}</h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          const text = item().trim()
          if (text)
            void run(async () => {
              const updated = await api.meetings.addAgendaItem(id(), text, props.meeting.agenda)
              setItem('')
              return updated
            })
        }}
      >
        <div class="field">
          <label for="meeting-agenda-item">{t('meeting.addItem')}</label>
          <input id="meeting-agenda-item" value={item()} onInput={(e) => setItem(e.currentTarget.value)} />
        </div>
        <button type="submit">{t('meeting.addToAgenda')}</button>
      </form>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          const n = Number(attendees())
          if (attendees() !== '' && Number.isInteger(n) && n >= 0)
            void run(() => api.meetings.complete(id(), n))
        }}
      >
        <div class="field">
          <label for="meeting-attendees">{t('meeting.attendees')}</label>
          <input
            id="meeting-attendees"
            type="number"
            inputmode="numeric"
            min="0"
            value={attendees()}
            onInput={(e) => setAttendees(e.currentTarget.value)}
          />
        </div>
        <button type="submit">{t('meeting.complete')}</button>
      </form>
      <ConfirmButton
        label={t('meeting.cancel')}
        class="danger"
        onConfirm={() => run(() => api.meetings.cancel(id()))}
      />
      <Notice kind="error" message={error()} />
    </section>
  )
}
