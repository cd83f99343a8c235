// The meeting page's way into the room (issue #14 item 9). Opening the page online reads the
// session (register with the server's quote-parts, agenda, acts already stored) into the offline
// cache, and the log's acts into this device's log: the room then opens with no network (ADR 0033).
import { A } from '@solidjs/router'
import { createResource, type JSX, Show } from 'solid-js'
import { logStore, refreshUnsynced } from '../lib/assembly/log-store'
import { loadSession } from '../lib/assembly/session'
import { t } from '../lib/i18n'
import { user } from '../lib/session'
import { meetingHref } from './EntityLinks'

export function RoomLinks(props: { meetingId: string }): JSX.Element {
  const [ready] = createResource(
    () => props.meetingId,
    async (id) => {
      const loaded = await loadSession(id)
      const u = user()
      if (u) {
        await (await logStore(u.id)).adopt(id, loaded.serverActs)
        await refreshUnsynced(u.id)
      }
      return true
    },
  )
  return (
    <section class="card" aria-labelledby="room-links-title" data-testid="room-links">
      <h2 id="room-links-title">{t('room.title')}</h2>
      <p class="muted" role="status" data-testid="room-ready" data-ready={String(ready.state === 'ready')}>
        <Show when={!ready.loading}>
          {ready.state === 'ready' ? t('agendaEd.offlineReady') : t('agendaEd.offlineNotReady')}
        </Show>
      </p>
      <p class="actions">
        <A class="button" href={`${meetingHref(props.meetingId)}/room`}>
          {t('agendaEd.room')}
        </A>{' '}
        <A class="button secondary" href={`${meetingHref(props.meetingId)}/projector`}>
          {t('agendaEd.projector')}
        </A>
      </p>
    </section>
  )
}
