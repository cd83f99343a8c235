// The projector view (issue #14 item 9): the current vote and its live tally in large type and
// high contrast, for the room's screen. It reads the same log on this device as the room (the
// syndic's window records; this one follows it over a BroadcastChannel) and never sends anything.
import { useParams } from '@solidjs/router'
import { type JSX, Show } from 'solid-js'
import { Notice } from '../components/Notice'
import { majorityLabel } from '../lib/assembly/labels'
import { createRoom } from '../lib/assembly/room-store'
import { loadSession } from '../lib/assembly/session'
import { t } from '../lib/i18n'
import { user } from '../lib/session'
import { QuorumPanel, TallyView } from './RoomPage'
import './room.css'

export default function ProjectorPage(): JSX.Element {
  const params = useParams<{ id: string }>()
  const room = createRoom({
    meetingId: params.id,
    userId: user()?.id ?? '',
    loadSetup: () => loadSession(params.id),
    readOnly: true,
  })
  /** The vote open now, else the last one closed (the room still reads its result). */
  const shown = () => {
    const s = room.state()
    if (!s) return null
    const id =
      s.currentResolutionId ?? [...s.resolutions].reverse().find((r) => r.status !== 'pending')?.resolutionId
    const result = s.resolutions.find((r) => r.resolutionId === id)
    const resolution = room.setup()?.resolutions.find((r) => r.id === id)
    return result && resolution ? { result, resolution } : null
  }
  return (
    <div class="projector" data-testid="projector">
      <h1>{t('room.projectorTitle')}</h1>
      <Show when={room.loaded()} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        <Show when={room.state()} fallback={<Notice kind="error" message={t('room.notReady')} />}>
          {(s) => (
            <Show
              when={shown()}
              fallback={<QuorumPanel state={s()} secondAssembly={room.setup()?.secondAssembly ?? false} />}
            >
              {(v) => (
                <section aria-labelledby="projector-vote">
                  <h2 id="projector-vote" data-testid="projector-title">
                    {v().resolution.title}
                  </h2>
                  <p class="projector-majority">{majorityLabel(v().resolution.majority)}</p>
                  <TallyView result={v().result} state={s()} large />
                </section>
              )}
            </Show>
          )}
        </Show>
      </Show>
    </div>
  )
}
