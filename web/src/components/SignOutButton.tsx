// Sign out without losing work (issue #19, item 4): signing out deletes this user's offline
// database, so writes still in the outbox (pending, refused, in conflict) would vanish. With
// any, a dialog says how many and which, offers to send them first, and discards them only on
// an explicit choice that names what goes.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { refreshUnsynced, sendAllLogs, unsyncedActs } from '../lib/assembly/log-store'
import { t, tMaybe } from '../lib/i18n'
import { currentEngine, syncStatus } from '../lib/offline/store'
import { signOut, user } from '../lib/session'
import { Modal } from './Modal'

const unsent = () => {
  const s = syncStatus()
  // Acts of a general assembly recorded offline are not in the outbox (ADR 0033) but vanish too.
  return s.pending + s.failed + s.conflicts + unsyncedActs()
}

export function SignOutButton(props: { onSignedOut: () => void }): JSX.Element {
  const [asking, setAsking] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [message, setMessage] = createSignal<string | null>(null)
  const [items] = createResource(
    () => (asking() ? `${syncStatus().revision}/${unsent()}` : false),
    async () => {
      const engine = currentEngine()
      if (!engine) return []
      const queued = (await engine.outbox()).map((e) => ({
        id: e.id,
        text: `${tMaybe(`outbox.op.${e.method}`, e.method)} · ${e.label ?? e.path}`,
      }))
      const conflicts = (await engine.conflicts()).map((c) => ({
        id: c.id,
        text: `${t('outbox.op.PUT')} · ${c.label ?? c.path}`,
      }))
      const acts =
        unsyncedActs() > 0
          ? [
              {
                id: 'meeting-acts',
                text: `${t('room.log')} · ${t('room.unsynced', { count: unsyncedActs() })}`,
              },
            ]
          : []
      return [...queued, ...conflicts, ...acts]
    },
  )
  const finish = async () => {
    setAsking(false)
    await signOut()
    props.onSignedOut()
  }
  const syncThenSignOut = async () => {
    setBusy(true)
    setMessage(null)
    try {
      await currentEngine()?.replay()
      const u = user()
      if (u && unsyncedActs() > 0) await sendAllLogs(u.id).catch(() => undefined)
      if (unsent() === 0) await finish()
      else setMessage(t('signout.syncFailed'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button
        type="button"
        class="small"
        onClick={async () => {
          setMessage(null)
          // The meeting log's waiting acts, counted now: the log's store opens only when needed.
          const u = user()
          if (u) await refreshUnsynced(u.id).catch(() => undefined)
          if (unsent() > 0) setAsking(true)
          else void finish()
        }}
      >
        {t('nav.logout')}
      </button>
      <Show when={asking()}>
        <Modal
          titleId="signout-title"
          title={t('signout.title')}
          testId="signout-dialog"
          onClose={() => setAsking(false)}
        >
          <p>{t('signout.pending', { count: unsent() })}</p>
          <p>{t('signout.discardList')}</p>
          <ul data-testid="signout-items">
            <For each={items() ?? []}>{(i) => <li>{i.text}</li>}</For>
          </ul>
          <Show when={message()}>
            <p role="alert">{message()}</p>
          </Show>
          <div class="actions">
            <button type="button" data-testid="signout-sync" disabled={busy()} onClick={syncThenSignOut}>
              {t('signout.sync')}
            </button>
            <button type="button" data-testid="signout-stay" onClick={() => setAsking(false)}>
              {t('signout.stay')}
            </button>
            <button type="button" class="danger" data-testid="signout-discard" onClick={() => void finish()}>
              {t('signout.discard', { count: unsent() })}
            </button>
          </div>
        </Modal>
      </Show>
    </>
  )
}
